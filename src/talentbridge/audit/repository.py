"""Queries over the audit log."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from talentbridge.audit.models import AuditEvent
from talentbridge.auth.models import User
from talentbridge.pipeline.models import Application

# Entity types whose entity id is a job id (a job, its hiring team, its pipeline of stages).
JOB_ENTITY_TYPES = ("job", "hiring_team", "job_stages")


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


def list_recent_with_actor_names(
    session: Session,
    *,
    limit: int,
    job_ids: set[uuid.UUID] | None = None,
    own_actor_id: uuid.UUID | None = None,
) -> list[tuple[AuditEvent, str | None]]:
    """The newest non-view events with the acting user's name, newest first.

    ``job_ids=None`` means every event. Otherwise only events on those jobs (the job, its hiring
    team, its stages), on their applications, and events by ``own_actor_id``. One query with the
    actor's name joined in: no per-event user look-ups (N+1).
    """
    stmt = (
        select(AuditEvent, User.full_name)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(AuditEvent.action != "view")
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    if job_ids is not None:
        stmt = stmt.where(_about_jobs_or_by(job_ids, own_actor_id))
    return [(event, name) for event, name in session.execute(stmt).all()]


def _about_jobs_or_by(job_ids: set[uuid.UUID], actor_id: uuid.UUID | None) -> ColumnElement[bool]:
    applications = select(Application.id).where(Application.job_id.in_(job_ids))
    conditions = [
        and_(AuditEvent.entity_type.in_(JOB_ENTITY_TYPES), AuditEvent.entity_id.in_(job_ids)),
        and_(AuditEvent.entity_type == "application", AuditEvent.entity_id.in_(applications)),
    ]
    if actor_id is not None:
        conditions.append(AuditEvent.actor_id == actor_id)
    return or_(*conditions)
