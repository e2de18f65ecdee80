"""Mobility pages: the Work permit tab and its forms, badges on the pipeline, the case board and page."""

from __future__ import annotations

import re
from collections.abc import Callable

from mobility_helpers import Hire, csrf_of
from starlette.testclient import TestClient

from factories.records import minimal_pdf
from talentbridge.auth.enums import Role


def _tab(hire: Hire) -> str:
    return f"/people/{hire.person_id}?tab=permit"


def test_work_permit_tab_shows_factors_routes_and_warnings(
    hire: Hire, pages: Callable[..., TestClient]
) -> None:
    client = pages(Role.RECRUITER)
    page = client.get(_tab(hire))
    assert page.status_code == 200, page.text
    html = page.text
    assert "Work permit" in html
    for text in (
        "Annual salary",
        "Age",
        "Chinese language",
        "Routes to A and B",
        "Uncertainties and local rules",
    ):
        assert text in html, text
    assert "HSK levels are scored as HSK 2.0 levels" in html  # an uncertainty from the rules, shown
    assert "Offer for Senior Machine Learning Engineer" in html
    assert re.search(r'class="badge badge--\w+ permit-badge"', html)  # header badge once assessed


def test_saving_facts_changes_category_and_points(hire: Hire, pages: Callable[..., TestClient]) -> None:
    client = pages(Role.RECRUITER)
    before = hire.admin.get(f"/api/v1/people/{hire.person_id}/permit-assessment").json()["points_total"]
    token = csrf_of(client.get(_tab(hire)).text)
    response = client.post(
        f"/people/{hire.person_id}/permit-facts",
        data={"csrf_token": token, "hsk_level": "6", "has_patents": "1", "vocational_level": "none"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    after = hire.admin.get(f"/api/v1/people/{hire.person_id}/permit-assessment").json()
    assert after["points_total"] > before
    page = client.get(_tab(hire)).text
    assert "Permit facts saved" in page
    bad = client.post(
        f"/people/{hire.person_id}/permit-facts",
        data={"csrf_token": token, "relevant_experience_years": "many"},
    )
    assert bad.status_code == 422
    assert "Enter a number of years from 0 to 70." in bad.text


def test_offer_terms_form_warns_when_no_category(hire: Hire, pages: Callable[..., TestClient]) -> None:
    client = pages(Role.RECRUITER)
    hire.admin.put(
        f"/api/v1/people/{hire.person_id}/permit-facts", json={"hsk_level": 0, "vocational_level": "none"}
    )
    hire.admin.patch(
        f"/api/v1/people/{hire.person_id}",
        json={"date_of_birth": "1960-01-01", "expected_version": 1},
    )
    token = csrf_of(client.get(_tab(hire)).text)
    response = client.post(
        f"/applications/{hire.application_id}/offer-terms",
        data={"csrf_token": token, "annual_salary_cny": "50000", "months_in_china_per_year": "2"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = client.get(_tab(hire)).text
    assert "reaches no work-permit category" in page
    hire.admin.post(
        f"/api/v1/applications/{hire.application_id}/move",
        json={"to_stage_id": hire.stages["offer"], "expected_version": 1},
    )
    board = client.get(f"/jobs/{hire.job_id}").text
    assert "Offer without permit category" in board
    tab = client.get(_tab(hire)).text
    assert "An offer is drafted for Senior Machine Learning Engineer" in tab


def test_tab_is_hidden_from_roles_without_access(hire: Hire, pages: Callable[..., TestClient]) -> None:
    assert pages(Role.COMPLIANCE).get(_tab(hire)).status_code == 200
    interviewer = pages(Role.INTERVIEWER)
    assert interviewer.get(_tab(hire)).status_code == 404  # not on the job: the person is invisible
    compliance = pages(Role.COMPLIANCE)
    token = csrf_of(compliance.get(_tab(hire)).text)
    refused = compliance.post(
        f"/people/{hire.person_id}/permit-facts",
        data={"csrf_token": token, "hsk_level": "3"},
        follow_redirects=False,
    )
    assert refused.status_code == 403


def test_case_pages(hire: Hire, pages: Callable[..., TestClient]) -> None:
    client = pages(Role.RECRUITER)
    token = csrf_of(client.get(_tab(hire)).text)
    opened = client.post(
        "/mobility/cases",
        data={"csrf_token": token, "application_id": hire.application_id},
        follow_redirects=False,
    )
    assert opened.status_code == 303
    case_url = opened.headers["location"]
    case_page = client.get(case_url)
    assert case_page.status_code == 200
    for text in (
        "Work Permit Notice",
        "Residence permit",
        "Non-criminal record",
        "Valid 180 days from issue",
    ):
        assert text in case_page.text, text
    board = client.get("/mobility")
    assert board.status_code == 200
    assert "Anna Schmidt" in board.text
    case_id = case_url.rstrip("/").rsplit("/", 1)[-1]
    case = hire.admin.get(f"/api/v1/mobility/cases/{case_id}").json()
    passport = next(doc for doc in case["documents"] if doc["kind"] == "passport")
    saved = client.post(
        f"/mobility/cases/{case_id}/documents/{passport['id']}",
        data={"csrf_token": token, "status": "received", "issued_on": "2024-01-01"},
        files={"file": ("passport.pdf", minimal_pdf(), "application/pdf")},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    download = client.get(f"/mobility/cases/{case_id}/documents/{passport['id']}/file")
    assert download.status_code == 200
    assert download.content == minimal_pdf()
    other = pages(Role.RECRUITER)
    assert other.get(f"/mobility/cases/{case_id}/documents/{passport['id']}/file").status_code == 403
    interviewer = pages(Role.INTERVIEWER)
    assert interviewer.get(case_url).status_code == 404
    assert "No mobility cases yet" in interviewer.get("/mobility").text
    step = case["steps"][0]
    moved = client.post(
        f"/mobility/cases/{case_id}/steps/{step['id']}",
        data={"csrf_token": token, "status": "done", "completed_on": "2026-01-05"},
        follow_redirects=False,
    )
    assert moved.status_code == 303
    assert hire.admin.get(f"/api/v1/mobility/cases/{case_id}").json()["current_step"] == "z_visa"
    junk = client.post(
        f"/mobility/cases/{case_id}/steps/{step['id']}",
        data={"csrf_token": token, "status": "nonsense"},
        follow_redirects=False,
    )
    assert junk.status_code == 303
    assert "check these fields: status" in client.get(case_url).text
