"""The case JSON of the CLI/API contract: defaults, unknowns and field-named errors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from talentbridge.errors import InvalidInput
from talentbridge.mobility.engine import case_from_dict


def test_absent_booleans_are_false_and_absent_numbers_unknown() -> None:
    case = case_from_dict({"assessment_date": "2026-11-26", "person": {"hsk_level": 3}, "offer": {}})
    assert case.assessment_date == date(2026, 11, 26)
    assert case.person.hsk_level == 3
    assert case.person.has_patents is False
    assert case.person.relevant_experience_years is None
    assert case.offer.annual_salary_cny is None


def test_full_case() -> None:
    case = case_from_dict(
        {
            "assessment_date": "2026-11-26",
            "person": {
                "birth_date": "1990-05-01",
                "highest_degree": "master",
                "vocational_level": "none",
                "relevant_experience_years": 5,
                "hsk_level": 4.0,
                "former_chinese_national": False,
                "degree_taught_in_chinese": True,
                "top_university_graduate": True,
                "fortune500_experience": False,
                "has_patents": None,
                "years_worked_in_china": 1.5,
                "direct_criteria": ["talent_programme"],
            },
            "offer": {
                "annual_salary_cny": "450000.50",
                "months_in_china_per_year": 12,
                "work_city": " Beijing ",
                "work_province": "",
            },
        }
    )
    assert case.person.birth_date == date(1990, 5, 1)
    assert case.person.hsk_level == 4
    assert case.person.direct_criteria == ("talent_programme",)
    assert case.offer.annual_salary_cny == Decimal("450000.50")
    assert (case.offer.work_city, case.offer.work_province) == ("Beijing", None)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ([], "<input>"),
        ({}, "assessment_date"),
        ({"assessment_date": "26/11/2026"}, "assessment_date"),
        ({"assessment_date": "2026-11-26", "extra": 1}, "extra"),
        ({"assessment_date": "2026-11-26", "person": []}, "person"),
        ({"assessment_date": "2026-11-26", "person": {"hsk": 4}}, "person.hsk"),
        ({"assessment_date": "2026-11-26", "person": {"hsk_level": "four"}}, "person.hsk_level"),
        ({"assessment_date": "2026-11-26", "person": {"hsk_level": 4.5}}, "person.hsk_level"),
        ({"assessment_date": "2026-11-26", "person": {"has_patents": "yes"}}, "person.has_patents"),
        ({"assessment_date": "2026-11-26", "person": {"highest_degree": "phd"}}, "person.highest_degree"),
        ({"assessment_date": "2026-11-26", "person": {"birth_date": "1990-13-01"}}, "person.birth_date"),
        (
            {"assessment_date": "2026-11-26", "person": {"relevant_experience_years": True}},
            "person.relevant_experience_years",
        ),
        (
            {"assessment_date": "2026-11-26", "person": {"direct_criteria": "talent_programme"}},
            "person.direct_criteria",
        ),
        (
            {"assessment_date": "2026-11-26", "offer": {"annual_salary_cny": "lots"}},
            "offer.annual_salary_cny",
        ),
        ({"assessment_date": "2026-11-26", "offer": {"annual_salary_cny": "NaN"}}, "offer.annual_salary_cny"),
        ({"assessment_date": "2026-11-26", "offer": {"work_city": 7}}, "offer.work_city"),
    ],
)
def test_malformed_input_names_the_field(data: Any, field: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        case_from_dict(data)
    assert raised.value.field == field
    assert field in raised.value.message
