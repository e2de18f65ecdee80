"""API contracts of the jobs context: hubs, jobs, their requirements and hiring teams.

Payload rules a schema can express live here, so a bad request is a field-level 422 before any
database work. Rules that need the stored job as well (a PATCH that changes one end of the salary
band) reuse the pure helpers at the bottom of this module from the service.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from talentbridge.jobs.enums import (
    DegreeLevel,
    HiringTeamRole,
    JobLevel,
    JobStatus,
    RoleFamily,
    SalaryPeriod,
    WorkModel,
)
from talentbridge.jobs.lifecycle import INITIAL_STATUSES
from talentbridge.kit.codes import CountryCode, CurrencyCode, LanguageCode, TimeZoneName
from talentbridge.kit.levels import LanguageLevel
from talentbridge.kit.text import normalise_key

MAX_YEARS_EXPERIENCE = 50
MAX_SKILL_WEIGHT = 10
MAX_DESCRIPTION_LENGTH = 20_000
SALARY_FIELDS = ("salary_currency", "salary_min", "salary_max", "salary_period")

Name = Annotated[str, Field(min_length=1, max_length=120)]
Title = Annotated[str, Field(min_length=1, max_length=200)]
Amount = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]


class _Input(BaseModel):
    """Request bodies: unknown fields are an error, surrounding spaces are dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _refuse_nulls(model: BaseModel, fields: tuple[str, ...]) -> None:
    """PATCH bodies may omit a field, but may not set a required one to null."""
    for field in fields:
        if field in model.model_fields_set and getattr(model, field) is None:
            raise ValueError(f"'{field}' cannot be null; leave it out to keep the current value.")


# --- hubs -----------------------------------------------------------------------------------------


class HubCreate(_Input):
    """A new hub (office)."""

    name: Name
    city: Name
    country: CountryCode
    timezone: TimeZoneName
    currency: CurrencyCode


class HubUpdate(_Input):
    """Changes to a hub; absent fields stay as they are. Deactivate a hub instead of deleting it."""

    name: Name | None = None
    city: Name | None = None
    country: CountryCode | None = None
    timezone: TimeZoneName | None = None
    currency: CurrencyCode | None = None
    is_active: bool | None = None

    @model_validator(mode="after")
    def _no_nulls(self) -> HubUpdate:
        _refuse_nulls(self, tuple(type(self).model_fields))
        return self


class HubRead(BaseModel):
    """A hub as the API shows it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    city: str
    country: str
    timezone: str
    currency: str
    is_active: bool
    created_at: datetime
    updated_at: datetime


class HubBrief(BaseModel):
    """The hub fields a job shows inline."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    city: str
    country: str
    timezone: str
    currency: str


# --- job requirements -----------------------------------------------------------------------------


class JobSkillIn(_Input):
    """A skill the job asks for; the weight (0 < w <= 10) ranks it against the others."""

    name: Name
    weight: float = Field(default=1.0, gt=0, le=MAX_SKILL_WEIGHT)


class JobSkillRead(BaseModel):
    """A stored job skill."""

    model_config = ConfigDict(from_attributes=True)

    name: str
    weight: float


class JobLanguageIn(_Input):
    """A language requirement: e.g. English at B2 or better, or Chinese at HSK4."""

    language: LanguageCode
    min_level: LanguageLevel
    required: bool = True


class JobLanguageRead(BaseModel):
    """A stored language requirement."""

    model_config = ConfigDict(from_attributes=True)

    language: str
    min_level: LanguageLevel
    required: bool


class HiringTeamMemberIn(_Input):
    """A user and their part in the hiring team."""

    user_id: uuid.UUID
    role: HiringTeamRole


class HiringTeamUpdate(_Input):
    """The complete new hiring team (it replaces the current one)."""

    members: list[HiringTeamMemberIn] = Field(default_factory=list, max_length=100)

    @field_validator("members")
    @classmethod
    def _one_entry_per_user(cls, members: list[HiringTeamMemberIn]) -> list[HiringTeamMemberIn]:
        return _unique_team(members)


class HiringTeamMemberRead(BaseModel):
    """A hiring-team member, by name."""

    user_id: uuid.UUID
    full_name: str
    role: HiringTeamRole


# --- jobs -----------------------------------------------------------------------------------------


class _JobRequirements(_Input):
    """Validators shared by JobCreate and JobUpdate."""

    @field_validator("applicant_countries", check_fields=False)
    @classmethod
    def _dedupe_countries(cls, countries: list[str] | None) -> list[str] | None:
        return None if countries is None else list(dict.fromkeys(countries))

    @field_validator("required_skills", "preferred_skills", check_fields=False)
    @classmethod
    def _unique_skills(cls, skills: list[JobSkillIn] | None, info: ValidationInfo) -> list[JobSkillIn] | None:
        if skills is None:
            return None
        duplicate = _first_duplicate_skill(skills)
        if duplicate is not None:
            raise ValueError(f"The skill '{duplicate}' is listed twice.")
        required = info.data.get("required_skills")
        if info.field_name == "preferred_skills" and required is not None:
            overlap = skills_in_both(required, skills)
            if overlap is not None:
                raise ValueError(overlap)
        return skills

    @field_validator("languages", check_fields=False)
    @classmethod
    def _unique_languages(cls, languages: list[JobLanguageIn] | None) -> list[JobLanguageIn] | None:
        if languages is not None:
            codes = [language.language for language in languages]
            if len(codes) != len(set(codes)):
                raise ValueError("Each language can be required only once.")
        return languages

    @field_validator("salary_max", check_fields=False)
    @classmethod
    def _max_not_below_min(cls, salary_max: Decimal | None, info: ValidationInfo) -> Decimal | None:
        salary_min = info.data.get("salary_min")
        if salary_max is not None and salary_min is not None and salary_max < salary_min:
            raise ValueError(SALARY_ORDER_MESSAGE)
        return salary_max


class JobCreate(_JobRequirements):
    """A new job (requisition). Its pipeline stages are copied from the stage template."""

    title: Title
    role_family: RoleFamily
    level: JobLevel
    hub_id: uuid.UUID
    work_model: WorkModel
    applicant_countries: list[CountryCode] = Field(default_factory=list, max_length=250)
    headcount: int = Field(default=1, ge=1, le=10_000)
    status: JobStatus = Field(default=JobStatus.DRAFT, description="draft or open")
    target_start_date: date | None = None
    required_skills: list[JobSkillIn] = Field(default_factory=list, max_length=100)
    preferred_skills: list[JobSkillIn] = Field(default_factory=list, max_length=100)
    languages: list[JobLanguageIn] = Field(default_factory=list, max_length=20)
    min_education: DegreeLevel | None = None
    min_years_experience: int | None = Field(default=None, ge=0, le=MAX_YEARS_EXPERIENCE)
    salary_currency: CurrencyCode | None = None
    salary_min: Amount | None = None
    salary_max: Amount | None = None
    salary_period: SalaryPeriod | None = None
    description_md: str = Field(default="", max_length=MAX_DESCRIPTION_LENGTH)
    team: list[HiringTeamMemberIn] = Field(default_factory=list, max_length=100)

    @field_validator("team")
    @classmethod
    def _one_entry_per_user(cls, members: list[HiringTeamMemberIn]) -> list[HiringTeamMemberIn]:
        return _unique_team(members)

    @field_validator("status")
    @classmethod
    def _initial_status(cls, status: JobStatus) -> JobStatus:
        if status not in INITIAL_STATUSES:
            raise ValueError("A new job must be created as draft or open.")
        return status

    @model_validator(mode="after")
    def _complete_salary_band(self) -> JobCreate:
        problem = salary_band_problem(
            self.salary_currency, self.salary_min, self.salary_max, self.salary_period
        )
        if problem is not None:
            raise ValueError(problem[1])
        return self


class JobUpdate(_JobRequirements):
    """Changes to a job (PATCH): absent fields stay as they are; lists replace the stored list.

    ``expected_version`` is the ``version`` the client last read; if someone changed the job
    since, the update is refused with 409 instead of silently overwriting their change. Status
    changes go through ``POST /jobs/{job_id}/status``, the hiring team through ``PUT .../team``.
    """

    expected_version: int | None = Field(default=None, ge=1)
    title: Title | None = None
    role_family: RoleFamily | None = None
    level: JobLevel | None = None
    hub_id: uuid.UUID | None = None
    work_model: WorkModel | None = None
    applicant_countries: list[CountryCode] | None = Field(default=None, max_length=250)
    headcount: int | None = Field(default=None, ge=1, le=10_000)
    target_start_date: date | None = None
    required_skills: list[JobSkillIn] | None = Field(default=None, max_length=100)
    preferred_skills: list[JobSkillIn] | None = Field(default=None, max_length=100)
    languages: list[JobLanguageIn] | None = Field(default=None, max_length=20)
    min_education: DegreeLevel | None = None
    min_years_experience: int | None = Field(default=None, ge=0, le=MAX_YEARS_EXPERIENCE)
    salary_currency: CurrencyCode | None = None
    salary_min: Amount | None = None
    salary_max: Amount | None = None
    salary_period: SalaryPeriod | None = None
    description_md: str | None = Field(default=None, max_length=MAX_DESCRIPTION_LENGTH)

    @model_validator(mode="after")
    def _no_nulls(self) -> JobUpdate:
        _refuse_nulls(
            self,
            (
                "title",
                "role_family",
                "level",
                "hub_id",
                "work_model",
                "applicant_countries",
                "headcount",
                "required_skills",
                "preferred_skills",
                "languages",
                "description_md",
            ),
        )
        return self

    def changes(self) -> dict[str, Any]:
        """The fields the client sent (without ``expected_version``), as given."""
        return {field: getattr(self, field) for field in self.model_fields_set if field != "expected_version"}


class JobStatusChange(_Input):
    """Move a job through its life cycle (see ``jobs.lifecycle``)."""

    status: JobStatus
    expected_version: int | None = Field(default=None, ge=1)


class JobRead(BaseModel):
    """A job with everything about it. Salary fields are null and ``salary_visible`` is false for
    roles that may not see compensation (interviewers)."""

    id: uuid.UUID
    title: str
    role_family: RoleFamily
    level: JobLevel
    hub: HubBrief
    work_model: WorkModel
    applicant_countries: list[str]
    headcount: int
    status: JobStatus
    opened_at: datetime | None
    closed_at: datetime | None
    target_start_date: date | None
    required_skills: list[JobSkillRead]
    preferred_skills: list[JobSkillRead]
    languages: list[JobLanguageRead]
    min_education: DegreeLevel | None
    min_years_experience: int | None
    salary_visible: bool
    salary_currency: str | None
    salary_min: Decimal | None
    salary_max: Decimal | None
    salary_period: SalaryPeriod | None
    description_md: str
    description_html: str
    team: list[HiringTeamMemberRead]
    created_by_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    version: int


class JobSummary(BaseModel):
    """A job in a list: enough to pick it, with its number of active applications."""

    id: uuid.UUID
    title: str
    role_family: RoleFamily
    level: JobLevel
    status: JobStatus
    work_model: WorkModel
    hub_id: uuid.UUID
    hub_name: str
    headcount: int
    opened_at: datetime | None
    created_at: datetime
    active_applications: int


class JobSort(StrEnum):
    """List order: newest first, title A-Z, or life-cycle order of the status (draft first)."""

    CREATED_AT = "created_at"
    TITLE = "title"
    STATUS = "status"


class JobFilter(BaseModel):
    """Which jobs to list; every criterion is optional and they combine with AND."""

    model_config = ConfigDict(extra="forbid")

    status: JobStatus | None = None
    role_family: RoleFamily | None = None
    hub_id: uuid.UUID | None = None
    work_model: WorkModel | None = None
    level: JobLevel | None = None
    q: str | None = Field(default=None, max_length=200, description="words in the title")
    sort: JobSort = JobSort.CREATED_AT


# --- shared pure rules ----------------------------------------------------------------------------

SALARY_ORDER_MESSAGE = "The salary maximum must not be below the minimum."


def salary_band_problem(
    currency: str | None, minimum: Decimal | None, maximum: Decimal | None, period: SalaryPeriod | None
) -> tuple[str, str] | None:
    """``(field, message)`` when a salary band is inconsistent, else None.

    A band is all four of currency, minimum, maximum and period, or none of them; and
    0 <= minimum <= maximum.
    """
    values = {"salary_currency": currency, "salary_min": minimum, "salary_max": maximum}
    values["salary_period"] = period
    missing = [field for field, value in values.items() if value is None]
    if 0 < len(missing) < len(values):
        return missing[0], "A salary band needs currency, minimum, maximum and period together (or none)."
    if minimum is not None and minimum < 0:
        return "salary_min", "The salary minimum cannot be negative."
    if minimum is not None and maximum is not None and maximum < minimum:
        return "salary_max", SALARY_ORDER_MESSAGE
    return None


def skills_in_both(required: list[JobSkillIn], preferred: list[JobSkillIn]) -> str | None:
    """A message when a skill is both required and preferred, else None."""
    required_keys = {normalise_key(skill.name) for skill in required}
    for skill in preferred:
        if normalise_key(skill.name) in required_keys:
            return f"The skill '{skill.name}' is both required and preferred; keep it in one list."
    return None


def _first_duplicate_skill(skills: list[JobSkillIn]) -> str | None:
    seen: set[str] = set()
    for skill in skills:
        key = normalise_key(skill.name)
        if key in seen:
            return skill.name
        seen.add(key)
    return None


def _unique_team(members: list[HiringTeamMemberIn]) -> list[HiringTeamMemberIn]:
    user_ids = [member.user_id for member in members]
    if len(user_ids) != len(set(user_ids)):
        raise ValueError("Each user can be on the hiring team only once.")
    return members


class Deleted(BaseModel):
    """The answer to a successful delete: which object is gone."""

    id: uuid.UUID
    deleted: bool = True


class JobListQuery(JobFilter):
    """The query string of ``GET /jobs``: the filters plus the page to fetch (unknown keys are 422)."""

    cursor: str | None = Field(default=None, max_length=500, description="next_cursor of the previous page")
    limit: int = Field(default=50, ge=1, le=200, description="page size")

    def filters(self) -> JobFilter:
        """The filter part, as the service takes it."""
        return JobFilter.model_validate(self.model_dump(exclude={"cursor", "limit"}))
