"""Tables of the matching context (every change ships with an Alembic revision).

The ranking itself is computed, not stored: the index of people lives under the data directory
(``matching.index_store``). What recruiters decide about a ranking is stored here, because it is
a human decision that must be kept, shown and audited: pinning a person to the top of a job's
matches or excluding them from it.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talentbridge.db.base import Base, IdMixin, TimestampMixin
from talentbridge.db.enums import enum_column


class OverrideAction(StrEnum):
    """What a recruiter decided about one person in one job's matches."""

    PIN = "pin"
    EXCLUDE = "exclude"


class MatchOverride(IdMixin, TimestampMixin, Base):
    """A recruiter's pin or exclusion of a person for a job: who, when and why (one per pair)."""

    __tablename__ = "match_overrides"
    __table_args__ = (UniqueConstraint("job_id", "person_id"),)

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    action: Mapped[OverrideAction] = mapped_column(enum_column(OverrideAction, "match_override_action"))
    reason: Mapped[str | None] = mapped_column(String(500), default=None)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
