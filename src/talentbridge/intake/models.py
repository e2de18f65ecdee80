"""Tables of the intake context: import batches and their items, imported documents, match keys,
duplicate proposals, field reviews and merges (every change ships with an Alembic revision).

An import is a *batch* of *items*. Each item is processed in its own transaction together with
its "done" mark, so a batch interrupted at any point resumes with exactly the items not yet done.
``intake_documents.content_hash`` is unique: the same bytes can never create two people.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talentbridge.db.base import Base, IdMixin, TimestampMixin
from talentbridge.db.enums import enum_column
from talentbridge.kit.clock import utc_now


class BatchStatus(StrEnum):
    """Where an import batch is: waiting for a worker, running, or finished."""

    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"


class ItemKind(StrEnum):
    """What an item holds: a résumé file, or one record of a CSV/JSON Resume export."""

    RESUME = "resume"
    RECORD = "record"


class ItemStatus(StrEnum):
    """An item waits (``pending``) until its unit of work commits it as ``done`` or ``failed``."""

    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class ItemOutcome(StrEnum):
    """What processing an item did."""

    CREATED = "created"  # a new person
    ALREADY_IMPORTED = "already_imported"  # the same bytes were imported before
    MATCHED = "matched"  # an existing person by a strong key; parsed fields wait for review
    ERROR = "error"


class DuplicateStatus(StrEnum):
    """A duplicate proposal is open until a recruiter merges or dismisses it."""

    OPEN = "open"
    MERGED = "merged"
    DISMISSED = "dismissed"


class ReviewKind(StrEnum):
    """``update``: parsed values for an existing person; ``new``: a new person's doubtful fields."""

    UPDATE = "update"
    NEW = "new"


class ReviewStatus(StrEnum):
    """A review is pending until applied or dismissed."""

    PENDING = "pending"
    APPLIED = "applied"
    DISMISSED = "dismissed"


class ImportBatch(IdMixin, TimestampMixin, Base):
    """One import run (a folder, a zip, files or an export), resumable until every item is done."""

    __tablename__ = "intake_batches"

    label: Mapped[str] = mapped_column(String(255), default="")
    status: Mapped[BatchStatus] = mapped_column(
        enum_column(BatchStatus, "intake_batch_status"), default=BatchStatus.PENDING, index=True
    )
    source_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    total: Mapped[int] = mapped_column(default=0)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)


class ImportItem(IdMixin, Base):
    """One file or record of a batch; ``locator`` says where its bytes are (no bytes in the row)."""

    __tablename__ = "intake_items"
    __table_args__ = (
        UniqueConstraint("batch_id", "position"),
        Index("ix_intake_items_batch_status", "batch_id", "status"),
    )

    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("intake_batches.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column()
    kind: Mapped[ItemKind] = mapped_column(enum_column(ItemKind, "intake_item_kind"))
    filename: Mapped[str] = mapped_column(String(255))
    locator: Mapped[str] = mapped_column(Text, default="")
    record: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    status: Mapped[ItemStatus] = mapped_column(
        enum_column(ItemStatus, "intake_item_status"), default=ItemStatus.PENDING
    )
    outcome: Mapped[ItemOutcome | None] = mapped_column(
        enum_column(ItemOutcome, "intake_item_outcome"), default=None
    )
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    error_code: Mapped[str | None] = mapped_column(String(32), default=None)
    error_message: Mapped[str | None] = mapped_column(String(500), default=None)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)


class ImportedDocument(IdMixin, Base):
    """A document already imported, by the SHA-256 of its bytes: the idempotency key."""

    __tablename__ = "intake_documents"

    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class MatchKey(IdMixin, Base):
    """A blocking key of a person (normalised e-mail, phone, profile URL, name block).

    Duplicate candidates are people sharing a key, so finding them is an index look-up per key
    instead of comparing every pair.
    """

    __tablename__ = "intake_match_keys"
    __table_args__ = (
        UniqueConstraint("person_id", "kind", "value"),
        Index("ix_intake_match_keys_lookup", "kind", "value"),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(320))


class DuplicateProposal(IdMixin, Base):
    """Two people who may be the same human, with the signals and a score (ids stored ordered)."""

    __tablename__ = "intake_duplicates"
    __table_args__ = (UniqueConstraint("person_a_id", "person_b_id"),)

    person_a_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    person_b_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column()
    signals: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    status: Mapped[DuplicateStatus] = mapped_column(
        enum_column(DuplicateStatus, "intake_duplicate_status"), default=DuplicateStatus.OPEN, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)


class FieldReview(IdMixin, Base):
    """Parsed values waiting for a recruiter: parsed vs existing, with evidence and confidence."""

    __tablename__ = "intake_reviews"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("intake_items.id", ondelete="SET NULL"))
    kind: Mapped[ReviewKind] = mapped_column(enum_column(ReviewKind, "intake_review_kind"))
    status: Mapped[ReviewStatus] = mapped_column(
        enum_column(ReviewStatus, "intake_review_status"), default=ReviewStatus.PENDING, index=True
    )
    filename: Mapped[str] = mapped_column(String(255), default="")
    fields: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Merge(IdMixin, Base):
    """A merge of one person into another, with everything needed to undo it.

    ``snapshot`` holds both records as they were (rows of the person tables), the rows re-pointed
    from the merged-away person to the survivor, and rows removed because they conflicted (e.g.
    both applied to the same job). The merged-away id has no foreign key: that person is gone
    until the merge is undone.
    """

    __tablename__ = "intake_merges"

    survivor_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    merged_id: Mapped[uuid.UUID] = mapped_column(index=True)
    duplicate_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    automatic: Mapped[bool] = mapped_column(default=False)
    choices: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    survivor_version: Mapped[int] = mapped_column(default=0)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    undone_at: Mapped[datetime | None] = mapped_column(default=None)
    undone_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
