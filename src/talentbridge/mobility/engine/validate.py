"""Reject impossible facts early, naming the field (``person.hsk_level``), before any scoring."""

from __future__ import annotations

import math
from datetime import date

from talentbridge.errors import InvalidInput
from talentbridge.mobility.engine.types import DEGREES, VOCATIONAL_LEVELS, OfferFacts, PersonFacts
from talentbridge.mobility.rules.ruleset import RuleSet

MAX_YEARS = 80


def check_facts(person: PersonFacts, offer: OfferFacts, at: date, rules: RuleSet) -> None:
    """Raise ``InvalidInput`` for the first fact that no real person or offer could have."""
    if person.birth_date is not None and not date(1900, 1, 1) <= person.birth_date <= at:
        _fail("person.birth_date", "must be a date between 1900-01-01 and the assessment date")
    if person.highest_degree is not None and person.highest_degree not in DEGREES:
        _fail("person.highest_degree", f"must be one of {', '.join(DEGREES)}")
    if person.vocational_level is not None and person.vocational_level not in VOCATIONAL_LEVELS:
        _fail("person.vocational_level", f"must be one of {', '.join(VOCATIONAL_LEVELS)}")
    _check_number("person.relevant_experience_years", person.relevant_experience_years, MAX_YEARS)
    _check_number("person.years_worked_in_china", person.years_worked_in_china, MAX_YEARS)
    if person.hsk_level is not None and (
        isinstance(person.hsk_level, bool)
        or not isinstance(person.hsk_level, int)
        or not 0 <= person.hsk_level <= 6
    ):
        _fail("person.hsk_level", "must be a whole number from 0 (no HSK) to 6")
    unknown = [criterion for criterion in person.direct_criteria if criterion not in rules.criteria]
    if unknown:
        _fail(
            "person.direct_criteria",
            f"unknown criteria {unknown}; known: {', '.join(sorted(rules.criteria))}",
        )
    salary = offer.annual_salary_cny
    if salary is not None and (not salary.is_finite() or salary < 0):
        _fail("offer.annual_salary_cny", "must be a non-negative amount in CNY a year")
    _check_number("offer.months_in_china_per_year", offer.months_in_china_per_year, 12)


def _check_number(field: str, value: float | None, maximum: float) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        _fail(field, "must be a number")
    if not 0 <= value <= maximum:
        _fail(field, f"must be between 0 and {maximum:g}")


def _fail(field: str, problem: str) -> None:
    raise InvalidInput(f"{field}: {problem}", field=field)
