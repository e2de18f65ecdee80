"""Sources as records, so every person and application can be attributed to a channel."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talentbridge.db.base import Base, IdMixin, TimestampMixin
from talentbridge.db.enums import enum_column
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
