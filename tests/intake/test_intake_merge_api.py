"""Duplicates, merge and undo through HTTP: field choices, conflicts, exact restore, role checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from intake_helpers import cv_text, make_zip
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories import records
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.db.session import unit_of_work
from talentbridge.intake import merge, service
from talentbridge.notes.models import Note
from talentbridge.pipeline.models import Application


def _twins(factory: sessionmaker[Session], suffix: str = "") -> tuple[Any, Any, Any]:
    """Two records of one human (same name, employer, school) who both applied to one job."""
    with factory() as session:
        job = records.job(session)
        a = records.person(
            session, first_name="Wei", last_name="Zhang", emails=[f"wei{suffix}@work.example"],
            current_employer="Alibaba", skills=[{"name": "Python"}], headline="ML engineer",
        )  # fmt: skip
        b = records.person(
            session, first_name="Zhang", last_name="Wei", native_name="张伟",
            emails=[f"wei{suffix}@home.example"], current_employer="Alibaba Group",
            skills=[{"name": "PyTorch"}], location_city="Shenzhen",
        )  # fmt: skip
        records.application(session, a.id, job.id)
        records.application(session, b.id, job.id)
        session.add(Note(person_id=b.id, body="met at campus event"))
        session.commit()
        return a.id, b.id, job.id


def _proposal(factory: sessionmaker[Session]) -> Any:
    with unit_of_work(factory) as session:
        result = service.scan_duplicates(session, Actor.system())
    assert result.proposals >= 1
    with factory() as session:
        return service.list_duplicates(session, Actor.system())[0]


def test_merge_moves_records_handles_the_shared_job_and_undo_restores_exactly(
    api_as: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    a_id, b_id, _job = _twins(session_factory)
    with session_factory() as session:
        before = {pid: merge.snapshot_person(session, pid) for pid in (a_id, b_id)}
    recruiter = api_as(Role.RECRUITER)
    listed = recruiter.get("/api/v1/duplicates").json()
    assert listed == [] or listed  # may be empty before the scan
    proposal = _proposal(session_factory)
    survivor = "a" if proposal.person_a.id == a_id else "b"
    other = "b" if survivor == "a" else "a"
    response = recruiter.post(
        f"/api/v1/duplicates/{proposal.id}/merge",
        json={
            "survivor": survivor,
            "choices": {"location_city": other, "skills": "union", "headline": survivor},
        },
    )
    assert response.status_code == 201, response.text
    merged = response.json()
    assert merged["survivor_id"] == str(a_id)
    assert merged["conflicts"] >= 1
    person = recruiter.get(f"/api/v1/people/{a_id}").json()
    assert person["location_city"] == "Shenzhen"
    assert {skill["name"] for skill in person["skills"]} == {"Python", "PyTorch"}
    assert set(person["emails"]) == {"wei@work.example", "wei@home.example"}
    assert recruiter.get(f"/api/v1/people/{b_id}").status_code == 404
    with session_factory() as session:
        assert session.query(Application).filter(Application.person_id == a_id).count() == 1
        assert session.query(Note).filter(Note.person_id == a_id).count() == 1
    undo = recruiter.post(f"/api/v1/merges/{merged['id']}/undo")
    assert undo.status_code == 200
    assert undo.json()["undone_at"]
    with session_factory() as session:
        after = {pid: merge.snapshot_person(session, pid) for pid in (a_id, b_id)}
        assert session.query(Application).filter(Application.person_id == b_id).count() == 1
        assert session.query(Note).filter(Note.person_id == b_id).count() == 1
    assert after == before
    assert recruiter.post(f"/api/v1/merges/{merged['id']}/undo").status_code == 409


choice = st.sampled_from(["a", "b"])
list_choice = st.sampled_from(["a", "b", "union"])


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.fixed_dictionaries(
        {"headline": choice, "location_city": choice, "skills": list_choice, "emails": list_choice}
    )
)
def test_merge_then_undo_restores_both_records(
    session_factory: sessionmaker[Session], choices: dict[str, str]
) -> None:
    suffix = "-".join(choices.values())
    a_id, b_id, _job = _twins(session_factory, suffix=suffix + str(id(choices)))
    with session_factory() as session:
        before = {pid: merge.snapshot_person(session, pid) for pid in (a_id, b_id)}
    with unit_of_work(session_factory) as session:
        record = merge.merge_people(session, Actor.system(), a_id, b_id, choices=choices)
        merge_id = record.id
    with unit_of_work(session_factory) as session:
        merge.undo_merge(session, Actor.system(), merge_id)
    with session_factory() as session:
        assert {pid: merge.snapshot_person(session, pid) for pid in (a_id, b_id)} == before


def test_dismissed_or_unknown_proposals(
    api_as: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    _twins(session_factory)
    proposal = _proposal(session_factory)
    recruiter = api_as(Role.RECRUITER)
    bad = recruiter.post(f"/api/v1/duplicates/{proposal.id}/merge", json={"choices": {"skills": "nonsense"}})
    assert bad.status_code == 422
    missing = recruiter.post("/api/v1/duplicates/00000000-0000-0000-0000-000000000000/merge", json={})
    assert missing.status_code == 404
    assert recruiter.post("/api/v1/merges/00000000-0000-0000-0000-000000000000/undo").status_code == 404


@pytest.mark.parametrize("role", [Role.HIRING_MANAGER, Role.INTERVIEWER, Role.COMPLIANCE])
def test_only_recruiters_and_admins_use_intake(api_as: Callable[..., TestClient], role: Role) -> None:
    client = api_as(role)
    some_id = "00000000-0000-0000-0000-000000000001"
    assert client.get("/api/v1/duplicates").status_code == 403
    assert client.get(f"/api/v1/imports/{some_id}").status_code == 403
    assert client.post(f"/api/v1/duplicates/{some_id}/merge", json={}).status_code == 403
    assert client.post(f"/api/v1/merges/{some_id}/undo").status_code == 403
    files = {"files": ("cv.txt", cv_text(1), "text/plain")}
    assert client.post("/api/v1/imports", files=files).status_code == 403
    assert (
        client.post("/api/v1/resumes/parse", files={"file": ("cv.txt", cv_text(1), "text/plain")}).status_code
        == 403
    )


def test_anonymous_is_401(client: TestClient) -> None:
    assert client.get("/api/v1/duplicates").status_code == 401


def test_upload_import_reports_progress_and_errors(api_as: Callable[..., TestClient]) -> None:
    recruiter = api_as(Role.ADMIN)
    bundle = make_zip({"a.txt": cv_text(1), "b.txt": cv_text(2), "../x.txt": b"x", "junk.pdf": b"\x00\x01"})
    response = recruiter.post("/api/v1/imports", files=[("files", ("cvs.zip", bundle, "application/zip"))])
    assert response.status_code == 202, response.text
    progress = recruiter.get(f"/api/v1/imports/{response.json()['id']}").json()
    assert progress["status"] == "done"
    assert progress["percent"] == 100
    assert progress["created"] == 2
    assert {error["code"] for error in progress["errors"]} == {"unsafe_path", "unsupported_type"}
    assert recruiter.get("/api/v1/imports/00000000-0000-0000-0000-000000000000").status_code == 404
    assert recruiter.post("/api/v1/imports").status_code == 422


def test_parse_returns_the_document_without_storing(api_as: Callable[..., TestClient]) -> None:
    recruiter = api_as(Role.RECRUITER)
    response = recruiter.post("/api/v1/resumes/parse", files={"file": ("cv.txt", cv_text(3), "text/plain")})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["resume"]["basics"]["email"] == "candidate3@example.com"
    assert any(item["path"] == "basics.email" for item in body["evidence"])
    assert recruiter.get("/api/v1/people").json()["total"] == 0
    empty = recruiter.post("/api/v1/resumes/parse", files={"file": ("cv.txt", b"", "text/plain")})
    assert empty.status_code == 422
