"""Signing in, the dashboard, and switching the interface to Simplified Chinese."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_wrong_password_is_refused_with_a_message(page: Page, shot: Callable[[Page, str], None]) -> None:
    page.goto("/login")
    page.get_by_label("E-mail").fill("admin@browser.example")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    assert "/login" in page.url
    shot(page, "login-error")


def test_dashboard_switches_to_chinese(admin_page: Page, shot: Callable[[Page, str], None]) -> None:
    page = admin_page
    expect(page.locator("h1")).to_be_visible()
    shot(page, "dashboard-empty")
    page.get_by_role("button", name="简体中文").or_(page.get_by_role("link", name="简体中文")).first.click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.get_by_role("navigation").first).to_contain_text("仪表板")
    shot(page, "dashboard-zh")
