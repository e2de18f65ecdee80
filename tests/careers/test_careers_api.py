"""API of channels and careers: channel details, tracked links, postings, questions, consents."""

from __future__ import annotations

from collections.abc import Callable

from careers_helpers import OpenJob
from httpx2 import Response
from starlette.testclient import TestClient

from talentbridge.auth.enums import Role

UNIVERSITY = {
    "institution": "Technical University of Munich",
    "country": "de",
    "agreement_start": "2025-01-01",
    "agreement_end": "2027-12-31",
    "contacts": [{"name": "Dr. Anna Becker", "role": "Lab coordinator", "email": "a.becker@tum.example"}],
    "events": [{"name": "AI career fair", "date": "2026-12-03", "kind": "career_fair"}],
    "cohorts": [
        {"graduation_year": 2027, "degree": "master", "field": "Informatics", "expected_headcount": 40}
    ],
}


def test_channel_details_are_validated_per_kind(api_as: Callable[..., TestClient]) -> None:
    recruiter = api_as(Role.RECRUITER)
    uni = recruiter.post("/api/v1/sources", json={"kind": "university", "name": "TUM lab"}).json()
    saved = recruiter.put(f"/api/v1/sources/{uni['id']}/channel-details", json=UNIVERSITY)
    assert saved.status_code == 200
    assert saved.json()["details"]["country"] == "DE"
    assert saved.json()["details"]["events"][0]["date"] == "2026-12-03"
    assert (
        recruiter.get(f"/api/v1/sources/{uni['id']}")
        .json()["channel_details"]["institution"]
        .startswith("Tech")
    )
    inverted = recruiter.put(
        f"/api/v1/sources/{uni['id']}/channel-details", json={**UNIVERSITY, "agreement_end": "2024-01-01"}
    )
    assert inverted.status_code == 422
    unknown = recruiter.put(
        f"/api/v1/sources/{uni['id']}/channel-details", json={"institution": "X", "country": "DE", "fee": 1}
    )
    assert unknown.status_code == 422
    assert unknown.json()["field"] == "fee"


def test_referral_bonus_is_decimal_with_currency_and_a_person_referrer(
    api_as: Callable[..., TestClient],
) -> None:
    recruiter = api_as(Role.RECRUITER)
    referral = recruiter.post(
        "/api/v1/sources", json={"kind": "referral", "name": "Referral by Li", "referrer_name": "Li Wei"}
    ).json()
    url = f"/api/v1/sources/{referral['id']}/channel-details"
    assert recruiter.put(url, json={"bonus_amount": "8000.005"}).status_code == 422  # 2 decimal places
    assert recruiter.put(url, json={"bonus_amount": "8000"}).status_code == 422  # currency required
    assert recruiter.put(url, json={"bonus_amount": "8000", "bonus_currency": "XXQ"}).status_code == 422
    person = recruiter.post("/api/v1/people", json={"first_name": "Li", "emails": ["li@example.com"]}).json()
    ok = recruiter.put(
        url,
        json={
            "bonus_amount": "8000.50",
            "bonus_currency": "cny",
            "payout_status": "approved",
            "referrer_person_id": person["id"],
        },
    )
    assert ok.status_code == 200
    assert ok.json()["details"]["bonus_amount"] == "8000.50"
    assert ok.json()["details"]["bonus_currency"] == "CNY"
    ghost = "00000000-0000-4000-8000-000000000000"
    assert recruiter.put(url, json={"referrer_person_id": ghost}).status_code == 422


def test_changing_the_kind_drops_details_that_no_longer_fit(api_as: Callable[..., TestClient]) -> None:
    recruiter = api_as(Role.RECRUITER)
    agency = recruiter.post("/api/v1/sources", json={"kind": "agency", "name": "Hays"}).json()
    assert (
        recruiter.put(
            f"/api/v1/sources/{agency['id']}/channel-details", json={"fee_terms": "20%"}
        ).status_code
        == 200
    )
    moved = recruiter.patch(f"/api/v1/sources/{agency['id']}", json={"kind": "job_board"}).json()
    assert moved["channel_details"] == {}


def test_channel_details_roles(api_as: Callable[..., TestClient]) -> None:
    admin = api_as(Role.ADMIN)
    source = admin.post("/api/v1/sources", json={"kind": "agency", "name": "Bridgewell"}).json()
    url = f"/api/v1/sources/{source['id']}/channel-details"
    assert admin.put(url, json={"fee_terms": "20% of base"}).status_code == 200
    assert api_as(Role.COMPLIANCE).get(url).status_code == 200
    assert api_as(Role.COMPLIANCE).put(url, json={"fee_terms": "x"}).status_code == 403
    for role in (Role.HIRING_MANAGER, Role.INTERVIEWER):
        assert api_as(role).get(url).status_code == 403
        assert api_as(role).put(url).status_code == 403  # refused before the (missing) body is read
    assert TestClient(admin.app).get(url).status_code == 401


def test_tracked_links_api(api_as: Callable[..., TestClient], open_job: OpenJob) -> None:
    recruiter = api_as(Role.RECRUITER)
    listed = recruiter.get("/api/v1/tracked-links", params={"job_id": open_job.id}).json()
    assert [link["token"] for link in listed] == [open_job.token]
    assert listed[0]["path"] == f"/careers/jobs/{open_job.slug}?ch={open_job.token}"
    again = recruiter.post(
        "/api/v1/tracked-links", json={"source_id": open_job.board_id, "job_id": open_job.id}
    )
    assert again.status_code == 200
    assert again.json()["token"] == open_job.token
    site = recruiter.post("/api/v1/tracked-links", json={"source_id": open_job.board_id})
    assert site.status_code == 201
    assert site.json()["path"] == f"/careers?ch={site.json()['token']}"
    assert recruiter.get(f"/api/v1/tracked-links/{open_job.token}").json()["job_id"] == open_job.id
    assert recruiter.get("/api/v1/tracked-links/nope").status_code == 404
    assert api_as(Role.HIRING_MANAGER).get("/api/v1/tracked-links").status_code == 403
    assert (
        api_as(Role.COMPLIANCE)
        .post("/api/v1/tracked-links", json={"source_id": open_job.board_id})
        .status_code
        == 403
    )
    missing_job = {"source_id": open_job.board_id, "job_id": "00000000-0000-4000-8000-000000000000"}
    assert recruiter.post("/api/v1/tracked-links", json=missing_job).status_code == 404


def test_posting_settings_publish_the_salary_and_hide_the_job(
    api_as: Callable[..., TestClient], client: TestClient, open_job: OpenJob
) -> None:
    recruiter = api_as(Role.RECRUITER)
    url = f"/api/v1/jobs/{open_job.id}/posting"
    posting = recruiter.get(url).json()
    assert posting == {
        "job_id": open_job.id,
        "listed": True,
        "employment_type": "FULL_TIME",
        "valid_through": None,
        "show_salary": False,
        "eligibility_to_work": None,
        "path": f"/careers/jobs/{open_job.slug}",
        "public": True,
    }
    changed = recruiter.patch(
        url,
        json={"show_salary": True, "valid_through": "2027-01-31", "eligibility_to_work": "Visa sponsored."},
    )
    assert changed.status_code == 200
    page = client.get(f"/careers/jobs/{open_job.slug}").text
    assert '"baseSalary"' in page
    assert '"validThrough":"2027-01-31T23:59:00+00:00"' in page
    assert '"eligibilityToWorkRequirement":"Visa sponsored."' in page
    assert recruiter.patch(url, json={"listed": False}).json()["public"] is False
    assert client.get(f"/careers/jobs/{open_job.slug}").status_code == 404
    assert recruiter.patch(url, json={"listed": None}).status_code == 422
    assert api_as(Role.INTERVIEWER).get(url).status_code == 404
    assert api_as(Role.COMPLIANCE).patch(url, json={"listed": True}).status_code == 403


def test_screening_questions_api(api_as: Callable[..., TestClient], open_job: OpenJob) -> None:
    recruiter = api_as(Role.RECRUITER)
    url = f"/api/v1/jobs/{open_job.id}/screening-questions"
    assert [q["prompt"] for q in recruiter.get(url).json()] == ["Need a visa?"]
    body = {
        "questions": [
            {"prompt": "Start date?", "kind": "choice", "choices": ["Now", "Later"]},
            {"prompt": "Portfolio?", "required": False},
        ]
    }
    saved = recruiter.put(url, json=body)
    assert saved.status_code == 200
    assert [(q["prompt"], q["position"], q["required"]) for q in saved.json()] == [
        ("Start date?", 0, True),
        ("Portfolio?", 1, False),
    ]
    assert (
        recruiter.put(
            url, json={"questions": [{"prompt": "X", "kind": "choice", "choices": ["a"]}]}
        ).status_code
        == 422
    )
    assert recruiter.put(url, json={"questions": [{"prompt": "X", "choices": ["a", "b"]}]}).status_code == 422
    assert api_as(Role.HIRING_MANAGER).put(url).status_code == 404


def test_consent_records_are_for_compliance_and_admins(
    api_as: Callable[..., TestClient], apply: Callable[..., Response], open_job: OpenJob
) -> None:
    assert apply(open_job).status_code == 303
    compliance = api_as(Role.COMPLIANCE)
    records = compliance.get("/api/v1/consent-records").json()
    assert [(r["purpose"], r["jurisdiction"], r["country"]) for r in records] == [
        ("recruitment", "EU-GDPR", "DE")
    ]
    person_id = records[0]["person_id"]
    assert len(api_as(Role.ADMIN).get(f"/api/v1/people/{person_id}/consent-records").json()) == 1
    assert compliance.get("/api/v1/consent-records", params={"jurisdiction": "CN-PIPL"}).json() == []
    for role in (Role.RECRUITER, Role.HIRING_MANAGER, Role.INTERVIEWER):
        assert api_as(role).get("/api/v1/consent-records").status_code == 403
        assert api_as(role).get(f"/api/v1/people/{person_id}/consent-records").status_code == 403
