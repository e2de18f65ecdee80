"""Notes through HTTP: add, list, delete, application links and who may do what."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from factories import records
from talentbridge.auth.enums import Role


def _add(
    api: TestClient, person_id: uuid.UUID, body: str = "Strong systems background", **extra: str
) -> dict[str, str]:
    response = api.post(f"/api/v1/people/{person_id}/notes", json={"body": body, **extra})
    assert response.status_code == 201, response.text
    note: dict[str, str] = response.json()
    return note


def test_add_and_list_notes_newest_first_with_author(api_as: Callable[..., TestClient], db: Session) -> None:
    api = api_as(Role.RECRUITER)
    person = records.person(db)
    _add(api, person.id, "First")
    second = _add(api, person.id, "Second")
    assert second["author_name"] == api.user.full_name  # type: ignore[attr-defined]
    notes = api.get(f"/api/v1/people/{person.id}/notes").json()
    assert [note["body"] for note in notes] == ["Second", "First"]


def test_note_needs_a_body_and_a_known_person(api_as: Callable[..., TestClient], db: Session) -> None:
    api = api_as(Role.RECRUITER)
    person = records.person(db)
    assert api.post(f"/api/v1/people/{person.id}/notes", json={"body": "   "}).status_code == 422
    assert api.post(f"/api/v1/people/{uuid.uuid4()}/notes", json={"body": "x"}).status_code == 404
    assert api.get(f"/api/v1/people/{uuid.uuid4()}/notes").status_code == 404


def test_note_on_an_application_must_be_the_persons(api_as: Callable[..., TestClient], db: Session) -> None:
    api = api_as(Role.RECRUITER)
    person, other = records.person(db), records.person(db, first_name="Other")
    job = records.job(db)
    own = records.application(db, person.id, job.id)
    foreign = records.application(db, other.id, job.id)
    note = _add(api, person.id, application_id=str(own.id))
    assert note["application_id"] == str(own.id)
    response = api.post(
        f"/api/v1/people/{person.id}/notes", json={"body": "x", "application_id": str(foreign.id)}
    )
    assert response.status_code == 422
    assert response.json()["field"] == "application_id"


def test_only_the_author_or_an_admin_deletes_a_note(api_as: Callable[..., TestClient], db: Session) -> None:
    author, colleague, admin = api_as(Role.RECRUITER), api_as(Role.RECRUITER), api_as(Role.ADMIN)
    person = records.person(db)
    first, second = _add(author, person.id, "one"), _add(author, person.id, "two")
    assert colleague.delete(f"/api/v1/notes/{first['id']}").status_code == 403
    assert author.delete(f"/api/v1/notes/{first['id']}").status_code == 200
    assert admin.delete(f"/api/v1/notes/{second['id']}").status_code == 200
    assert author.get(f"/api/v1/people/{person.id}/notes").json() == []
    assert author.delete(f"/api/v1/notes/{first['id']}").status_code == 404


def test_hiring_team_members_read_and_add_notes_only_for_their_candidates(
    api_as: Callable[..., TestClient], db: Session
) -> None:
    interviewer = api_as(Role.INTERVIEWER)
    visible, hidden = records.person(db), records.person(db, first_name="Hidden")
    job = records.job(db)
    records.application(db, visible.id, job.id)
    records.team_member(db, job.id, interviewer.user.id)  # type: ignore[attr-defined]
    _add(interviewer, visible.id, "Good whiteboard session")
    assert len(interviewer.get(f"/api/v1/people/{visible.id}/notes").json()) == 1
    assert interviewer.get(f"/api/v1/people/{hidden.id}/notes").status_code == 404
    assert interviewer.post(f"/api/v1/people/{hidden.id}/notes", json={"body": "x"}).status_code == 404
    hidden_note = _add(api_as(Role.RECRUITER), hidden.id, "Private")
    assert interviewer.delete(f"/api/v1/notes/{hidden_note['id']}").status_code == 404


def test_notes_about_applications_on_other_jobs_are_hidden(
    api_as: Callable[..., TestClient], db: Session
) -> None:
    manager, recruiter = api_as(Role.HIRING_MANAGER), api_as(Role.RECRUITER)
    person = records.person(db)
    seen_job, other_job = records.job(db), records.job(db)
    seen = records.application(db, person.id, seen_job.id)
    other = records.application(db, person.id, other_job.id)
    records.team_member(db, seen_job.id, manager.user.id)  # type: ignore[attr-defined]
    _add(recruiter, person.id, "General")
    _add(recruiter, person.id, "About the seen job", application_id=str(seen.id))
    secret = _add(recruiter, person.id, "About the other job", application_id=str(other.id))
    bodies = [note["body"] for note in manager.get(f"/api/v1/people/{person.id}/notes").json()]
    assert sorted(bodies) == ["About the seen job", "General"]
    assert manager.delete(f"/api/v1/notes/{secret['id']}").status_code == 404
    refused = manager.post(
        f"/api/v1/people/{person.id}/notes", json={"body": "x", "application_id": str(other.id)}
    )
    assert refused.status_code == 422
