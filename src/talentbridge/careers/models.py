"""Careers-site records: a job's posting settings and screening questions, each application
sent through the site (answers, CV, the tracked link it came from) and consent records.

Consent records are append-only evidence: purpose, jurisdiction, time, the version of the privacy
notice shown, and a keyed hash of the client address (never the address itself).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talentbridge.careers.enums import ConsentPurpose, EmploymentType, Jurisdiction, QuestionKind
from talentbridge.db.base import Base, IdMixin, TimestampMixin
from talentbridge.db.enums import enum_column
from talentbridge.kit.clock import utc_now


class CareerPosting(IdMixin, TimestampMixin, Base):
    """How an open job appears on the careers site and in feeds (absent row = the defaults)."""

    __tablename__ = "career_postings"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), unique=True)
    listed: Mapped[bool] = mapped_column(default=True)
    employment_type: Mapped[EmploymentType] = mapped_column(
        enum_column(EmploymentType, "employment_type"), default=EmploymentType.FULL_TIME
    )
    valid_through: Mapped[date | None] = mapped_column(default=None)
    show_salary: Mapped[bool] = mapped_column(default=False)
    eligibility_to_work: Mapped[str | None] = mapped_column(String(500), default=None)


class ScreeningQuestion(IdMixin, Base):
    """A question applicants answer on a job's application form."""

    __tablename__ = "screening_questions"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    prompt: Mapped[str] = mapped_column(String(500))
    kind: Mapped[QuestionKind] = mapped_column(enum_column(QuestionKind, "question_kind"))
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)
    required: Mapped[bool] = mapped_column(default=True)


class CareersSubmission(IdMixin, Base):
    """One application sent through the careers site: answers, CV and where it came from."""

    __tablename__ = "careers_submissions"
    __table_args__ = (UniqueConstraint("application_id"),)

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    tracked_link_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tracked_links.id", ondelete="SET NULL"), index=True
    )
    attachment_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attachments.id", ondelete="SET NULL"))
    answers: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    locale: Mapped[str] = mapped_column(String(16))
    submitted_at: Mapped[datetime] = mapped_column(default=utc_now)


class ConsentRecord(IdMixin, Base):
    """Evidence that an applicant agreed to a purpose under a privacy notice (never updated)."""

    __tablename__ = "consent_records"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True
    )
    purpose: Mapped[ConsentPurpose] = mapped_column(enum_column(ConsentPurpose, "consent_purpose"))
    jurisdiction: Mapped[Jurisdiction] = mapped_column(enum_column(Jurisdiction, "consent_jurisdiction"))
    country: Mapped[str] = mapped_column(String(2))
    notice_version: Mapped[str] = mapped_column(String(32))
    notice_sha256: Mapped[str] = mapped_column(String(64))
    locale: Mapped[str] = mapped_column(String(16))
    ip_hash: Mapped[str] = mapped_column(String(64))
    given_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    statement: Mapped[str] = mapped_column(Text)
