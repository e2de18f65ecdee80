"""Read-side people schemas (what the API and pages show); re-exported by ``people.schemas``."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict

from talentbridge.jobs.enums import DegreeLevel, SalaryPeriod
from talentbridge.kit.levels import LanguageLevel


class PhoneRead(BaseModel):
    """A stored phone number."""

    number: str
    label: str | None


class LanguageRead(BaseModel):
    """A stored language and level."""

    language: str
    level: LanguageLevel
    certificate: str | None


class SkillRead(BaseModel):
    """A stored skill; ``normalized`` is the key search and matching use."""

    name: str
    normalized: str
    years: float | None


class EducationRead(BaseModel):
    """A stored degree or programme."""

    degree_level: DegreeLevel
    field: str | None
    institution: str
    country: str | None
    start_year: int | None
    end_year: int | None


class ExperienceRead(BaseModel):
    """A stored position."""

    title: str
    employer: str
    country: str | None
    start_date: date | None
    end_date: date | None
    description: str


class PublicationRead(BaseModel):
    """A stored publication (lenient: stored JSON is shown as it is)."""

    title: str
    venue: str | None = None
    year: int | None = None
    url: str | None = None


class AwardRead(BaseModel):
    """A stored award (lenient: stored JSON is shown as it is)."""

    title: str
    issuer: str | None = None
    year: int | None = None
    url: str | None = None


class PersonRead(BaseModel):
    """A person's full record as the actor may see it.

    Fields the actor's role may not see (``date_of_birth`` for hiring managers and interviewers,
    the ``expected_salary_*`` fields for interviewers) are left unset, listed in
    ``redacted_fields`` and omitted from API responses.
    """

    id: uuid.UUID
    first_name: str
    last_name: str
    native_name: str | None
    display_name: str
    headline: str | None
    current_title: str | None
    current_employer: str | None
    location_city: str | None
    location_country: str | None
    timezone: str | None
    nationalities: list[str]
    date_of_birth: date | None = None
    emails: list[str]
    phones: list[PhoneRead]
    languages: list[LanguageRead]
    skills: list[SkillRead]
    educations: list[EducationRead]
    experiences: list[ExperienceRead]
    publications: list[PublicationRead]
    awards: list[AwardRead]
    links: dict[str, str]
    expected_salary_amount: Decimal | None = None
    expected_salary_currency: str | None = None
    expected_salary_period: SalaryPeriod | None = None
    willing_to_relocate: bool | None
    notice_period_days: int | None
    source_id: uuid.UUID | None
    tags: list[str]
    summary: str
    version: int
    created_at: datetime
    updated_at: datetime
    redacted_fields: list[str]


class PersonSummary(BaseModel):
    """A person in a list: enough to recognise and pick them, nothing sensitive."""

    id: uuid.UUID
    display_name: str
    first_name: str
    last_name: str
    native_name: str | None
    headline: str | None
    current_title: str | None
    current_employer: str | None
    location_city: str | None
    location_country: str | None
    primary_email: str | None
    skills: list[str]
    tags: list[str]
    source_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class TagRead(BaseModel):
    """A tag."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str


class TimelineEntry(BaseModel):
    """One event of a person's activity timeline, with the name of whoever acted."""

    id: uuid.UUID
    at: datetime
    action: str
    entity_type: str
    entity_id: uuid.UUID | None
    actor_id: uuid.UUID | None
    actor_name: str
    summary: str
    changes: dict[str, Any]
