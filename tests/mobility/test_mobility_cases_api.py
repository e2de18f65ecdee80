"""Mobility cases through HTTP: opening, due dates from the rules, documents and their files,
dependants, the board, versions and who may do what."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from mobility_helpers import Hire
from starlette.testclient import TestClient

from factories.records import minimal_pdf
from talentbridge.auth.enums import Role


def _open(hire: Hire, client: TestClient | None = None, **extra: Any) -> dict[str, Any]:
    response = (client or hire.admin).post(
        "/api/v1/mobility/cases", json={"application_id": hire.application_id, **extra}
    )
    assert response.status_code == 201, response.text
    return response.json()


def _step(case: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(step for step in case["steps"] if step["kind"] == kind)


def _doc(case: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(doc for doc in case["documents"] if doc["kind"] == kind)


def test_open_case_derives_due_dates_and_lists_the_checklist(hire: Hire) -> None:
    case = _open(hire, opened_on="2026-03-02")
    assert [step["kind"] for step in case["steps"]] == [
        "work_permit_notice",
        "z_visa",
        "entry",
        "work_permit_card",
        "residence_permit",
    ]
    assert _step(case, "work_permit_notice")["due_on"] == "2026-03-30"  # about 20 working days
    assert _step(case, "work_permit_notice")["due_kind"] == "expected"
    assert _step(case, "residence_permit")["due_on"] is None  # counted from entry, not yet known
    kinds = {doc["kind"] for doc in case["documents"]}
    assert {"passport", "degree_certificate", "criminal_record", "medical_check", "cv", "photo"} <= kinds
    assert "employment_contract" in kinds
    assert _doc(case, "criminal_record")["validity_days"] == 180
    assert _doc(case, "degree_certificate")["requires_authentication"] is True
    assert case["current_step"] == "work_permit_notice"
    assert any("10 days" in warning for warning in case["warnings"])  # the card-deadline conflict
    again = hire.admin.post("/api/v1/mobility/cases", json={"application_id": hire.application_id})
    assert again.status_code == 409


def test_completing_steps_moves_the_deadlines(hire: Hire) -> None:
    case = _open(hire, opened_on="2026-03-02")
    notice = _step(case, "work_permit_notice")
    case = hire.admin.patch(
        f"/api/v1/mobility/cases/{case['id']}/steps/{notice['id']}",
        json={"status": "done", "completed_on": "2026-03-20"},
    ).json()
    assert _step(case, "z_visa")["due_on"] == "2026-06-18"  # the Notice is valid 90 days
    entry = _step(case, "entry")
    case = hire.admin.patch(
        f"/api/v1/mobility/cases/{case['id']}/steps/{entry['id']}",
        json={"status": "done", "completed_on": "2026-05-01"},
    ).json()
    assert case["entry_date"] == "2026-05-01"
    assert _step(case, "work_permit_card")["due_on"] == "2026-05-16"  # 15 days after entry
    assert _step(case, "residence_permit")["due_on"] == "2026-05-31"  # 30 days after entry
    assert case["current_step"] == "z_visa"
    future = (datetime.now(UTC).date() + timedelta(days=30)).isoformat()
    refused = hire.admin.patch(
        f"/api/v1/mobility/cases/{case['id']}/steps/{entry['id']}",
        json={"status": "done", "completed_on": future},
    )
    assert refused.status_code == 422


def test_document_expiry_from_the_validity_window(hire: Hire) -> None:
    case = _open(hire)
    record = _doc(case, "criminal_record")
    updated = hire.admin.patch(
        f"/api/v1/mobility/cases/{case['id']}/documents/{record['id']}",
        json={"status": "received", "issued_on": "2026-01-10", "authentication": "apostille"},
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["expires_on"] == "2026-07-09"
    passport = _doc(case, "passport")
    stated = hire.admin.patch(
        f"/api/v1/mobility/cases/{case['id']}/documents/{passport['id']}",
        json={"issued_on": "2020-01-01", "expires_on": "2030-01-01"},
    ).json()
    assert stated["expires_on"] == "2030-01-01"
    backwards = hire.admin.patch(
        f"/api/v1/mobility/cases/{case['id']}/documents/{passport['id']}",
        json={"issued_on": "2020-01-01", "expires_on": "2019-01-01"},
    )
    assert backwards.status_code == 422


def test_versions_owners_and_dependants(hire: Hire, make_user: Callable[..., Any]) -> None:
    case = _open(hire)
    url = f"/api/v1/mobility/cases/{case['id']}"
    changed = hire.admin.patch(url, json={"expected_version": case["version"], "status": "on_hold"})
    assert changed.status_code == 200
    assert changed.json()["status"] == "on_hold"
    stale = hire.admin.patch(url, json={"expected_version": case["version"], "status": "open"})
    assert stale.status_code == 409
    missing_user = hire.admin.patch(
        url,
        json={
            "expected_version": changed.json()["version"],
            "owner_ids": ["00000000-0000-4000-8000-000000000001"],
        },
    )
    assert missing_user.status_code == 422
    dependant = hire.admin.post(
        f"{url}/dependants", json={"full_name": "Lena Schmidt", "relation": "child", "nationality": "DE"}
    )
    assert dependant.status_code == 201, dependant.text
    assert (
        hire.admin.post(f"{url}/dependants", json={"full_name": "", "relation": "cousin"}).status_code == 422
    )
    assert len(hire.admin.get(url).json()["dependants"]) == 1
    assert hire.admin.delete(f"{url}/dependants/{dependant.json()['id']}").status_code == 204
    assert hire.admin.get(url).json()["dependants"] == []


def test_document_files_only_for_owners_compliance_and_admins(
    hire: Hire, api_as: Callable[..., TestClient], make_user: Callable[..., Any]
) -> None:
    owner_user = make_user(Role.RECRUITER)
    owner = api_as(user=owner_user)
    case = _open(hire, client=owner)
    assert case["owner_ids"] == [str(owner_user.id)]
    passport = _doc(case, "passport")
    file_url = f"/api/v1/mobility/cases/{case['id']}/documents/{passport['id']}/file"
    uploaded = owner.put(file_url, files={"file": ("passport.pdf", minimal_pdf(), "application/pdf")})
    assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json()["has_file"] is True
    assert uploaded.json()["status"] == "received"
    assert owner.get(file_url).content == minimal_pdf()
    assert api_as(Role.COMPLIANCE).get(file_url).status_code == 200
    assert hire.admin.get(file_url).status_code == 200
    other_recruiter = api_as(Role.RECRUITER)
    assert other_recruiter.get(f"/api/v1/mobility/cases/{case['id']}").status_code == 200  # sees the case
    assert other_recruiter.get(file_url).status_code == 403  # but not the passport
    assert (
        other_recruiter.put(file_url, files={"file": ("x.pdf", minimal_pdf(), "application/pdf")}).status_code
        == 403
    )
    for role in (Role.HIRING_MANAGER, Role.INTERVIEWER):
        outsider = api_as(role)
        assert outsider.get(file_url).status_code == 404
        assert outsider.get(f"/api/v1/mobility/cases/{case['id']}").status_code == 404
        assert outsider.get("/api/v1/mobility/cases").json() == []
    bad = owner.put(file_url, files={"file": ("passport.pdf", b"not a pdf", "application/pdf")})
    assert bad.status_code == 422
    person_files = hire.admin.get(f"/api/v1/people/{hire.person_id}/attachments").json()
    assert person_files == []  # case documents never appear in the person's Files tab
    assert owner.delete(file_url).status_code == 200
    assert owner.get(file_url).status_code == 404


def test_board_groups_by_current_step(hire: Hire, api_as: Callable[..., TestClient]) -> None:
    case = _open(hire)
    board = hire.admin.get("/api/v1/mobility/board").json()
    columns = {column["key"]: column for column in board["columns"]}
    assert columns["work_permit_notice"]["count"] == 1
    assert columns["work_permit_notice"]["cases"][0]["person_name"] == "Anna Schmidt"
    assert list(columns) == [
        "work_permit_notice",
        "z_visa",
        "entry",
        "work_permit_card",
        "residence_permit",
        "completed",
    ]
    listed = hire.admin.get("/api/v1/mobility/cases?status=open").json()
    assert [item["id"] for item in listed] == [case["id"]]
    assert hire.admin.get("/api/v1/mobility/cases?status=completed").json() == []
    assert hire.admin.get("/api/v1/mobility/cases?status=nonsense").status_code == 422


def test_roles_on_cases(hire: Hire, api_as: Callable[..., TestClient], client: TestClient) -> None:
    assert client.get("/api/v1/mobility/cases").status_code == 401
    assert (
        client.post("/api/v1/mobility/cases", json={"application_id": hire.application_id}).status_code == 401
    )
    interviewer = api_as(Role.INTERVIEWER)
    assert (
        interviewer.post("/api/v1/mobility/cases", json={"application_id": hire.application_id}).status_code
        == 403
    )
    case = _open(hire)
    recruiter = api_as(Role.RECRUITER)
    steps = f"/api/v1/mobility/cases/{case['id']}/steps/{case['steps'][0]['id']}"
    assert recruiter.patch(steps, json={"status": "done"}).status_code == 403  # not an owner
    assert recruiter.delete(f"/api/v1/mobility/cases/{case['id']}").status_code == 403
    assert api_as(Role.COMPLIANCE).patch(steps, json={"status": "in_progress"}).status_code == 200
    assert recruiter.post("/api/v1/mobility/reminders/scan", json={}).status_code == 403
    missing = "00000000-0000-4000-8000-000000000000"
    assert hire.admin.get(f"/api/v1/mobility/cases/{missing}").status_code == 404
    assert (
        hire.admin.patch(f"/api/v1/mobility/cases/{case['id']}/steps/{missing}", json={}).status_code == 404
    )
    assert hire.admin.post("/api/v1/mobility/cases", json={"application_id": missing}).status_code == 404
    assert api_as(Role.COMPLIANCE).delete(f"/api/v1/mobility/cases/{case['id']}").status_code == 204
    assert hire.admin.get(f"/api/v1/mobility/cases/{case['id']}").status_code == 404
