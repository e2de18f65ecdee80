"""The daily reminder scan with a fixed clock: mails owners once per item and threshold."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from mobility_helpers import Hire
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from talentbridge.auth.enums import Role
from talentbridge.kit.clock import clock_at
from talentbridge.mail.models import OutboxMessage
from talentbridge.mobility import service, tasks
from talentbridge.worker import get_task


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC)


def _scan(session_factory: sessionmaker[Session], day: date) -> int:
    with clock_at(_at(day)), session_factory() as session:
        result = service.scan_reminders(session, today=day)
        session.commit()
    return result.reminders_sent


def _subjects(session_factory: sessionmaker[Session]) -> list[str]:
    with session_factory() as session:
        return [
            message.subject
            for message in session.scalars(select(OutboxMessage).order_by(OutboxMessage.created_at))
        ]


def test_step_deadline_reminders_are_sent_once_per_threshold(
    hire: Hire,
    api_as: Callable[..., TestClient],
    make_user: Callable[..., Any],
    session_factory: sessionmaker[Session],
) -> None:
    owner = make_user(Role.RECRUITER, email="owner@example.com")
    case = (
        api_as(user=owner)
        .post(
            "/api/v1/mobility/cases", json={"application_id": hire.application_id, "opened_on": "2026-03-02"}
        )
        .json()
    )
    assert case["next_due_on"] == "2026-03-30"
    assert _scan(session_factory, date(2026, 3, 20)) == 0  # 10 days left: too early
    assert _scan(session_factory, date(2026, 3, 23)) == 1  # 7 days left
    assert _scan(session_factory, date(2026, 3, 23)) == 0  # same day again: nothing twice
    assert _scan(session_factory, date(2026, 3, 25)) == 0  # 5 days: the 7-day reminder was sent
    assert _scan(session_factory, date(2026, 3, 28)) == 1  # 2 days: the 3-day threshold
    assert _scan(session_factory, date(2026, 4, 2)) == 1  # overdue, once
    assert _scan(session_factory, date(2026, 4, 3)) == 0
    subjects = _subjects(session_factory)
    assert len(subjects) == 3
    assert subjects[0].startswith("Mobility reminder: Work Permit Notice due in 7 days")
    assert "Anna Schmidt" in subjects[0]
    assert "overdue since 2026-03-30" in subjects[2]
    with session_factory() as session:
        recipients = {message.to_address for message in session.scalars(select(OutboxMessage))}
    assert recipients == {"owner@example.com"}


def test_permit_and_document_expiry_reminders(hire: Hire, session_factory: sessionmaker[Session]) -> None:
    case = hire.admin.post("/api/v1/mobility/cases", json={"application_id": hire.application_id}).json()
    url = f"/api/v1/mobility/cases/{case['id']}"
    hire.admin.patch(
        url, json={"expected_version": case["version"], "residence_permit_expires_on": "2027-06-30"}
    )
    medical = next(doc for doc in case["documents"] if doc["kind"] == "medical_check")
    hire.admin.patch(
        f"{url}/documents/{medical['id']}", json={"issued_on": "2026-12-01"}
    )  # expires 2027-05-30
    hire.admin.post(
        f"{url}/dependants",
        json={"full_name": "Lena", "relation": "spouse", "residence_permit_expires_on": "2027-06-30"},
    )
    for step in case["steps"]:  # no step deadlines in the way
        hire.admin.patch(f"{url}/steps/{step['id']}", json={"status": "not_needed"})
    assert _scan(session_factory, date(2027, 3, 1)) == 0
    assert _scan(session_factory, date(2027, 4, 1)) == 2  # 90 days before both residence permits
    assert _scan(session_factory, date(2027, 4, 30)) == 1  # 30 days before the medical check expires
    subjects = _subjects(session_factory)
    assert any("Residence permit of Lena" in subject for subject in subjects)
    assert any(subject.startswith("Mobility reminder: Medical check report") for subject in subjects)


def test_cases_without_owners_are_skipped_and_the_task_is_registered(
    hire: Hire, app: object, session_factory: sessionmaker[Session]
) -> None:
    case = hire.admin.post("/api/v1/mobility/cases", json={"application_id": hire.application_id}).json()
    hire.admin.patch(
        f"/api/v1/mobility/cases/{case['id']}", json={"expected_version": case["version"], "owner_ids": []}
    )
    assert _scan(session_factory, date(2099, 1, 1)) == 0
    spec = get_task(tasks.SCAN_TASK)
    assert spec.cron == tasks.SCAN_CRON
    with clock_at(_at(date(2099, 1, 1))):
        tasks.scan_reminders()  # runs in its own unit of work
    assert _subjects(session_factory) == []


def test_scan_by_hand_through_the_api(hire: Hire, api_as: Callable[..., TestClient]) -> None:
    hire.admin.post(
        "/api/v1/mobility/cases",
        json={
            "application_id": hire.application_id,
            "opened_on": (datetime.now(UTC).date() - timedelta(days=40)).isoformat(),
        },
    )  # the Work Permit Notice is overdue: one reminder
    compliance = api_as(Role.COMPLIANCE)
    dry = compliance.post("/api/v1/mobility/reminders/scan", json={"dry_run": True}).json()
    assert (dry["scanned_cases"], dry["reminders_sent"], dry["messages_queued"]) == (1, 1, 1)
    real = compliance.post("/api/v1/mobility/reminders/scan", json={}).json()
    assert real["reminders_sent"] == 1  # the dry run recorded nothing
    assert compliance.post("/api/v1/mobility/reminders/scan", json={}).json()["reminders_sent"] == 0
    assert compliance.post("/api/v1/mobility/reminders/scan", json={"dry_run": "maybe"}).status_code == 422
