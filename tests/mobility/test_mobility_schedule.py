"""The case checklist data and the dates derived from it (pure: no database)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talentbridge.mobility.casework.checklist import ChecklistError, load_checklist, parse_checklist
from talentbridge.mobility.casework.schedule import (
    OVERDUE,
    DueItem,
    document_expires_on,
    reminder_threshold,
    reminders_due,
    step_due_on,
)
from talentbridge.mobility.enums import STEP_ORDER, StepKind

CHECKLIST = load_checklist()


def test_checklist_lists_every_document_and_step_with_sources() -> None:
    assert CHECKLIST.version == "cn-2017-service-guide"
    assert tuple(rule.kind for rule in CHECKLIST.steps) == STEP_ORDER
    ids = {rule.id for rule in CHECKLIST.documents}
    assert ids == {
        "passport",
        "degree_certificate",
        "criminal_record",
        "medical_check",
        "cv",
        "employment_contract",
        "photo",
    }
    assert all(rule.sources for rule in (*CHECKLIST.documents, *CHECKLIST.steps))
    assert CHECKLIST.document("criminal_record").validity_days == 180  # type: ignore[union-attr]
    assert CHECKLIST.document("medical_check").validity_days == 180  # type: ignore[union-attr]
    assert CHECKLIST.document("passport").validity_days is None  # type: ignore[union-attr]
    assert CHECKLIST.step(StepKind.RESIDENCE_PERMIT).due.days == 30
    assert CHECKLIST.step(StepKind.WORK_PERMIT_CARD).due.days == 15
    assert CHECKLIST.step(StepKind.WORK_PERMIT_CARD).uncertain == "card_deadline"


def test_malformed_checklist_names_the_problem() -> None:
    with pytest.raises(ChecklistError, match="missing field 'documents'"):
        parse_checklist({"id": "x", "sources": []}, "bad.yaml")
    with pytest.raises(ChecklistError, match="no case checklist with version"):
        load_checklist("no-such-version")


def test_due_dates_follow_their_start_event() -> None:
    opened, entry = date(2026, 3, 2), date(2026, 5, 1)
    done = {StepKind.WORK_PERMIT_NOTICE: date(2026, 3, 20)}
    due = {
        kind: step_due_on(CHECKLIST.step(kind), opened_on=opened, entry_date=entry, completed_on=done)
        for kind in STEP_ORDER
    }
    assert due == {
        StepKind.WORK_PERMIT_NOTICE: date(2026, 3, 30),
        StepKind.Z_VISA: date(2026, 6, 18),
        StepKind.ENTRY: None,  # the Z visa is not issued yet
        StepKind.WORK_PERMIT_CARD: date(2026, 5, 16),
        StepKind.RESIDENCE_PERMIT: date(2026, 5, 31),
    }
    rule = CHECKLIST.step(StepKind.RESIDENCE_PERMIT)
    assert step_due_on(rule, opened_on=opened, entry_date=None, completed_on={}) is None


def test_document_expiry() -> None:
    record = CHECKLIST.document("criminal_record")
    assert document_expires_on(record, issued_on=date(2026, 1, 10), stated=None) == date(2026, 7, 9)
    assert document_expires_on(record, issued_on=date(2026, 1, 10), stated=date(2026, 2, 1)) == date(
        2026, 2, 1
    )
    assert document_expires_on(record, issued_on=None, stated=None) is None
    assert document_expires_on(CHECKLIST.document("photo"), issued_on=date(2026, 1, 1), stated=None) is None


@pytest.mark.parametrize(
    ("days_left", "expected"),
    [(8, None), (7, 7), (5, 7), (3, 3), (2, 3), (1, 1), (0, OVERDUE), (-4, OVERDUE)],
)
def test_reminder_threshold(days_left: int, expected: int | None) -> None:
    assert reminder_threshold(days_left, (7, 3, 1)) == expected


@given(st.integers(min_value=-400, max_value=400), st.lists(st.integers(1, 120), max_size=5))
def test_threshold_is_always_one_that_was_crossed(days_left: int, thresholds: list[int]) -> None:
    threshold = reminder_threshold(days_left, thresholds)
    if threshold is None:
        assert days_left > 0
        assert all(days_left > item for item in thresholds)
    elif threshold != OVERDUE:
        assert threshold in thresholds
        assert days_left <= threshold
        assert all(not (days_left <= item < threshold) for item in thresholds)


def test_reminders_due_uses_the_thresholds_of_each_kind() -> None:
    today = date(2026, 4, 1)
    items = [
        DueItem("step:z_visa", "step", "Z visa", today + timedelta(days=3)),
        DueItem("document:x", "document", "Medical check", today + timedelta(days=20)),
        DueItem("permit:residence", "permit", "Residence permit", today + timedelta(days=60)),
    ]
    due = reminders_due(items, today, {"step": (7, 3, 1), "document": (30, 7), "permit": (90, 60, 30)})
    assert [(item.item.key, item.threshold_days, item.days_left) for item in due] == [
        ("step:z_visa", 3, 3),
        ("document:x", 30, 20),
        ("permit:residence", 60, 60),
    ]
