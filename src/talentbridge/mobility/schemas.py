"""API contracts of the mobility context: permit facts, offer terms, assessments and cases.

Everything a schema can check is checked here (ranges, enums, lengths), so bad input is a 422
with field-level messages before a use case runs. Reads are built by the service from the rows.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from talentbridge.kit.codes import CountryCode
from talentbridge.mobility.engine.types import Vocational
from talentbridge.mobility.enums import (
    Authentication,
    CaseStatus,
    DependantRelation,
    DocumentStatus,
    StepKind,
    StepStatus,
)

MAX_SALARY_CNY = Decimal("999999999999")
ShortText = Field(default=None, max_length=120)


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PermitFactsIn(_In):
    """The permit facts of a person (PUT replaces them; absent numbers are unknown, booleans false)."""

    vocational_level: Vocational | None = None
    hsk_level: int | None = Field(default=None, ge=0, le=6, description="Certified HSK level (0 = none)")
    relevant_experience_years: float | None = Field(
        default=None, ge=0, le=70, description="Certified relevant experience; overrides the work history"
    )
    years_worked_in_china: float | None = Field(default=None, ge=0, le=70)
    former_chinese_national: bool = False
    degree_taught_in_chinese: bool = False
    top_university_graduate: bool = False
    fortune500_experience: bool = False
    has_patents: bool = False
    direct_criteria: list[str] = Field(default_factory=list, max_length=50)

    @field_validator("direct_criteria")
    @classmethod
    def _unique_ids(cls, value: list[str]) -> list[str]:
        cleaned = [item.strip() for item in value]
        if any(not item or len(item) > 64 for item in cleaned):
            raise ValueError("criterion ids are 1 to 64 characters")
        return list(dict.fromkeys(cleaned))


class PermitFactsRead(PermitFactsIn):
    """Stored permit facts."""

    model_config = ConfigDict(extra="ignore", from_attributes=True)

    person_id: uuid.UUID
    updated_at: datetime | None = None


class OfferTermsIn(_In):
    """The offer's facts for the assessment (PUT replaces them; absent values are unknown)."""

    annual_salary_cny: Decimal | None = Field(default=None, ge=0, le=MAX_SALARY_CNY, decimal_places=2)
    months_in_china_per_year: float | None = Field(default=None, ge=0, le=12)
    work_city: str | None = ShortText
    work_province: str | None = ShortText

    @field_validator("work_city", "work_province")
    @classmethod
    def _blank_is_unknown(cls, value: str | None) -> str | None:
        return value or None


class OfferTermsRead(OfferTermsIn):
    """Stored offer terms."""

    model_config = ConfigDict(extra="ignore", from_attributes=True)

    application_id: uuid.UUID
    person_id: uuid.UUID
    updated_at: datetime | None = None


class AssessmentRead(BaseModel):
    """A stored assessment: the engine's JSON result plus when and for what it was made."""

    id: uuid.UUID
    person_id: uuid.UUID
    application_id: uuid.UUID | None
    assessment_date: date
    rule_version: str
    category: str | None
    possible_category: str | None
    points_total: int
    created_at: datetime
    result: dict[str, Any]
    offer_stage_warning: bool = False
    fact_origins: dict[str, str] = Field(default_factory=dict)


class OfferTermsSaved(BaseModel):
    """The answer to saving offer terms: the terms, the new assessment and whether it needs a warning."""

    terms: OfferTermsRead
    assessment: AssessmentRead
    no_category_warning: bool


class CaseCreate(_In):
    """Open a case for a hire (one per application)."""

    application_id: uuid.UUID
    owner_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20)
    opened_on: date | None = None
    notes: str = Field(default="", max_length=5000)


class CaseUpdate(_In):
    """Change a case (PATCH: only the fields sent); ``expected_version`` guards concurrent edits."""

    expected_version: int = Field(ge=1)
    status: CaseStatus | None = None
    owner_ids: list[uuid.UUID] | None = Field(default=None, max_length=20)
    entry_date: date | None = None
    work_permit_expires_on: date | None = None
    residence_permit_expires_on: date | None = None
    notes: str | None = Field(default=None, max_length=5000)


class StepUpdate(_In):
    """Change a step (PATCH)."""

    status: StepStatus | None = None
    completed_on: date | None = None
    due_on: date | None = Field(default=None, description="Set by hand to override the derived date")
    note: str | None = Field(default=None, max_length=2000)


class DocumentUpdate(_In):
    """Change a checklist document's metadata (PATCH)."""

    status: DocumentStatus | None = None
    authentication: Authentication | None = None
    issued_on: date | None = None
    expires_on: date | None = None
    note: str | None = Field(default=None, max_length=2000)


class DependantCreate(_In):
    """A spouse or child moving with the hire."""

    full_name: str = Field(min_length=1, max_length=200)
    relation: DependantRelation
    date_of_birth: date | None = None
    nationality: CountryCode | None = None
    residence_permit_expires_on: date | None = None


class StepRead(BaseModel):
    """A step with its (derived or overridden) due date and the uncertainty that applies to it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: StepKind
    position: int
    status: StepStatus
    due_on: date | None
    due_kind: Literal["deadline", "expected"] | None = None
    completed_on: date | None
    note: str
    warning: str | None = None


class DocumentRead(BaseModel):
    """A checklist document (the file itself is downloaded separately)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str
    position: int
    status: DocumentStatus
    authentication: Authentication | None
    issued_on: date | None
    expires_on: date | None
    note: str
    filename: str | None
    content_type: str | None
    size_bytes: int | None
    has_file: bool = False
    requires_authentication: bool = False
    validity_days: int | None = None


class DependantRead(BaseModel):
    """A dependant."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    full_name: str
    relation: DependantRelation
    date_of_birth: date | None
    nationality: str | None
    residence_permit_expires_on: date | None


class CaseSummary(BaseModel):
    """A case on the board: who, which step, what is due next."""

    id: uuid.UUID
    person_id: uuid.UUID
    person_name: str
    application_id: uuid.UUID
    job_title: str
    status: CaseStatus
    permit_category: str | None
    current_step: StepKind | None
    next_due_on: date | None
    overdue: bool
    owner_ids: list[uuid.UUID]
    version: int


class CaseRead(CaseSummary):
    """A case with its steps, documents and dependants."""

    checklist_version: str
    opened_on: date
    entry_date: date | None
    work_permit_expires_on: date | None
    residence_permit_expires_on: date | None
    notes: str
    steps: list[StepRead]
    documents: list[DocumentRead]
    dependants: list[DependantRead]
    warnings: list[str]
    created_at: datetime


class BoardColumn(BaseModel):
    """One column of the case board: a step (or "completed") with its cases."""

    key: str
    count: int
    cases: list[CaseSummary]


class CaseBoard(BaseModel):
    """Every visible active case grouped by its current step, plus recently completed ones."""

    columns: list[BoardColumn]
    total: int


class ReminderScanIn(_In):
    """Options of a scan started by hand."""

    dry_run: bool = Field(default=False, description="Count what would be sent; send and record nothing")


class ReminderScanResult(BaseModel):
    """What a reminder scan did."""

    scanned_cases: int
    reminders_sent: int
    messages_queued: int
