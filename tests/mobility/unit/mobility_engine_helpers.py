"""Shared facts and lookups for the work-permit engine tests: a fully known baseline person and offer.

The baseline is chosen so that one test can change one fact and see only that factor move.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from talentbridge.mobility.engine import Assessment, FactorResult, OfferFacts, PersonFacts

Run = Callable[..., Assessment]  # the ``run`` fixture: assess the baseline with some facts replaced
AT = date(2026, 11, 26)
BASE_PERSON = PersonFacts(
    birth_date=date(1990, 1, 1),
    highest_degree="bachelor",
    vocational_level="none",
    relevant_experience_years=2,
    hsk_level=0,
    years_worked_in_china=0,
)
BASE_OFFER = OfferFacts(
    annual_salary_cny=Decimal(100000),
    months_in_china_per_year=12,
    work_city="Beijing",
    work_province="Beijing",
)


def born_years_before(years: int, at: date = AT) -> date:
    """A birth date that makes the person exactly ``years`` old on ``at`` (their birthday)."""
    return at.replace(year=at.year - years)


def factor(assessment: Assessment, factor_id: str) -> FactorResult:
    return next(f for f in assessment.factors if f.factor == factor_id)


def route_status(assessment: Assessment, category: str, route: str) -> str:
    return next(r.status for r in assessment.routes if r.category == category and r.route == route)
