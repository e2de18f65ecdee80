"""JSON routes for the signed-in user, users (admin) and personal API tokens."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from talentbridge.api.deps import ApiActor, DbSession
from talentbridge.auth import service
from talentbridge.auth.schemas import TokenCreate, TokenCreated, TokenRead, UserCreate, UserRead, UserUpdate

router = APIRouter(tags=["users"])


@router.get("/me", response_model=UserRead)
def read_me(session: DbSession, actor: ApiActor) -> UserRead:
    """The signed-in user."""
    assert actor.user_id is not None
    return UserRead.model_validate(service.get_user(session, actor, actor.user_id))


@router.get("/users", response_model=list[UserRead])
def list_users(session: DbSession, actor: ApiActor) -> list[UserRead]:
    """All users (admin only)."""
    return [UserRead.model_validate(user) for user in service.list_users(session, actor)]


@router.post("/users", response_model=UserRead, status_code=status.HTTP_201_CREATED)
def create_user(data: UserCreate, session: DbSession, actor: ApiActor) -> UserRead:
    """Create a user (admin only)."""
    return UserRead.model_validate(service.create_user(session, actor, data))


@router.get("/users/{user_id}", response_model=UserRead)
def read_user(user_id: uuid.UUID, session: DbSession, actor: ApiActor) -> UserRead:
    """One user (admin, or yourself)."""
    return UserRead.model_validate(service.get_user(session, actor, user_id))


@router.patch("/users/{user_id}", response_model=UserRead)
def update_user(user_id: uuid.UUID, data: UserUpdate, session: DbSession, actor: ApiActor) -> UserRead:
    """Change a user (admin; users may change their own name, password and preferences)."""
    return UserRead.model_validate(service.update_user(session, actor, user_id, data))


@router.get("/tokens", response_model=list[TokenRead])
def list_tokens(session: DbSession, actor: ApiActor) -> list[TokenRead]:
    """Your API tokens."""
    return [TokenRead.model_validate(token) for token in service.list_tokens(session, actor)]


@router.post("/tokens", response_model=TokenCreated, status_code=status.HTTP_201_CREATED)
def create_token(data: TokenCreate, session: DbSession, actor: ApiActor) -> TokenCreated:
    """Issue a personal API token; the secret is in this response only."""
    token, secret = service.create_token(session, actor, data)
    return TokenCreated(**TokenRead.model_validate(token).model_dump(), token=secret)


@router.delete("/tokens/{token_id}", response_model=TokenRead)
def revoke_token(token_id: uuid.UUID, session: DbSession, actor: ApiActor) -> TokenRead:
    """Revoke one of your tokens."""
    return TokenRead.model_validate(service.revoke_token(session, actor, token_id))
