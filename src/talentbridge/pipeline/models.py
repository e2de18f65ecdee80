"""Pipeline stages, applications and their transition history."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from talentbridge.auth.models import User
from talentbridge.db.base import Base, IdMixin, TimestampMixin
from talentbridge.db.enums import enum_column
from talentbridge.kit.clock import utc_now
from talentbridge.pipeline.enums import ApplicationStatus, ReasonKind, StageCategory


class StageTemplate(IdMixin, Base):
    """One stage of the editable default pipeline that new jobs copy."""

    __tablename__ = "stage_templates"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    category: Mapped[StageCategory] = mapped_column(enum_column(StageCategory, "stage_category"))
    position: Mapped[int] = mapped_column(default=0)


class Stage(IdMixin, Base):
    """A stage of one job's pipeline."""

    __tablename__ = "stages"
    __table_args__ = (UniqueConstraint("job_id", "name"),)

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[StageCategory] = mapped_column(enum_column(StageCategory, "stage_category"))
    position: Mapped[int] = mapped_column(default=0)


class RejectionReason(IdMixin, Base):
    """An editable reason for rejecting a candidate or for their withdrawal."""

    __tablename__ = "rejection_reasons"
    __table_args__ = (UniqueConstraint("kind", "label"),)

    kind: Mapped[ReasonKind] = mapped_column(enum_column(ReasonKind, "reason_kind"))
    label: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)


class Application(IdMixin, TimestampMixin, Base):
    """A person's candidacy for one job. ``version`` guards against lost concurrent moves."""

    __tablename__ = "applications"
    __table_args__ = (UniqueConstraint("person_id", "job_id"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    stage_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stages.id", ondelete="RESTRICT"), index=True)
    status: Mapped[ApplicationStatus] = mapped_column(
        enum_column(ApplicationStatus, "application_status"), default=ApplicationStatus.ACTIVE, index=True
    )
    source_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), index=True
    )
    applied_at: Mapped[datetime] = mapped_column(default=utc_now)
    stage_entered_at: Mapped[datetime] = mapped_column(default=utc_now)
    reason_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("rejection_reasons.id", ondelete="RESTRICT")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    stage: Mapped[Stage] = relationship(lazy="raise")
    reason: Mapped[RejectionReason | None] = relationship(lazy="raise")

    __mapper_args__ = {"version_id_col": version}


class Transition(IdMixin, Base):
    """One stage move, never updated or deleted: who moved it, when, from where, to where, why."""

    __tablename__ = "transitions"
    __table_args__ = (UniqueConstraint("application_id", "sequence"),)

    application_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    from_stage_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stages.id", ondelete="SET NULL"))
    to_stage_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stages.id", ondelete="RESTRICT"))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utc_now)
    reason_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("rejection_reasons.id", ondelete="RESTRICT")
    )
    note: Mapped[str] = mapped_column(Text, default="")
    # 1 for the creation entry, then +1 per move: a total order that timestamps alone cannot give.
    sequence: Mapped[int] = mapped_column(Integer)

    from_stage: Mapped[Stage | None] = relationship(foreign_keys=[from_stage_id], lazy="raise")
    to_stage: Mapped[Stage] = relationship(foreign_keys=[to_stage_id], lazy="raise")
    reason: Mapped[RejectionReason | None] = relationship(lazy="raise")
    actor: Mapped[User | None] = relationship(lazy="raise")
