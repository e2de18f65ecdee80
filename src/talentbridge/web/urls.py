"""URLs for pages: named routes, the current URL with changed query parameters, safe redirects.

Pages link by route *name* (``url_for(request, "settings_users")``), never by hand-written path,
so a moved route cannot leave dead links. List pages keep their filters, sort and cursor in the
query string; ``url_with`` changes one parameter and keeps the rest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import NoMatchFound, Router

STATIC_PREFIX = "/static"
QueryValue = str | int | None


def url_for(
    request: Request, name: str, /, *, query: Mapping[str, QueryValue] | None = None, **path: object
) -> str:
    """The path of a named route (path parameters as keywords), with an optional query string."""
    url = str(request.app.url_path_for(name, **{key: str(value) for key, value in path.items()}))
    return _with_query(url, query or {})


def url_with(request: Request, **changes: QueryValue) -> str:
    """The current path and query with some parameters replaced (``None`` removes one)."""
    params: dict[str, QueryValue] = {
        key: value for key, value in request.query_params.multi_items() if key not in changes
    }
    params.update({key: value for key, value in changes.items() if value is not None})
    return _with_query(request.url.path, params)


def _with_query(path: str, params: Mapping[str, QueryValue]) -> str:
    kept = {key: str(value) for key, value in params.items() if value is not None and value != ""}
    return f"{path}?{urlencode(kept)}" if kept else path


def see_other(url: str) -> RedirectResponse:
    """303 after a POST: the browser follows with a GET, so a reload never re-submits the form."""
    return RedirectResponse(url, status_code=303)


def route_exists(request: Request, name: str) -> bool:
    """Whether the app has a route of this name (navigation shows only pages that exist)."""
    router: Router = request.app.router
    try:
        router.url_path_for(name)
    except NoMatchFound:
        return False
    return True


def safe_next(value: str | None, default: str = "/") -> str:
    """``value`` if it is a path on this site, else ``default``: refuses open redirects.

    Only absolute paths pass: no scheme, no host, no scheme-relative ``//host`` and no
    backslashes (browsers read ``/\\host`` as ``//host``), and no control characters.
    """
    if not value or not value.startswith("/") or value.startswith("//"):
        return default
    if "\\" in value or any(ord(char) < 32 or ord(char) == 127 for char in value):
        return default
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return default
    return value


def current_path(request: Request) -> str:
    """The path and query of the current request (for ``next=`` parameters)."""
    query = request.url.query
    return f"{request.url.path}?{query}" if query else request.url.path


@lru_cache(maxsize=256)
def _static_digest(path: str) -> str:
    data = (resources.files("talentbridge.web") / "static" / path).read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


def static_url(path: str) -> str:
    """The URL of a packaged static file with a content hash, so browsers never use a stale copy."""
    return f"{STATIC_PREFIX}/{path}?v={_static_digest(path)}"
