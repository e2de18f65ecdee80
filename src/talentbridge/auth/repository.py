"""Queries for users and tokens."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentbridge.auth.models import ApiToken, User


def get_user(session: Session, user_id: uuid.UUID) -> User | None:
    """A user by id."""
    return session.get(User, user_id)


def get_user_by_email(session: Session, email: str) -> User | None:
    """A user by (case-insensitive) e-mail."""
    return session.scalars(select(User).where(User.email == email.strip().lower())).first()


def list_users(session: Session) -> Sequence[User]:
    """All users, by name."""
    return session.scalars(select(User).order_by(User.full_name, User.id)).all()


def get_token_by_hash(session: Session, token_hash: str) -> ApiToken | None:
    """An API token by the hash of its secret."""
    return session.scalars(select(ApiToken).where(ApiToken.token_hash == token_hash)).first()


def list_tokens(session: Session, user_id: uuid.UUID) -> Sequence[ApiToken]:
    """A user's tokens, newest first."""
    stmt = select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.created_at.desc())
    return session.scalars(stmt).all()
