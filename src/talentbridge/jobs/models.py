"""Hubs, jobs and their skills, language requirements and hiring teams."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from talentbridge.auth.models import User
from talentbridge.db.base import Base, IdMixin, TimestampMixin
from talentbridge.db.enums import enum_column
from talentbridge.db.types import Money
from talentbridge.jobs.enums import (
    DegreeLevel,
    HiringTeamRole,
    JobLevel,
    JobStatus,
    RoleFamily,
    SalaryPeriod,
    WorkModel,
)
from talentbridge.kit.levels import LanguageLevel


class Hub(IdMixin, TimestampMixin, Base):
    """An office the company hires into (Shenzhen, Berlin, the Bay Area ...)."""

    __tablename__ = "hubs"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    city: Mapped[str] = mapped_column(String(120))
    country: Mapped[str] = mapped_column(String(2))
    timezone: Mapped[str] = mapped_column(String(64))
    currency: Mapped[str] = mapped_column(String(3))
    is_active: Mapped[bool] = mapped_column(default=True)


class Job(IdMixin, TimestampMixin, Base):
    """A requisition that becomes an opening when it is opened."""

    __tablename__ = "jobs"
    # The schemas validate all of these first; the constraints keep other writers (SQL, imports) honest.
    __table_args__ = (
        CheckConstraint("headcount >= 1", name="headcount_positive"),
        CheckConstraint(
            "min_years_experience IS NULL OR (min_years_experience >= 0 AND min_years_experience <= 50)",
            name="min_years_experience_range",
        ),
        CheckConstraint("salary_min IS NULL OR salary_min >= 0", name="salary_min_not_negative"),
        CheckConstraint(
            "salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max", name="salary_band_ordered"
        ),
    )

    title: Mapped[str] = mapped_column(String(200), index=True)
    role_family: Mapped[RoleFamily] = mapped_column(enum_column(RoleFamily, "role_family"))
    level: Mapped[JobLevel] = mapped_column(enum_column(JobLevel, "job_level"))
    hub_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("hubs.id", ondelete="RESTRICT"), index=True)
    work_model: Mapped[WorkModel] = mapped_column(enum_column(WorkModel, "work_model"))
    applicant_countries: Mapped[list[str]] = mapped_column(JSON, default=list)
    headcount: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[JobStatus] = mapped_column(
        enum_column(JobStatus, "job_status"), default=JobStatus.DRAFT, index=True
    )
    opened_at: Mapped[datetime | None] = mapped_column(default=None)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    target_start_date: Mapped[date | None] = mapped_column(default=None)
    min_education: Mapped[DegreeLevel | None] = mapped_column(
        enum_column(DegreeLevel, "degree_level"), default=None
    )
    min_years_experience: Mapped[int | None] = mapped_column(default=None)
    salary_currency: Mapped[str | None] = mapped_column(String(3), default=None)
    salary_min: Mapped[Decimal | None] = mapped_column(Money, default=None)
    salary_max: Mapped[Decimal | None] = mapped_column(Money, default=None)
    salary_period: Mapped[SalaryPeriod | None] = mapped_column(
        enum_column(SalaryPeriod, "salary_period"), default=None
    )
    description_md: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    hub: Mapped[Hub] = relationship(lazy="raise")
    skills: Mapped[list[JobSkill]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="JobSkill.position"
    )
    languages: Mapped[list[JobLanguage]] = relationship(lazy="raise", cascade="all, delete-orphan")
    team: Mapped[list[HiringTeamMember]] = relationship(lazy="raise", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class JobSkill(IdMixin, Base):
    """A skill a job asks for: required or preferred, with a weight for ranking."""

    __tablename__ = "job_skills"
    __table_args__ = (
        UniqueConstraint("job_id", "normalized"),
        CheckConstraint("weight > 0 AND weight <= 10", name="weight_range"),
    )

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    normalized: Mapped[str] = mapped_column(String(120), index=True)
    required: Mapped[bool] = mapped_column(default=True)
    weight: Mapped[float] = mapped_column(default=1.0)
    position: Mapped[int] = mapped_column(default=0)


class JobLanguage(IdMixin, Base):
    """A language requirement: language code plus minimum level (CEFR A1-C2, HSK1-HSK6 or native)."""

    __tablename__ = "job_languages"
    __table_args__ = (UniqueConstraint("job_id", "language"),)

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(8))
    min_level: Mapped[LanguageLevel] = mapped_column(enum_column(LanguageLevel, "language_level"))
    required: Mapped[bool] = mapped_column(default=True)


class HiringTeamMember(IdMixin, Base):
    """A user on a job's hiring team; hiring managers and interviewers see only jobs they are on."""

    __tablename__ = "hiring_team_members"
    __table_args__ = (UniqueConstraint("job_id", "user_id"),)

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[HiringTeamRole] = mapped_column(enum_column(HiringTeamRole, "hiring_team_role"))

    user: Mapped[User] = relationship(lazy="raise")
