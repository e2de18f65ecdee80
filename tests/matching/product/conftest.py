"""Fixtures of the matching product tests: lexical matching only, a fresh index cache per test.

Semantic embeddings are switched off here (``TALENTBRIDGE_MATCHING_SEMANTIC=false``): loading the
model takes seconds and the engine's own tests cover it; these tests are about the product.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from factories.jobs import hub_payload, job_payload
from talentbridge.auth.enums import Role
from talentbridge.config import get_settings
from talentbridge.matching import index_store, indexing


@pytest.fixture(autouse=True)
def _lexical_matching(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TALENTBRIDGE_MATCHING_SEMANTIC", "false")
    get_settings.cache_clear()
    index_store.forget()
    indexing.reset_stale_checks()
    yield
    index_store.forget()
    indexing.reset_stale_checks()
    get_settings.cache_clear()


def person_payload(first: str, skills: list[str], **extra: Any) -> dict[str, Any]:
    """A person with skills and a past position, as the people API takes it."""
    payload: dict[str, Any] = {
        "first_name": first,
        "last_name": "Tester",
        "current_title": "Engineer",
        "skills": [{"name": name} for name in skills],
        "experiences": [
            {
                "title": "Engineer",
                "employer": "Example Co",
                "start_date": "2016-01-01",
                "description": "Built things with " + ", ".join(skills),
            }
        ],
    }
    payload.update(extra)
    return payload


@pytest.fixture
def ml_world(api_as: Callable[..., TestClient]) -> dict[str, Any]:
    """A recruiter's client, an ML job (PyTorch must-have) and three people of different fit."""
    recruiter = api_as()
    admin = api_as(Role.ADMIN)
    hub = admin.post("/api/v1/hubs", json=hub_payload()).json()
    job = recruiter.post(
        "/api/v1/jobs",
        json=job_payload(
            hub["id"],
            status="open",
            required_skills=[{"name": "PyTorch", "weight": 3}, {"name": "Python", "weight": 2}],
            preferred_skills=[{"name": "CUDA", "weight": 1}],
            languages=[{"language": "en", "min_level": "B2"}],
            min_years_experience=3,
        ),
    ).json()
    people = {}
    for key, first, skills, languages, country in (
        ("strong", "Strong", ["PyTorch", "Python", "CUDA"], [{"language": "en", "level": "C1"}], "DE"),
        ("partial", "Partial", ["TensorFlow", "Python"], [{"language": "en", "level": "B2"}], "CN"),
        ("weak", "Weak", ["Excel"], [{"language": "zh", "level": "native"}], "CN"),
    ):
        response = recruiter.post(
            "/api/v1/people",
            json=person_payload(first, skills, languages=languages, location_country=country),
        )
        assert response.status_code == 201, response.text
        people[key] = response.json()
    return {"recruiter": recruiter, "admin": admin, "hub": hub, "job": job, "people": people}
