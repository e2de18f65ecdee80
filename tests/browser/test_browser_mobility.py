"""Mobility in a real browser on the demo company: the case board, a case, and the Work permit
tab where changing a fact (the certified HSK level) changes the points and category on the page."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from talentbridge.demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.browser
Shot = Callable[..., None]


@pytest.fixture
def recruiter(browser: Browser, demo_url: str) -> Iterator[Page]:
    """Mei Chen, recruiter and owner of the demo's mobility cases, signed in."""
    context = browser.new_context(base_url=demo_url, viewport={"width": 1440, "height": 900}, locale="en-US")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/login")
    page.get_by_label("E-mail").fill("mei.chen@talentbridge.example")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    yield page
    context.close()


def _general_points(page: Page) -> int:
    text = (
        page.locator("#permit-general-title")
        .locator("xpath=ancestor::section")
        .locator(".permit-points strong")
        .inner_text()
    )
    return int(text)


def test_case_board_case_and_work_permit_tab(recruiter: Page, shot: Shot) -> None:
    page = recruiter
    page.get_by_role("link", name="Mobility").click()
    expect(page.locator("h1")).to_have_text("Mobility")
    expect(page.locator(".case-card").first).to_be_visible()
    expect(page.locator(".case-board")).to_contain_text("Work Permit Notice")
    shot(page, "mobility-board")

    page.locator(".case-card__name").first.click()
    expect(page.locator("#steps-title")).to_be_visible()
    expect(page.locator(".case-steps")).to_contain_text("Residence permit")
    expect(page.locator(".case-docs")).to_contain_text("Non-criminal record")
    shot(page, "mobility-case")

    page.get_by_role("link", name="Work permit tab").click()
    expect(page.get_by_role("heading", name="China work permit (without an offer)")).to_be_visible()
    expect(page.locator(".permit-factors").first).to_contain_text("Annual salary")
    expect(page.locator(".permit-route").first).to_be_visible()
    expect(page.locator("main")).to_contain_text("Routes to A and B")
    expect(page.locator(".permit-warnings").first).to_be_visible()
    expect(page.locator("h1 .permit-badge")).to_be_visible()
    shot(page, "mobility-permit-tab")
    shot(page, "mobility-permit-tab-top", full_page=False)

    before = _general_points(page)
    hsk = page.get_by_label("HSK level")
    current = hsk.input_value()
    target = "0" if current in {"4", "5", "6"} else "6"
    hsk.select_option(target)
    page.get_by_role("button", name="Save permit facts").click()
    expect(page.locator(".flash").first).to_contain_text(re.compile(r"Permit facts saved"))
    after = _general_points(page)
    assert after != before
    expect(page.get_by_label("HSK level")).to_have_value(target)
    shot(page, "mobility-permit-tab-after-hsk")
