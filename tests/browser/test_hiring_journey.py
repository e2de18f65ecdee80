"""The main journey in a real browser: open a job, add people, move one candidate through two
stages, reject another with a reason, and read it all back — then see the board in Chinese.

Screenshots of each step go to the test output directory (the README uses them).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

Shot = Callable[[Page, str], None]
JOB_TITLE = "Senior NLP Engineer"


def _create_job(page: Page, shot: Shot) -> None:
    page.goto("/jobs")
    page.get_by_role("link", name="New job").first.click()
    page.get_by_label("Job title").fill(JOB_TITLE)
    page.get_by_label("Role family").select_option(label="Algorithms and machine learning")
    page.get_by_label(re.compile(r"^Level")).select_option(label="Senior")
    page.get_by_label("Hub").select_option(label="Shenzhen")
    page.get_by_label("Work model").select_option(label="Hybrid")
    page.get_by_label(re.compile(r"^Status")).select_option(label="Open")
    page.get_by_label("Required skills").fill("PyTorch | 3\nNLP | 2")
    page.get_by_label("Description").fill("Build **multilingual** retrieval for our Shenzhen lab.")
    shot(page, "job-form")
    page.get_by_role("button", name="Create job").click()
    expect(page.locator("h1")).to_contain_text(JOB_TITLE)


def _add_person(page: Page, first: str, last: str, email: str, phone: str, country: str) -> None:
    page.goto("/people/new")
    page.get_by_label("First name").fill(first)
    page.get_by_label("Last name").fill(last)
    page.get_by_label("E-mail addresses").fill(email)
    page.get_by_label("Phone numbers").fill(phone)
    page.get_by_role("region", name="Location and availability").get_by_label("Country").select_option(
        value=country
    )
    page.get_by_role("textbox", name="Skills").fill("PyTorch, NLP, Python")
    page.get_by_role("button", name="Add person").last.click()
    expect(page.locator("h1")).to_contain_text(f"{first} {last}")
    page.goto(page.url.split("?")[0] + "?tab=applications")
    job_select = page.get_by_label("Open job")
    job_select.select_option(value=job_select.locator("option", has_text=JOB_TITLE).get_attribute("value"))
    page.get_by_role("button", name="Add to job").click()
    expect(page.locator("main")).to_contain_text(JOB_TITLE)


def _card(page: Page, name: str) -> Locator:
    return page.locator("[data-card]", has_text=name)


def _move(page: Page, name: str, stage: str) -> None:
    card = _card(page, name)
    card.locator("summary").click()
    card.get_by_label("Stage", exact=True).select_option(label=stage)
    card.get_by_role("button", name="Move", exact=True).click()
    expect(page.get_by_role("status").or_(page.get_by_role("alert")).first).to_be_visible()


def _card_count(page: Page) -> Locator:
    """Cards on the page (none: we are on the reject form, not the board)."""
    return page.locator("[data-card]")


def _column_of(page: Page, name: str) -> Locator:
    return page.locator("[data-column]", has=_card(page, name))


def test_recruiter_runs_a_hiring_process(admin_page: Page, shot: Shot) -> None:
    page = admin_page
    _create_job(page, shot)
    _add_person(page, "Amara", "Okafor", "amara.okafor@example.com", "+234 803 123 4567", "NG")
    _add_person(page, "Lars", "Berg", "lars.berg@example.com", "+46 70 123 45 67", "SE")
    page.goto("/jobs")
    page.get_by_role("link", name=JOB_TITLE).first.click()
    expect(_card(page, "Amara Okafor")).to_be_visible()
    expect(_column_of(page, "Amara Okafor")).to_contain_text("Applied")

    _move(page, "Amara Okafor", "Screen")
    expect(_column_of(page, "Amara Okafor")).to_contain_text("Screen")
    _move(page, "Amara Okafor", "Assessment")
    expect(_column_of(page, "Amara Okafor")).to_contain_text("Assessment")

    lars = _card(page, "Lars Berg")
    lars.locator("summary").click()
    lars.get_by_role("link", name="Reject…").click()
    page.get_by_role("button", name="Reject candidate").click()  # no reason chosen: refused
    expect(page.get_by_role("alert").first).to_be_visible()
    expect(_card_count(page)).to_have_count(0)
    page.get_by_label(re.compile(r"^Reason")).select_option(label="Skills do not match")
    page.get_by_role("button", name="Reject candidate").click()
    expect(_column_of(page, "Lars Berg")).to_contain_text("Rejected")
    shot(page, "journey-kanban")

    page.get_by_role("link", name="Amara Okafor").first.click()
    page.goto(page.url.split("?")[0] + "?tab=activity")
    expect(page.locator("main")).to_contain_text("Assessment")
    shot(page, "person-activity")

    page.goto("/jobs")
    page.get_by_role("link", name=JOB_TITLE).first.click()
    page.get_by_role("button", name="简体中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("main")).to_contain_text("招聘流程")
    shot(page, "journey-kanban-zh")
    page.get_by_role("button", name="English").click()  # the choice is saved on the user: restore it
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_bad_input_is_explained_next_to_the_field(admin_page: Page, shot: Shot) -> None:
    page = admin_page
    page.goto("/people/new")
    page.get_by_label("First name").fill("Broken")
    page.get_by_label("Phone numbers").fill("12345")
    page.get_by_role("button", name="Add person").last.click()
    expect(page.locator("main")).to_contain_text("12345")
    expect(page.locator("h1")).not_to_contain_text("Broken")
    shot(page, "person-form-error")
