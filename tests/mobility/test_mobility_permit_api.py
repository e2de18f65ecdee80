"""Permit facts, offer terms and assessments through HTTP: roles, validation, storage, warnings."""

from __future__ import annotations

from collections.abc import Callable

from mobility_helpers import Hire
from starlette.testclient import TestClient

from talentbridge.auth.enums import Role

GOOD_OFFER = {"annual_salary_cny": "800000", "months_in_china_per_year": 12}


def test_assessment_is_computed_and_stored_once_for_unchanged_facts(hire: Hire) -> None:
    first = hire.admin.get(f"/api/v1/people/{hire.person_id}/permit-assessment")
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["rule_version"]
    assert {"points_total", "factors", "routes", "category", "what_if", "warnings"} <= body["result"].keys()
    again = hire.admin.get(f"/api/v1/people/{hire.person_id}/permit-assessment?recompute=true").json()
    assert again["id"] == body["id"]  # nothing changed: the stored one is reused


def test_saving_facts_reassesses_and_certified_hsk_overrides_the_record(hire: Hire) -> None:
    before = hire.admin.get(f"/api/v1/people/{hire.person_id}/permit-assessment").json()
    assert before["fact_origins"]["hsk_level"] == "languages"  # HSK3 from the person's languages
    saved = hire.admin.put(
        f"/api/v1/people/{hire.person_id}/permit-facts", json={"hsk_level": 6, "has_patents": True}
    )
    assert saved.status_code == 200, saved.text
    after = saved.json()
    assert after["id"] != before["id"]
    assert after["points_total"] > before["points_total"]
    assert after["fact_origins"]["hsk_level"] == "certified"
    facts = hire.admin.get(f"/api/v1/people/{hire.person_id}/permit-facts").json()
    assert facts["hsk_level"] == 6
    assert facts["has_patents"] is True


def test_offer_terms_default_to_the_hub_city_and_a_good_offer_reaches_a_category(hire: Hire) -> None:
    response = hire.admin.put(f"/api/v1/applications/{hire.application_id}/offer-terms", json=GOOD_OFFER)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["assessment"]["fact_origins"]["work_city"] == "hub"
    assert body["assessment"]["category"] in {"A", "B"}
    assert body["no_category_warning"] is False
    terms = hire.admin.get(f"/api/v1/applications/{hire.application_id}/offer-terms").json()
    assert terms["annual_salary_cny"] == "800000.00"


def test_offer_for_a_candidate_reaching_no_category_warns(
    hire: Hire, api_as: Callable[..., TestClient]
) -> None:
    young = hire.admin.post(
        "/api/v1/people",
        json={
            "first_name": "Tom",
            "emails": ["tom@example.com"],
            "date_of_birth": "1962-01-01",
            "educations": [{"degree_level": "secondary", "institution": "School"}],
            "experiences": [
                {"title": "Intern", "employer": "X", "country": "GB", "start_date": "2025-06-01"}
            ],
        },
    ).json()
    application = hire.admin.post(
        "/api/v1/applications", json={"person_id": young["id"], "job_id": hire.job_id}
    ).json()
    hire.admin.put(f"/api/v1/people/{young['id']}/permit-facts", json={"hsk_level": 0})
    saved = hire.admin.put(
        f"/api/v1/applications/{application['id']}/offer-terms",
        json={"annual_salary_cny": "60000", "months_in_china_per_year": 3},
    ).json()
    assert saved["assessment"]["category"] is None
    assert saved["no_category_warning"] is True
    move = hire.admin.post(
        f"/api/v1/applications/{application['id']}/move",
        json={"to_stage_id": hire.stages["offer"], "expected_version": 1},
    )
    assert move.status_code == 200, move.text
    latest = hire.admin.get(
        f"/api/v1/people/{young['id']}/permit-assessment?application_id={application['id']}"
    ).json()
    assert latest["offer_stage_warning"] is True


def test_roles(hire: Hire, api_as: Callable[..., TestClient]) -> None:
    url = f"/api/v1/people/{hire.person_id}/permit-assessment"
    compliance = api_as(Role.COMPLIANCE)
    assert compliance.get(url).status_code == 200
    assert compliance.put(f"/api/v1/people/{hire.person_id}/permit-facts", json={}).status_code == 403
    recruiter = api_as(Role.RECRUITER)
    assert (
        recruiter.put(f"/api/v1/people/{hire.person_id}/permit-facts", json={"hsk_level": 4}).status_code
        == 200
    )
    for role in (Role.HIRING_MANAGER, Role.INTERVIEWER):  # not on the job's team: the person is invisible
        outsider = api_as(role)
        assert outsider.get(url).status_code == 404
        put = outsider.put(f"/api/v1/applications/{hire.application_id}/offer-terms", json=GOOD_OFFER)
        assert put.status_code == 404


def test_unauthenticated_and_unknown_ids(hire: Hire, client: TestClient) -> None:
    assert client.get(f"/api/v1/people/{hire.person_id}/permit-assessment").status_code == 401
    missing = "00000000-0000-4000-8000-000000000000"
    assert hire.admin.get(f"/api/v1/people/{missing}/permit-assessment").status_code == 404
    assert hire.admin.put(f"/api/v1/applications/{missing}/offer-terms", json=GOOD_OFFER).status_code == 404
    other = hire.admin.get(
        f"/api/v1/people/{hire.person_id}/permit-assessment?application_id={missing}"
    ).status_code
    assert other == 404


def test_validation(hire: Hire) -> None:
    url = f"/api/v1/people/{hire.person_id}/permit-facts"
    assert hire.admin.put(url, json={"hsk_level": 7}).status_code == 422
    assert hire.admin.put(url, json={"vocational_level": "wizard"}).status_code == 422
    assert hire.admin.put(url, json={"unexpected": 1}).status_code == 422
    unknown = hire.admin.put(url, json={"direct_criteria": ["not_a_criterion"]})
    assert unknown.status_code == 422
    assert unknown.json()["field"] == "direct_criteria"
    offer = f"/api/v1/applications/{hire.application_id}/offer-terms"
    assert hire.admin.put(offer, json={"months_in_china_per_year": 13}).status_code == 422
    assert hire.admin.put(offer, json={"annual_salary_cny": "-1"}).status_code == 422
