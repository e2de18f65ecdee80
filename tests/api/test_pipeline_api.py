"""Pipeline settings and views through HTTP: stage template, job stages, reasons, board, summary."""

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
MINIMAL = [
    {"name": "Inbox", "category": "applied"},
    {"name": "Interview", "category": "interview"},
    {"name": "Hired", "category": "hired"},
    {"name": "Declined", "category": "rejected"},
    {"name": "Withdrew", "category": "withdrawn"},
]


@pytest.fixture
def admin(api_as: ApiAs) -> TestClient:
    return api_as(Role.ADMIN)


def _open_job(admin: TestClient) -> dict[str, Any]:
    hub_id = admin.post("/api/v1/hubs", json=hub_payload()).json()["id"]
    job: dict[str, Any] = admin.post("/api/v1/jobs", json=job_payload(hub_id, status="open")).json()
    return job


def _person(session_factory: sessionmaker[Session], **values: Any) -> str:
    with session_factory() as session:
        person_id = str(make_person(session, **values).id)
        session.commit()
    return person_id


def test_stage_template_defaults_and_replacement(api_as: ApiAs, admin: TestClient) -> None:
    recruiter = api_as(Role.RECRUITER)
    defaults = recruiter.get("/api/v1/settings/stage-template").json()
    assert [stage["name"] for stage in defaults] == [
        "Applied",
        "Screen",
        "Assessment",
        "Hiring manager interview",
        "Final interview",
        "Offer",
        "Hired",
        "Rejected",
        "Withdrawn",
    ]
    assert recruiter.put("/api/v1/settings/stage-template", json={"stages": MINIMAL}).status_code == 403
    replaced = admin.put("/api/v1/settings/stage-template", json={"stages": MINIMAL})
    assert replaced.status_code == 200
    assert [(stage["name"], stage["position"]) for stage in replaced.json()] == [
        (stage["name"], index) for index, stage in enumerate(MINIMAL)
    ]
    job = _open_job(admin)
    assert [stage["name"] for stage in admin.get(f"/api/v1/jobs/{job['id']}/stages").json()] == [
        stage["name"] for stage in MINIMAL
    ]


@pytest.mark.parametrize(
    "stages",
    [
        MINIMAL[:-1],
        [*MINIMAL, {"name": "inbox", "category": "screen"}],
        [],
        [*MINIMAL[:-1], {"name": "Withdrew", "category": "gone"}],
    ],
)
def test_invalid_stage_templates_are_422(admin: TestClient, stages: list[dict[str, str]]) -> None:
    assert admin.put("/api/v1/settings/stage-template", json={"stages": stages}).status_code == 422


def test_job_stage_editing(api_as: ApiAs, admin: TestClient, session_factory: sessionmaker[Session]) -> None:
    job = _open_job(admin)
    url = f"/api/v1/jobs/{job['id']}/stages"
    stages = admin.get(url).json()
    assert (
        admin.post(
            "/api/v1/applications", json={"person_id": _person(session_factory), "job_id": job["id"]}
        ).status_code
        == 201
    )
    body = [{"id": stage["id"], "name": stage["name"], "category": stage["category"]} for stage in stages]
    body[1]["name"] = "Phone screen"
    body.insert(2, {"name": "Coding exercise", "category": "assessment"})
    del body[3]  # the stock "Assessment" stage, empty
    changed = admin.put(url, json={"stages": body})
    assert changed.status_code == 200, changed.text
    assert [stage["name"] for stage in changed.json()][:3] == ["Applied", "Phone screen", "Coding exercise"]
    without_applied = [{"name": "Inbox", "category": "applied"}] + [
        {"id": stage["id"], "name": stage["name"], "category": stage["category"]}
        for stage in changed.json()[1:]
    ]
    occupied = admin.put(url, json={"stages": without_applied})
    assert occupied.status_code == 409
    assert "holds 1 application" in occupied.json()["detail"]
    assert api_as(Role.RECRUITER).put(url, json={"stages": body}).status_code == 403
    assert admin.put(f"/api/v1/jobs/{uuid.uuid4()}/stages", json={"stages": body}).status_code == 404


def test_reason_management(api_as: ApiAs, admin: TestClient) -> None:
    manager = api_as(Role.HIRING_MANAGER)
    withdrawal = manager.get("/api/v1/rejection-reasons", params={"kind": "withdrawal"}).json()
    assert [reason["label"] for reason in withdrawal] == [
        "Accepted another offer",
        "Compensation",
        "Relocation concerns",
        "Personal reasons",
        "No response",
    ]
    assert (
        manager.post("/api/v1/rejection-reasons", json={"kind": "rejection", "label": "Nope"}).status_code
        == 403
    )
    created = admin.post(
        "/api/v1/rejection-reasons", json={"kind": "rejection", "label": "Visa quota exhausted"}
    )
    assert created.status_code == 201
    reason = created.json()
    duplicate = admin.post(
        "/api/v1/rejection-reasons", json={"kind": "rejection", "label": "visa quota EXHAUSTED"}
    )
    assert duplicate.status_code == 409
    url = f"/api/v1/rejection-reasons/{reason['id']}"
    assert manager.patch(url, json={"is_active": False}).status_code == 403
    moved = admin.patch(url, json={"position": 0, "label": "Visa quota reached"}).json()
    assert (moved["position"], moved["label"]) == (0, "Visa quota reached")
    assert admin.patch(url, json={"is_active": False}).json()["is_active"] is False
    active = [r["label"] for r in admin.get("/api/v1/rejection-reasons", params={"kind": "rejection"}).json()]
    assert "Visa quota reached" not in active
    assert active[0] == "Skills do not match"
    everything = admin.get(
        "/api/v1/rejection-reasons", params={"include_inactive": "true", "kind": "rejection"}
    ).json()
    assert everything[0]["label"] == "Visa quota reached"
    assert (
        admin.patch(f"/api/v1/rejection-reasons/{uuid.uuid4()}", json={"is_active": True}).status_code == 404
    )
    assert admin.post("/api/v1/rejection-reasons", json={"kind": "excuse", "label": "X"}).status_code == 422


def test_board_and_summary(admin: TestClient, session_factory: sessionmaker[Session]) -> None:
    job = _open_job(admin)
    person_id = _person(session_factory, first_name="Aiko", last_name="Tanaka", native_name="田中愛子")
    application = admin.post(
        "/api/v1/applications", json={"person_id": person_id, "job_id": job["id"]}
    ).json()
    admin.post("/api/v1/applications", json={"person_id": _person(session_factory), "job_id": job["id"]})
    board = admin.get(f"/api/v1/jobs/{job['id']}/board")
    assert board.status_code == 200
    body = board.json()
    assert (body["job_title"], body["total"], body["columns"][0]["count"]) == (job["title"], 2, 2)
    card = next(card for card in body["columns"][0]["cards"] if card["application_id"] == application["id"])
    assert (card["display_name"], card["native_name"], card["days_in_stage"], card["version"]) == (
        "Aiko Tanaka",
        "田中愛子",
        0,
        1,
    )
    summary = admin.get("/api/v1/pipeline/summary").json()
    assert summary["active_total"] == 2
    assert summary["categories"][0] == {"category": "applied", "count": 2}
    assert [item["category"] for item in summary["categories"]] == [
        "applied",
        "screen",
        "assessment",
        "interview",
        "offer",
    ]
