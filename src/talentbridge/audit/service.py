"""Recording audit events. Every named use case calls ``record`` once per change."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from talentbridge.audit.models import AuditEvent
from talentbridge.auth.actor import Actor
from talentbridge.auth.models import User
from talentbridge.jobs.policies import visible_job_ids
from talentbridge.pipeline.models import Application


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: uuid.UUID | None,
    *,
    person_id: uuid.UUID | None = None,
    summary: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an audit event in the current transaction (it commits or rolls back with the change)."""
    event = AuditEvent(
        actor_id=actor.user_id,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        person_id=person_id,
        summary=summary[:500],
        changes=_jsonable(changes or {}),
    )
    session.add(event)
    return event


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Field-level changes ``{field: [old, new]}`` between two snapshots."""
    return {key: [before.get(key), after.get(key)] for key in after if before.get(key) != after.get(key)}


# Entity types whose entity id is a job id (a job, its hiring team, its pipeline of stages).
JOB_ENTITY_TYPES = ("job", "hiring_team", "job_stages")


@dataclass(frozen=True)
class ActivityItem:
    """An audit event for an activity feed, with the acting user's display name."""

    event: AuditEvent
    actor_name: str | None


def recent_activity(session: Session, actor: Actor, *, limit: int = 10) -> list[ActivityItem]:
    """The newest changes the actor may know about (views are left out).

    Admins, recruiters and compliance officers see everything. Hiring managers and interviewers
    see events on the jobs whose hiring team they are on and on those jobs' applications, plus
    their own actions.
    """
    stmt = (
        select(AuditEvent, User.full_name)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(AuditEvent.action != "view")
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    visible = visible_job_ids(session, actor)
    if visible is not None:
        stmt = stmt.where(_visible_to(actor, visible))
    # One query with the actor's name joined in: no per-event user look-ups (N+1).
    return [ActivityItem(event, name) for event, name in session.execute(stmt).all()]


def _visible_to(actor: Actor, job_ids: set[uuid.UUID]) -> ColumnElement[bool]:
    applications = select(Application.id).where(Application.job_id.in_(job_ids))
    conditions = [
        and_(AuditEvent.entity_type.in_(JOB_ENTITY_TYPES), AuditEvent.entity_id.in_(job_ids)),
        and_(AuditEvent.entity_type == "application", AuditEvent.entity_id.in_(applications)),
    ]
    if actor.user_id is not None:
        conditions.append(AuditEvent.actor_id == actor.user_id)
    return or_(*conditions)
