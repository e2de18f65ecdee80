"""The API reference renders offline, under the strict Content-Security-Policy."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request, expect

pytestmark = pytest.mark.browser


def test_swagger_ui_loads_from_this_server_only(
    page: Page, base_url: str, shot: Callable[[Page, str], None]
) -> None:
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda message: _collect_error(message, errors))
    page.on("request", lambda request: _collect_foreign(request, base_url, foreign))
    page.goto("/docs")
    expect(page.get_by_text("TalentBridge").first).to_be_visible()
    expect(page.locator(".opblock").first).to_be_visible()
    shot(page, "api-docs")
    assert foreign == []
    assert [error for error in errors if "Content Security Policy" in error] == []


def _collect_error(message: ConsoleMessage, errors: list[str]) -> None:
    if message.type == "error":
        errors.append(message.text)


def _collect_foreign(request: Request, base_url: str, foreign: list[str]) -> None:
    if not request.url.startswith(base_url) and not request.url.startswith("data:"):
        foreign.append(request.url)
