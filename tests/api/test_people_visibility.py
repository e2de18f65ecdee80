"""Who sees whom: hiring-team scoping (404, no data) and role redaction of salary and date of birth."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from factories import records
from talentbridge.auth.enums import Role
from talentbridge.jobs.enums import HiringTeamRole
from talentbridge.people.models import Person

SENSITIVE = {
    "date_of_birth": "1990-05-17",
    "expected_salary_amount": "90000",
    "expected_salary_currency": "EUR",
    "expected_salary_period": "year",
}


@dataclass
class Scene:
    """One person applied to job A; a second person applied only to job B."""

    on_job_a: Person
    on_job_b: Person
    job_a: uuid.UUID
    job_b: uuid.UUID


@pytest.fixture
def scene(db: Session) -> Scene:
    on_job_a = records.person(db, first_name="Anna", emails=["anna@example.com"], **SENSITIVE)
    on_job_b = records.person(db, first_name="Bela", emails=["bela@example.com"], **SENSITIVE)
    job_a, job_b = records.job(db, title="Job A"), records.job(db, title="Job B")
    records.application(db, on_job_a.id, job_a.id)
    records.application(db, on_job_b.id, job_b.id)
    return Scene(on_job_a, on_job_b, job_a.id, job_b.id)


def _member_of_job_a(
    api_as: Callable[..., TestClient], db: Session, scene: Scene, role: Role, team_role: HiringTeamRole
) -> TestClient:
    api = api_as(role)
    records.team_member(db, scene.job_a, api.user.id, team_role)  # type: ignore[attr-defined]
    return api


def test_hiring_manager_not_on_the_job_gets_404_and_no_data(
    api_as: Callable[..., TestClient], db: Session, scene: Scene
) -> None:
    manager = _member_of_job_a(api_as, db, scene, Role.HIRING_MANAGER, HiringTeamRole.HIRING_MANAGER)
    hidden = scene.on_job_b.id
    for path in (f"/api/v1/people/{hidden}", f"/api/v1/people/{hidden}/timeline"):
        response = manager.get(path)
        assert response.status_code == 404
        assert "Bela" not in response.text
        assert "bela@example.com" not in response.text
    listing = manager.get("/api/v1/people").json()
    assert [item["id"] for item in listing["items"]] == [str(scene.on_job_a.id)]
    assert listing["total"] == 1


def test_hiring_manager_cannot_reach_a_hidden_person_through_filters(
    api_as: Callable[..., TestClient], db: Session, scene: Scene
) -> None:
    manager = _member_of_job_a(api_as, db, scene, Role.HIRING_MANAGER, HiringTeamRole.HIRING_MANAGER)
    for params in ({"job_id": str(scene.job_b)}, {"q": "bela"}, {"has_applications": "true"}):
        ids = [item["id"] for item in manager.get("/api/v1/people", params=params).json()["items"]]
        assert str(scene.on_job_b.id) not in ids


def test_user_on_no_team_sees_nobody(api_as: Callable[..., TestClient], scene: Scene) -> None:
    interviewer = api_as(Role.INTERVIEWER)
    assert interviewer.get("/api/v1/people").json() == {"items": [], "next_cursor": None, "total": 0}
    assert interviewer.get(f"/api/v1/people/{scene.on_job_a.id}").status_code == 404


def test_hiring_manager_on_the_job_sees_salary_but_not_date_of_birth(
    api_as: Callable[..., TestClient], db: Session, scene: Scene
) -> None:
    manager = _member_of_job_a(api_as, db, scene, Role.HIRING_MANAGER, HiringTeamRole.HIRING_MANAGER)
    body = manager.get(f"/api/v1/people/{scene.on_job_a.id}").json()
    assert "date_of_birth" not in body
    assert body["expected_salary_amount"] == "90000.00"
    assert body["redacted_fields"] == ["date_of_birth"]


def test_interviewer_sees_neither_salary_nor_date_of_birth(
    api_as: Callable[..., TestClient], db: Session, scene: Scene
) -> None:
    interviewer = _member_of_job_a(api_as, db, scene, Role.INTERVIEWER, HiringTeamRole.INTERVIEWER)
    response = interviewer.get(f"/api/v1/people/{scene.on_job_a.id}")
    assert response.status_code == 200
    body = response.json()
    hidden = {"date_of_birth", "expected_salary_amount", "expected_salary_currency", "expected_salary_period"}
    assert hidden.isdisjoint(body)
    assert set(body["redacted_fields"]) == hidden
    assert "90000" not in response.text
    assert "1990-05-17" not in response.text
    assert body["emails"] == ["anna@example.com"]


def test_full_visibility_roles_see_everything(api_as: Callable[..., TestClient], scene: Scene) -> None:
    for role in (Role.ADMIN, Role.RECRUITER, Role.COMPLIANCE):
        body = api_as(role).get(f"/api/v1/people/{scene.on_job_b.id}").json()
        assert body["date_of_birth"] == "1990-05-17"
        assert body["expected_salary_currency"] == "EUR"
        assert body["redacted_fields"] == []
