"""API contracts of the intake context: import progress, duplicate proposals, merges, reviews
and the result of parsing one résumé."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from talentbridge.intake.models import BatchStatus, DuplicateStatus, ReviewKind, ReviewStatus

MergeChoice = Literal["a", "b", "union"]


class ItemError(BaseModel):
    """One file or row that could not be imported, and why."""

    filename: str
    code: str
    message: str


class BatchRead(BaseModel):
    """An import's progress: counts by outcome, the share done, and the per-file errors."""

    id: uuid.UUID
    label: str
    status: BatchStatus
    total: int
    processed: int
    pending: int
    created: int
    already_imported: int
    matched: int
    failed: int
    percent: int
    errors: list[ItemError]
    created_at: datetime
    finished_at: datetime | None


class PersonRef(BaseModel):
    """A person named in a proposal."""

    id: uuid.UUID
    display_name: str
    native_name: str | None = None


class SignalRead(BaseModel):
    """One reason two records look alike."""

    kind: str
    detail: str
    strength: float


class DuplicateRead(BaseModel):
    """A possible duplicate: two people, a score and the signals behind it."""

    id: uuid.UUID
    person_a: PersonRef
    person_b: PersonRef
    score: float
    signals: list[SignalRead]
    status: DuplicateStatus
    created_at: datetime


class MergeRequest(BaseModel):
    """Which record survives (default: person A) and, per field, whose value to keep.

    ``a`` and ``b`` name the proposal's people; lists (e-mails, phones, skills, ...) may be
    ``union``. Fields left out keep the survivor's value, or the other's when the survivor has
    none; lists default to ``union``.
    """

    model_config = ConfigDict(extra="forbid")

    survivor: Literal["a", "b"] = "a"
    choices: dict[str, MergeChoice] = Field(default_factory=dict, max_length=40)


class MergeRead(BaseModel):
    """A merge as recorded in the audit trail (reversible until undone)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    survivor_id: uuid.UUID | None
    merged_id: uuid.UUID
    duplicate_id: uuid.UUID | None
    automatic: bool
    choices: dict[str, str]
    conflicts: int = 0
    created_at: datetime
    undone_at: datetime | None


class ReviewLine(BaseModel):
    """Parsed against existing value of one field, with its evidence and confidence."""

    field: str
    parsed: str
    existing: str
    snippet: str
    confidence: float
    flagged: bool


class ReviewRead(BaseModel):
    """Parsed values waiting for a recruiter."""

    id: uuid.UUID
    person_id: uuid.UUID
    kind: ReviewKind
    status: ReviewStatus
    filename: str
    fields: list[ReviewLine]
    created_at: datetime


class EvidenceRead(BaseModel):
    """Where one parsed value came from."""

    path: str
    value: str
    snippet: str
    start: int | None
    end: int | None
    confidence: float


class ParseResult(BaseModel):
    """A parsed résumé: the JSON Resume document plus evidence (nothing is stored)."""

    resume: dict[str, Any]
    evidence: list[EvidenceRead]
    warnings: list[str]
    language: str
    detected_type: str
    content_hash: str


class ScanResult(BaseModel):
    """What a duplicate scan found."""

    people: int
    proposals: int
    merged: int
