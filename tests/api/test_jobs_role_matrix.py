"""Role matrix for every jobs/pipeline route that takes an object id.

Hiring managers and interviewers who are not on a job's hiring team must not learn anything about
it: every such route answers 404 (or 403 for role-level refusals) and the body carries none of
the job's, application's or candidate's data, and nothing changes. Team members get exactly the
access their role allows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories.jobs import hub_payload, job_payload, make_person
from talentbridge.auth.enums import Role

ApiAs = Callable[..., TestClient]


@dataclass
class World:
    """A job with a salary band, one application by a named candidate, and its ids."""

    admin: TestClient
    hub: dict[str, Any]
    job: dict[str, Any]
    stages: list[dict[str, Any]]
    application: dict[str, Any]
    person_name: str
    reason_id: str

    def secrets(self) -> list[str]:
        """Strings that must never appear in an answer to someone who may not see the job."""
        return [
            self.job["id"],
            self.job["title"],
            self.application["id"],
            self.application["person_id"],
            self.person_name,
            "600000",
            *(stage["id"] for stage in self.stages),
        ]


def _build_world(api_as: ApiAs, session_factory: sessionmaker[Session]) -> World:
    admin = api_as(Role.ADMIN)
    hub = admin.post("/api/v1/hubs", json=hub_payload()).json()
    job = admin.post(
        "/api/v1/jobs", json=job_payload(hub["id"], title="Quant Researcher Zeta", status="open")
    ).json()
    with session_factory() as session:
        person = make_person(session, first_name="Xiaoming", last_name="Secretperson")
        person_id = str(person.id)
        session.commit()
    application = admin.post(
        "/api/v1/applications", json={"person_id": person_id, "job_id": job["id"]}
    ).json()
    stages = admin.get(f"/api/v1/jobs/{job['id']}/stages").json()
    reason_id = admin.get("/api/v1/rejection-reasons").json()[0]["id"]
    return World(admin, hub, job, stages, application, "Secretperson", reason_id)


def _job_routes(world: World) -> list[tuple[str, str, Any]]:
    """(method, path, JSON body) of every route scoped to the job or its application."""
    job, application = world.job["id"], world.application["id"]
    stage_list = [{"id": s["id"], "name": s["name"], "category": s["category"]} for s in world.stages]
    screen = next(stage["id"] for stage in world.stages if stage["name"] == "Screen")
    return [
        ("GET", f"/api/v1/jobs/{job}", None),
        ("PATCH", f"/api/v1/jobs/{job}", {"expected_version": 1, "title": "Hijacked"}),
        ("DELETE", f"/api/v1/jobs/{job}", None),
        ("POST", f"/api/v1/jobs/{job}/status", {"status": "on_hold"}),
        ("GET", f"/api/v1/jobs/{job}/stages", None),
        ("PUT", f"/api/v1/jobs/{job}/stages", {"stages": stage_list}),
        ("PUT", f"/api/v1/jobs/{job}/team", {"members": []}),
        ("GET", f"/api/v1/jobs/{job}/board", None),
        ("GET", f"/api/v1/applications/{application}", None),
        ("POST", f"/api/v1/applications/{application}/move", {"to_stage_id": screen, "expected_version": 1}),
        ("GET", f"/api/v1/applications/{application}/transitions", None),
    ]


def _admin_routes(world: World) -> list[tuple[str, str, Any]]:
    """Routes on objects everyone may see but only admins may change."""
    hub = world.hub["id"]
    return [
        ("PATCH", f"/api/v1/hubs/{hub}", {"name": "Hijacked hub"}),
        ("DELETE", f"/api/v1/hubs/{hub}", None),
        ("PATCH", f"/api/v1/rejection-reasons/{world.reason_id}", {"label": "Hijacked reason"}),
    ]


def _call(api: TestClient, method: str, path: str, body: Any) -> Any:
    return api.request(method, path, json=body) if body is not None else api.request(method, path)


def _assert_unchanged(world: World) -> None:
    job = world.admin.get(f"/api/v1/jobs/{world.job['id']}").json()
    assert (job["version"], job["title"], job["status"], len(job["team"])) == (
        1,
        world.job["title"],
        "open",
        0,
    )
    application = world.admin.get(f"/api/v1/applications/{world.application['id']}").json()
    assert (application["version"], application["stage_name"]) == (1, "Applied")
    assert world.admin.get(f"/api/v1/hubs/{world.hub['id']}").json()["name"] == world.hub["name"]


@pytest.mark.parametrize("role", [Role.HIRING_MANAGER, Role.INTERVIEWER])
def test_outsiders_learn_nothing_about_a_job_they_are_not_on(
    role: Role, api_as: ApiAs, session_factory: sessionmaker[Session]
) -> None:
    world = _build_world(api_as, session_factory)
    outsider = api_as(role)
    problems = []
    for method, path, body in _job_routes(world) + _admin_routes(world):
        response = _call(outsider, method, path, body)
        expected = {404} if "/jobs/" in path or "/applications/" in path else {403}
        if response.status_code not in expected:
            problems.append(f"{method} {path}: {response.status_code} (expected {expected})")
        leaked = [secret for secret in world.secrets() if secret in response.text]
        if leaked:
            problems.append(f"{method} {path}: body leaks {leaked}")
    assert problems == []
    _assert_unchanged(world)


@pytest.mark.parametrize("role", [Role.HIRING_MANAGER, Role.INTERVIEWER])
def test_outsiders_lists_and_summary_omit_the_job(
    role: Role, api_as: ApiAs, session_factory: sessionmaker[Session]
) -> None:
    world = _build_world(api_as, session_factory)
    outsider = api_as(role)
    for path, params in [
        ("/api/v1/jobs", {}),
        ("/api/v1/jobs", {"q": "Quant"}),
        ("/api/v1/applications", {}),
        ("/api/v1/applications", {"job_id": world.job["id"]}),
        ("/api/v1/applications", {"person_id": world.application["person_id"]}),
    ]:
        response = outsider.get(path, params=params)
        assert response.status_code == 200
        assert response.json()["items"] == []
        assert response.json()["total"] == 0
    assert outsider.get("/api/v1/pipeline/summary").json()["active_total"] == 0


# What team members may do; the move is to the current stage, so an allowed move shows as 409 (it
# got past the permission check) without changing anything.
TEAM_EXPECTATIONS = {
    Role.HIRING_MANAGER: [200, 403, 403, 403, 200, 403, 403, 200, 200, 409, 200],
    Role.INTERVIEWER: [200, 403, 403, 403, 200, 403, 403, 200, 200, 403, 200],
}


@pytest.mark.parametrize("role", [Role.HIRING_MANAGER, Role.INTERVIEWER])
def test_team_members_get_what_their_role_allows(
    role: Role, api_as: ApiAs, session_factory: sessionmaker[Session]
) -> None:
    world = _build_world(api_as, session_factory)
    member = api_as(role)
    team_role = "hiring_manager" if role is Role.HIRING_MANAGER else "interviewer"
    world.admin.put(
        f"/api/v1/jobs/{world.job['id']}/team",
        json={"members": [{"user_id": str(member.user.id), "role": team_role}]},  # type: ignore[attr-defined]
    )
    applied = next(stage["id"] for stage in world.stages if stage["name"] == "Applied")
    routes = _job_routes(world)
    routes[9] = ("POST", routes[9][1], {"to_stage_id": applied, "expected_version": 1})
    statuses = [_call(member, method, path, body).status_code for method, path, body in routes]
    assert statuses == TEAM_EXPECTATIONS[role]
    read = member.get(f"/api/v1/jobs/{world.job['id']}").json()
    assert read["salary_visible"] is (role is Role.HIRING_MANAGER)


def test_compliance_reads_everything_but_changes_nothing(
    api_as: ApiAs, session_factory: sessionmaker[Session]
) -> None:
    world = _build_world(api_as, session_factory)
    compliance = api_as(Role.COMPLIANCE)
    statuses = [
        _call(compliance, method, path, body).status_code for method, path, body in _job_routes(world)
    ]
    assert statuses == [200, 403, 403, 403, 200, 403, 403, 200, 200, 403, 200]
    assert [_call(compliance, m, p, b).status_code for m, p, b in _admin_routes(world)] == [403, 403, 403]
    _assert_unchanged(world)
