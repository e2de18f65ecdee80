"""Every query about sources, including how often people and applications point at one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentbridge.auth.models import User
from talentbridge.people.models import Person
from talentbridge.pipeline.models import Application
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.models import Source
from talentbridge.sourcing.schemas import SourceFilter


def get_source(session: Session, source_id: uuid.UUID) -> Source | None:
    """A source by id."""
    return session.get(Source, source_id)


def find_by_kind_and_name(session: Session, kind: SourceKind, name: str) -> Source | None:
    """The source of this kind with this name, compared case-insensitively."""
    stmt = select(Source).where(Source.kind == kind, func.lower(Source.name) == name.lower())
    return session.scalars(stmt).first()


def list_sources(session: Session, filters: SourceFilter) -> Sequence[Source]:
    """Sources by kind, then name."""
    stmt = select(Source).order_by(Source.kind, Source.name, Source.id)
    if filters.kind is not None:
        stmt = stmt.where(Source.kind == filters.kind)
    if filters.active is not None:
        stmt = stmt.where(Source.is_active.is_(filters.active))
    return session.scalars(stmt).all()


def usage(session: Session, source_id: uuid.UUID) -> tuple[int, int]:
    """How many people and how many applications are attributed to the source."""
    people = session.scalar(select(func.count(Person.id)).where(Person.source_id == source_id)) or 0
    applications = (
        session.scalar(select(func.count(Application.id)).where(Application.source_id == source_id)) or 0
    )
    return people, applications


def user_exists(session: Session, user_id: uuid.UUID) -> bool:
    """Whether a user account with this id exists (a referral's referrer)."""
    return session.scalar(select(User.id).where(User.id == user_id)) is not None
