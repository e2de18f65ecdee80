"""Matching in a real browser on the demo company: a job's best matches and a person's best jobs.

The first visit builds the index of the demo people (quickly, then fully in the background), so
that navigation gets a generous timeout.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from talentbridge.demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.browser
Shot = Callable[..., None]
FIRST_BUILD_MS = 180_000


@pytest.fixture
def recruiter(browser: Browser, demo_url: str) -> Iterator[Page]:
    """Mei Chen, recruiter, signed in to the demo."""
    context = browser.new_context(base_url=demo_url, viewport={"width": 1440, "height": 900}, locale="en-US")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/login")
    page.get_by_label("E-mail").fill("mei.chen@talentbridge.example")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    yield page
    context.close()


def _ranked_names(page: Page) -> list[str]:
    return page.locator("ol.match-list > li .match__name").all_inner_texts()


def test_best_matches_explained_reweighted_and_pinned(recruiter: Page, shot: Shot) -> None:
    page = recruiter
    page.goto("/jobs?status=open")
    page.locator("table tbody tr").first.get_by_role("link").first.click()
    page.get_by_role("link", name="Best matches").click(timeout=FIRST_BUILD_MS)
    page.wait_for_url(re.compile(r"tab=matches"), timeout=FIRST_BUILD_MS)
    matches = page.locator("ol.match-list > li")
    expect(matches.first).to_be_visible()
    assert matches.count() >= 10
    names = _ranked_names(page)
    scores = [int(text) for text in page.locator("ol.match-list .match__score-value").all_inner_texts()]
    assert scores == sorted(scores, reverse=True)

    first = matches.first
    first.get_by_text("Why this score").click()
    explanation = first.locator(".match-features")
    expect(explanation).to_be_visible()
    expect(explanation).to_contain_text("Required skills")
    expect(explanation).to_contain_text("Languages")
    expect(explanation).to_contain_text(re.compile(r"Has \d+ of \d+ required skills"))
    shot(page, "matching-best-matches")
    shot(page, "matching-best-matches-top", full_page=False)

    # Change a weight: only languages count, so the ranking is recomputed from that feature.
    page.get_by_text("Adjust weights").click()
    for name in (
        "skills",
        "preferred",
        "experience",
        "education",
        "evidence",
        "location",
        "work_model",
        "retrieval",
    ):
        page.locator(f"#weight-{name}").fill("0")
    page.locator("#weight-languages").fill("1")
    page.get_by_role("button", name="Update ranking").click()
    page.wait_for_url(re.compile(r"weight_skills=0"))
    expect(page.locator("#weight-skills")).to_have_value("0.00")
    reweighted = _ranked_names(page)
    assert reweighted != names

    # Pin the last person shown: they come first, marked, with the reason; the weights are kept.
    last = page.locator("ol.match-list > li").last
    pinned_name = last.locator(".match__name").inner_text()
    last.get_by_label("Reason for pinning (optional)").fill("Referred by the team lead")
    last.get_by_role("button", name="Pin", exact=True).click()
    expect(page.locator(".flash").first).to_contain_text("Pinned")
    assert "weight_skills=0" in page.url
    top = page.locator("ol.match-list > li").first
    expect(top.locator(".match__name")).to_have_text(pinned_name)
    expect(top).to_contain_text("Pinned")
    expect(top).to_contain_text("Referred by the team lead")
    shot(page, "matching-pinned")

    # Undo, so the demo stays as it was for other tests.
    top.get_by_role("button", name="Unpin").click()
    expect(page.locator(".flash").first).to_contain_text("Back in the ranking")


def test_best_jobs_on_the_person_page(recruiter: Page, shot: Shot) -> None:
    page = recruiter
    page.goto("/people")
    page.locator("table tbody tr").first.get_by_role("link").first.click()
    page.get_by_role("link", name="Best jobs").click(timeout=FIRST_BUILD_MS)
    expect(page.get_by_role("heading", name="Best jobs for this person")).to_be_visible(
        timeout=FIRST_BUILD_MS
    )
    jobs = page.locator("ol.match-list > li")
    expect(jobs.first).to_be_visible()
    scores = [int(text) for text in page.locator("ol.match-list .match__score-value").all_inner_texts()]
    assert scores == sorted(scores, reverse=True)
    jobs.first.get_by_text("Why this score").click()
    expect(jobs.first.locator(".match-features")).to_contain_text("Experience")
    shot(page, "matching-best-jobs")
