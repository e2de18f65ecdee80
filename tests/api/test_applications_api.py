"""Applications through HTTP: create, read, list, move with versions and reasons, history."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories.jobs import hub_payload, job_payload, make_person, make_source
from talentbridge.auth.enums import Role

ApiAs = Callable[..., TestClient]


@pytest.fixture
def admin(api_as: ApiAs) -> TestClient:
    return api_as(Role.ADMIN)


@pytest.fixture
def job(admin: TestClient) -> dict[str, Any]:
    hub_id = admin.post("/api/v1/hubs", json=hub_payload()).json()["id"]
    created: dict[str, Any] = admin.post("/api/v1/jobs", json=job_payload(hub_id, status="open")).json()
    created["stages"] = {
        stage["name"]: stage["id"] for stage in admin.get(f"/api/v1/jobs/{created['id']}/stages").json()
    }
    return created


@pytest.fixture
def person_ids(session_factory: sessionmaker[Session]) -> list[str]:
    with session_factory() as session:
        ids = [str(make_person(session).id) for _ in range(3)]
        session.commit()
    return ids


def _reasons(api: TestClient) -> dict[str, str]:
    return {reason["label"]: reason["id"] for reason in api.get("/api/v1/rejection-reasons").json()}


def _apply(api: TestClient, person_id: str, job_id: str, **extra: Any) -> dict[str, Any]:
    response = api.post("/api/v1/applications", json={"person_id": person_id, "job_id": job_id, **extra})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_create_and_read_an_application(
    admin: TestClient, job: dict[str, Any], person_ids: list[str], session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        source_id = str(make_source(session, name="Careers page").id)
        session.commit()
    created = _apply(admin, person_ids[0], job["id"], source_id=source_id, note="Referred at a meetup")
    assert (created["stage_name"], created["stage_category"], created["status"]) == (
        "Applied",
        "applied",
        "active",
    )
    assert (created["version"], created["source_id"], created["reason_id"]) == (1, source_id, None)
    assert admin.get(f"/api/v1/applications/{created['id']}").json() == created
    [creation] = admin.get(f"/api/v1/applications/{created['id']}/transitions").json()
    assert (creation["from_stage_id"], creation["to_stage_name"], creation["note"]) == (
        None,
        "Applied",
        "Referred at a meetup",
    )
    assert creation["actor_name"] == admin.user.full_name  # type: ignore[attr-defined]


def test_applying_twice_is_409_and_bad_references_are_422(
    admin: TestClient, job: dict[str, Any], person_ids: list[str]
) -> None:
    created = _apply(admin, person_ids[0], job["id"])
    again = admin.post("/api/v1/applications", json={"person_id": person_ids[0], "job_id": job["id"]})
    assert again.status_code == 409
    assert (again.json()["detail"], again.json()["application_id"]) == (
        "This person has already applied to this job.",
        created["id"],
    )
    unknown_person = admin.post(
        "/api/v1/applications", json={"person_id": str(uuid.uuid4()), "job_id": job["id"]}
    )
    assert unknown_person.status_code == 422
    assert unknown_person.json()["field"] == "person_id"
    hired_stage = admin.post(
        "/api/v1/applications",
        json={"person_id": person_ids[1], "job_id": job["id"], "stage_id": job["stages"]["Hired"]},
    )
    assert hired_stage.status_code == 422
    assert hired_stage.json()["field"] == "stage_id"
    unknown_job = admin.post(
        "/api/v1/applications", json={"person_id": person_ids[1], "job_id": str(uuid.uuid4())}
    )
    assert unknown_job.status_code == 404


def test_closed_jobs_take_no_applications(
    admin: TestClient, job: dict[str, Any], person_ids: list[str]
) -> None:
    admin.post(f"/api/v1/jobs/{job['id']}/status", json={"status": "closed"})
    response = admin.post("/api/v1/applications", json={"person_id": person_ids[0], "job_id": job["id"]})
    assert response.status_code == 422
    assert response.json()["detail"] == "The job is closed; reopen it to add applications."


def test_move_reject_and_reactivate(admin: TestClient, job: dict[str, Any], person_ids: list[str]) -> None:
    application = _apply(admin, person_ids[0], job["id"])
    url = f"/api/v1/applications/{application['id']}/move"
    screened = admin.post(url, json={"to_stage_id": job["stages"]["Screen"], "expected_version": 1})
    assert screened.status_code == 200
    assert (screened.json()["stage_name"], screened.json()["version"]) == ("Screen", 2)
    no_reason = admin.post(url, json={"to_stage_id": job["stages"]["Rejected"], "expected_version": 2})
    assert no_reason.status_code == 422
    assert (no_reason.json()["code"], no_reason.json()["field"]) == ("rule_violation", "reason_id")
    reason_id = _reasons(admin)["Insufficient experience"]
    rejected = admin.post(
        url, json={"to_stage_id": job["stages"]["Rejected"], "expected_version": 2, "reason_id": reason_id}
    ).json()
    assert (rejected["status"], rejected["reason_label"], rejected["version"]) == (
        "rejected",
        "Insufficient experience",
        3,
    )
    reactivated = admin.post(url, json={"to_stage_id": job["stages"]["Screen"], "expected_version": 3}).json()
    assert (reactivated["status"], reactivated["reason_id"]) == ("active", None)
    history = admin.get(f"/api/v1/applications/{application['id']}/transitions").json()
    assert [(entry["sequence"], entry["to_stage_name"], entry["reason_label"]) for entry in history] == [
        (1, "Applied", None),
        (2, "Screen", None),
        (3, "Rejected", "Insufficient experience"),
        (4, "Screen", None),
    ]
    assert history[3]["from_stage_name"] == "Rejected"


def test_second_mover_with_the_same_version_gets_409(
    api_as: ApiAs, admin: TestClient, job: dict[str, Any], person_ids: list[str]
) -> None:
    colleague = api_as(Role.RECRUITER)
    application = _apply(admin, person_ids[0], job["id"])
    url = f"/api/v1/applications/{application['id']}/move"
    first = admin.post(url, json={"to_stage_id": job["stages"]["Screen"], "expected_version": 1})
    second = colleague.post(url, json={"to_stage_id": job["stages"]["Offer"], "expected_version": 1})
    assert first.status_code == 200
    assert second.status_code == 409
    assert second.json()["code"] == "stale_version"
    assert admin.get(f"/api/v1/applications/{application['id']}").json()["stage_name"] == "Screen"


def test_moving_to_the_current_stage_is_409_and_bad_bodies_are_422(
    admin: TestClient, job: dict[str, Any], person_ids: list[str]
) -> None:
    application = _apply(admin, person_ids[0], job["id"])
    url = f"/api/v1/applications/{application['id']}/move"
    same = admin.post(url, json={"to_stage_id": job["stages"]["Applied"], "expected_version": 1})
    assert same.status_code == 409
    assert "already in 'Applied'" in same.json()["detail"]
    assert admin.post(url, json={"to_stage_id": job["stages"]["Screen"]}).status_code == 422
    unknown_stage = admin.post(url, json={"to_stage_id": str(uuid.uuid4()), "expected_version": 1})
    assert unknown_stage.status_code == 422
    assert unknown_stage.json()["field"] == "to_stage_id"
    assert (
        admin.post(
            f"/api/v1/applications/{uuid.uuid4()}/move",
            json={"to_stage_id": job["stages"]["Screen"], "expected_version": 1},
        ).status_code
        == 404
    )


def test_hiring_manager_on_the_job_moves_but_interviewer_cannot(
    api_as: ApiAs, admin: TestClient, job: dict[str, Any], person_ids: list[str]
) -> None:
    manager, interviewer = api_as(Role.HIRING_MANAGER), api_as(Role.INTERVIEWER)
    members = [
        {"user_id": str(manager.user.id), "role": "hiring_manager"},  # type: ignore[attr-defined]
        {"user_id": str(interviewer.user.id), "role": "interviewer"},  # type: ignore[attr-defined]
    ]
    admin.put(f"/api/v1/jobs/{job['id']}/team", json={"members": members})
    application = _apply(admin, person_ids[0], job["id"])
    url = f"/api/v1/applications/{application['id']}/move"
    body = {"to_stage_id": job["stages"]["Screen"], "expected_version": 1}
    refused = interviewer.post(url, json=body)
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Your role cannot move candidates."
    assert interviewer.get(f"/api/v1/applications/{application['id']}").status_code == 200
    assert manager.post(url, json=body).status_code == 200
    assert (
        manager.post(
            "/api/v1/applications", json={"person_id": person_ids[1], "job_id": job["id"]}
        ).status_code
        == 403
    )


def test_list_applications_with_filters_and_pages(
    admin: TestClient, job: dict[str, Any], person_ids: list[str]
) -> None:
    first = _apply(admin, person_ids[0], job["id"])
    _apply(admin, person_ids[1], job["id"])
    _apply(admin, person_ids[2], job["id"])
    admin.post(
        f"/api/v1/applications/{first['id']}/move",
        json={"to_stage_id": job["stages"]["Screen"], "expected_version": 1},
    )
    page = admin.get("/api/v1/applications", params={"job_id": job["id"], "limit": 2}).json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert page["next_cursor"]
    rest = admin.get(
        "/api/v1/applications", params={"job_id": job["id"], "limit": 2, "cursor": page["next_cursor"]}
    ).json()
    assert len(rest["items"]) == 1
    assert rest["next_cursor"] is None
    assert {item["id"] for item in page["items"] + rest["items"]} == {
        item["id"] for item in admin.get("/api/v1/applications").json()["items"]
    }
    screened = admin.get("/api/v1/applications", params={"stage_id": job["stages"]["Screen"]}).json()
    assert [item["id"] for item in screened["items"]] == [first["id"]]
    assert admin.get("/api/v1/applications", params={"person_id": person_ids[1]}).json()["total"] == 1
    assert admin.get("/api/v1/applications", params={"status": "rejected"}).json()["total"] == 0
    assert admin.get("/api/v1/applications", params={"status": "lost"}).status_code == 422
