"""API contracts of the matching context: the ranking query, its results, overrides."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from talentbridge.kit.codes import CountryCode, LanguageCode
from talentbridge.kit.levels import LanguageLevel
from talentbridge.matching.models import OverrideAction

MAX_TOP = 200
WEIGHT_FEATURES = (
    "skills",
    "preferred",
    "experience",
    "languages",
    "education",
    "evidence",
    "location",
    "work_model",
    "retrieval",
)
"""The score's features, in the order the explanation and the weight sliders show them."""

Weight = Annotated[float, Field(ge=0, le=10)]


class MatchQuery(BaseModel):
    """Options of a job's ranking (query parameters): how many, which filters, which weights.

    ``weight_<feature>`` overrides that feature's default weight for this request only; weights
    are relative (they are normalised), 0 switches a feature off.
    """

    model_config = ConfigDict(extra="forbid")

    top: int = Field(default=50, ge=1, le=MAX_TOP)
    must_have_only: bool = False
    min_score: float = Field(default=0, ge=0, le=100)
    country: CountryCode | None = None
    language: LanguageCode | None = None
    min_level: LanguageLevel | None = None
    weight_skills: Weight | None = None
    weight_preferred: Weight | None = None
    weight_experience: Weight | None = None
    weight_languages: Weight | None = None
    weight_education: Weight | None = None
    weight_evidence: Weight | None = None
    weight_location: Weight | None = None
    weight_work_model: Weight | None = None
    weight_retrieval: Weight | None = None

    def weight_overrides(self) -> dict[str, float]:
        """The weights this request sets, by feature."""
        values = {feature: getattr(self, f"weight_{feature}") for feature in WEIGHT_FEATURES}
        return {feature: float(value) for feature, value in values.items() if value is not None}


class JobMatchQuery(BaseModel):
    """Options of a person's best jobs (query parameters)."""

    model_config = ConfigDict(extra="forbid")

    top: int = Field(default=20, ge=1, le=MAX_TOP)


class FeatureRead(BaseModel):
    """One feature's part of a score, with its explanation."""

    feature: str
    score: float
    weight: float
    contribution: float
    reason: str
    details: list[str]


class FilterRead(BaseModel):
    """A hard requirement and whether the candidate meets it."""

    name: str
    passed: bool
    reason: str


class PersonBrief(BaseModel):
    """Who a match is about: enough to recognise the person, nothing sensitive."""

    id: uuid.UUID
    display_name: str
    native_name: str | None
    headline: str | None
    current_title: str | None
    current_employer: str | None
    location_city: str | None
    location_country: str | None


class JobBrief(BaseModel):
    """Which job a match is about."""

    id: uuid.UUID
    title: str
    status: str
    level: str
    work_model: str
    hub_name: str


class OverrideRead(BaseModel):
    """A recruiter's pin or exclusion: what, why, who and when."""

    model_config = ConfigDict(from_attributes=True)

    job_id: uuid.UUID
    person_id: uuid.UUID
    action: OverrideAction
    reason: str | None
    created_by_id: uuid.UUID | None
    created_at: datetime


class MatchRead(BaseModel):
    """One candidate in a job's ranking."""

    rank: int
    person: PersonBrief
    score: float
    summary: str
    passed_filters: bool
    features: list[FeatureRead]
    filters: list[FilterRead]
    pinned: bool
    excluded: bool
    in_pipeline: bool
    override: OverrideRead | None


class JobMatchesRead(BaseModel):
    """A job's ranking: pinned people first, then the best matches; excluded people listed apart."""

    job_id: uuid.UUID
    weights: dict[str, float]
    indexed_people: int
    considered_people: int
    semantic: bool
    building: bool = Field(description="True while the index is built in the background: try again shortly.")
    items: list[MatchRead]
    excluded: list[MatchRead]


class JobMatchRead(BaseModel):
    """One job in a person's best jobs."""

    rank: int
    job: JobBrief
    score: float
    summary: str
    passed_filters: bool
    features: list[FeatureRead]
    filters: list[FilterRead]
    pinned: bool
    excluded: bool
    in_pipeline: bool


class PersonJobMatchesRead(BaseModel):
    """The jobs a person fits best, best first."""

    person_id: uuid.UUID
    items: list[JobMatchRead]


class OverrideIn(BaseModel):
    """Pin a person to the top of a job's matches, or exclude them from it, with an optional reason."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    action: OverrideAction
    reason: Annotated[str, StringConstraints(max_length=500)] | None = None
