"""Sources as records, so every person and application can be attributed to a channel.

A source carries free-form ``details`` (flat key/value facts typed in the settings form) and
validated, kind-specific ``channel_details`` (see ``sourcing.channel_details`` for why those are
one JSON column). ``TrackedLink`` gives a channel a short token per job, so clicks on an apply
link and the applications they lead to are counted and attributed.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talentbridge.db.base import Base, IdMixin, TimestampMixin
from talentbridge.db.enums import enum_column
from talentbridge.kit.clock import utc_now
from talentbridge.sourcing.enums import SourceKind


class Source(IdMixin, TimestampMixin, Base):
    """A channel: "LinkedIn", "Tsinghua joint lab", "Referral by Li Wei", "Hays" ..."""

    __tablename__ = "sources"
    __table_args__ = (UniqueConstraint("kind", "name"),)

    kind: Mapped[SourceKind] = mapped_column(enum_column(SourceKind, "source_kind"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    referrer_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    referrer_name: Mapped[str | None] = mapped_column(String(200), default=None)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    is_active: Mapped[bool] = mapped_column(default=True)
    channel_details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class TrackedLink(IdMixin, Base):
    """A channel's apply link for one job (or the whole careers site when ``job_id`` is None).

    The short ``token`` travels in ``?ch=`` on the public job page; each visit with it counts a
    click and an application sent from that visit is attributed to the link's source.
    """

    __tablename__ = "tracked_links"
    __table_args__ = (UniqueConstraint("source_id", "job_id"),)

    token: Mapped[str] = mapped_column(String(24), unique=True)
    source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    clicks: Mapped[int] = mapped_column(Integer, default=0)
    applications: Mapped[int] = mapped_column(Integer, default=0)
    last_click_at: Mapped[datetime | None] = mapped_column(default=None)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
