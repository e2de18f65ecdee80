"""Jobs through HTTP: create, read, patch with versions, status rules, team, lists, delete."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories.jobs import hub_payload, job_payload, make_person
from talentbridge.auth.enums import Role

ApiAs = Callable[..., TestClient]


@pytest.fixture
def admin(api_as: ApiAs) -> TestClient:
    return api_as(Role.ADMIN)


@pytest.fixture
def hub_id(admin: TestClient) -> str:
    return str(admin.post("/api/v1/hubs", json=hub_payload()).json()["id"])


def _create_job(api: TestClient, hub_id: str, **overrides: Any) -> dict[str, Any]:
    response = api.post("/api/v1/jobs", json=job_payload(hub_id, **overrides))
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_recruiter_creates_a_job_and_reads_it_back(api_as: ApiAs, hub_id: str) -> None:
    recruiter = api_as(Role.RECRUITER)
    job = _create_job(recruiter, hub_id, description_md="**Build** it <script>alert(1)</script>")
    assert (job["status"], job["version"], job["headcount"]) == ("draft", 1, 2)
    assert job["created_by_id"] == str(recruiter.user.id)  # type: ignore[attr-defined]
    assert job["salary_visible"]
    assert job["salary_min"] == "600000.00"
    assert job["salary_period"] == "year"
    assert job["description_html"].startswith("<p><strong>Build</strong> it &lt;script&gt;")
    assert "<script" not in job["description_html"]
    again = recruiter.get(f"/api/v1/jobs/{job['id']}")
    assert again.status_code == 200
    assert again.json() == job
    stages = recruiter.get(f"/api/v1/jobs/{job['id']}/stages").json()
    assert [stage["category"] for stage in stages][:2] == ["applied", "screen"]


def test_salary_max_below_min_is_422_on_salary_max(admin: TestClient, hub_id: str) -> None:
    response = admin.post("/api/v1/jobs", json=job_payload(hub_id, salary_min="10", salary_max="9"))
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", "salary_max"]]


def test_incomplete_salary_band_is_422(admin: TestClient, hub_id: str) -> None:
    response = admin.post("/api/v1/jobs", json=job_payload(hub_id, salary_period=None))
    assert response.status_code == 422
    assert "together" in response.text


def test_unknown_hub_is_422_and_unknown_job_is_404(admin: TestClient) -> None:
    response = admin.post("/api/v1/jobs", json=job_payload(uuid.uuid4()))
    assert response.status_code == 422
    assert response.json()["field"] == "hub_id"
    assert admin.get(f"/api/v1/jobs/{uuid.uuid4()}").status_code == 404
    assert admin.get("/api/v1/jobs/not-a-uuid").status_code == 422


def test_patch_needs_the_current_version(admin: TestClient, hub_id: str) -> None:
    job = _create_job(admin, hub_id)
    url = f"/api/v1/jobs/{job['id']}"
    missing = admin.patch(url, json={"title": "No version"})
    assert missing.status_code == 428
    assert missing.json()["field"] == "expected_version"
    assert admin.patch(url, json={"title": "x"}, headers={"If-Match": "latest"}).status_code == 422
    changed = admin.patch(url, json={"expected_version": 1, "title": "Staff ML Engineer", "headcount": 1})
    assert changed.status_code == 200, changed.text
    assert (changed.json()["title"], changed.json()["version"]) == ("Staff ML Engineer", 2)
    via_header = admin.patch(url, json={"headcount": 2}, headers={"If-Match": '"2"'})
    assert via_header.status_code == 200, via_header.text
    assert via_header.json()["version"] == 3
    stale = admin.patch(url, json={"expected_version": 1, "title": "Lost update"})
    assert stale.status_code == 409
    assert (stale.json()["code"], stale.json()["current_version"]) == ("stale_version", 3)
    assert admin.get(url).json()["title"] == "Staff ML Engineer"


def test_patch_checks_the_merged_salary_band(admin: TestClient, hub_id: str) -> None:
    job = _create_job(admin, hub_id)
    response = admin.patch(f"/api/v1/jobs/{job['id']}", json={"expected_version": 1, "salary_max": "100"})
    assert response.status_code == 422
    assert response.json()["field"] == "salary_max"


def test_patch_replaces_requirement_lists(admin: TestClient, hub_id: str) -> None:
    job = _create_job(admin, hub_id)
    body = {
        "expected_version": 1,
        "required_skills": [{"name": "SQL", "weight": 10}],
        "languages": [{"language": "zh", "min_level": "HSK5"}],
        "applicant_countries": ["cn"],
    }
    changed = admin.patch(f"/api/v1/jobs/{job['id']}", json=body).json()
    assert changed["required_skills"] == [{"name": "SQL", "weight": 10.0}]
    assert changed["preferred_skills"] == [{"name": "CUDA", "weight": 3.0}]
    assert changed["languages"] == [{"language": "zh", "min_level": "HSK5", "required": True}]
    assert changed["applicant_countries"] == ["CN"]


def test_status_changes_follow_the_life_cycle(admin: TestClient, hub_id: str) -> None:
    job = _create_job(admin, hub_id)
    url = f"/api/v1/jobs/{job['id']}/status"
    opened = admin.post(url, json={"status": "open"})
    assert opened.status_code == 200
    assert opened.json()["opened_at"] is not None
    closed = admin.post(url, json={"status": "closed", "expected_version": opened.json()["version"]}).json()
    assert closed["closed_at"] is not None
    refused = admin.post(url, json={"status": "filled"})
    assert refused.status_code == 422
    assert refused.json()["field"] == "status"
    assert "reopen it first" in refused.json()["detail"]
    reopened = admin.post(url, json={"status": "open"}).json()
    assert (reopened["opened_at"], reopened["closed_at"]) == (opened.json()["opened_at"], None)
    assert admin.post(url, json={"status": "open", "expected_version": 1}).status_code == 409
    assert admin.post(url, json={"status": "archived"}).status_code == 422


def test_team_controls_who_sees_the_job_and_interviewers_never_see_salary(
    api_as: ApiAs, admin: TestClient, hub_id: str
) -> None:
    manager, interviewer = api_as(Role.HIRING_MANAGER), api_as(Role.INTERVIEWER)
    job = _create_job(admin, hub_id)
    url = f"/api/v1/jobs/{job['id']}"
    assert manager.get(url).status_code == 404
    team = {
        "members": [
            {"user_id": str(manager.user.id), "role": "hiring_manager"},  # type: ignore[attr-defined]
            {"user_id": str(interviewer.user.id), "role": "interviewer"},  # type: ignore[attr-defined]
        ]
    }
    response = admin.put(f"{url}/team", json=team)
    assert response.status_code == 200
    assert {member["role"] for member in response.json()["team"]} == {"hiring_manager", "interviewer"}
    assert manager.get(url).json()["salary_min"] == "600000.00"
    seen_by_interviewer = interviewer.get(url).json()
    assert seen_by_interviewer["salary_visible"] is False
    assert all(
        seen_by_interviewer[field] is None for field in ("salary_currency", "salary_min", "salary_max")
    )
    assert "600000" not in interviewer.get(url).text
    assert [item["id"] for item in interviewer.get("/api/v1/jobs").json()["items"]] == [job["id"]]


def test_list_filters_sorts_and_pages(admin: TestClient, hub_id: str) -> None:
    other_hub = admin.post("/api/v1/hubs", json=hub_payload()).json()["id"]
    for title, hub, status in [
        ("Backend Engineer", hub_id, "open"),
        ("Data Analyst", hub_id, "draft"),
        ("ML Engineer", other_hub, "open"),
    ]:
        _create_job(admin, hub, title=title, status=status)
    page = admin.get("/api/v1/jobs", params={"sort": "title", "limit": 2}).json()
    assert [item["title"] for item in page["items"]] == ["Backend Engineer", "Data Analyst"]
    assert page["total"] == 3
    assert page["next_cursor"]
    rest = admin.get(
        "/api/v1/jobs", params={"sort": "title", "limit": 2, "cursor": page["next_cursor"]}
    ).json()
    assert [item["title"] for item in rest["items"]] == ["ML Engineer"]
    assert rest["next_cursor"] is None
    filtered = admin.get("/api/v1/jobs", params={"status": "open", "hub_id": hub_id}).json()
    assert [item["title"] for item in filtered["items"]] == ["Backend Engineer"]
    assert admin.get("/api/v1/jobs", params={"q": "ENGINEER"}).json()["total"] == 2
    newest = admin.get("/api/v1/jobs").json()["items"]
    assert [item["title"] for item in newest] == ["ML Engineer", "Data Analyst", "Backend Engineer"]
    assert newest[0]["hub_name"]
    assert newest[0]["active_applications"] == 0


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 201},
        {"sort": "salary"},
        {"status": "paused"},
        {"cursor": "%%%"},
        {"colour": "red"},
    ],
)
def test_bad_list_parameters_are_422(admin: TestClient, params: dict[str, str | int]) -> None:
    assert admin.get("/api/v1/jobs", params=params).status_code == 422


def test_delete_job_without_applications_only(
    admin: TestClient, hub_id: str, session_factory: sessionmaker[Session]
) -> None:
    empty, busy = _create_job(admin, hub_id), _create_job(admin, hub_id, status="open")
    with session_factory() as session:
        person_id = str(make_person(session).id)
        session.commit()
    assert (
        admin.post("/api/v1/applications", json={"person_id": person_id, "job_id": busy["id"]}).status_code
        == 201
    )
    refused = admin.delete(f"/api/v1/jobs/{busy['id']}")
    assert refused.status_code == 409
    assert "close it instead" in refused.json()["detail"]
    assert admin.delete(f"/api/v1/jobs/{empty['id']}").json() == {"id": empty["id"], "deleted": True}
    assert admin.get(f"/api/v1/jobs/{empty['id']}").status_code == 404


def test_job_routes_are_documented_with_response_models(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/jobs",
        "/api/v1/jobs/{job_id}",
        "/api/v1/hubs/{hub_id}",
        "/api/v1/jobs/{job_id}/team",
    ):
        for method, operation in paths[path].items():
            success = next(code for code in operation["responses"] if code.startswith("2"))
            assert "content" in operation["responses"][success], (path, method)
