"""Use cases for hubs (offices): admins maintain them, everyone signed in reads them.

Private part of ``jobs.service`` (which re-exports every public name here). Hubs are never
deleted while a job uses them; they are deactivated instead, and then take no new jobs.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_admin
from talentbridge.errors import Conflict, InvalidInput, NotFound, RuleViolation
from talentbridge.jobs import repository
from talentbridge.jobs.models import Hub
from talentbridge.jobs.schemas import HubCreate, HubUpdate


def list_hubs(session: Session, actor: Actor, *, include_inactive: bool = True) -> Sequence[Hub]:
    """Hubs by name; every signed-in user may list them (job forms and filters need them)."""
    del actor
    return repository.list_hubs(session, include_inactive=include_inactive)


def get_hub(session: Session, actor: Actor, hub_id: uuid.UUID) -> Hub:
    """One hub (any signed-in user)."""
    del actor
    hub = repository.get_hub(session, hub_id)
    if hub is None:
        raise NotFound("No such hub.")
    return hub


def create_hub(session: Session, actor: Actor, data: HubCreate) -> Hub:
    """Add a hub (admin only); names are unique, ignoring case."""
    require_admin(actor)
    _refuse_duplicate_hub_name(session, data.name, keep=None)
    hub = Hub(**data.model_dump())
    session.add(hub)
    session.flush()
    audit.record(session, actor, "create", "hub", hub.id, summary=f"Created hub '{hub.name}'")
    return hub


def update_hub(session: Session, actor: Actor, hub_id: uuid.UUID, data: HubUpdate) -> Hub:
    """Change a hub, or (de)activate it (admin only). Inactive hubs take no new jobs."""
    require_admin(actor)
    hub = get_hub(session, actor, hub_id)
    changes = data.model_dump(exclude_unset=True)
    if "name" in changes:
        _refuse_duplicate_hub_name(session, changes["name"], keep=hub.id)
    before = {field: getattr(hub, field) for field in changes}
    for field, value in changes.items():
        setattr(hub, field, value)
    recorded = audit.diff(before, changes)
    session.flush()
    audit.record(
        session, actor, "update", "hub", hub.id, summary=f"Updated hub '{hub.name}'", changes=recorded
    )
    return hub


def delete_hub(session: Session, actor: Actor, hub_id: uuid.UUID) -> None:
    """Delete a hub that no job uses (admin only); otherwise 409 — deactivate it instead."""
    require_admin(actor)
    hub = get_hub(session, actor, hub_id)
    jobs = repository.count_jobs_at_hub(session, hub.id)
    if jobs:
        raise Conflict(
            f"The hub '{hub.name}' is used by {jobs} job(s); deactivate it instead of deleting it.",
            field="hub_id",
        )
    session.delete(hub)
    session.flush()
    audit.record(session, actor, "delete", "hub", hub_id, summary=f"Deleted hub '{hub.name}'")


def _refuse_duplicate_hub_name(session: Session, name: str, *, keep: uuid.UUID | None) -> None:
    existing = repository.find_hub_by_name(session, name)
    if existing is not None and existing.id != keep:
        raise Conflict(f"A hub named '{existing.name}' already exists.", field="name")


def require_active_hub(session: Session, hub_id: uuid.UUID) -> Hub:
    """The hub a job is being placed at: it must exist (422) and be active (422)."""
    hub = repository.get_hub(session, hub_id)
    if hub is None:
        raise InvalidInput("No such hub.", field="hub_id")
    if not hub.is_active:
        raise RuleViolation(f"The hub '{hub.name}' is inactive; choose another hub.", field="hub_id")
    return hub
