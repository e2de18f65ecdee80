"""The people list: every filter, sorting, cursor pagination and a bounded number of queries."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from factories import records
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.people import service
from talentbridge.people.schemas import PersonFilter
from talentbridge.sourcing.enums import SourceKind


def _names(api: TestClient, **params: Any) -> list[str]:
    response = api.get("/api/v1/people", params=params)
    assert response.status_code == 200, response.text
    return [item["first_name"] for item in response.json()["items"]]


@pytest.fixture
def recruiter(api_as: Callable[..., TestClient]) -> TestClient:
    return api_as(Role.RECRUITER)


def test_q_matches_name_in_any_script_and_email(recruiter: TestClient, db: Session) -> None:
    records.person(db, first_name="Wei", last_name="Zhang", native_name="张伟", emails=["wz@lab.example.org"])
    records.person(db, first_name="José", last_name="Núñez", emails=["jose@example.com"])
    assert _names(recruiter, q="zhang wei") == ["Wei"]
    assert _names(recruiter, q="张伟") == ["Wei"]
    assert _names(recruiter, q="jose nunez") == ["José"]
    assert _names(recruiter, q="LAB.EXAMPLE") == ["Wei"]
    assert _names(recruiter, q="50%_") == []


def test_skill_filter_is_normalised_and_repeatable_as_all_of(recruiter: TestClient, db: Session) -> None:
    records.person(db, first_name="Both", skills=[{"name": "PyTorch"}, {"name": "Rust"}])
    records.person(db, first_name="Torch", skills=[{"name": "pytorch"}])
    assert sorted(_names(recruiter, skill=" PYTORCH ")) == ["Both", "Torch"]
    assert _names(recruiter, skill=["pytorch", "rust"]) == ["Both"]


def test_country_nationality_and_language_filters(recruiter: TestClient, db: Session) -> None:
    records.person(
        db,
        first_name="Lena",
        location_country="DE",
        nationalities=["DE", "CN"],
        languages=[{"language": "zh", "level": "HSK5"}, {"language": "en", "level": "C1"}],
    )
    records.person(
        db,
        first_name="Ming",
        location_country="CN",
        nationalities=["CN"],
        languages=[{"language": "en", "level": "B1"}, {"language": "zh", "level": "native"}],
    )
    assert _names(recruiter, country="de") == ["Lena"]
    assert sorted(_names(recruiter, nationality="CN")) == ["Lena", "Ming"]
    assert _names(recruiter, nationality="DE") == ["Lena"]
    assert _names(recruiter, language="en", min_level="B2") == ["Lena"]
    assert sorted(_names(recruiter, language="zh", min_level="HSK4")) == ["Lena", "Ming"]
    assert _names(recruiter, language="zh", min_level="native") == ["Ming"]


def test_source_tag_application_and_date_filters(recruiter: TestClient, db: Session) -> None:
    board = records.source(db, kind=SourceKind.JOB_BOARD, name="LinkedIn")
    applied = records.person(db, first_name="Applied", source_id=str(board.id), tags=["Returner"])
    records.person(db, first_name="Idle")
    job = records.job(db)
    records.application(db, applied.id, job.id)
    assert _names(recruiter, source_id=str(board.id)) == ["Applied"]
    assert _names(recruiter, tag="returner") == ["Applied"]
    assert _names(recruiter, has_applications="true") == ["Applied"]
    assert _names(recruiter, has_applications="false") == ["Idle"]
    assert _names(recruiter, job_id=str(job.id)) == ["Applied"]
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    assert _names(recruiter, created_after=tomorrow) == []
    assert len(_names(recruiter, created_after="2000-01-01T00:00:00")) == 2


def test_bad_filters_are_422(recruiter: TestClient) -> None:
    for params in ({"country": "ZZ"}, {"min_level": "B2"}, {"limit": 0}, {"limit": 201}, {"colour": "red"}):
        assert recruiter.get("/api/v1/people", params=params).status_code == 422, params
    assert recruiter.get("/api/v1/people", params={"cursor": "garbage"}).status_code == 422


def test_cursor_pages_through_everyone_once(recruiter: TestClient, db: Session) -> None:
    for index in range(7):
        records.person(db, first_name=f"P{index}")
    seen: list[str] = []
    cursor: str | None = None
    for _ in range(5):
        params: dict[str, Any] = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = recruiter.get("/api/v1/people", params=params).json()
        assert page["total"] == 7
        seen += [item["first_name"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"P{index}" for index in reversed(range(7))]


def test_sort_by_name_and_a_cursor_from_another_sort_is_refused(recruiter: TestClient, db: Session) -> None:
    for name in ("Carla", "anna", "Bruno"):
        records.person(db, first_name=name, last_name="")
    assert _names(recruiter, sort="name") == ["anna", "Bruno", "Carla"]
    assert _names(recruiter, sort="-name") == ["Carla", "Bruno", "anna"]
    cursor = recruiter.get("/api/v1/people", params={"sort": "name", "limit": 1}).json()["next_cursor"]
    response = recruiter.get("/api/v1/people", params={"sort": "-created_at", "cursor": cursor})
    assert response.status_code == 422
    assert response.json()["field"] == "cursor"


def test_sort_by_updated_at(recruiter: TestClient, db: Session) -> None:
    first = records.person(db, first_name="First")
    records.person(db, first_name="Second")
    recruiter.patch(f"/api/v1/people/{first.id}", json={"headline": "touched"}, headers={"If-Match": "1"})
    assert _names(recruiter, sort="-updated_at") == ["First", "Second"]
    assert _names(recruiter, sort="updated_at") == ["Second", "First"]


def test_summary_rows_carry_email_skills_and_tags(recruiter: TestClient, db: Session) -> None:
    records.person(db, emails=["one@example.com", "two@example.com"], skills=[{"name": "SQL"}], tags=["x"])
    [row] = recruiter.get("/api/v1/people").json()["items"]
    assert row["primary_email"] == "one@example.com"
    assert row["skills"] == ["SQL"]
    assert row["tags"] == ["x"]
    assert "date_of_birth" not in row
    assert "expected_salary_amount" not in row


@contextmanager
def _count_queries(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def _record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", _record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", _record)


def _queries_for_list(db: Session, engine: Engine) -> int:
    db.expunge_all()
    with _count_queries(engine) as statements:
        page = service.list_people(db, Actor.system(), PersonFilter(skill=["python"]), limit=50)
    assert page.items
    return len(statements)


def test_list_uses_a_fixed_number_of_queries(db: Session, engine: Engine) -> None:
    rich = {"emails": ["x@example.com"], "skills": [{"name": "Python"}, {"name": "Go"}], "tags": ["a", "b"]}
    records.person(db, **rich)
    with_one = _queries_for_list(db, engine)
    for index in range(12):
        records.person(db, **{**rich, "emails": [f"x{index}@example.com"]})
    with_thirteen = _queries_for_list(db, engine)
    assert with_one == with_thirteen
    assert with_thirteen <= 6  # count, page, then one per loaded child table (e-mails, skills, tags)


def test_search_people_matches_name_email_and_skill(db: Session) -> None:
    records.person(
        db, first_name="Wei", native_name="张伟", emails=["w@example.com"], skills=[{"name": "CUDA"}]
    )
    records.person(db, first_name="Other")
    system = Actor.system()
    for q in ("wei", "张伟", "w@example", "cuda"):
        assert [row.first_name for row in service.search_people(db, system, q)] == ["Wei"], q
    assert service.search_people(db, system, "   ") == []
