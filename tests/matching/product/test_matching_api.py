"""The matching API through HTTP: rankings, filters, weights, overrides, visibility, bad input."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from starlette.testclient import TestClient

from talentbridge.auth.enums import Role


def _matches(client: TestClient, job_id: str, **params: Any) -> Any:
    response = client.get(f"/api/v1/jobs/{job_id}/matches", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _names(body: Any, key: str = "items") -> list[str]:
    return [item["person"]["display_name"] for item in body[key]]


def test_people_are_ranked_by_fit_with_explanations(ml_world: dict[str, Any]) -> None:
    body = _matches(ml_world["recruiter"], ml_world["job"]["id"])
    assert _names(body) == ["Strong Tester", "Partial Tester", "Weak Tester"]
    first = body["items"][0]
    assert first["rank"] == 1
    assert first["score"] > body["items"][1]["score"] > body["items"][2]["score"]
    features = {feature["feature"]: feature for feature in first["features"]}
    assert features["skills"]["score"] >= 0.8
    assert "PyTorch" in " ".join([features["skills"]["reason"], *features["skills"]["details"]])
    assert body["indexed_people"] == 3
    assert body["semantic"] is False
    weak = body["items"][2]
    assert weak["passed_filters"] is False
    assert any(not item["passed"] for item in weak["filters"])


def test_must_have_only_hides_people_missing_a_must_have(ml_world: dict[str, Any]) -> None:
    body = _matches(ml_world["recruiter"], ml_world["job"]["id"], must_have_only="true")
    assert _names(body) == ["Strong Tester"]


def test_country_language_and_score_filters_narrow_the_pool(ml_world: dict[str, Any]) -> None:
    job_id = ml_world["job"]["id"]
    assert _names(_matches(ml_world["recruiter"], job_id, country="CN")) == ["Partial Tester", "Weak Tester"]
    assert _names(_matches(ml_world["recruiter"], job_id, language="en", min_level="C1")) == ["Strong Tester"]
    strong_score = _matches(ml_world["recruiter"], job_id)["items"][0]["score"]
    assert _names(_matches(ml_world["recruiter"], job_id, min_score=strong_score - 0.5)) == ["Strong Tester"]
    assert _names(_matches(ml_world["recruiter"], job_id, top=1)) == ["Strong Tester"]


def test_weights_can_be_adjusted_per_request(ml_world: dict[str, Any]) -> None:
    job_id = ml_world["job"]["id"]
    default = _matches(ml_world["recruiter"], job_id)
    languages_only = _matches(
        ml_world["recruiter"],
        job_id,
        **{f"weight_{name}": 0 for name in default["weights"] if name != "languages"},
        weight_languages=1,
    )
    assert languages_only["weights"]["skills"] == 0
    assert languages_only["weights"]["languages"] == 1
    # Only languages count now: the weak candidate (no English) falls to the bottom, the others tie.
    assert _names(languages_only)[-1] == "Weak Tester"
    assert languages_only["items"][0]["score"] != default["items"][0]["score"]


def test_a_pin_puts_a_person_first_and_an_exclusion_hides_them(ml_world: dict[str, Any]) -> None:
    recruiter, job_id, people = ml_world["recruiter"], ml_world["job"]["id"], ml_world["people"]
    url = f"/api/v1/jobs/{job_id}/matches/{people['weak']['id']}/override"
    pinned = recruiter.put(url, json={"action": "pin", "reason": "Strong referral"})
    assert pinned.status_code == 200, pinned.text
    assert pinned.json()["reason"] == "Strong referral"
    assert pinned.json()["created_by_id"] == str(recruiter.user.id)  # type: ignore[attr-defined]
    body = _matches(recruiter, job_id, must_have_only="true")
    assert _names(body) == ["Weak Tester", "Strong Tester"]
    assert body["items"][0]["pinned"] is True
    assert body["items"][0]["override"]["reason"] == "Strong referral"

    partial_url = f"/api/v1/jobs/{job_id}/matches/{people['partial']['id']}/override"
    assert recruiter.put(partial_url, json={"action": "exclude"}).status_code == 200
    body = _matches(recruiter, job_id)
    assert "Partial Tester" not in _names(body)
    assert _names(body, "excluded") == ["Partial Tester"]
    assert body["excluded"][0]["excluded"] is True

    undone = recruiter.delete(url)
    assert undone.status_code == 200
    assert undone.json()["action"] == "pin"
    assert recruiter.delete(url).status_code == 404
    assert _names(_matches(recruiter, job_id)) == ["Strong Tester", "Weak Tester"]


def test_overrides_are_audited(ml_world: dict[str, Any]) -> None:
    recruiter, admin = ml_world["recruiter"], ml_world["admin"]
    person_id = ml_world["people"]["weak"]["id"]
    url = f"/api/v1/jobs/{ml_world['job']['id']}/matches/{person_id}/override"
    recruiter.put(url, json={"action": "exclude", "reason": "Not interested"})
    recruiter.delete(url)
    timeline = admin.get(f"/api/v1/people/{person_id}/timeline").json()
    entries = timeline["items"] if isinstance(timeline, dict) else timeline
    actions = [entry["action"] for entry in entries if entry["entity_type"] == "match"]
    assert actions[:2] == ["include", "exclude"]


def test_best_jobs_for_a_person(ml_world: dict[str, Any], api_as: Callable[..., TestClient]) -> None:
    recruiter = ml_world["recruiter"]
    other = recruiter.post(
        "/api/v1/jobs",
        json={
            **{key: ml_world["job"][key] for key in ("role_family", "level", "work_model", "headcount")},
            "title": "Spreadsheet Analyst",
            "hub_id": ml_world["hub"]["id"],
            "status": "open",
            "required_skills": [{"name": "Excel", "weight": 3}],
        },
    )
    assert other.status_code == 201, other.text
    strong = ml_world["people"]["strong"]["id"]
    body = recruiter.get(f"/api/v1/people/{strong}/job-matches").json()
    titles = [item["job"]["title"] for item in body["items"]]
    assert titles[0] == ml_world["job"]["title"]
    assert "Spreadsheet Analyst" in titles
    assert body["items"][0]["score"] > body["items"][1]["score"]
    assert (
        recruiter.get(f"/api/v1/people/{strong}/job-matches", params={"top": 1}).json()["items"][0]["rank"]
        == 1
    )


def test_new_and_changed_people_reach_the_index_without_a_rebuild(ml_world: dict[str, Any]) -> None:
    from talentbridge.matching import index_store

    recruiter, job_id = ml_world["recruiter"], ml_world["job"]["id"]
    _matches(recruiter, job_id)  # builds the index (quickly, then fully in the background)
    generation = _generation(index_store)
    created = recruiter.post("/api/v1/people", json={"first_name": "Late", "skills": [{"name": "PyTorch"}]})
    assert created.status_code == 201
    assert "Late" in [name.split()[0] for name in _names(_matches(recruiter, job_id))]

    weak = ml_world["people"]["weak"]
    changed = recruiter.patch(
        f"/api/v1/people/{weak['id']}",
        json={
            "expected_version": weak["version"],
            "skills": [{"name": "PyTorch"}, {"name": "Python"}, {"name": "CUDA"}],
            "languages": [{"language": "en", "level": "C2"}],
        },
    )
    assert changed.status_code == 200, changed.text
    assert _names(_matches(recruiter, job_id))[0] in {"Weak Tester", "Strong Tester"}
    assert "Weak Tester" in _names(_matches(recruiter, job_id, must_have_only="true"))

    assert recruiter.delete(f"/api/v1/people/{created.json()['id']}").status_code in {200, 204}
    assert all(not name.startswith("Late") for name in _names(_matches(recruiter, job_id)))
    assert _generation(index_store) == generation, "incremental updates must not rebuild the index"


def _generation(index_store: Any) -> str:
    (directory,) = list(index_store._cache)
    return str((directory / index_store.CURRENT).read_text(encoding="utf-8"))


def test_hidden_fields_never_appear_in_matches(ml_world: dict[str, Any]) -> None:
    recruiter = ml_world["recruiter"]
    secret = recruiter.post(
        "/api/v1/people",
        json={
            "first_name": "Private",
            "skills": [{"name": "PyTorch"}],
            "date_of_birth": "1987-06-05",
            "expected_salary_amount": "765432",
            "expected_salary_currency": "EUR",
            "expected_salary_period": "year",
            "emails": ["private.person@example.com"],
        },
    )
    assert secret.status_code == 201, secret.text
    text = recruiter.get(f"/api/v1/jobs/{ml_world['job']['id']}/matches").text
    assert "Private" in text
    for leaked in ("1987", "765432", "private.person@example.com"):
        assert leaked not in text


def test_anonymous_is_401(client: TestClient) -> None:
    assert client.get(f"/api/v1/jobs/{uuid.uuid4()}/matches").status_code == 401
    assert client.get(f"/api/v1/people/{uuid.uuid4()}/job-matches").status_code == 401
    url = f"/api/v1/jobs/{uuid.uuid4()}/matches/{uuid.uuid4()}/override"
    assert client.put(url, json={"action": "pin"}).status_code == 401
    assert client.delete(url).status_code == 401


def test_unknown_objects_are_404(ml_world: dict[str, Any]) -> None:
    recruiter, job_id = ml_world["recruiter"], ml_world["job"]["id"]
    assert recruiter.get(f"/api/v1/jobs/{uuid.uuid4()}/matches").status_code == 404
    assert recruiter.get(f"/api/v1/people/{uuid.uuid4()}/job-matches").status_code == 404
    url = f"/api/v1/jobs/{job_id}/matches/{uuid.uuid4()}/override"
    assert recruiter.put(url, json={"action": "pin"}).status_code == 404


def test_bad_input_is_422(ml_world: dict[str, Any]) -> None:
    recruiter, job_id = ml_world["recruiter"], ml_world["job"]["id"]
    person_id = ml_world["people"]["strong"]["id"]
    for params in (
        {"top": 0},
        {"top": 1000},
        {"weight_skills": -1},
        {"country": "XX"},
        {"min_level": "Z9"},
        {"bogus": 1},
    ):
        assert recruiter.get(f"/api/v1/jobs/{job_id}/matches", params=params).status_code == 422, params
    url = f"/api/v1/jobs/{job_id}/matches/{person_id}/override"
    assert recruiter.put(url, json={"action": "promote"}).status_code == 422
    assert recruiter.put(url, json={"action": "pin", "reason": "x" * 501}).status_code == 422
    assert recruiter.put(url).status_code == 422


def test_roles_and_hiring_teams(
    ml_world: dict[str, Any], api_as: Callable[..., TestClient], make_user: Any
) -> None:
    admin, job = ml_world["admin"], ml_world["job"]
    strong, weak = ml_world["people"]["strong"], ml_world["people"]["weak"]
    manager_user = make_user(Role.HIRING_MANAGER)
    interviewer_user = make_user(Role.INTERVIEWER)
    team = {
        "members": [
            {"user_id": str(manager_user.id), "role": "hiring_manager"},
            {"user_id": str(interviewer_user.id), "role": "interviewer"},
        ]
    }
    assert admin.put(f"/api/v1/jobs/{job['id']}/team", json=team).status_code == 200
    assert (
        admin.post("/api/v1/applications", json={"person_id": weak["id"], "job_id": job["id"]}).status_code
        == 201
    )
    manager, interviewer = api_as(user=manager_user), api_as(user=interviewer_user)
    outsider = api_as(Role.HIRING_MANAGER)

    # The hiring manager sees only the people of their jobs (the applicant), never the others.
    body = _matches(manager, job["id"])
    assert _names(body) == ["Weak Tester"]
    assert body["considered_people"] == 1
    assert manager.get(f"/api/v1/people/{strong['id']}/job-matches").status_code == 404
    assert manager.get(f"/api/v1/people/{weak['id']}/job-matches").status_code == 200
    override = f"/api/v1/jobs/{job['id']}/matches/{weak['id']}/override"
    assert manager.put(override, json={"action": "pin"}).status_code == 403
    # Interviewers never see rankings; people outside the team do not even see the job.
    assert interviewer.get(f"/api/v1/jobs/{job['id']}/matches").status_code == 403
    assert outsider.get(f"/api/v1/jobs/{job['id']}/matches").status_code == 404
    assert outsider.put(override, json={"action": "pin"}).status_code == 404
    compliance = api_as(Role.COMPLIANCE)
    assert _names(_matches(compliance, job["id"]))[0] == "Strong Tester"
    assert compliance.put(override, json={"action": "pin"}).status_code == 403


def test_a_large_pool_is_indexed_in_the_background_not_in_the_request(
    ml_world: dict[str, Any], monkeypatch: Any
) -> None:
    from talentbridge.matching import indexing

    monkeypatch.setattr(indexing, "INLINE_BUILD_LIMIT", 2)
    scheduled: list[bool] = []
    monkeypatch.setattr(
        "talentbridge.matching.tasks.schedule_rebuild", lambda _session: scheduled.append(True)
    )
    body = _matches(ml_world["recruiter"], ml_world["job"]["id"])
    assert body["building"] is True
    assert body["items"] == []
    assert scheduled == [True]
    _matches(ml_world["recruiter"], ml_world["job"]["id"])
    assert scheduled == [True], "one background build per process, not one per request"


def test_changes_that_bypassed_the_task_are_caught_up(ml_world: dict[str, Any], session_factory: Any) -> None:
    from talentbridge.kit.clock import utc_now
    from talentbridge.matching import indexing
    from talentbridge.people.models import Person, PersonSkill

    recruiter, job_id = ml_world["recruiter"], ml_world["job"]["id"]
    before = _skills_score(_matches(recruiter, job_id), "Weak Tester")
    weak_id = uuid.UUID(ml_world["people"]["weak"]["id"])
    with session_factory() as session:  # a restore or a script: no task is queued for this change
        session.add_all(
            PersonSkill(person_id=weak_id, name=name, normalized=name.lower())
            for name in ("PyTorch", "Python")
        )
        person = session.get(Person, weak_id)
        person.updated_at = utc_now()  # the version moves with any write of the row
        session.flush()
        session.commit()
    indexing.reset_stale_checks()
    _matches(recruiter, job_id)  # notices the difference and queues the re-indexing
    assert _skills_score(_matches(recruiter, job_id), "Weak Tester") > before


def _skills_score(body: Any, name: str) -> float:
    (item,) = [item for item in body["items"] if item["person"]["display_name"] == name]
    return float(next(feature["score"] for feature in item["features"] if feature["feature"] == "skills"))


def test_query_vectors_are_cached_on_disk(tmp_path: Any) -> None:
    import numpy as np

    from talentbridge.matching.indexing import CachedQueryEncoder

    calls: list[list[str]] = []

    class Fake:
        def encode(self, texts: Any) -> Any:
            calls.append(list(texts))
            return np.ones((len(texts), 3), dtype=np.float32) / np.sqrt(3)

    first = CachedQueryEncoder(Fake(), tmp_path).encode(["job a", "job b"])
    again = CachedQueryEncoder(Fake(), tmp_path).encode(["job b", "job c"])
    assert first.shape == (2, 3)
    assert again.shape == (2, 3)
    assert calls == [["job a", "job b"], ["job c"]]
