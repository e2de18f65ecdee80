"""The ASGI application factory."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from starlette.middleware.sessions import SessionMiddleware

from talentbridge import __version__
from talentbridge.api.docs import mount_api_docs
from talentbridge.api.router import API_PREFIX, build_api_router
from talentbridge.auth import passwords
from talentbridge.config import Settings, get_settings
from talentbridge.db.session import engine_for, session_factory
from talentbridge.errors import Conflict, InvalidInput, StaleVersion, TalentBridgeError
from talentbridge.worker import configure_queue

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: settings, database, middleware, error handlers, API and pages."""
    settings = settings or get_settings()
    settings.ensure_data_dir()
    passwords.configure(fast=settings.password_hash_fast)
    configure_queue(settings)
    app = FastAPI(
        title="TalentBridge",
        version=__version__,
        description="Applicant tracking for hiring technical talent across borders.",
        docs_url=None,
        redoc_url=None,
        openapi_url=f"{API_PREFIX}/openapi.json",
    )
    app.state.settings = settings
    app.state.engine = engine_for(settings.effective_database_url)
    app.state.session_factory = session_factory(app.state.engine)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key.get_secret_value(),
        session_cookie="tb_session",
        max_age=settings.session_max_age_seconds,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    _install_error_handlers(app)
    app.include_router(build_api_router())
    mount_api_docs(app, openapi_url=f"{API_PREFIX}/openapi.json")
    _mount_web(app)
    return app


def _mount_web(app: FastAPI) -> None:
    from talentbridge.web.router import mount_web

    mount_web(app)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def error_payload(exc: TalentBridgeError) -> dict[str, object]:
    """JSON body for a domain error."""
    body: dict[str, object] = {"detail": exc.message, "code": exc.code}
    if exc.field:
        body["field"] = exc.field
    body.update(exc.extra)
    return body


def _install_error_handlers(app: FastAPI) -> None:
    async def domain_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, TalentBridgeError)
        if _is_api(request) or not hasattr(request.app.state, "render_error_page"):
            return JSONResponse(error_payload(exc), status_code=exc.http_status)
        response: Response = request.app.state.render_error_page(request, exc)
        return response

    async def stale(request: Request, exc: Exception) -> Response:
        del exc
        return await domain_error(
            request, StaleVersion("Someone else changed this record; reload and try again.")
        )

    async def integrity(request: Request, exc: Exception) -> Response:
        log.info("integrity error mapped to 409: %s", type(exc).__name__)
        return await domain_error(
            request, Conflict("This would duplicate or break a link to an existing record.")
        )

    async def unstorable(request: Request, exc: Exception) -> Response:
        # e.g. PostgreSQL refuses NUL characters in text, or a number beyond the column's range:
        # that is bad input, never a server error.
        log.info("database refused a value: %s", type(exc).__name__)
        return await domain_error(
            request,
            InvalidInput(
                "A value contains characters or a size that cannot be stored (e.g. a NUL character)."
            ),
        )

    async def validation(request: Request, exc: Exception) -> Response:
        del request
        assert isinstance(exc, RequestValidationError)
        errors = [
            {
                "loc": list(err.get("loc", ())),
                "msg": str(err.get("msg", "")),
                "type": str(err.get("type", "")),
            }
            for err in exc.errors()
        ]
        return JSONResponse({"detail": errors, "code": "validation_error"}, status_code=422)

    app.add_exception_handler(TalentBridgeError, domain_error)
    app.add_exception_handler(StaleDataError, stale)
    app.add_exception_handler(IntegrityError, integrity)
    app.add_exception_handler(DataError, unstorable)
    app.add_exception_handler(RequestValidationError, validation)
