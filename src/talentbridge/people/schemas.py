"""API contracts for people: create, PATCH-style update, role-redacted read, list summary, filters.

Everything a schema can check is checked here, so bad input is a 422 with field-level messages
before any use case runs. Lists are de-duplicated on their natural key (normalised e-mail, E.164
phone, normalised skill, country code, tag name), so "the same thing twice" never reaches the
database as a constraint violation.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    HttpUrl,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from talentbridge.jobs.enums import DegreeLevel, SalaryPeriod
from talentbridge.kit.clock import utc_now
from talentbridge.kit.codes import CountryCode, CurrencyCode, LanguageCode, PhoneE164, TimeZoneName
from talentbridge.kit.levels import LanguageLevel
from talentbridge.kit.text import normalise_email, normalise_key
from talentbridge.people._read_schemas import (
    AwardRead,
    EducationRead,
    ExperienceRead,
    LanguageRead,
    PersonRead,
    PersonSummary,
    PhoneRead,
    PublicationRead,
    SkillRead,
    TagRead,
    TimelineEntry,
)
from talentbridge.people.enums import PersonSort

__all__ = [
    "AwardIn",
    "AwardRead",
    "EducationIn",
    "EducationRead",
    "ExperienceIn",
    "ExperienceRead",
    "LanguageIn",
    "LanguageRead",
    "PersonCreate",
    "PersonFilter",
    "PersonListParams",
    "PersonRead",
    "PersonSummary",
    "PersonUpdate",
    "PhoneIn",
    "PhoneRead",
    "PublicationIn",
    "PublicationRead",
    "SkillIn",
    "SkillRead",
    "TagRead",
    "TimelineEntry",
    "normalise_tag",
    "unique_by",
]

T = TypeVar("T")

MIN_YEAR = 1900
MAX_YEAR = 2100
MAX_NOTICE_DAYS = 365


def unique_by(items: list[T], key: Callable[[T], Hashable]) -> list[T]:
    """Keep the first item of each key, in the given order."""
    seen: set[Hashable] = set()
    kept: list[T] = []
    for item in items:
        item_key = key(item)
        if item_key not in seen:
            seen.add(item_key)
            kept.append(item)
    return kept


def normalise_tag(name: str) -> str:
    """Tags are compared and stored case- and accent-insensitively ("Campus 2026" == "campus 2026")."""
    return normalise_key(name)


def _not_in_future(value: date) -> date:
    if value > utc_now().date():
        raise ValueError("must not be in the future")
    if value.year < MIN_YEAR:
        raise ValueError(f"must not be before {MIN_YEAR}")
    return value


def _assume_utc(value: datetime) -> datetime:
    """Naive datetimes in filters are read as UTC (the database only holds UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _single_entry_per_language(languages: list[LanguageIn]) -> list[LanguageIn]:
    codes = [entry.language for entry in languages]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise ValueError(f"each language may be listed once; repeated: {', '.join(duplicates)}")
    return languages


def _tag_names(names: list[str]) -> list[str]:
    cleaned = [normalise_tag(name) for name in names]
    if any(not name for name in cleaned):
        raise ValueError("tag names must not be blank")
    return unique_by(cleaned, lambda name: name)


class _Input(BaseModel):
    """Input schemas refuse unknown fields and strip surrounding whitespace."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]
ShortText = Annotated[str, Field(max_length=200)]
LinkKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
SalaryAmount = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]
NoticeDays = Annotated[int, Field(ge=0, le=MAX_NOTICE_DAYS)]
DateOfBirth = Annotated[date, AfterValidator(_not_in_future)]


class PhoneIn(_Input):
    """A phone number in international form; stored as E.164."""

    number: PhoneE164
    label: str | None = Field(default=None, max_length=32)


class LanguageIn(_Input):
    """A language (ISO 639 code) at a level: CEFR A1-C2, HSK1-HSK6 or native."""

    language: LanguageCode
    level: LanguageLevel
    certificate: str | None = Field(default=None, max_length=120)


class SkillIn(_Input):
    """A skill by name, optionally with years of use."""

    name: str = Field(min_length=1, max_length=120)
    years: float | None = Field(default=None, ge=0, le=60)


class EducationIn(_Input):
    """A degree or programme; the end year may not precede the start year."""

    degree_level: DegreeLevel
    field: str | None = Field(default=None, max_length=200)
    institution: str = Field(min_length=1, max_length=200)
    country: CountryCode | None = None
    start_year: Year | None = None
    end_year: Year | None = None

    @field_validator("end_year")
    @classmethod
    def _end_not_before_start(cls, end_year: int | None, info: ValidationInfo) -> int | None:
        start_year = info.data.get("start_year")
        if end_year is not None and start_year is not None and end_year < start_year:
            raise ValueError("must not be before start_year")
        return end_year


class ExperienceIn(_Input):
    """A position held; the end date may not precede the start date (open end = current)."""

    title: str = Field(min_length=1, max_length=200)
    employer: str = Field(min_length=1, max_length=200)
    country: CountryCode | None = None
    start_date: date | None = None
    end_date: date | None = None
    description: str = Field(default="", max_length=5000)

    @field_validator("end_date")
    @classmethod
    def _end_not_before_start(cls, end_date: date | None, info: ValidationInfo) -> date | None:
        start_date = info.data.get("start_date")
        if end_date is not None and start_date is not None and end_date < start_date:
            raise ValueError("must not be before start_date")
        return end_date


class PublicationIn(_Input):
    """A paper, book or talk."""

    title: str = Field(min_length=1, max_length=300)
    venue: ShortText | None = None
    year: Year | None = None
    url: HttpUrl | None = None


class AwardIn(_Input):
    """A prize, scholarship or competition result."""

    title: str = Field(min_length=1, max_length=300)
    issuer: ShortText | None = None
    year: Year | None = None
    url: HttpUrl | None = None


EmailList = Annotated[
    list[EmailStr], Field(max_length=20), AfterValidator(lambda emails: unique_by(emails, normalise_email))
]
PhoneList = Annotated[
    list[PhoneIn], Field(max_length=20), AfterValidator(lambda phones: unique_by(phones, lambda p: p.number))
]
CountryList = Annotated[
    list[CountryCode], Field(max_length=10), AfterValidator(lambda codes: unique_by(codes, lambda c: c))
]
LanguageList = Annotated[list[LanguageIn], Field(max_length=30), AfterValidator(_single_entry_per_language)]
SkillList = Annotated[
    list[SkillIn],
    Field(max_length=200),
    AfterValidator(lambda skills: unique_by(skills, lambda s: normalise_key(s.name))),
]
TagList = Annotated[
    list[Annotated[str, Field(min_length=1, max_length=64)]], Field(max_length=50), AfterValidator(_tag_names)
]
EducationList = Annotated[list[EducationIn], Field(max_length=30)]
ExperienceList = Annotated[list[ExperienceIn], Field(max_length=50)]
PublicationList = Annotated[list[PublicationIn], Field(max_length=200)]
AwardList = Annotated[list[AwardIn], Field(max_length=100)]
Links = Annotated[dict[LinkKey, HttpUrl], Field(max_length=20)]


class PersonCreate(_Input):
    """A new person. Only ``first_name`` is required; e-mails must not belong to anyone else.

    ``expected_salary_currency`` is required when ``expected_salary_amount`` is given. ``links``
    maps a lower-case key (``linkedin``, ``github``, ``scholar``, ``website`` ...) to an http(s) URL.
    """

    first_name: str = Field(min_length=1, max_length=120)
    last_name: str = Field(default="", max_length=120)
    native_name: str | None = Field(default=None, max_length=200)
    headline: str | None = Field(default=None, max_length=300)
    current_title: ShortText | None = None
    current_employer: ShortText | None = None
    location_city: str | None = Field(default=None, max_length=120)
    location_country: CountryCode | None = None
    timezone: TimeZoneName | None = None
    nationalities: CountryList = Field(default_factory=list)
    date_of_birth: DateOfBirth | None = None
    emails: EmailList = Field(default_factory=list)
    phones: PhoneList = Field(default_factory=list)
    languages: LanguageList = Field(default_factory=list)
    skills: SkillList = Field(default_factory=list)
    educations: EducationList = Field(default_factory=list)
    experiences: ExperienceList = Field(default_factory=list)
    publications: PublicationList = Field(default_factory=list)
    awards: AwardList = Field(default_factory=list)
    links: Links = Field(default_factory=dict)
    expected_salary_amount: SalaryAmount | None = None
    expected_salary_currency: CurrencyCode | None = Field(default=None, validate_default=True)
    expected_salary_period: SalaryPeriod | None = None
    willing_to_relocate: bool | None = None
    notice_period_days: NoticeDays | None = None
    source_id: uuid.UUID | None = None
    tags: TagList = Field(default_factory=list)
    summary: str = Field(default="", max_length=20000)

    @field_validator("expected_salary_currency")
    @classmethod
    def _currency_with_amount(cls, currency: str | None, info: ValidationInfo) -> str | None:
        if currency is None and info.data.get("expected_salary_amount") is not None:
            raise ValueError("is required when expected_salary_amount is given")
        return currency


# Fields of PersonUpdate that may be omitted but never set to null (lists are cleared with []).
NOT_NULLABLE_UPDATE_FIELDS = (
    "first_name",
    "last_name",
    "nationalities",
    "emails",
    "phones",
    "languages",
    "skills",
    "educations",
    "experiences",
    "publications",
    "awards",
    "links",
    "tags",
    "summary",
)


class PersonUpdate(_Input):
    """PATCH semantics: absent fields stay unchanged, given lists replace the stored ones, ``null``
    clears an optional field. The version to check is passed separately (``If-Match`` in the API).
    """

    first_name: str | None = Field(default=None, min_length=1, max_length=120)
    last_name: str | None = Field(default=None, max_length=120)
    native_name: str | None = Field(default=None, max_length=200)
    headline: str | None = Field(default=None, max_length=300)
    current_title: ShortText | None = None
    current_employer: ShortText | None = None
    location_city: str | None = Field(default=None, max_length=120)
    location_country: CountryCode | None = None
    timezone: TimeZoneName | None = None
    nationalities: CountryList | None = None
    date_of_birth: DateOfBirth | None = None
    emails: EmailList | None = None
    phones: PhoneList | None = None
    languages: LanguageList | None = None
    skills: SkillList | None = None
    educations: EducationList | None = None
    experiences: ExperienceList | None = None
    publications: PublicationList | None = None
    awards: AwardList | None = None
    links: Links | None = None
    expected_salary_amount: SalaryAmount | None = None
    expected_salary_currency: CurrencyCode | None = None
    expected_salary_period: SalaryPeriod | None = None
    willing_to_relocate: bool | None = None
    notice_period_days: NoticeDays | None = None
    source_id: uuid.UUID | None = None
    tags: TagList | None = None
    summary: str | None = Field(default=None, max_length=20000)
    expected_version: int | None = Field(
        default=None, ge=1, description="The version you read (or send If-Match); 409 when stale"
    )

    @field_validator(*NOT_NULLABLE_UPDATE_FIELDS, mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("may not be null (omit the field to keep it, or send an empty value)")
        return value

    @field_validator("expected_salary_currency")
    @classmethod
    def _currency_with_amount(cls, currency: str | None, info: ValidationInfo) -> str | None:
        if currency is None and info.data.get("expected_salary_amount") is not None:
            raise ValueError("is required when expected_salary_amount is given")
        return currency


class PersonFilter(BaseModel):
    """Filters of the people list. All given filters must hold; ``skill`` may repeat (all of)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    q: str | None = Field(default=None, min_length=1, max_length=200, description="Name or e-mail")
    skill: list[Annotated[str, Field(min_length=1, max_length=120)]] = Field(
        default_factory=list, max_length=20
    )
    country: CountryCode | None = Field(default=None, description="Country of residence")
    nationality: CountryCode | None = None
    language: LanguageCode | None = None
    min_level: LanguageLevel | None = Field(default=None, description="Minimum level of `language`")
    source_id: uuid.UUID | None = None
    tag: str | None = Field(default=None, min_length=1, max_length=64)
    has_applications: bool | None = None
    job_id: uuid.UUID | None = Field(default=None, description="People with an application on this job")
    created_after: Annotated[datetime, AfterValidator(_assume_utc)] | None = Field(
        default=None, description="ISO 8601; read as UTC when no offset is given"
    )
    sort: PersonSort = PersonSort.CREATED_DESC

    @model_validator(mode="before")
    @classmethod
    def _blank_means_absent(cls, values: Any) -> Any:
        """Empty form fields (``?q=&country=``) mean "no filter", as an HTML form sends them."""
        if isinstance(values, dict):
            return {key: value for key, value in values.items() if value != ""}
        return values

    @field_validator("min_level")
    @classmethod
    def _level_needs_language(cls, level: LanguageLevel | None, info: ValidationInfo) -> LanguageLevel | None:
        if level is not None and info.data.get("language") is None:
            raise ValueError("needs a language")
        return level


class PersonListParams(PersonFilter):
    """The people list's query string: filters plus the page cursor and size."""

    cursor: str | None = Field(default=None, max_length=500)
    limit: int = Field(default=50, ge=1, le=200)
