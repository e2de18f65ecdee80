"""Payload rules of the jobs context that a schema enforces before any database work."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from talentbridge.jobs.enums import SalaryPeriod
from talentbridge.jobs.schemas import (
    HiringTeamUpdate,
    HubCreate,
    HubUpdate,
    JobCreate,
    JobUpdate,
    salary_band_problem,
)

HUB_ID = uuid.uuid4()


def _job(**overrides: Any) -> JobCreate:
    payload: dict[str, Any] = {
        "title": "Data Analyst",
        "role_family": "data_analysis",
        "level": "mid",
        "hub_id": str(HUB_ID),
        "work_model": "onsite",
    }
    payload.update(overrides)
    return JobCreate.model_validate(payload)


def _error_fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {str(error["loc"][0]) if error["loc"] else "" for error in exc.value.errors()}


def test_minimal_job_defaults() -> None:
    job = _job()
    assert job.status == "draft"
    assert job.headcount == 1
    assert job.required_skills == []
    assert job.salary_currency is None


def test_salary_band_complete_and_ordered_is_accepted() -> None:
    job = _job(salary_currency="eur", salary_min="70000", salary_max="95000.50", salary_period="year")
    assert job.salary_currency == "EUR"
    assert job.salary_max == Decimal("95000.50")


def test_salary_max_below_min_is_an_error_on_salary_max() -> None:
    with pytest.raises(ValidationError) as exc:
        _job(salary_currency="EUR", salary_min="9", salary_max="8", salary_period="year")
    assert _error_fields(exc) == {"salary_max"}


def test_negative_salary_is_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        _job(salary_currency="EUR", salary_min="-1", salary_max="8", salary_period="year")
    assert "salary_min" in _error_fields(exc)


@pytest.mark.parametrize(
    "partial",
    [
        {"salary_min": "1"},
        {"salary_currency": "EUR", "salary_min": "1", "salary_max": "2"},
        {"salary_period": "month"},
    ],
)
def test_partial_salary_band_is_refused(partial: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="together"):
        _job(**partial)


def test_unknown_salary_currency_is_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        _job(salary_currency="XYZ", salary_min="1", salary_max="2", salary_period="year")
    assert _error_fields(exc) == {"salary_currency"}


def test_salary_band_problem_names_the_field() -> None:
    assert salary_band_problem(None, None, None, None) is None
    assert salary_band_problem("CNY", Decimal(5), Decimal(5), SalaryPeriod.MONTH) is None
    assert salary_band_problem("CNY", Decimal(5), Decimal(4), SalaryPeriod.MONTH) == (
        "salary_max",
        "The salary maximum must not be below the minimum.",
    )
    field, _message = salary_band_problem("CNY", Decimal(5), None, SalaryPeriod.MONTH) or ("", "")
    assert field == "salary_max"


@pytest.mark.parametrize("weight", [0, -1, 10.5])
def test_skill_weight_must_be_in_0_to_10(weight: float) -> None:
    with pytest.raises(ValidationError) as exc:
        _job(required_skills=[{"name": "SQL", "weight": weight}])
    assert _error_fields(exc) == {"required_skills"}


def test_skill_weight_of_exactly_10_is_allowed() -> None:
    assert _job(required_skills=[{"name": "SQL", "weight": 10}]).required_skills[0].weight == 10


def test_skills_are_unique_by_normalised_key_within_a_list() -> None:
    with pytest.raises(ValidationError, match="listed twice") as exc:
        _job(required_skills=[{"name": "Café SQL"}, {"name": " cafe  sql "}])
    assert _error_fields(exc) == {"required_skills"}


def test_a_skill_cannot_be_both_required_and_preferred() -> None:
    with pytest.raises(ValidationError, match="both required and preferred") as exc:
        _job(required_skills=[{"name": "PyTorch"}], preferred_skills=[{"name": "pytorch"}])
    assert _error_fields(exc) == {"preferred_skills"}


def test_language_requirements_validate_code_and_level_and_are_unique() -> None:
    job = _job(languages=[{"language": "EN", "min_level": "B2"}, {"language": "zh", "min_level": "HSK4"}])
    assert [(item.language, item.min_level.value) for item in job.languages] == [("en", "B2"), ("zh", "HSK4")]
    with pytest.raises(ValidationError):
        _job(languages=[{"language": "xx", "min_level": "B2"}])
    with pytest.raises(ValidationError):
        _job(languages=[{"language": "en", "min_level": "B7"}])
    with pytest.raises(ValidationError, match="only once"):
        _job(languages=[{"language": "en", "min_level": "B2"}, {"language": "en", "min_level": "C1"}])


def test_applicant_countries_are_iso_codes_upper_cased_and_deduplicated() -> None:
    assert _job(applicant_countries=["de", "DE", "sg"]).applicant_countries == ["DE", "SG"]
    with pytest.raises(ValidationError):
        _job(applicant_countries=["Germany"])


@pytest.mark.parametrize(
    ("field", "value"), [("headcount", 0), ("min_years_experience", 51), ("min_years_experience", -1)]
)
def test_numeric_bounds(field: str, value: int) -> None:
    with pytest.raises(ValidationError) as exc:
        _job(**{field: value})
    assert _error_fields(exc) == {field}


@pytest.mark.parametrize("status", ["on_hold", "filled", "closed"])
def test_new_job_must_start_as_draft_or_open(status: str) -> None:
    with pytest.raises(ValidationError) as exc:
        _job(status=status)
    assert _error_fields(exc) == {"status"}


def test_blank_title_and_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        _job(title="   ")
    with pytest.raises(ValidationError):
        _job(salary="lots")


def test_patch_version_is_not_a_change_and_required_fields_refuse_null() -> None:
    assert JobUpdate.model_validate({"expected_version": 2, "title": "New"}).changes() == {"title": "New"}
    with pytest.raises(ValidationError):
        JobUpdate.model_validate({"expected_version": 0, "title": "New"})
    with pytest.raises(ValidationError, match="'title' cannot be null"):
        JobUpdate.model_validate({"expected_version": 1, "title": None})
    update = JobUpdate.model_validate({"expected_version": 3, "target_start_date": None, "headcount": 4})
    assert update.changes() == {"target_start_date": None, "headcount": 4}


def test_hub_codes_are_validated() -> None:
    hub = HubCreate(name="Berlin", city="Berlin", country="de", timezone="Europe/Berlin", currency="eur")
    assert (hub.country, hub.currency) == ("DE", "EUR")
    with pytest.raises(ValidationError) as exc:
        HubCreate(name="X", city="X", country="XX", timezone="Mars/Olympus", currency="ABC")
    assert _error_fields(exc) == {"country", "timezone", "currency"}
    with pytest.raises(ValidationError, match="cannot be null"):
        HubUpdate.model_validate({"name": None})


def test_team_lists_each_user_once() -> None:
    user_id = str(uuid.uuid4())
    with pytest.raises(ValidationError, match="only once"):
        HiringTeamUpdate.model_validate(
            {
                "members": [
                    {"user_id": user_id, "role": "interviewer"},
                    {"user_id": user_id, "role": "hiring_manager"},
                ]
            }
        )
