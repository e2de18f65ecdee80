"""Recording audit events. Every named use case calls ``record`` once per change."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from talentbridge.audit import repository
from talentbridge.audit.models import AuditEvent
from talentbridge.auth.actor import Actor
from talentbridge.jobs.policies import visible_job_ids


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
    visible = visible_job_ids(session, actor)
    rows = repository.list_recent_with_actor_names(
        session, limit=limit, job_ids=visible, own_actor_id=actor.user_id
    )
    return [ActivityItem(event, name) for event, name in rows]
