"""API and form contracts of the careers context."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator, model_validator

from talentbridge.careers.enums import ConsentPurpose, EmploymentType, Jurisdiction, QuestionKind
from talentbridge.kit.codes import CountryCode

MAX_QUESTIONS = 20
Choice = Annotated[str, Field(min_length=1, max_length=200)]


class PostingRead(BaseModel):
    """How a job appears on the careers site; ``path`` is its public page (when open and listed)."""

    model_config = ConfigDict(from_attributes=True)

    job_id: uuid.UUID
    listed: bool
    employment_type: EmploymentType
    valid_through: date | None
    show_salary: bool
    eligibility_to_work: str | None
    path: str
    public: bool


class PostingUpdate(BaseModel):
    """Change how a job is published; absent fields stay."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    listed: bool | None = None
    employment_type: EmploymentType | None = None
    valid_through: date | None = None
    show_salary: bool | None = None
    eligibility_to_work: str | None = Field(default=None, max_length=500)

    @field_validator("listed", "employment_type", "show_salary", mode="before")
    @classmethod
    def _not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("may not be null (omit the field to keep it)")
        return value


class ScreeningQuestionIn(BaseModel):
    """A screening question; ``choices`` only (and at least two) for ``kind: choice``."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    prompt: str = Field(min_length=1, max_length=500)
    kind: QuestionKind = QuestionKind.TEXT
    choices: list[Choice] = Field(default_factory=list, max_length=20)
    required: bool = True

    @model_validator(mode="after")
    def _choices_fit_kind(self) -> ScreeningQuestionIn:
        if self.kind is QuestionKind.CHOICE and len(set(self.choices)) < 2:
            raise ValueError("a choice question needs at least two different choices")
        if self.kind is not QuestionKind.CHOICE and self.choices:
            raise ValueError("only choice questions have choices")
        return self


class ScreeningQuestionsUpdate(BaseModel):
    """The job's whole list of questions, in order (replaces the previous list)."""

    model_config = ConfigDict(extra="forbid")

    questions: list[ScreeningQuestionIn] = Field(max_length=MAX_QUESTIONS)


class ScreeningQuestionRead(BaseModel):
    """A stored screening question."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    job_id: uuid.UUID
    position: int
    prompt: str
    kind: QuestionKind
    choices: list[str]
    required: bool


class ConsentRecordRead(BaseModel):
    """A consent record (compliance officers and admins)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    person_id: uuid.UUID
    application_id: uuid.UUID | None
    purpose: ConsentPurpose
    jurisdiction: Jurisdiction
    country: str
    notice_version: str
    notice_sha256: str
    locale: str
    ip_hash: str
    given_at: datetime
    statement: str


class ConsentFilter(BaseModel):
    """Filters of the consent-record list."""

    model_config = ConfigDict(extra="forbid")

    purpose: ConsentPurpose | None = None
    jurisdiction: Jurisdiction | None = None
    limit: int = Field(default=100, ge=1, le=500)


class ApplicantDetails(BaseModel):
    """What the public application form asks for (validated like any API payload)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    first_name: str = Field(min_length=1, max_length=120)
    last_name: str = Field(default="", max_length=120)
    email: EmailStr
    phone: str | None = Field(default=None, max_length=40)
    country: CountryCode
    city: str | None = Field(default=None, max_length=120)
    linkedin: str | None = Field(default=None, max_length=300)
    consent: bool
    talent_pool: bool = False

    @field_validator("consent")
    @classmethod
    def _consent_given(cls, value: bool) -> bool:
        if not value:
            raise ValueError("consent is required to apply")
        return value

    @field_validator("phone", "city", "linkedin", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value
