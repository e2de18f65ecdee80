"""Shared helpers of the mobility product tests (imported by name: tests/mobility is on sys.path)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.testclient import TestClient

from factories.jobs import hub_payload, job_payload
from talentbridge.auth.enums import Role

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Hire:
    """An admin client and the ids of a foreign candidate's application to a Shanghai job."""

    admin: TestClient
    person_id: str
    job_id: str
    application_id: str
    stages: dict[str, str]  # category -> stage id


def candidate_payload(**overrides: Any) -> dict[str, Any]:
    """A German ML engineer born 1990 with a master's degree and eight years of experience."""
    payload: dict[str, Any] = {
        "first_name": "Anna",
        "last_name": "Schmidt",
        "emails": ["anna.schmidt@example.com"],
        "nationalities": ["DE"],
        "date_of_birth": "1990-05-01",
        "educations": [{"degree_level": "master", "institution": "TU Munich", "field": "Informatics"}],
        "experiences": [
            {"title": "ML Engineer", "employer": "Acme", "country": "DE", "start_date": "2018-01-01"}
        ],
        "languages": [{"language": "en", "level": "C2"}, {"language": "zh", "level": "HSK3"}],
    }
    payload.update(overrides)
    return payload


def make_hire(api_as: Callable[..., TestClient]) -> Hire:
    """A person applied to a job at a Shanghai hub, created by a new admin."""
    admin = api_as(Role.ADMIN)
    hub = admin.post("/api/v1/hubs", json=hub_payload(city="Shanghai", name="Shanghai Lab")).json()
    job = admin.post("/api/v1/jobs", json=job_payload(hub["id"], status="open")).json()
    person = admin.post("/api/v1/people", json=candidate_payload())
    assert person.status_code == 201, person.text
    application = admin.post(
        "/api/v1/applications", json={"person_id": person.json()["id"], "job_id": job["id"]}
    ).json()
    stages = {
        stage["category"]: stage["id"] for stage in admin.get(f"/api/v1/jobs/{job['id']}/stages").json()
    }
    return Hire(admin, person.json()["id"], job["id"], application["id"], stages)


def csrf_of(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = _CSRF.search(html)
    assert match is not None, "the page has no CSRF field"
    return match.group(1)


def signed_in(app: object, email: str, password: str) -> TestClient:
    """A page client signed in through the sign-in form."""
    client = TestClient(app, raise_server_exceptions=False)  # type: ignore[arg-type]
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": email, "password": password, "next": "/", "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client
