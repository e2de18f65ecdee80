"""Kind-specific facts of a channel (university agreement, referral bonus, agency fee terms ...).

Why one validated JSON column (``Source.channel_details``) rather than a detail table per kind:

* the facts are always read and written *whole*, together with their source (the channel page,
  the API's ``PUT /sources/{id}/channel-details``); nothing queries across sources by them, so
  columns and joins would buy nothing;
* eight kinds with nested lists (a university's contacts, events and cohorts) would need a dozen
  small tables and a migration for every new field, while the Pydantic models below give the
  same guarantees at the edge: every write goes through ``validate_channel_details``, which
  picks the model of the source's kind (unknown keys, wrong types, bad ISO codes and inverted
  date ranges are refused with field-level errors);
* JSON (not JSONB) keeps SQLite and PostgreSQL identical (ADR: portable persistence).

Money is a ``Decimal`` with an ISO 4217 code, stored as a string so no precision is lost.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, EmailStr, Field, HttpUrl, ValidationError, model_validator

from talentbridge.jobs.enums import DegreeLevel
from talentbridge.kit.codes import CountryCode, CurrencyCode
from talentbridge.sourcing.enums import SourceKind

ShortText = Annotated[str, Field(min_length=1, max_length=200)]
Notes = Annotated[str, Field(max_length=4000)]
FeedKey = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$")]
Amount = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]


class PayoutStatus(StrEnum):
    """Where a referral bonus stands."""

    NOT_DUE = "not_due"
    PENDING = "pending"
    APPROVED = "approved"
    PAID = "paid"
    NOT_ELIGIBLE = "not_eligible"


class EventKind(StrEnum):
    """What happens at a university partnership event."""

    CAREER_FAIR = "career_fair"
    TECH_TALK = "tech_talk"
    HACKATHON = "hackathon"
    INFO_SESSION = "info_session"
    LAB_VISIT = "lab_visit"
    OTHER = "other"


class _Details(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Contact(_Details):
    """Someone to talk to at a partner (careers office, professor, programme officer)."""

    name: ShortText
    role: str | None = Field(default=None, max_length=200)
    email: EmailStr | None = None


class PartnershipEvent(_Details):
    """A dated event of a university partnership."""

    name: ShortText
    date: date
    kind: EventKind = EventKind.OTHER
    location: str | None = Field(default=None, max_length=200)


class GraduationCohort(_Details):
    """Students expected to graduate in a year, by degree and field."""

    graduation_year: int = Field(ge=1990, le=2100)
    degree: DegreeLevel = DegreeLevel.BACHELOR
    field: str | None = Field(default=None, max_length=200)
    expected_headcount: int | None = Field(default=None, ge=0, le=100_000)


class JobBoardDetails(_Details):
    """A job board: where it is, the key its feed is pulled with, and what posting costs."""

    website: HttpUrl | None = None
    feed_key: FeedKey | None = Field(
        default=None, description="The name boards use in ?channel= on /feeds/… (e.g. 'indeed')"
    )
    posting_cost: Amount | None = None
    posting_cost_currency: CurrencyCode | None = None
    contract_end: date | None = None
    notes: Notes = ""

    @model_validator(mode="after")
    def _cost_has_currency(self) -> JobBoardDetails:
        if self.posting_cost is not None and self.posting_cost_currency is None:
            raise ValueError("posting_cost_currency is required with posting_cost")
        return self


class UniversityDetails(_Details):
    """A university partnership: institution, agreement dates, contacts, events, cohorts."""

    institution: ShortText
    country: CountryCode
    agreement_start: date | None = None
    agreement_end: date | None = None
    contacts: list[Contact] = Field(default_factory=list, max_length=20)
    events: list[PartnershipEvent] = Field(default_factory=list, max_length=100)
    cohorts: list[GraduationCohort] = Field(default_factory=list, max_length=30)
    notes: Notes = ""

    @model_validator(mode="after")
    def _agreement_ordered(self) -> UniversityDetails:
        if self.agreement_start and self.agreement_end and self.agreement_end < self.agreement_start:
            raise ValueError("agreement_end must not be before agreement_start")
        return self


class ReferralDetails(_Details):
    """A referral programme: the bonus (Decimal + ISO 4217) and where its payout stands.

    The referrer is a colleague's account (``Source.referrer_user_id``, a foreign key) or a name
    (``Source.referrer_name``), or someone in the candidate database: ``referrer_person_id`` here,
    checked to exist when written. It is kept in the details, not a column, because a foreign key
    from ``sources`` to ``people`` would close a cycle (``people.source_id`` points back) that
    the table ordering of migrations and clean-ups cannot sort.
    """

    referrer_person_id: uuid.UUID | None = None
    bonus_amount: Amount | None = None
    bonus_currency: CurrencyCode | None = None
    payout_status: PayoutStatus = PayoutStatus.NOT_DUE
    payout_after_days: int | None = Field(default=None, ge=0, le=730)
    notes: Notes = ""

    @model_validator(mode="after")
    def _bonus_has_currency(self) -> ReferralDetails:
        if self.bonus_amount is not None and self.bonus_currency is None:
            raise ValueError("bonus_currency is required with bonus_amount")
        return self


class TalentProgrammeDetails(_Details):
    """A government talent programme: its name, who issues it and who is eligible."""

    programme_name: ShortText
    issuing_body: ShortText
    country: CountryCode | None = None
    website: HttpUrl | None = None
    eligibility_notes: Notes = ""


class AgencyDetails(_Details):
    """A recruitment agency: fee terms, guarantee period and contract."""

    fee_terms: Annotated[str, Field(min_length=1, max_length=1000)]
    fee_percent: Decimal | None = Field(default=None, ge=0, le=100, max_digits=5, decimal_places=2)
    guarantee_days: int | None = Field(default=None, ge=0, le=365)
    contract_end: date | None = None
    contact: Contact | None = None


class GeneralDetails(_Details):
    """Kinds without specific facts (careers page, sourced, other): free notes only."""

    notes: Notes = ""


DETAILS_MODELS: dict[SourceKind, type[_Details]] = {
    SourceKind.JOB_BOARD: JobBoardDetails,
    SourceKind.UNIVERSITY: UniversityDetails,
    SourceKind.REFERRAL: ReferralDetails,
    SourceKind.TALENT_PROGRAMME: TalentProgrammeDetails,
    SourceKind.AGENCY: AgencyDetails,
    SourceKind.CAREERS_PAGE: GeneralDetails,
    SourceKind.SOURCED: GeneralDetails,
    SourceKind.OTHER: GeneralDetails,
}


def details_model(kind: SourceKind) -> type[_Details]:
    """The Pydantic model of one kind's details."""
    return DETAILS_MODELS[kind]


def validate_channel_details(kind: SourceKind, raw: dict[str, Any]) -> dict[str, Any]:
    """The details as stored (JSON-safe: dates ISO, Decimals as strings); ValidationError if wrong."""
    model = details_model(kind).model_validate(raw)
    return model.model_dump(mode="json", exclude_none=True)


def parse_channel_details(kind: SourceKind, stored: dict[str, Any]) -> _Details | None:
    """Stored details as their model (None when empty or no longer valid for the kind)."""
    if not stored:
        return None
    try:
        return details_model(kind).model_validate(stored)
    except ValidationError:
        return None
