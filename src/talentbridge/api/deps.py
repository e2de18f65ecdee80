"""Dependencies shared by API routes (and reused by pages): settings, unit of work, actor.

The database session is a unit of work scoped to the route function: it commits right after the
route returns (so a failing commit becomes a proper error response, not a 200), then runs the
after-commit callbacks (enqueued jobs, outgoing mail).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.config import Settings
from talentbridge.db.session import unit_of_work
from talentbridge.errors import Forbidden, Unauthenticated

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_HEADER = "X-CSRF-Token"
SESSION_USER_KEY = "user_id"
SESSION_CSRF_KEY = "csrf"


def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def get_db(request: Request) -> Iterator[Session]:
    """One transaction per request: commit after the route returns, roll back on error."""
    factory: sessionmaker[Session] = request.app.state.session_factory
    with unit_of_work(factory) as session:
        yield session


DbSession = Annotated[Session, Depends(get_db, scope="function")]


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use (double-submit for forms and fetch calls)."""
    token = request.session.get(SESSION_CSRF_KEY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session[SESSION_CSRF_KEY] = token
    return token


def check_csrf(request: Request, submitted: str | None) -> None:
    """Refuse a state-changing cookie-authenticated request without the session's CSRF token."""
    expected = request.session.get(SESSION_CSRF_KEY)
    if not expected or not submitted or not secrets.compare_digest(str(expected), submitted):
        raise Forbidden(
            "The form has expired or did not come from TalentBridge. Reload the page and try again."
        )


def _bearer_token(request: Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def actor_from_request(request: Request, session: Session) -> Actor | None:
    """The actor behind a bearer token or the session cookie, or None when signed out."""
    token = _bearer_token(request)
    if token is not None:
        user = auth_service.user_for_token(session, token)
        if user is None:
            raise Unauthenticated("The API token is not valid or has been revoked.")
        return auth_service.actor_for(user)
    user_id = request.session.get(SESSION_USER_KEY)
    if not user_id:
        return None
    user = auth_service.user_from_session(session, str(user_id))
    if user is None:
        request.session.clear()
        return None
    return auth_service.actor_for(user)


def get_api_actor(request: Request, session: DbSession) -> Actor:
    """The authenticated actor of an API call; cookie sessions must also send the CSRF header."""
    actor = actor_from_request(request, session)
    if actor is None:
        raise Unauthenticated("Sign in or send 'Authorization: Bearer <token>'.")
    if _bearer_token(request) is None and request.method not in SAFE_METHODS:
        check_csrf(request, request.headers.get(CSRF_HEADER))
    return actor


ApiActor = Annotated[Actor, Depends(get_api_actor)]
