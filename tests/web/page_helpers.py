"""Helpers for page tests: read CSRF tokens and submit forms the way a browser does."""

from __future__ import annotations

import re

from httpx2 import Response
from starlette.testclient import TestClient

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = _CSRF.search(html)
    assert match is not None, "the page has no CSRF field"
    return match.group(1)


def submit_login(client: TestClient, email: str, password: str, *, next: str = "/") -> Response:
    """GET the sign-in page for its CSRF token, then POST the form (redirects are not followed)."""
    page = client.get("/login")
    data = {"email": email, "password": password, "next": next, "csrf_token": csrf_of(page.text)}
    return client.post("/login", data=data, follow_redirects=False)


def post_form(client: TestClient, page: str, action: str, data: dict[str, str]) -> Response:
    """GET ``page`` for its CSRF token, then POST ``data`` to ``action`` (redirects not followed)."""
    token = csrf_of(client.get(page).text)
    return client.post(action, data={**data, "csrf_token": token}, follow_redirects=False)
