"""Queries over the audit log."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentbridge.audit.models import AuditEvent


def list_for_person(session: Session, person_id: uuid.UUID, *, limit: int = 100) -> Sequence[AuditEvent]:
    """The newest events about one person (their timeline)."""
    stmt = (
        select(AuditEvent)
        .where(AuditEvent.person_id == person_id)
        .order_by(AuditEvent.at.desc())
        .limit(limit)
    )
    return session.scalars(stmt).all()


def list_recent(session: Session, *, limit: int = 20, exclude_views: bool = True) -> Sequence[AuditEvent]:
    """The newest events across the system (dashboard activity)."""
    stmt = select(AuditEvent).order_by(AuditEvent.at.desc()).limit(limit)
    if exclude_views:
        stmt = stmt.where(AuditEvent.action != "view")
    return session.scalars(stmt).all()


def list_for_entity(session: Session, entity_type: str, entity_id: uuid.UUID) -> Sequence[AuditEvent]:
    """Every event about one object, oldest first."""
    stmt = (
        select(AuditEvent)
        .where(AuditEvent.entity_type == entity_type, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.at)
    )
    return session.scalars(stmt).all()
