"""Mount the server-rendered pages, their plumbing and the static files.

``mount_web`` is called by ``create_app`` after the API. It compiles the message catalogues if
needed, serves ``web/static`` at ``/static``, adds the locale and security-header middleware,
installs the HTML error pages and includes every context's page router. A new context with
pages adds its ``web.py`` router to ``PAGE_ROUTERS``.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles

from talentbridge.auth import web as auth_web
from talentbridge.jobs import web as jobs_web
from talentbridge.pipeline import web as pipeline_web
from talentbridge.web import dashboard, errors, i18n_compile, language
from talentbridge.web.i18n import LocaleMiddleware
from talentbridge.web.security import SecurityHeadersMiddleware
from talentbridge.web.urls import STATIC_PREFIX

# Every context's page router (``<context>/web.py``), included in this order.
PAGE_ROUTERS: tuple[APIRouter, ...] = (
    auth_web.router,
    dashboard.router,
    language.router,
    jobs_web.router,
    pipeline_web.router,
)


def mount_web(app: FastAPI) -> None:
    """Attach pages, static files, page middleware and HTML error pages to the app."""
    i18n_compile.ensure_compiled()
    app.mount(STATIC_PREFIX, StaticFiles(packages=[("talentbridge.web", "static")]), name="static")
    app.add_middleware(LocaleMiddleware)
    app.add_middleware(SecurityHeadersMiddleware, static_prefix=STATIC_PREFIX)
    errors.install(app)
    for router in PAGE_ROUTERS:
        app.include_router(router)
    from talentbridge.careers import web as careers_web
    from talentbridge.intake import web as intake_web
    from talentbridge.matching import web as matching_web
    from talentbridge.mobility import web as mobility_web
    from talentbridge.people import web as people_web
    from talentbridge.sourcing import web as sourcing_web
    from talentbridge.web import search as search_web

    app.include_router(search_web.router)
    app.include_router(people_web.router)
    app.include_router(sourcing_web.router)
    app.include_router(matching_web.router)
    app.include_router(mobility_web.router)
    app.include_router(intake_web.router)
    app.include_router(careers_web.router)
