"""API contracts for users and tokens."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from talentbridge.auth.enums import Role
from talentbridge.auth.passwords import MIN_PASSWORD_LENGTH
from talentbridge.kit.codes import TimeZoneName

SUPPORTED_LOCALES = ("en", "zh_Hans")


class UserCreate(BaseModel):
    """A new user account."""

    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    full_name: str = Field(min_length=1, max_length=200)
    role: Role
    password: str = Field(min_length=MIN_PASSWORD_LENGTH, max_length=256)
    locale: str = Field(default="en", pattern="^(en|zh_Hans)$")
    timezone: TimeZoneName = "UTC"


class UserUpdate(BaseModel):
    """Changes to a user; absent fields stay as they are."""

    model_config = ConfigDict(extra="forbid")

    full_name: str | None = Field(default=None, min_length=1, max_length=200)
    role: Role | None = None
    is_active: bool | None = None
    password: str | None = Field(default=None, min_length=MIN_PASSWORD_LENGTH, max_length=256)
    locale: str | None = Field(default=None, pattern="^(en|zh_Hans)$")
    timezone: TimeZoneName | None = None


class UserRead(BaseModel):
    """A user as the API shows it (never the password hash)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    full_name: str
    role: Role
    is_active: bool
    locale: str
    timezone: str
    created_at: datetime
    last_login_at: datetime | None


class TokenCreate(BaseModel):
    """A new personal API token."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="API token", min_length=1, max_length=100)


class TokenRead(BaseModel):
    """Token metadata (the secret itself is only returned once, at creation)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenCreated(TokenRead):
    """The one response that carries the token secret."""

    token: str
