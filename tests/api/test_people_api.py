"""People through HTTP: create, read, PATCH with If-Match, delete, tags, and input errors."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from factories import records
from talentbridge.auth.enums import Role
from talentbridge.sourcing.enums import SourceKind

FULL_PERSON: dict[str, Any] = {
    "first_name": "Wei",
    "last_name": "Zhang",
    "native_name": "张伟",
    "headline": "Computer-vision researcher",
    "current_title": "Research Engineer",
    "current_employer": "Example Lab",
    "location_city": "Shenzhen",
    "location_country": "cn",
    "timezone": "Asia/Shanghai",
    "nationalities": ["CN"],
    "date_of_birth": "1994-03-02",
    "emails": ["Wei.Zhang@Example.com"],
    "phones": [{"number": "+86 138 0013 8000", "label": "mobile"}],
    "languages": [{"language": "zh", "level": "native"}, {"language": "en", "level": "C1"}],
    "skills": [{"name": "PyTorch", "years": 5}, {"name": "CUDA"}],
    "educations": [
        {
            "degree_level": "master",
            "field": "CS",
            "institution": "Tsinghua",
            "country": "CN",
            "start_year": 2016,
        }
    ],
    "experiences": [{"title": "Engineer", "employer": "Example Lab", "start_date": "2019-07-01"}],
    "publications": [{"title": "Fast Things", "venue": "CVPR", "year": 2022, "url": "https://example.org/p"}],
    "awards": [{"title": "Best Paper", "issuer": "CVPR", "year": 2022}],
    "links": {"github": "https://github.com/zhangwei"},
    "expected_salary_amount": "600000",
    "expected_salary_currency": "CNY",
    "expected_salary_period": "year",
    "willing_to_relocate": True,
    "notice_period_days": 60,
    "tags": ["Campus 2026", "vision"],
    "summary": "Strong in detection.",
}


def _create(api: TestClient, **fields: Any) -> dict[str, Any]:
    response = api.post("/api/v1/people", json={"first_name": "Ada", **fields})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def _patch(api: TestClient, person: dict[str, Any], changes: dict[str, Any]) -> Any:
    return api.patch(
        f"/api/v1/people/{person['id']}", json=changes, headers={"If-Match": f'"{person["version"]}"'}
    )


def test_recruiter_creates_a_full_person(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    response = api.post("/api/v1/people", json=FULL_PERSON)
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["ETag"] == '"1"'
    assert body["display_name"] == "Wei Zhang"
    assert body["location_country"] == "CN"
    assert body["phones"] == [{"number": "+8613800138000", "label": "mobile"}]
    assert [skill["normalized"] for skill in body["skills"]] == ["cuda", "pytorch"]
    assert body["tags"] == ["campus 2026", "vision"]
    assert body["links"] == {"github": "https://github.com/zhangwei"}
    assert body["expected_salary_amount"] == "600000.00"
    assert body["date_of_birth"] == "1994-03-02"
    assert body["redacted_fields"] == []
    assert body["version"] == 1


def test_tags_are_created_on_the_fly_and_listed(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    _create(api, tags=["Returner", "campus-2026"])
    _create(api, first_name="Bo", tags=["returner"])
    response = api.get("/api/v1/tags")
    assert response.status_code == 200
    assert [tag["name"] for tag in response.json()] == ["campus-2026", "returner"]


def test_get_person_and_unknown_person(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    created = _create(api, emails=["ada@example.com"])
    response = api.get(f"/api/v1/people/{created['id']}")
    assert response.status_code == 200
    assert response.json()["emails"] == ["ada@example.com"]
    assert response.headers["ETag"] == '"1"'
    assert api.get(f"/api/v1/people/{uuid.uuid4()}").status_code == 404
    assert api.get("/api/v1/people/not-a-uuid").status_code == 422


def test_email_used_by_another_person_conflicts_on_create(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    first = _create(api, emails=["li.wei@example.com"])
    response = api.post("/api/v1/people", json={"first_name": "Li", "emails": ["  LI.Wei@EXAMPLE.com "]})
    assert response.status_code == 409
    assert response.json()["field"] == "emails"
    assert response.json()["existing_person_id"] == first["id"]


def test_invalid_payload_is_422_with_field_messages(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    response = api.post(
        "/api/v1/people",
        json={
            "first_name": "",
            "location_country": "XX",
            "phones": [{"number": "123"}],
            "expected_salary_amount": "100",
            "timezone": "Mars/Olympus",
            "emails": ["not-an-email"],
        },
    )
    assert response.status_code == 422
    fields = {tuple(err["loc"][1:]) for err in response.json()["detail"]}
    assert {
        ("first_name",),
        ("location_country",),
        ("phones", 0, "number"),
        ("expected_salary_currency",),
        ("timezone",),
        ("emails", 0),
    } <= fields


def test_unknown_source_is_422(api_as: Callable[..., TestClient]) -> None:
    response = api_as(Role.RECRUITER).post(
        "/api/v1/people", json={"first_name": "Ada", "source_id": str(uuid.uuid4())}
    )
    assert response.status_code == 422
    assert response.json()["field"] == "source_id"


def test_person_can_name_an_existing_source(api_as: Callable[..., TestClient], db: Session) -> None:
    source = records.source(db, kind=SourceKind.UNIVERSITY, name="Tsinghua")
    created = _create(api_as(Role.RECRUITER), source_id=str(source.id))
    assert created["source_id"] == str(source.id)


def test_hiring_managers_and_interviewers_cannot_create(api_as: Callable[..., TestClient]) -> None:
    for role in (Role.HIRING_MANAGER, Role.INTERVIEWER, Role.COMPLIANCE):
        assert api_as(role).post("/api/v1/people", json={"first_name": "X"}).status_code == 403


def test_patch_changes_only_given_fields_and_replaces_lists(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api, **{**FULL_PERSON, "emails": ["a@example.com", "b@example.com"]})
    response = _patch(
        api,
        person,
        {"headline": None, "skills": [{"name": "JAX"}], "emails": ["B@example.com", "c@example.com"]},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["headline"] is None
    assert [skill["name"] for skill in body["skills"]] == ["JAX"]
    assert body["emails"] == ["B@example.com", "c@example.com"]
    assert body["languages"] == person["languages"]
    assert body["last_name"] == "Zhang"
    assert body["version"] == 2
    assert response.headers["ETag"] == '"2"'


def test_patch_of_child_lists_alone_bumps_the_version(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api)
    response = _patch(api, person, {"phones": [{"number": "+49 30 901820"}]})
    assert response.json()["version"] == 2


def test_patch_with_stale_version_is_409(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api)
    assert _patch(api, person, {"headline": "First edit"}).status_code == 200
    stale = _patch(api, person, {"headline": "Second edit from an old copy"})
    assert stale.status_code == 409
    assert stale.json()["code"] == "stale_version"
    assert stale.json()["current_version"] == 2
    assert api.get(f"/api/v1/people/{person['id']}").json()["headline"] == "First edit"


def test_patch_without_if_match_is_428_and_a_malformed_one_422(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api)
    url = f"/api/v1/people/{person['id']}"
    assert api.patch(url, json={"headline": "x"}).status_code == 428
    assert api.patch(url, json={"headline": "x"}, headers={"If-Match": "latest"}).status_code == 422
    assert api.patch(url, json={"headline": "x"}, headers={"If-Match": 'W/"1"'}).status_code == 200
    by_body = api.patch(url, json={"headline": "y", "expected_version": 2})
    assert by_body.status_code == 200, by_body.text
    assert by_body.json()["version"] == 3
    assert api.patch(url, json={"headline": "z", "expected_version": 2}).status_code == 409
    disagree = api.patch(url, json={"headline": "z", "expected_version": 3}, headers={"If-Match": '"2"'})
    assert disagree.status_code == 422


def test_patch_to_another_persons_email_is_409(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    _create(api, emails=["taken@example.com"])
    person = _create(api, first_name="Bo", emails=["bo@example.com"])
    response = _patch(api, person, {"emails": ["bo@example.com", "TAKEN@example.com"]})
    assert response.status_code == 409
    assert response.json()["field"] == "emails"


def test_patch_salary_amount_without_any_currency_is_422(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api)
    response = _patch(api, person, {"expected_salary_amount": "1000"})
    assert response.status_code == 422
    assert response.json()["field"] == "expected_salary_currency"


def test_patch_null_for_a_required_field_is_422(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api)
    response = _patch(api, person, {"first_name": None})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "first_name"]


def test_patch_unknown_person_is_404_and_interviewer_patch_is_403(
    api_as: Callable[..., TestClient], db: Session
) -> None:
    recruiter = api_as(Role.RECRUITER)
    person = _create(recruiter)
    missing = recruiter.patch(
        f"/api/v1/people/{uuid.uuid4()}", json={"headline": "x"}, headers={"If-Match": "1"}
    )
    assert missing.status_code == 404
    interviewer = api_as(Role.INTERVIEWER)
    job = records.job(db)
    records.application(db, uuid.UUID(person["id"]), job.id)
    records.team_member(db, job.id, interviewer.user.id)  # type: ignore[attr-defined]
    assert _patch(interviewer, person, {"headline": "x"}).status_code == 403


def test_delete_person_then_it_is_gone(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    person = _create(api, emails=["gone@example.com"])
    response = api.delete(f"/api/v1/people/{person['id']}")
    assert response.status_code == 200
    assert response.json()["id"] == person["id"]
    assert api.get(f"/api/v1/people/{person['id']}").status_code == 404
    assert api.delete(f"/api/v1/people/{person['id']}").status_code == 404
    # the e-mail address is free again
    _create(api, emails=["gone@example.com"])


def test_delete_person_with_an_application_cascades(api_as: Callable[..., TestClient], db: Session) -> None:
    api = api_as(Role.ADMIN)
    person = _create(api)
    job = records.job(db)
    records.application(db, uuid.UUID(person["id"]), job.id)
    assert api.delete(f"/api/v1/people/{person['id']}").status_code == 200
    listing = api.get("/api/v1/people", params={"job_id": str(job.id)}).json()
    assert listing["total"] == 0


def test_compliance_reads_but_cannot_delete(api_as: Callable[..., TestClient]) -> None:
    person = _create(api_as(Role.RECRUITER))
    compliance = api_as(Role.COMPLIANCE)
    assert compliance.get(f"/api/v1/people/{person['id']}").status_code == 200
    assert compliance.delete(f"/api/v1/people/{person['id']}").status_code == 403


def test_unauthenticated_calls_are_401(client: TestClient) -> None:
    assert client.get("/api/v1/people").status_code == 401
    assert client.get("/api/v1/tags").status_code == 401
