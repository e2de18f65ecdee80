"""Interactive API documentation (Swagger UI) served from this app, never from a CDN.

FastAPI's built-in ``/docs`` page loads Swagger UI from a CDN and starts it with an inline script,
which our Content-Security-Policy forbids. The assets come from the ``fastapi-offline`` wheel;
the page starts Swagger UI from a static file of ours.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS_PATH = "/static/apidocs"

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TalentBridge API</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" href="/static/img/favicon.svg">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{openapi_url}"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="/static/js/api-docs.js"></script>
</body>
</html>
"""


def mount_api_docs(app: FastAPI, *, openapi_url: str) -> None:
    """Serve Swagger UI at ``/docs`` with its assets from the installed package."""
    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount(ASSETS_PATH, StaticFiles(directory=assets), name="apidocs")
    page = _PAGE.format(assets=ASSETS_PATH, openapi_url=openapi_url)

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        """The interactive API reference."""
        return HTMLResponse(page)
