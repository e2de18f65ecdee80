"""Person and the facts about them. One Person per human; applications live in ``pipeline``."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from talentbridge.db.base import Base, IdMixin, TimestampMixin
from talentbridge.db.enums import enum_column
from talentbridge.db.types import Money
from talentbridge.jobs.enums import DegreeLevel, SalaryPeriod
from talentbridge.kit.levels import LanguageLevel

person_tags = Table(
    "person_tags",
    Base.metadata,
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(IdMixin, Base):
    """A free label recruiters put on people ("campus-2026", "returner")."""

    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(String(64), unique=True)


class Person(IdMixin, TimestampMixin, Base):
    """A candidate or prospect. Sensitive fields (date of birth, salary) are policy-guarded."""

    __tablename__ = "people"

    first_name: Mapped[str] = mapped_column(String(120))
    last_name: Mapped[str] = mapped_column(String(120), default="")
    native_name: Mapped[str | None] = mapped_column(String(200), default=None)
    name_key: Mapped[str] = mapped_column(String(400), index=True, default="")
    headline: Mapped[str | None] = mapped_column(String(300), default=None)
    current_title: Mapped[str | None] = mapped_column(String(200), default=None)
    current_employer: Mapped[str | None] = mapped_column(String(200), default=None)
    location_city: Mapped[str | None] = mapped_column(String(120), default=None)
    location_country: Mapped[str | None] = mapped_column(String(2), default=None, index=True)
    timezone: Mapped[str | None] = mapped_column(String(64), default=None)
    nationalities: Mapped[list[str]] = mapped_column(JSON, default=list)
    date_of_birth: Mapped[date | None] = mapped_column(default=None)
    links: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    publications: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    awards: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    expected_salary_amount: Mapped[Decimal | None] = mapped_column(Money, default=None)
    expected_salary_currency: Mapped[str | None] = mapped_column(String(3), default=None)
    expected_salary_period: Mapped[SalaryPeriod | None] = mapped_column(
        enum_column(SalaryPeriod, "salary_period"), default=None
    )
    willing_to_relocate: Mapped[bool | None] = mapped_column(default=None)
    notice_period_days: Mapped[int | None] = mapped_column(default=None)
    source_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), index=True
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    emails: Mapped[list[PersonEmail]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="PersonEmail.position"
    )
    phones: Mapped[list[PersonPhone]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="PersonPhone.position"
    )
    languages: Mapped[list[PersonLanguage]] = relationship(lazy="raise", cascade="all, delete-orphan")
    skills: Mapped[list[PersonSkill]] = relationship(lazy="raise", cascade="all, delete-orphan")
    educations: Mapped[list[Education]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="Education.position"
    )
    experiences: Mapped[list[Experience]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="Experience.position"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=person_tags, lazy="raise")

    __mapper_args__ = {"version_id_col": version}

    @property
    def display_name(self) -> str:
        """The name as the person gave it (Latin script), with the native name shown separately."""
        return f"{self.first_name} {self.last_name}".strip()


class PersonEmail(IdMixin, Base):
    """An e-mail address; the normalised form is unique across all people (the strongest dedup key)."""

    __tablename__ = "person_emails"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(320))
    normalized: Mapped[str] = mapped_column(String(320), unique=True)
    position: Mapped[int] = mapped_column(default=0)


class PersonPhone(IdMixin, Base):
    """A phone number in E.164."""

    __tablename__ = "person_phones"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    e164: Mapped[str] = mapped_column(String(20), index=True)
    label: Mapped[str | None] = mapped_column(String(32), default=None)
    position: Mapped[int] = mapped_column(default=0)


class PersonLanguage(IdMixin, Base):
    """A language the person speaks, at a level."""

    __tablename__ = "person_languages"
    __table_args__ = (UniqueConstraint("person_id", "language"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(8))
    level: Mapped[LanguageLevel] = mapped_column(enum_column(LanguageLevel, "language_level"))
    certificate: Mapped[str | None] = mapped_column(String(120), default=None)


class PersonSkill(IdMixin, Base):
    """A skill the person has; ``normalized`` is what search and matching key on."""

    __tablename__ = "person_skills"
    __table_args__ = (UniqueConstraint("person_id", "normalized"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    normalized: Mapped[str] = mapped_column(String(120), index=True)
    years: Mapped[float | None] = mapped_column(default=None)


class Education(IdMixin, Base):
    """A degree or programme."""

    __tablename__ = "educations"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    degree_level: Mapped[DegreeLevel] = mapped_column(enum_column(DegreeLevel, "degree_level"))
    field: Mapped[str | None] = mapped_column(String(200), default=None)
    institution: Mapped[str] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2), default=None)
    start_year: Mapped[int | None] = mapped_column(default=None)
    end_year: Mapped[int | None] = mapped_column(default=None)
    position: Mapped[int] = mapped_column(default=0)


class Experience(IdMixin, Base):
    """A position held."""

    __tablename__ = "experiences"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    employer: Mapped[str] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2), default=None)
    start_date: Mapped[date | None] = mapped_column(default=None)
    end_date: Mapped[date | None] = mapped_column(default=None)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)
