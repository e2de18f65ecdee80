"""Tables of the mobility context (every change ships with an Alembic revision).

* ``PermitFacts``: what the work-permit assessment needs that the person record does not hold
  (vocational level, certified HSK, former Chinese national, the 5-point items, direct criteria).
* ``OfferTerms``: the offer facts per application (salary in CNY, months in China, work place).
* ``PermitAssessment``: every stored assessment, with the rule version it used and the full result.
* ``MobilityCase`` with owners, ``CaseStep``s, ``CaseDocument``s (files in the attachment store,
  never in ``attachments``: only the case's owners and compliance may open them), ``CaseDependant``s
  and ``CaseReminder``s (one row per reminder sent: the idempotency key of the daily scan).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from talentbridge.db.base import Base, IdMixin, TimestampMixin
from talentbridge.db.enums import enum_column
from talentbridge.db.types import Money
from talentbridge.kit.clock import utc_now
from talentbridge.mobility.enums import (
    Authentication,
    CaseStatus,
    DependantRelation,
    DocumentStatus,
    StepKind,
    StepStatus,
)


class PermitFacts(TimestampMixin, Base):
    """Permit-relevant facts about a person beyond their record; None means unknown."""

    __tablename__ = "mobility_permit_facts"

    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    vocational_level: Mapped[str | None] = mapped_column(String(32), default=None)
    hsk_level: Mapped[int | None] = mapped_column(default=None)
    relevant_experience_years: Mapped[float | None] = mapped_column(default=None)
    years_worked_in_china: Mapped[float | None] = mapped_column(default=None)
    former_chinese_national: Mapped[bool] = mapped_column(default=False)
    degree_taught_in_chinese: Mapped[bool] = mapped_column(default=False)
    top_university_graduate: Mapped[bool] = mapped_column(default=False)
    fortune500_experience: Mapped[bool] = mapped_column(default=False)
    has_patents: Mapped[bool] = mapped_column(default=False)
    direct_criteria: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class OfferTerms(TimestampMixin, Base):
    """The offer facts the assessment needs, per application (unknown stays None)."""

    __tablename__ = "mobility_offer_terms"

    application_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    annual_salary_cny: Mapped[Decimal | None] = mapped_column(Money, default=None)
    months_in_china_per_year: Mapped[float | None] = mapped_column(default=None)
    work_city: Mapped[str | None] = mapped_column(String(120), default=None)
    work_province: Mapped[str | None] = mapped_column(String(120), default=None)
    updated_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class PermitAssessment(IdMixin, Base):
    """One stored assessment: who, for which offer, on which date, under which rules, with what result."""

    __tablename__ = "mobility_assessments"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    assessment_date: Mapped[date] = mapped_column()
    rule_version: Mapped[str] = mapped_column(String(64))
    category: Mapped[str | None] = mapped_column(String(1), default=None)
    possible_category: Mapped[str | None] = mapped_column(String(1), default=None)
    points_total: Mapped[int] = mapped_column(Integer)
    # A hash of the facts, the offer and the rule version: an unchanged input is not stored again.
    input_key: Mapped[str] = mapped_column(String(64))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)


mobility_case_owners = Table(
    "mobility_case_owners",
    Base.metadata,
    Column("case_id", ForeignKey("mobility_cases.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class MobilityCase(IdMixin, TimestampMixin, Base):
    """The visa and permit case of one hire (person x application)."""

    __tablename__ = "mobility_cases"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[CaseStatus] = mapped_column(
        enum_column(CaseStatus, "mobility_case_status"), default=CaseStatus.OPEN, index=True
    )
    permit_category: Mapped[str | None] = mapped_column(String(1), default=None)
    checklist_version: Mapped[str] = mapped_column(String(64))
    opened_on: Mapped[date] = mapped_column()
    entry_date: Mapped[date | None] = mapped_column(default=None)
    work_permit_expires_on: Mapped[date | None] = mapped_column(default=None)
    residence_permit_expires_on: Mapped[date | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    steps: Mapped[list[CaseStep]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="CaseStep.position"
    )
    documents: Mapped[list[CaseDocument]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="CaseDocument.position"
    )
    dependants: Mapped[list[CaseDependant]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="CaseDependant.created_at"
    )

    __mapper_args__ = {"version_id_col": version}


class CaseStep(IdMixin, Base):
    """One step of a case; ``due_on`` is derived from the rules when its start event is known."""

    __tablename__ = "mobility_case_steps"
    __table_args__ = (UniqueConstraint("case_id", "kind"),)

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mobility_cases.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[StepKind] = mapped_column(enum_column(StepKind, "mobility_step_kind"))
    position: Mapped[int] = mapped_column(default=0)
    status: Mapped[StepStatus] = mapped_column(
        enum_column(StepStatus, "mobility_step_status"), default=StepStatus.PENDING
    )
    due_on: Mapped[date | None] = mapped_column(default=None, index=True)
    due_manual: Mapped[bool] = mapped_column(default=False)  # set by hand: not re-derived from the rules
    completed_on: Mapped[date | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class CaseDependant(IdMixin, Base):
    """A spouse or child who moves with the hire."""

    __tablename__ = "mobility_case_dependants"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mobility_cases.id", ondelete="CASCADE"), index=True
    )
    full_name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[DependantRelation] = mapped_column(
        enum_column(DependantRelation, "mobility_dependant_relation")
    )
    date_of_birth: Mapped[date | None] = mapped_column(default=None)
    nationality: Mapped[str | None] = mapped_column(String(2), default=None)
    residence_permit_expires_on: Mapped[date | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class CaseDocument(IdMixin, TimestampMixin, Base):
    """One checklist document of a case, with its file (if uploaded) in the attachment store."""

    __tablename__ = "mobility_case_documents"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mobility_cases.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(default=0)
    status: Mapped[DocumentStatus] = mapped_column(
        enum_column(DocumentStatus, "mobility_document_status"), default=DocumentStatus.MISSING
    )
    authentication: Mapped[Authentication | None] = mapped_column(
        enum_column(Authentication, "mobility_authentication"), default=None
    )
    issued_on: Mapped[date | None] = mapped_column(default=None)
    expires_on: Mapped[date | None] = mapped_column(default=None, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    filename: Mapped[str | None] = mapped_column(String(255), default=None)
    content_type: Mapped[str | None] = mapped_column(String(128), default=None)
    size_bytes: Mapped[int | None] = mapped_column(default=None)
    sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    storage_key: Mapped[str | None] = mapped_column(String(255), default=None)
    uploaded_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class CaseReminder(IdMixin, Base):
    """A reminder that was sent: (case, item, threshold, due date) is sent at most once."""

    __tablename__ = "mobility_case_reminders"
    __table_args__ = (UniqueConstraint("case_id", "item_key", "threshold_days", "due_on"),)

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mobility_cases.id", ondelete="CASCADE"), index=True
    )
    item_key: Mapped[str] = mapped_column(String(120))
    threshold_days: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column()
    recipients: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime] = mapped_column(default=utc_now)
