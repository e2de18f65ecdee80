"""API contracts for sources (channels candidates come from)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from talentbridge.sourcing.enums import SourceKind

DetailValue = str | int | float | bool | None
Details = Annotated[
    dict[Annotated[str, Field(min_length=1, max_length=64)], DetailValue], Field(max_length=30)
]


class SourceCreate(BaseModel):
    """A new source. Referrals name their referrer (a user id or a name); other kinds must not.

    ``details`` holds kind-specific facts as flat key/value pairs (programme, contract, cost ...).
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: SourceKind
    name: str = Field(min_length=1, max_length=200)
    referrer_user_id: uuid.UUID | None = None
    referrer_name: str | None = Field(default=None, min_length=1, max_length=200)
    details: Details = Field(default_factory=dict)
    is_active: bool = True


class SourceUpdate(BaseModel):
    """Changes to a source; absent fields stay unchanged. Deactivate with ``is_active: false``."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: SourceKind | None = None
    name: str | None = Field(default=None, min_length=1, max_length=200)
    referrer_user_id: uuid.UUID | None = None
    referrer_name: str | None = Field(default=None, min_length=1, max_length=200)
    details: Details | None = None
    is_active: bool | None = None

    @field_validator("kind", "name", "details", "is_active", mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("may not be null (omit the field to keep it)")
        return value


class SourceRead(BaseModel):
    """A source as the API shows it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: SourceKind
    name: str
    referrer_user_id: uuid.UUID | None
    referrer_name: str | None
    details: dict[str, Any]
    channel_details: dict[str, Any] = Field(
        default_factory=dict, description="Kind-specific facts; see GET /sources/{source_id}/channel-details"
    )
    is_active: bool
    created_at: datetime
    updated_at: datetime


class SourceFilter(BaseModel):
    """Filters of the source list."""

    model_config = ConfigDict(extra="forbid")

    kind: SourceKind | None = None
    active: bool | None = Field(default=None, description="Only active (true) or inactive (false) sources")


class ChannelDetailsRead(BaseModel):
    """A channel's kind-specific facts, with the kind they were validated for."""

    source_id: uuid.UUID
    kind: SourceKind
    details: dict[str, Any]


class TrackedLinkCreate(BaseModel):
    """A tracked apply link of a channel, for one job or (``job_id`` null) the whole careers site."""

    model_config = ConfigDict(extra="forbid")

    source_id: uuid.UUID
    job_id: uuid.UUID | None = None


class TrackedLinkRead(BaseModel):
    """A tracked link with its counts; ``path`` is the public URL path that carries the token."""

    model_config = ConfigDict(from_attributes=True)

    token: str
    source_id: uuid.UUID
    job_id: uuid.UUID | None
    clicks: int
    applications: int
    last_click_at: datetime | None
    created_at: datetime
    path: str = ""


class TrackedLinkFilter(BaseModel):
    """Filters of the tracked-link list."""

    model_config = ConfigDict(extra="forbid")

    source_id: uuid.UUID | None = None
    job_id: uuid.UUID | None = None
