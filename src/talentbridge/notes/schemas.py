"""API contracts for notes."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class NoteCreate(BaseModel):
    """A new note on a person, optionally about one of their applications."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    body: str = Field(min_length=1, max_length=10000)
    application_id: uuid.UUID | None = None


class NoteRead(BaseModel):
    """A note with its author's name (``System`` for automation or a removed account)."""

    id: uuid.UUID
    person_id: uuid.UUID
    application_id: uuid.UUID | None
    author_id: uuid.UUID | None
    author_name: str
    body: str
    created_at: datetime
