"""The "Best matches" job tab and the "Best jobs" person tab, through the pages like a browser."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from starlette.testclient import TestClient

from talentbridge.auth.enums import Role
from talentbridge.auth.models import User

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


TEST_PASSWORD = "correct-horse-battery"


def _signed_in(app: object, user: User, password: str = TEST_PASSWORD) -> TestClient:
    client = TestClient(app, raise_server_exceptions=False)  # type: ignore[arg-type]
    page = client.get("/login")
    token = _CSRF.search(page.text)
    assert token is not None
    response = client.post(
        "/login",
        data={"email": user.email, "password": password, "next": "/", "csrf_token": token.group(1)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    return client


def _tab(client: TestClient, job_id: str, **params: str) -> str:
    response = client.get(f"/jobs/{job_id}", params={"tab": "matches", **params})
    assert response.status_code == 200, response.text[:2000]
    return response.text


def _order(html: str, *names: str) -> list[str]:
    return sorted(names, key=html.index)


def _post(client: TestClient, page_html: str, action: str, **data: str) -> Any:
    token = _CSRF.search(page_html)
    assert token is not None
    return client.post(action, data={**data, "csrf_token": token.group(1)}, follow_redirects=False)


def test_best_matches_tab_ranks_explains_and_records_decisions(
    app: object, ml_world: dict[str, Any], make_user: Callable[..., User]
) -> None:
    client = _signed_in(app, make_user(Role.RECRUITER))
    job_id = ml_world["job"]["id"]
    people = ml_world["people"]
    html = _tab(client, job_id)
    assert _order(html, "Strong Tester", "Partial Tester", "Weak Tester") == [
        "Strong Tester",
        "Partial Tester",
        "Weak Tester",
    ]
    assert "Why this score" in html
    assert "PyTorch" in html
    assert 'name="weight_skills"' in html

    # Weights are a plain GET form: turning skills off changes the ranking's explanation.
    reweighted = _tab(client, job_id, weight_skills="0", weight_languages="5")
    assert 'value="0.00"' in reweighted
    assert '<details class="match-weights" open>' in reweighted

    pin = _post(
        client,
        html,
        f"/jobs/{job_id}/matches/{people['weak']['id']}/pin",
        reason="Referred by the team",
        back="weight_skills=0&tab=evil&min_score=5",
    )
    assert pin.status_code == 303
    assert pin.headers["location"].startswith(f"/jobs/{job_id}?")
    assert "tab=matches" in pin.headers["location"]
    assert "weight_skills=0" in pin.headers["location"]
    html = _tab(client, job_id)
    assert _order(html, "Strong Tester", "Weak Tester")[0] == "Weak Tester"
    assert "Referred by the team" in html

    excluded = _post(client, html, f"/jobs/{job_id}/matches/{people['partial']['id']}/exclude")
    assert excluded.status_code == 303
    html = _tab(client, job_id)
    assert "Excluded (1)" in html
    assert html.index("Partial Tester") > html.index("Excluded (1)")

    assert _post(client, html, f"/jobs/{job_id}/matches/{people['partial']['id']}/restore").status_code == 303
    assert "Excluded (1)" not in _tab(client, job_id)
    assert _post(client, html, f"/jobs/{job_id}/matches/{people['partial']['id']}/restore").status_code == 303

    added = _post(client, html, f"/jobs/{job_id}/matches/{people['strong']['id']}/add")
    assert added.status_code == 303
    assert "In pipeline" in _tab(client, job_id)
    again = _post(client, html, f"/jobs/{job_id}/matches/{people['strong']['id']}/add")
    assert again.status_code == 303  # already applied: explained by a flash message, not a 500


def test_options_that_make_no_sense_are_dropped_with_a_message(
    app: object, ml_world: dict[str, Any], make_user: Callable[..., User]
) -> None:
    client = _signed_in(app, make_user(Role.RECRUITER))
    html = _tab(
        client, ml_world["job"]["id"], top="-3", weight_skills="lots", country="XX", must_have_only="on"
    )
    assert "Some options were not understood" in html
    assert "Strong Tester" in html
    assert "Weak Tester" not in html  # must_have_only still applies


def test_best_jobs_tab_on_the_person_page(
    app: object, ml_world: dict[str, Any], make_user: Callable[..., User]
) -> None:
    client = _signed_in(app, make_user(Role.RECRUITER))
    response = client.get(f"/people/{ml_world['people']['strong']['id']}", params={"tab": "jobs"})
    assert response.status_code == 200
    assert "Best jobs for this person" in response.text
    assert ml_world["job"]["title"] in response.text
    assert "Why this score" in response.text


def test_interviewers_get_no_ranking_tabs_and_hiring_managers_cannot_decide(
    app: object, ml_world: dict[str, Any], make_user: Callable[..., User]
) -> None:
    job_id = ml_world["job"]["id"]
    interviewer, manager = make_user(Role.INTERVIEWER), make_user(Role.HIRING_MANAGER)
    team = {
        "members": [
            {"user_id": str(interviewer.id), "role": "interviewer"},
            {"user_id": str(manager.id), "role": "hiring_manager"},
        ]
    }
    assert ml_world["admin"].put(f"/api/v1/jobs/{job_id}/team", json=team).status_code == 200
    html = _signed_in(app, interviewer).get(f"/jobs/{job_id}", params={"tab": "matches"}).text
    assert "Best matches" not in html
    manager_client = _signed_in(app, manager)
    html = _tab(manager_client, job_id)
    assert "Best matches" in html
    assert "Strong Tester" not in html  # no applicants yet: the manager sees nobody
    refused = _post(manager_client, html, f"/jobs/{job_id}/matches/{ml_world['people']['weak']['id']}/pin")
    assert refused.status_code == 404  # the manager may not see this person at all
