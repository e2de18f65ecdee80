"""The careers site in a real browser: the public list in English and Chinese, a job page with its
JSON-LD, applying with a CV and consent through a tracked link, then the staff view of the channel
with the application attributed to it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

Shot = Callable[[Page, str], None]
JOB_TITLE = "Multilingual Search Engineer"
CV_TEXT = b"Mara Lindqvist\nStockholm\n\nSearch engineer, 6 years: Elasticsearch, Python, NLP.\n"


def _api(page: Page, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    """Call the JSON API with the signed-in page's cookie and CSRF token."""
    page.goto("/settings/profile")
    token = page.locator('input[name="csrf_token"]').first.get_attribute("value") or ""
    response = page.request.fetch(
        path, method=method, headers={"X-CSRF-Token": token, "Content-Type": "application/json"}, data=body
    )
    assert response.ok, f"{method} {path}: {response.status} {response.text()}"
    return response.json()


def _publish_job(admin: Page) -> tuple[str, str]:
    """An open job and an Indeed tracked link for it; returns (source id, tracked path)."""
    hub = _api(admin, "GET", "/api/v1/hubs")[0]
    job = _api(
        admin,
        "POST",
        "/api/v1/jobs",
        {
            "title": JOB_TITLE,
            "role_family": "software_engineering",
            "level": "senior",
            "hub_id": hub["id"],
            "work_model": "hybrid",
            "status": "open",
            "description_md": "Build **multilingual** search for our Shenzhen lab.",
        },
    )
    source = _api(admin, "POST", "/api/v1/sources", {"kind": "job_board", "name": "Indeed"})
    _api(admin, "PUT", f"/api/v1/sources/{source['id']}/channel-details", {"feed_key": "indeed"})
    link = _api(admin, "POST", "/api/v1/tracked-links", {"source_id": source["id"], "job_id": job["id"]})
    return source["id"], link["path"]


def test_apply_on_the_careers_site_and_see_the_channel(
    browser: Browser, base_url: str, admin_page: Page, shot: Shot
) -> None:
    source_id, tracked_path = _publish_job(admin_page)
    visitor_context = browser.new_context(
        base_url=base_url, viewport={"width": 1280, "height": 900}, locale="en-US"
    )
    visitor_context.set_default_timeout(10_000)
    visitor = visitor_context.new_page()
    console_errors: list[str] = []
    visitor.on(
        "console", lambda message: console_errors.append(message.text) if message.type == "error" else None
    )

    visitor.goto("/careers")
    expect(visitor.locator("h1")).to_have_text("Open positions")
    expect(visitor.get_by_role("link", name=JOB_TITLE)).to_be_visible()
    assert visitor.locator(".sidebar").count() == 0
    shot(visitor, "careers-list")
    visitor.get_by_role("button", name="简体中文").click()
    expect(visitor.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(visitor.locator('label[for="filter-location"]')).to_have_text("所在地")
    shot(visitor, "careers-list-zh")
    visitor.get_by_role("button", name="English").click()
    expect(visitor.locator("html")).to_have_attribute("lang", "en")

    visitor.goto(tracked_path)
    expect(visitor.locator("h1")).to_have_text(JOB_TITLE)
    data = json.loads(visitor.locator('script[type="application/ld+json"]').text_content() or "{}")
    assert data["@type"] == "JobPosting"
    assert data["title"] == JOB_TITLE
    assert {"datePosted", "validThrough", "hiringOrganization", "jobLocation", "identifier"} <= data.keys()

    visitor.get_by_label("First name").fill("Mara")
    visitor.get_by_label("Last name").fill("Lindqvist")
    visitor.get_by_label("E-mail").fill("mara.lindqvist@example.se")
    visitor.get_by_label("Country you live in").select_option("SE")
    visitor.get_by_label("City").fill("Stockholm")
    visitor.get_by_label(re.compile(r"^CV")).set_input_files(
        files=[{"name": "mara-cv.txt", "mimeType": "text/plain", "buffer": CV_TEXT}]
    )
    visitor.get_by_role("button", name="Send application").click()
    expect(visitor.locator("#field-consent-error")).to_be_visible()  # consent is required
    visitor.get_by_label(re.compile(r"^CV")).set_input_files(
        files=[{"name": "mara-cv.txt", "mimeType": "text/plain", "buffer": CV_TEXT}]
    )
    visitor.locator("#field-consent").check()
    shot(visitor, "careers-apply")
    visitor.get_by_role("button", name="Send application").click()
    expect(visitor.locator("h1")).to_have_text("Application received")
    shot(visitor, "careers-applied")
    assert not [error for error in console_errors if "Content Security Policy" in error]
    visitor_context.close()

    admin_page.goto(f"/channels/{source_id}")
    expect(admin_page.locator("h1")).to_have_text("Indeed")
    expect(admin_page.get_by_role("link", name="Mara Lindqvist")).to_be_visible()
    expect(admin_page.get_by_role("link", name=JOB_TITLE)).to_be_visible()
    shot(admin_page, "channel-detail")
    admin_page.goto("/channels")
    expect(admin_page.get_by_role("link", name="Indeed")).to_be_visible()
