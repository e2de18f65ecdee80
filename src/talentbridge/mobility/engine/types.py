"""Value types of the work-permit assessment: the engine's inputs and outputs.

These are the interface between the pure engine (``mobility.engine``) and the product code
(models, services, API, pages). They are plain frozen dataclasses so that the engine stays free
of FastAPI/SQLAlchemy and assessments can be compared and stored as they are.

A fact that is ``None`` is *unknown*: the engine never reads it as zero. Booleans default to
``False`` because the recruiter states them explicitly ("has patents") rather than measuring them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from talentbridge.mobility.rules.vocabulary import DEGREES, VOCATIONAL_LEVELS, Degree, Vocational

Category = Literal["A", "B"]
RouteStatus = Literal["met", "not_met", "unknown"]

__all__ = [
    "DEGREES",
    "VOCATIONAL_LEVELS",
    "Assessment",
    "Category",
    "Degree",
    "FactorResult",
    "OfferFacts",
    "PersonFacts",
    "RouteResult",
    "RouteStatus",
    "Vocational",
    "WhatIf",
]


@dataclass(frozen=True)
class PersonFacts:
    """What the engine needs to know about the candidate (``None`` = unknown)."""

    birth_date: date | None = None
    highest_degree: Degree | None = None
    vocational_level: Vocational | None = None
    relevant_experience_years: float | None = None
    hsk_level: int | None = None  # 0..6; 0 = no HSK certificate
    former_chinese_national: bool = False
    degree_taught_in_chinese: bool = False
    top_university_graduate: bool = False
    fortune500_experience: bool = False
    has_patents: bool = False
    years_worked_in_china: float | None = None
    # ids of direct A/B criteria the person meets (ids are defined in the rules data)
    direct_criteria: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfferFacts:
    """What the engine needs to know about the job offer (``None`` = unknown)."""

    annual_salary_cny: Decimal | None = None
    months_in_china_per_year: float | None = None
    work_city: str | None = None
    work_province: str | None = None


@dataclass(frozen=True)
class FactorResult:
    """One row of the points table as applied to this person.

    ``points`` is ``None`` when the facts leave the score open; ``points_min``/``points_max_possible``
    then bound it (equal to ``points`` when it is known).
    """

    factor: str  # stable id, e.g. "salary", "age"
    points: int | None  # None = unknown
    max: int  # the table's cap for this factor
    reason: str
    points_min: int = 0
    points_max_possible: int = 0


@dataclass(frozen=True)
class RouteResult:
    """One way to reach category A or B (direct criterion, salary multiple, points)."""

    category: Category
    route: str  # stable id, e.g. "points", "salary_multiple", "talent_programme"
    status: RouteStatus
    reason: str


@dataclass(frozen=True)
class WhatIf:
    """A single change of facts that would change the category (or the salary needed for one)."""

    change: str  # stable id, e.g. "salary_by_points", "hsk_level"
    description: str
    new_category: str | None
    value: str | None  # e.g. the salary needed, the HSK level needed


@dataclass(frozen=True)
class Assessment:
    """The full result: factors, routes, category and the uncertainties that apply."""

    assessment_date: date
    rule_version: str
    points_total: int  # sum of the points that are certain (unknown factors count their minimum)
    points_known_max: int  # upper bound of the total if every unknown fact turned out favourably
    factors: tuple[FactorResult, ...]
    routes: tuple[RouteResult, ...]
    category: Category | None  # None = reaches no category (C is never inferred from points)
    possible_category: Category | None  # best reachable if unknown facts turn out favourably
    what_if: tuple[WhatIf, ...]
    warnings: tuple[str, ...]
    missing_facts: tuple[str, ...]
    warning_ids: tuple[str, ...] = ()  # stable id of each warning, same order as ``warnings``
