"""Role matrix: for EVERY API route that takes an object id, users who must not see the object
(a hiring manager and an interviewer who are not on the job's hiring team) get 403 or 404 and
never any of its data, and nothing changes.

The routes are enumerated from the app itself, so a new route is covered the day it is added;
a route whose id kind is unknown here fails the test until it is taught below.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.testclient import TestClient

from factories.jobs import hub_payload, job_payload
from factories.records import minimal_pdf
from talentbridge.auth.enums import Role

SECRET_MARKERS = ("Zhang Outsider", "outsider.secret@example.com", "Hidden Requisition", "confidential note")

# A body that passes validation for write routes, so the refusal tested is the permission check.
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("PATCH", "/api/v1/people/{person_id}"): {"headline": "changed", "expected_version": 1},
    ("PATCH", "/api/v1/jobs/{job_id}"): {"title": "changed", "expected_version": 1},
    ("POST", "/api/v1/jobs/{job_id}/status"): {"status": "on_hold"},
    ("PUT", "/api/v1/jobs/{job_id}/team"): {"members": []},
    ("PATCH", "/api/v1/hubs/{hub_id}"): {"city": "Elsewhere"},
    ("PATCH", "/api/v1/sources/{source_id}"): {"name": "changed"},
    ("PATCH", "/api/v1/rejection-reasons/{reason_id}"): {"label": "changed"},
    ("POST", "/api/v1/people/{person_id}/notes"): {"body": "sneaky"},
    ("PUT", "/api/v1/people/{person_id}/permit-facts"): {"hsk_level": 6},
    ("PUT", "/api/v1/applications/{application_id}/offer-terms"): {"annual_salary_cny": "1"},
    ("PATCH", "/api/v1/mobility/cases/{case_id}"): {"expected_version": 1, "status": "cancelled"},
    ("PATCH", "/api/v1/mobility/cases/{case_id}/steps/{step_id}"): {"status": "done"},
    ("PATCH", "/api/v1/mobility/cases/{case_id}/documents/{document_id}"): {"status": "verified"},
    ("POST", "/api/v1/mobility/cases/{case_id}/dependants"): {"full_name": "Sneaky", "relation": "child"},
}


@dataclass
class World:
    """Ids of one of every kind of object, created by an admin; outsiders are on no team."""

    ids: dict[str, str]
    stage_ids: list[str]


def _create_world(admin: TestClient) -> World:
    hub = admin.post("/api/v1/hubs", json=hub_payload()).json()
    job = admin.post(
        "/api/v1/jobs", json=job_payload(hub["id"], title="Hidden Requisition", status="open")
    ).json()
    source = admin.post("/api/v1/sources", json={"kind": "agency", "name": "Outsider Search"}).json()
    person = admin.post(
        "/api/v1/people",
        json={
            "first_name": "Zhang",
            "last_name": "Outsider",
            "emails": ["outsider.secret@example.com"],
            "expected_salary_amount": "999000",
            "expected_salary_currency": "CNY",
            "source_id": source["id"],
        },
    ).json()
    application = admin.post(
        "/api/v1/applications", json={"person_id": person["id"], "job_id": job["id"]}
    ).json()
    note = admin.post(f"/api/v1/people/{person['id']}/notes", json={"body": "confidential note"}).json()
    attachment = admin.post(
        f"/api/v1/people/{person['id']}/attachments",
        files={"file": ("cv.pdf", minimal_pdf(), "application/pdf")},
    ).json()
    reason = admin.get("/api/v1/rejection-reasons").json()[0]
    case = admin.post("/api/v1/mobility/cases", json={"application_id": application["id"]}).json()
    dependant = admin.post(
        f"/api/v1/mobility/cases/{case['id']}/dependants", json={"full_name": "Dep", "relation": "spouse"}
    ).json()
    stages = admin.get(f"/api/v1/jobs/{job['id']}/stages").json()
    ids = {
        "hub_id": hub["id"],
        "job_id": job["id"],
        "source_id": source["id"],
        "person_id": person["id"],
        "application_id": application["id"],
        "note_id": note["id"],
        "attachment_id": attachment["id"],
        "reason_id": reason["id"],
        "stage_id": stages[1]["id"],
        "case_id": case["id"],
        "step_id": case["steps"][0]["id"],
        "document_id": case["documents"][0]["id"],
        "dependant_id": dependant["id"],
        # Intake: only admins and recruiters may reach these routes, whatever the object.
        "import_id": admin.post("/api/v1/imports", files={"files": ("cv.pdf", minimal_pdf())}).json()["id"],
        "duplicate_id": "00000000-0000-4000-8000-000000000001",
        "merge_id": "00000000-0000-4000-8000-000000000002",
    }
    assert all(ids.values()), ids
    return World(ids=ids, stage_ids=[stage["id"] for stage in stages])


def _object_routes(app: Any) -> list[tuple[str, str]]:
    """Every (method, path) of the API that names an object id, from the OpenAPI document."""
    paths: dict[str, dict[str, Any]] = app.openapi()["paths"]
    return [
        (method.upper(), path)
        for path, operations in sorted(paths.items())
        if path.startswith("/api/v1") and "_id}" in path
        for method in sorted(operations)
    ]


# Hubs, sources, reasons and users are shared configuration: everyone signed in may read them
# (pick lists), only admins change them. They carry no candidate data.
SHARED_READABLE = {
    ("GET", "/api/v1/hubs/{hub_id}"),
    ("GET", "/api/v1/sources/{source_id}"),
}
NOT_OBJECT_SCOPED = {"user_id", "token_id"}  # users/tokens have their own tests (admin/self only)


def _body_for(method: str, path: str, world: World) -> dict[str, Any] | None:
    if (method, path) in BODIES:
        return BODIES[(method, path)]
    if path.endswith("/move"):
        return {"to_stage_id": world.stage_ids[1], "expected_version": 1}
    if path.endswith("/stages") and method == "PUT":
        return {"stages": [{"name": "Only", "category": "applied"}]}
    return None


@pytest.mark.parametrize("role", [Role.HIRING_MANAGER, Role.INTERVIEWER])
def test_outsiders_never_see_or_change_objects(
    app: Any, api_as: Callable[..., TestClient], role: Role
) -> None:
    admin = api_as(Role.ADMIN)
    world = _create_world(admin)
    before = admin.get(f"/api/v1/people/{world.ids['person_id']}").json()
    outsider = api_as(role)
    checked = 0
    for method, path in _object_routes(app):
        params = set(re.findall(r"{(\w+)}", path))
        if params & NOT_OBJECT_SCOPED or (method, path) in SHARED_READABLE:
            continue
        unknown = params - world.ids.keys()
        assert not unknown, f"teach the role matrix about {unknown} ({method} {path})"
        url = path.format(**world.ids)
        body = _body_for(method, path, world)
        if (path.endswith("/attachments") and method == "POST") or (
            path.endswith("/file") and method == "PUT"
        ):
            response = outsider.request(
                method, url, files={"file": ("cv.pdf", minimal_pdf(), "application/pdf")}
            )
        elif body is not None:
            response = outsider.request(method, url, json=body)
        else:
            response = outsider.request(method, url)
        assert response.status_code in {403, 404}, f"{role} {method} {path} -> {response.status_code}"
        for marker in SECRET_MARKERS:
            assert marker not in response.text, f"{role} {method} {path} leaked {marker!r}"
        checked += 1
    assert checked >= 20
    after = admin.get(f"/api/v1/people/{world.ids['person_id']}").json()
    assert after["version"] == before["version"]
    job = admin.get(f"/api/v1/jobs/{world.ids['job_id']}").json()
    assert (job["title"], job["status"]) == ("Hidden Requisition", "open")
    notes = admin.get(f"/api/v1/people/{world.ids['person_id']}/notes").json()
    assert [note["body"] for note in notes] == ["confidential note"]


def test_lists_and_search_hide_other_teams_objects(api_as: Callable[..., TestClient]) -> None:
    admin = api_as(Role.ADMIN)
    _create_world(admin)
    for role in (Role.HIRING_MANAGER, Role.INTERVIEWER):
        outsider = api_as(role)
        for url in (
            "/api/v1/people",
            "/api/v1/people?q=outsider",
            "/api/v1/jobs",
            "/api/v1/applications",
            "/api/v1/pipeline/summary",
        ):
            response = outsider.get(url)
            assert response.status_code in {200, 403}, f"{role} {url} -> {response.status_code}"
            for marker in SECRET_MARKERS:
                assert marker not in response.text, f"{role} {url} leaked {marker!r}"
