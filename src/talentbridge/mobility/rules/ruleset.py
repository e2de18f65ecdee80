"""The work-permit rules as typed, validated values (built by ``loader`` from the YAML data).

Everything the engine decides with comes from a ``RuleSet``; the engine holds no numbers of its
own, so a new table version or a new year's wage figures is a data change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

CategoryName = Literal["A", "B"]


@dataclass(frozen=True)
class Band:
    """A lower-bound-inclusive band: applies from ``min`` up to the next band's ``min``."""

    min: Decimal
    points: int


@dataclass(frozen=True)
class AgeBand:
    """A closed band of whole years of age."""

    min: int
    max: int
    points: int


@dataclass(frozen=True)
class SalaryFactor:
    label: str
    max: int
    source: str
    bands: tuple[Band, ...]  # highest first


@dataclass(frozen=True)
class EducationFactor:
    label: str
    max: int
    source: str
    degree_points: Mapping[str, int]
    vocational_points: Mapping[str, int]


@dataclass(frozen=True)
class ExperienceFactor:
    label: str
    max: int
    source: str
    min_years: int
    points_at_min: int
    points_per_further_year: int


@dataclass(frozen=True)
class MonthsFactor:
    label: str
    max: int
    source: str
    bands: tuple[Band, ...]  # highest first


@dataclass(frozen=True)
class ChineseFactor:
    label: str
    max: int
    source: str
    former_chinese_national: int
    degree_taught_in_chinese: int
    hsk_points: Mapping[int, int]


@dataclass(frozen=True)
class LocationFactor:
    label: str
    max: int
    source: str
    western: int
    northeast: int
    special_area: int


@dataclass(frozen=True)
class AgeFactor:
    label: str
    max: int
    source: str
    bands: tuple[AgeBand, ...]


@dataclass(frozen=True)
class ExcellenceFactor:
    label: str
    max: int
    source: str
    points: int
    years_in_china_min: int


@dataclass(frozen=True)
class LocalBonusFactor:
    label: str
    max: int
    source: str


@dataclass(frozen=True)
class PointsTable:
    """One version of the 积分要素计分赋值表."""

    id: str
    effective_from: date
    thresholds: Mapping[CategoryName, int]
    max_total: int
    salary: SalaryFactor
    education: EducationFactor
    experience: ExperienceFactor
    months_in_china: MonthsFactor
    chinese_language: ChineseFactor
    work_location: LocationFactor
    age: AgeFactor
    excellence_group: ExcellenceFactor
    local_bonus: LocalBonusFactor


@dataclass(frozen=True)
class DirectCriterion:
    """A non-points criterion; met when its id is among the person's ``direct_criteria``."""

    id: str
    category: CategoryName
    label: str
    description: str
    source: str
    uncertain: bool = False
    requires_degree: str | None = None
    requires_salary_multiple: Decimal | None = None
    also_met_by_vocational_level: frozenset[str] = frozenset()


@dataclass(frozen=True)
class BBaseline:
    """The general B conditions: degree, experience and age (the degree/experience route)."""

    label: str
    min_degree: str
    min_experience_years: int
    max_age: int
    source: str


@dataclass(frozen=True)
class SalaryRoute:
    multiple: Decimal
    source: str


@dataclass(frozen=True)
class WageFigure:
    """A city's previous-year average wage as used for the 4x/6x routes (``None`` = missing)."""

    city: str
    applies_from: date | None
    data_year: int | None
    annual_average_wage_cny: Decimal | None
    denominator: str | None
    source: str | None
    note: str | None


@dataclass(frozen=True)
class WesternPrefecture:
    id: str
    province: str
    names: tuple[str, ...]
    disputed: bool


@dataclass(frozen=True)
class Regions:
    """Province and city names, and which provinces count as western / north-eastern."""

    western: frozenset[str]
    western_disputed: frozenset[str]
    northeast: frozenset[str]
    western_prefectures: tuple[WesternPrefecture, ...]
    province_names: Mapping[str, str]  # normalised name -> province id
    city_names: Mapping[str, str]  # normalised name -> city id
    city_province: Mapping[str, str]  # city id -> province id
    display_names: Mapping[str, str]  # province or city id -> its first listed name (for messages)

    def display(self, place_id: str) -> str:
        return self.display_names.get(place_id, place_id)


@dataclass(frozen=True)
class LocalVariant:
    id: str
    province: str | None
    city: str | None
    message: str
    source: str


@dataclass(frozen=True)
class RuleSet:
    """Every rule an assessment uses, under one version id that the assessment records."""

    version: str
    effective_from: date
    description: str
    points: PointsTable
    criteria: Mapping[str, DirectCriterion]
    b_baseline: BBaseline
    salary_routes: Mapping[CategoryName, SalaryRoute]
    points_route_source: str
    wages: Mapping[str, tuple[WageFigure, ...]]  # city id -> history, newest first
    regions: Regions
    variants: tuple[LocalVariant, ...]
    files: tuple[str, ...] = field(default=())
