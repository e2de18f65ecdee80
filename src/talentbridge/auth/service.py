"""Use cases for accounts: create and update users, sign in, issue and check API tokens."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth import repository
from talentbridge.auth.actor import Actor
from talentbridge.auth.models import ApiToken, User
from talentbridge.auth.passwords import (
    DUMMY_HASH_INPUT,
    MIN_PASSWORD_LENGTH,
    hash_password,
    verify_password,
)
from talentbridge.auth.policies import require_admin
from talentbridge.auth.schemas import TokenCreate, UserCreate, UserUpdate
from talentbridge.errors import Conflict, Forbidden, InvalidInput, NotFound
from talentbridge.kit.clock import utc_now

TOKEN_PREFIX = "tb_"  # noqa: S105 - a public marker, not a secret


def actor_for(user: User) -> Actor:
    """The actor a signed-in user acts as."""
    return Actor(user_id=user.id, role=user.role, email=user.email, full_name=user.full_name)


def create_user(session: Session, actor: Actor, data: UserCreate) -> User:
    """Create an account. Admin only; e-mails are unique (case-insensitive)."""
    require_admin(actor)
    email = data.email.strip().lower()
    if repository.get_user_by_email(session, email) is not None:
        raise Conflict(f"A user with e-mail {email} already exists.", field="email")
    user = User(
        email=email,
        full_name=data.full_name.strip(),
        role=data.role,
        password_hash=hash_password(data.password),
        locale=data.locale,
        timezone=data.timezone,
    )
    session.add(user)
    session.flush()
    audit.record(session, actor, "create", "user", user.id, summary=f"Created user {email} ({data.role})")
    return user


def update_user(session: Session, actor: Actor, user_id: uuid.UUID, data: UserUpdate) -> User:
    """Change a user's name, role, status, password or preferences (admin, or self for preferences)."""
    user = get_user(session, actor, user_id)
    changes = data.model_dump(exclude_unset=True)
    is_self = actor.user_id == user.id
    if not is_self or {"role", "is_active"} & changes.keys():
        require_admin(actor)
    if is_self and changes.get("is_active") is False:
        raise Conflict("You cannot deactivate your own account.", field="is_active")
    recorded: dict[str, object] = {}
    for field, value in changes.items():
        if field == "password":
            user.password_hash = hash_password(value)
            recorded["password"] = "changed"  # noqa: S105 - a marker, never the value
        else:
            recorded[field] = [getattr(user, field), value]
            setattr(user, field, value)
    session.flush()
    audit.record(
        session, actor, "update", "user", user.id, summary=f"Updated user {user.email}", changes=recorded
    )
    return user


def change_own_password(session: Session, actor: Actor, *, current_password: str, new_password: str) -> User:
    """Change the signed-in user's own password after re-checking the current one.

    A session left open must not be enough to take over the account, so the current password is
    verified first. Raises ``InvalidInput`` on ``current_password`` when it is wrong, and on
    ``new_password`` when it is shorter than ``MIN_PASSWORD_LENGTH``; nothing changes then. The
    audit event records that the password changed, never the password.
    """
    if actor.user_id is None:
        raise Forbidden("Only a signed-in user can change their own password.")
    user = get_user(session, actor, actor.user_id)
    if not verify_password(current_password, user.password_hash):
        raise InvalidInput("This is not your current password.", field="current_password")
    if len(new_password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            f"Use at least {MIN_PASSWORD_LENGTH} characters for the new password.", field="new_password"
        )
    user.password_hash = hash_password(new_password)
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "user",
        user.id,
        summary=f"Changed own password ({user.email})",
        changes={"password": "changed"},  # a marker, never the value
    )
    return user


def set_own_locale(session: Session, actor: Actor, locale: str) -> None:
    """Remember the signed-in user's language choice."""
    if actor.user_id is None:
        return
    user = repository.get_user(session, actor.user_id)
    if user is not None and user.locale != locale:
        user.locale = locale
        session.flush()


def get_user(session: Session, actor: Actor, user_id: uuid.UUID) -> User:
    """A user; admins see everyone, others only themselves."""
    if actor.user_id != user_id:
        require_admin(actor)
    user = repository.get_user(session, user_id)
    if user is None:
        raise NotFound("No such user.")
    return user


def list_users(session: Session, actor: Actor) -> Sequence[User]:
    """All users (admin only)."""
    require_admin(actor)
    return repository.list_users(session)


def list_assignable_users(session: Session, actor: Actor) -> Sequence[User]:
    """Active users that can be put on hiring teams (any signed-in staff may see names and roles)."""
    del actor
    return [user for user in repository.list_users(session) if user.is_active]


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with these credentials, or None. Unknown e-mails cost the same time."""
    user = repository.get_user_by_email(session, email)
    if user is None:
        hash_password(DUMMY_HASH_INPUT)
        return None
    if not user.is_active or not verify_password(password, user.password_hash):
        return None
    user.last_login_at = utc_now()
    session.flush()
    return user


def _hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(
    session: Session, actor: Actor, data: TokenCreate, *, for_user_id: uuid.UUID | None = None
) -> tuple[ApiToken, str]:
    """Issue a personal API token; returns the row and the secret, which is never stored."""
    user_id = for_user_id or actor.user_id
    if user_id is None:
        raise Forbidden("Tokens belong to users; name the user.")
    if user_id != actor.user_id:
        require_admin(actor)
    user = repository.get_user(session, user_id)
    if user is None:
        raise NotFound("No such user.")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=data.name, prefix=secret[:10], token_hash=_hash_token(secret))
    session.add(token)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "api_token",
        token.id,
        summary=f"Issued API token '{data.name}' for {user.email}",
    )
    return token, secret


def revoke_token(session: Session, actor: Actor, token_id: uuid.UUID) -> ApiToken:
    """Revoke one of the actor's tokens (admins may revoke anyone's)."""
    token = session.get(ApiToken, token_id)
    if token is None or (token.user_id != actor.user_id and actor.role.value != "admin"):
        raise NotFound("No such token.")
    if token.revoked_at is None:
        token.revoked_at = utc_now()
        session.flush()
        audit.record(
            session, actor, "revoke", "api_token", token.id, summary=f"Revoked API token '{token.name}'"
        )
    return token


def list_tokens(session: Session, actor: Actor) -> Sequence[ApiToken]:
    """The actor's own tokens."""
    if actor.user_id is None:
        return []
    return repository.list_tokens(session, actor.user_id)


TOKEN_USE_RESOLUTION = timedelta(minutes=1)
"""``last_used_at`` is kept to the minute, so a burst of API calls does not write on every read."""


def user_for_token(session: Session, secret: str) -> User | None:
    """The active user owning an unrevoked token, or None; records the last use (to the minute)."""
    token = repository.get_token_by_hash(session, _hash_token(secret))
    if token is None or token.revoked_at is not None:
        return None
    user = repository.get_user(session, token.user_id)
    if user is None or not user.is_active:
        return None
    now = utc_now()
    if token.last_used_at is None or now - token.last_used_at >= TOKEN_USE_RESOLUTION:
        token.last_used_at = now
    return user


def user_from_session(session: Session, raw_user_id: str) -> User | None:
    """The active user whose id a signed session cookie carries, or None."""
    try:
        user_id = uuid.UUID(raw_user_id)
    except ValueError:
        return None
    user = repository.get_user(session, user_id)
    if user is None or not user.is_active:
        return None
    return user
