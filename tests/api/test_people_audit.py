"""Audit of people: views, field-level changes without personal data, and the activity timeline."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from factories import records
from talentbridge.audit import service as audit
from talentbridge.audit.models import AuditEvent
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.service import actor_for


def _events(db: Session, person_id: str, action: str) -> list[AuditEvent]:
    stmt = select(AuditEvent).where(AuditEvent.person_id == uuid.UUID(person_id), AuditEvent.action == action)
    return list(db.scalars(stmt))


def _create(api: TestClient, **fields: Any) -> dict[str, Any]:
    response = api.post("/api/v1/people", json={"first_name": "Ada", **fields})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_viewing_a_person_is_recorded(api_as: Callable[..., TestClient], db: Session) -> None:
    api = api_as(Role.COMPLIANCE)
    person = _create(api_as(Role.RECRUITER))
    assert _events(db, person["id"], "view") == []
    api.get(f"/api/v1/people/{person['id']}")
    views = _events(db, person["id"], "view")
    assert len(views) == 1
    assert views[0].actor_id == api.user.id  # type: ignore[attr-defined]
    assert views[0].entity_type == "person"


def test_listing_people_is_not_a_view(api_as: Callable[..., TestClient], db: Session) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api)
    api.get("/api/v1/people")
    assert _events(db, person["id"], "view") == []


def test_update_records_field_changes_without_contact_or_sensitive_values(
    api_as: Callable[..., TestClient], db: Session
) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api, last_name="Byron", emails=["ada@example.com"], date_of_birth="1990-01-01")
    response = api.patch(
        f"/api/v1/people/{person['id']}",
        json={
            "last_name": "King",
            "emails": ["countess@example.com"],
            "phones": [{"number": "+44 20 7946 0958"}],
            "date_of_birth": "1991-02-02",
            "skills": [{"name": "Mathematics"}],
        },
        headers={"If-Match": str(person["version"])},
    )
    assert response.status_code == 200
    [update] = _events(db, person["id"], "update")
    assert update.changes["last_name"] == ["Byron", "King"]
    assert update.changes["skills"] == [[], ["Mathematics"]]
    assert update.changes["emails"] == "changed"
    assert update.changes["phones"] == "changed"
    assert update.changes["date_of_birth"] == "changed"
    recorded = f"{update.summary} {update.changes}"
    for secret in ("countess@example.com", "ada@example.com", "+442079460958", "1991-02-02", "1990-01-01"):
        assert secret not in recorded


def test_patch_that_changes_nothing_records_nothing(api_as: Callable[..., TestClient], db: Session) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api, headline="Same")
    response = api.patch(
        f"/api/v1/people/{person['id']}",
        json={"headline": "Same"},
        headers={"If-Match": str(person["version"])},
    )
    assert response.json()["version"] == person["version"]
    assert _events(db, person["id"], "update") == []


def test_create_and_delete_are_recorded_without_names(api_as: Callable[..., TestClient], db: Session) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api, first_name="Zhenya", emails=["zhenya@example.com"])
    api.delete(f"/api/v1/people/{person['id']}")
    [created] = _events(db, person["id"], "create")
    [deleted] = _events(db, person["id"], "delete")
    for event in (created, deleted):
        assert "Zhenya" not in event.summary
        assert "zhenya@example.com" not in str(event.changes)


def test_timeline_is_newest_first_with_actor_names_and_hides_views(
    api_as: Callable[..., TestClient], db: Session
) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api)
    api.get(f"/api/v1/people/{person['id']}")
    api.patch(
        f"/api/v1/people/{person['id']}",
        json={"headline": "New"},
        headers={"If-Match": str(person["version"])},
    )
    api.post(f"/api/v1/people/{person['id']}/notes", json={"body": "Call back on Monday"})
    timeline = api.get(f"/api/v1/people/{person['id']}/timeline").json()
    assert [(entry["entity_type"], entry["action"]) for entry in timeline] == [
        ("note", "create"),
        ("person", "update"),
        ("person", "create"),
    ]
    assert {entry["actor_name"] for entry in timeline} == {api.user.full_name}  # type: ignore[attr-defined]
    with_views = api.get(f"/api/v1/people/{person['id']}/timeline", params={"include_views": "true"}).json()
    assert "view" in [entry["action"] for entry in with_views]


def test_timeline_includes_other_contexts_events_and_names_automation(
    api_as: Callable[..., TestClient], db: Session
) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api)
    audit.record(
        db, Actor.system(), "import", "person", uuid.UUID(person["id"]), person_id=uuid.UUID(person["id"])
    )
    db.commit()
    newest = api.get(f"/api/v1/people/{person['id']}/timeline").json()[0]
    assert newest["action"] == "import"
    assert newest["actor_name"] == "System"


def test_timeline_hides_application_events_on_jobs_the_reader_cannot_see(
    api_as: Callable[..., TestClient], db: Session
) -> None:
    manager = api_as(Role.HIRING_MANAGER)
    person = records.person(db)
    seen_job, other_job = records.job(db), records.job(db)
    seen = records.application(db, person.id, seen_job.id)
    other = records.application(db, person.id, other_job.id)
    records.team_member(db, seen_job.id, manager.user.id)  # type: ignore[attr-defined]
    recruiter = actor_for(api_as(Role.RECRUITER).user)  # type: ignore[attr-defined]
    for application in (seen, other):
        audit.record(db, recruiter, "move", "application", application.id, person_id=person.id)
    db.commit()
    entries = manager.get(f"/api/v1/people/{person.id}/timeline").json()
    moved = [entry["entity_id"] for entry in entries if entry["action"] == "move"]
    assert moved == [str(seen.id)]
