"""Sources through HTTP: CRUD, uniqueness, referral rules, delete-only-when-unused, filters."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from factories import records
from talentbridge.auth.enums import Role


def _create(api: TestClient, **fields: Any) -> dict[str, Any]:
    response = api.post("/api/v1/sources", json={"kind": "job_board", "name": "LinkedIn", **fields})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_create_read_update_and_delete_a_source(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    created = _create(api, kind="agency", name="Hays", details={"fee_percent": 20})
    assert created["is_active"] is True
    assert created["details"] == {"fee_percent": 20}
    assert api.get(f"/api/v1/sources/{created['id']}").json()["name"] == "Hays"
    updated = api.patch(f"/api/v1/sources/{created['id']}", json={"name": "Hays Shenzhen"})
    assert updated.status_code == 200
    assert updated.json()["name"] == "Hays Shenzhen"
    assert updated.json()["kind"] == "agency"
    assert api.delete(f"/api/v1/sources/{created['id']}").status_code == 200
    assert api.get(f"/api/v1/sources/{created['id']}").status_code == 404


def test_same_kind_and_name_conflicts_case_insensitively(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    _create(api, name="LinkedIn")
    duplicate = api.post("/api/v1/sources", json={"kind": "job_board", "name": "linkedin"})
    assert duplicate.status_code == 409
    assert duplicate.json()["field"] == "name"
    assert api.post("/api/v1/sources", json={"kind": "other", "name": "LinkedIn"}).status_code == 201


def test_renaming_onto_an_existing_source_conflicts(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    _create(api, name="Boss Zhipin")
    other = _create(api, name="Lagou")
    assert api.patch(f"/api/v1/sources/{other['id']}", json={"name": "BOSS zhipin"}).status_code == 409


def test_referrals_name_a_referrer_and_other_kinds_do_not(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.ADMIN)
    missing = api.post("/api/v1/sources", json={"kind": "referral", "name": "Referral"})
    assert missing.status_code == 422
    assert missing.json()["field"] == "referrer_user_id"
    unknown_user = api.post(
        "/api/v1/sources", json={"kind": "referral", "name": "Ref", "referrer_user_id": str(uuid.uuid4())}
    )
    assert unknown_user.status_code == 422
    by_user = _create(api, kind="referral", name="Referral by admin", referrer_user_id=str(api.user.id))  # type: ignore[attr-defined]
    assert by_user["referrer_user_id"] == str(api.user.id)  # type: ignore[attr-defined]
    by_name = _create(api, kind="referral", name="Referral by Li Wei", referrer_name="Li Wei")
    assert by_name["referrer_name"] == "Li Wei"
    stray = api.post("/api/v1/sources", json={"kind": "agency", "name": "X", "referrer_name": "Li Wei"})
    assert stray.status_code == 422
    assert stray.json()["field"] == "referrer_name"


def test_used_source_cannot_be_deleted_but_can_be_deactivated(
    api_as: Callable[..., TestClient], db: Session
) -> None:
    api = api_as(Role.RECRUITER)
    source = _create(api, kind="university", name="Tsinghua")
    records.person(db, source_id=source["id"])
    response = api.delete(f"/api/v1/sources/{source['id']}")
    assert response.status_code == 409
    assert "deactivate" in response.json()["detail"]
    assert response.json()["people"] == 1
    deactivated = api.patch(f"/api/v1/sources/{source['id']}", json={"is_active": False})
    assert deactivated.json()["is_active"] is False


def test_source_used_only_by_an_application_cannot_be_deleted(
    api_as: Callable[..., TestClient], db: Session
) -> None:
    api = api_as(Role.RECRUITER)
    source = _create(api, kind="careers_page", name="Careers")
    person = records.person(db)
    application = records.application(db, person.id, records.job(db).id)
    application.source_id = uuid.UUID(source["id"])
    db.commit()
    response = api.delete(f"/api/v1/sources/{source['id']}")
    assert response.status_code == 409
    assert response.json()["applications"] == 1


def test_list_filters_by_kind_and_active(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    _create(api, kind="job_board", name="LinkedIn")
    _create(api, kind="job_board", name="Old board", is_active=False)
    _create(api, kind="talent_programme", name="Young Talents")
    assert [s["name"] for s in api.get("/api/v1/sources", params={"kind": "job_board"}).json()] == [
        "LinkedIn",
        "Old board",
    ]
    active = api.get("/api/v1/sources", params={"active": "true"}).json()
    assert [s["name"] for s in active] == ["LinkedIn", "Young Talents"]
    assert api.get("/api/v1/sources", params={"kind": "newspaper"}).status_code == 422


def test_everyone_reads_but_only_recruiters_and_admins_write(api_as: Callable[..., TestClient]) -> None:
    source = _create(api_as(Role.RECRUITER))
    for role in (Role.HIRING_MANAGER, Role.INTERVIEWER, Role.COMPLIANCE):
        api = api_as(role)
        assert api.get("/api/v1/sources").status_code == 200
        assert api.post("/api/v1/sources", json={"kind": "other", "name": "Mine"}).status_code == 403
        assert api.patch(f"/api/v1/sources/{source['id']}", json={"name": "Mine"}).status_code == 403
        assert api.delete(f"/api/v1/sources/{source['id']}").status_code == 403


def test_invalid_source_payloads_are_422(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    assert api.post("/api/v1/sources", json={"kind": "job_board", "name": ""}).status_code == 422
    source = _create(api)
    assert api.patch(f"/api/v1/sources/{source['id']}", json={"kind": None}).status_code == 422
    assert api.patch(f"/api/v1/sources/{uuid.uuid4()}", json={"name": "x"}).status_code == 404
