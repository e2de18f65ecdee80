"""Intake in a real browser: upload a zip of CVs and watch the progress reach done with a per-file
error listed; then open a duplicate proposal, pick fields on the merge screen, merge and undo.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def _cv(first: str, last: str, email: str, skill: str) -> bytes:
    return (
        f"{first} {last}\nData Scientist\nEmail: {email}\n\n"
        "Experience\nData Scientist, Northwind Analytics, 2020 - present\n\n"
        f"Education\nMSc Statistics, Fudan University, 2016 - 2018\n\nSkills\n{skill}, SQL\n"
    ).encode()


def _zip() -> bytes:
    tag = uuid.uuid4().hex[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("linkedin/lin-qiao.txt", _cv("Lin", "Qiao", f"lin.qiao.{tag}@example.com", "Python"))
        archive.writestr("referral/qiao-lin.txt", _cv("Qiao", "Lin", f"qiao.lin.{tag}@mail.example", "R"))
        archive.writestr("scans/broken.pdf", b"\x00\x01 not a document")
    return buffer.getvalue()


def test_import_progress_then_merge_and_undo(admin_page: Page, shot: Callable[[Page, str], None]) -> None:
    page = admin_page
    page.goto("/imports")
    page.get_by_label("Files").set_input_files(
        {"name": "cvs.zip", "mimeType": "application/zip", "buffer": _zip()}
    )
    shot(page, "intake-upload")
    page.get_by_role("button", name="Start import").click()
    expect(page.get_by_test_id("import-progress")).to_contain_text("3 of 3 processed", timeout=60_000)
    expect(page.get_by_test_id("import-errors")).to_contain_text("broken.pdf")
    shot(page, "intake-progress")

    page.goto("/duplicates")
    row = page.get_by_role("row").filter(has_text=re.compile("Lin Qiao|Qiao Lin")).first
    row.get_by_role("link", name="Compare and merge").click()
    expect(page.locator("h1")).to_contain_text("Merge duplicates")
    skills = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Skills"))
    skills.get_by_label("Keep both").check()
    shot(page, "intake-merge-screen")
    page.get_by_role("button", name="Merge records").click()
    expect(page.get_by_role("button", name="Undo merge")).to_be_visible()
    page.get_by_role("button", name="Undo merge").click()
    expect(page.get_by_text("Merge undone: both records are back.")).to_be_visible()
    shot(page, "intake-merge-undone")
