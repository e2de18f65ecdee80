"""Security headers, offline assets, error pages and safe redirects."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from starlette.testclient import TestClient

from talentbridge.auth.enums import Role
from talentbridge.web import i18n_compile, templating
from talentbridge.web.security import SECURITY_HEADERS
from talentbridge.web.urls import safe_next

WEB_DIR = i18n_compile.PACKAGE_DIR / "web"
# XML namespace names identify a vocabulary; browsers never fetch them.
NAMESPACES = {"http://www.w3.org/2000/svg"}
_URL = re.compile(r"https?://[^\s\"'()<>]+", re.IGNORECASE)


@pytest.mark.parametrize("path", ["/login", "/static/css/app.css", "/nowhere"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    response = client.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"


def test_pages_are_not_cached_but_static_files_may_be(browser: Callable[..., TestClient]) -> None:
    client = browser(Role.RECRUITER)
    assert client.get("/settings/profile").headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/static/js/app.js").headers.get("Cache-Control", "")


def test_pages_have_no_inline_script_or_style(browser: Callable[..., TestClient]) -> None:
    client = browser(Role.ADMIN)
    for path in ("/", "/settings/users", "/settings/profile", "/settings/tokens", "/login"):
        html = client.get(path).text
        assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None, path
        assert "<style" not in html, path
        assert " style=" not in html, path
        assert re.search(r"\son[a-z]+=", html) is None, path  # no inline event handlers


def _asset_files() -> list[Path]:
    return sorted(path for path in WEB_DIR.rglob("*") if path.suffix in {".html", ".css", ".js", ".svg"})


@pytest.mark.parametrize("asset", _asset_files(), ids=lambda path: str(path.relative_to(WEB_DIR)))
def test_no_template_or_static_file_refers_to_another_host(asset: Path) -> None:
    urls = set(_URL.findall(asset.read_text(encoding="utf-8"))) - NAMESPACES
    assert urls == set(), "the product must not load anything from the internet at run time"


def test_static_urls_carry_a_content_hash_and_are_served(client: TestClient) -> None:
    page = client.get("/login").text
    href = re.search(r'href="(/static/css/app\.css\?v=[0-9a-f]{12})"', page)
    assert href is not None
    css = client.get(href.group(1))
    assert css.status_code == 200
    assert "--accent" in css.text


def test_unknown_page_is_a_friendly_404_but_the_api_keeps_json(client: TestClient) -> None:
    page = client.get("/no/such/page")
    assert page.status_code == 404
    assert "text/html" in page.headers["content-type"]
    assert "Page not found" in page.text
    api = client.get("/api/v1/no-such-endpoint")
    assert api.status_code == 404
    assert api.headers["content-type"].startswith("application/json")


def test_api_errors_stay_json(client: TestClient) -> None:
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/settings/profile?tab=1", "/settings/profile?tab=1"),
        ("/", "/"),
        (None, "/"),
        ("", "/"),
        ("settings", "/"),
        ("//evil.example.com", "/"),
        ("/\\evil.example.com", "/"),
        ("https://evil.example.com/", "/"),
        ("/ok\r\nSet-Cookie: x=1", "/"),
        ("/\tevil", "/"),
    ],
)
def test_safe_next(value: str | None, expected: str) -> None:
    assert safe_next(value) == expected
    assert urlsplit(safe_next(value)).netloc == ""


def test_unexpected_errors_show_a_calm_page_without_details(app: object) -> None:
    def boom() -> None:
        raise RuntimeError("secret internal detail")

    app.add_api_route("/boom", boom)  # type: ignore[attr-defined]
    app.add_api_route("/api/v1/boom", boom)  # type: ignore[attr-defined]
    with TestClient(app, raise_server_exceptions=False) as client:  # type: ignore[arg-type]
        page = client.get("/boom", headers={"Accept-Language": "zh-CN"})
        api = client.get("/api/v1/boom")
    assert page.status_code == 500
    assert "出了点问题" in page.text
    assert "secret internal detail" not in page.text
    assert page.headers["X-Frame-Options"] == "DENY"
    assert api.status_code == 500
    assert api.text == "Internal Server Error"


def test_base_template_has_a_head_block_inside_head() -> None:
    env = templating.environment()
    assert "head" in env.get_template("base.html").blocks
    assert env.loader is not None
    source = env.loader.get_source(env, "base.html")[0]
    head = source[source.index("<head>") : source.index("</head>")]
    assert "{% block head %}{% endblock %}" in head
