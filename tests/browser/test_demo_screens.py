"""The demo company in a real browser: every main screen renders with realistic data.

These screenshots are the ones the README and docs show (``make screenshots`` copies them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from talentbridge.demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.browser
Shot = Callable[[Page, str], None]


@pytest.fixture
def recruiter(browser: Browser, demo_url: str) -> Iterator[Page]:
    """Mei Chen, recruiter, signed in."""
    context = browser.new_context(base_url=demo_url, viewport={"width": 1440, "height": 900}, locale="en-US")
    page = context.new_page()
    page.goto("/login")
    page.get_by_label("E-mail").fill("mei.chen@talentbridge.example")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    yield page
    context.close()


def test_main_screens_with_demo_data(recruiter: Page, shot: Shot) -> None:
    page = recruiter
    expect(page.locator("main")).to_contain_text(re.compile(r"Open jobs"))
    shot(page, "dashboard")
    page.goto("/jobs")
    expect(page.locator("table tbody tr").first).to_be_visible()
    shot(page, "jobs")
    # demo jobs share a creation time, so the list order among them is arbitrary: take the
    # first open job that has candidates
    page.goto("/jobs?status=open")
    links = page.locator("table tbody tr").locator("a[href^='/jobs/']")
    hrefs = [links.nth(index).get_attribute("href") for index in range(links.count())]
    for href in hrefs:
        page.goto(str(href))
        if page.locator("[data-card]").count():
            break
    expect(page.locator("[data-card]").first).to_be_visible()
    shot(page, "job-kanban")
    page.locator("[data-card]").first.get_by_role("link").first.click()
    expect(page.locator("h1")).to_be_visible()
    shot(page, "person")
    page.goto("/people?country=CN")
    expect(page.locator("table tbody tr").first).to_be_visible()
    shot(page, "people")
