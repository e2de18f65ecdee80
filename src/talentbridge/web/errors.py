"""Friendly error pages for browsers; the API keeps its JSON errors.

``app.py`` renders domain errors on non-API paths with ``app.state.render_error_page``; this
module provides it, and also covers Starlette's own 404/405 and request validation errors on
pages. A 401 on a page is not an error to show: the visitor is sent to the sign-in page and
comes back afterwards.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from babel.support import LazyProxy
from fastapi import FastAPI
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from talentbridge.api.router import API_PREFIX
from talentbridge.errors import InvalidInput, NotFound, TalentBridgeError
from talentbridge.web.forms import translate_message
from talentbridge.web.i18n import gettext_noop, lazy_gettext, locale_for_scope, use_locale
from talentbridge.web.security import SECURITY_HEADERS
from talentbridge.web.templating import page_context, render
from talentbridge.web.urls import current_path, url_for

log = logging.getLogger(__name__)

Handler = Callable[[Request, Exception], Awaitable[Response]]
AnyHandler = Callable[[Request, Any], Response | Awaitable[Response]]

_PAGES: dict[int, tuple[LazyProxy, LazyProxy]] = {
    400: (lazy_gettext("Something is wrong with the request"), lazy_gettext("Go back and try again.")),
    403: (
        lazy_gettext("You do not have access to this"),
        lazy_gettext("Your role does not allow this. Ask an administrator if you need it."),
    ),
    404: (
        lazy_gettext("Page not found"),
        lazy_gettext("It may have been moved or deleted, or you may not have access to it."),
    ),
    405: (lazy_gettext("That did not work"), lazy_gettext("This page cannot be used that way.")),
    409: (
        lazy_gettext("This changed in the meantime"),
        lazy_gettext("Someone else changed it, or it conflicts with existing data. Reload and try again."),
    ),
    500: (
        lazy_gettext("Something went wrong on our side"),
        lazy_gettext(
            "The error has been logged. Try again in a moment; if it keeps happening, "
            "tell your administrator."
        ),
    ),
    422: (
        lazy_gettext("This cannot be done"),
        lazy_gettext("The request breaks a rule or has invalid data. Check it and try again."),
    ),
}

# Messages that services raise in English and pages show translated (extracted for translators).
SERVICE_MESSAGES = (
    gettext_noop("Only administrators can do this."),
    gettext_noop("Only recruiters and administrators can do this."),
    gettext_noop("Your role cannot move candidates."),
    gettext_noop("The form has expired or did not come from TalentBridge. Reload the page and try again."),
    gettext_noop("You cannot deactivate your own account."),
    gettext_noop("No such user."),
    gettext_noop("No such token."),
    gettext_noop("Someone else changed this record; reload and try again."),
    gettext_noop("This would duplicate or break a link to an existing record."),
    gettext_noop("The cursor is not valid; start again from the first page."),
)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def _login_redirect(request: Request) -> RedirectResponse:
    # After a POST the form is gone; come back to the dashboard rather than to a POST-only URL.
    target = current_path(request) if request.method == "GET" else "/"
    return RedirectResponse(url_for(request, "login", query={"next": target}), status_code=303)


def error_page(request: Request, status_code: int, detail: str | None = None) -> Response:
    """The error page for a status, with an optional specific explanation."""
    title, explanation = _PAGES.get(status_code, _PAGES[400])
    context = page_context(
        request, None, title=str(title), explanation=str(explanation), detail=detail, status_code=status_code
    )
    return render("errors/error.html", context, status_code=status_code)


def render_error_page(request: Request, exc: TalentBridgeError) -> Response:
    """``app.state.render_error_page``: a domain error as a page (401 becomes the sign-in redirect)."""
    if exc.http_status == 401:
        return _login_redirect(request)
    return error_page(request, exc.http_status, translate_message(exc.message) or None)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if _is_api(request):
        return await http_exception_handler(request, exc)
    return error_page(request, exc.status_code)


def _validation_error(api_handler: AnyHandler) -> Handler:
    async def handle(request: Request, exc: Exception) -> Response:
        if _is_api(request):
            response = api_handler(request, exc)
            return await response if inspect.isawaitable(response) else response
        assert isinstance(exc, RequestValidationError)
        # A malformed id in a page URL means the page does not exist; bad query values are 422.
        path_error = any(tuple(error.get("loc", ()))[:1] == ("path",) for error in exc.errors())
        return render_error_page(request, NotFound("") if path_error else InvalidInput(""))

    return handle


async def _server_error(request: Request, exc: Exception) -> Response:
    """An unexpected error: a calm page for browsers (details only in the server log).

    Starlette calls this from its outermost middleware, outside the locale and security-header
    middleware, so both are applied here; the API keeps Starlette's plain 500.
    """
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    response: Response = PlainTextResponse("Internal Server Error", status_code=500)
    if not _is_api(request):
        try:
            with use_locale(locale_for_scope(request.scope)):
                response = error_page(request, 500)
        except Exception:  # the page itself failed (e.g. no session): the plain answer must do
            log.exception("the error page could not be rendered")
    response.headers.update(SECURITY_HEADERS)
    return response


def install(app: FastAPI) -> None:
    """Render errors on page paths as HTML; leave the API's JSON errors unchanged."""
    app.state.render_error_page = render_error_page
    api_validation = app.exception_handlers.get(RequestValidationError)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _server_error)
    if api_validation is not None:
        app.add_exception_handler(RequestValidationError, _validation_error(api_validation))
