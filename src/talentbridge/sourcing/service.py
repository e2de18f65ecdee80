"""Use cases for sources: create, change, deactivate, delete (only when unused), list.

A source is unique by kind and name (case-insensitive). A source that people or applications
point at cannot be deleted, since that would erase their attribution; deactivate it instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.errors import Conflict, InvalidInput, NotFound
from talentbridge.sourcing import repository
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.models import Source
from talentbridge.sourcing.policies import require_source_write
from talentbridge.sourcing.schemas import SourceCreate, SourceFilter, SourceUpdate

AUDITED_FIELDS = ("kind", "name", "referrer_user_id", "referrer_name", "details", "is_active")


def get_source(session: Session, actor: Actor, source_id: uuid.UUID) -> Source:
    """One source (any signed-in user); NotFound if it does not exist."""
    del actor  # sources are visible to all staff
    source = repository.get_source(session, source_id)
    if source is None:
        raise NotFound("No such source.")
    return source


def list_sources(session: Session, actor: Actor, filters: SourceFilter | None = None) -> Sequence[Source]:
    """Sources by kind and name, optionally only one kind and/or only (in)active ones."""
    del actor  # sources are visible to all staff
    return repository.list_sources(session, filters or SourceFilter())


def create_source(session: Session, actor: Actor, data: SourceCreate) -> Source:
    """Add a channel. Admins and recruiters; the (kind, name) pair must be new (409 otherwise)."""
    require_source_write(actor)
    _check_referrer(session, data.kind, data.referrer_user_id, data.referrer_name)
    _check_name_free(session, data.kind, data.name, source_id=None)
    source = Source(**data.model_dump())
    session.add(source)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "source",
        source.id,
        summary=f"Created source '{source.name}' ({source.kind})",
    )
    return source


def update_source(session: Session, actor: Actor, source_id: uuid.UUID, data: SourceUpdate) -> Source:
    """Change a source; absent fields stay. The referral and uniqueness rules hold afterwards."""
    require_source_write(actor)
    source = get_source(session, actor, source_id)
    before = _snapshot(source)
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(source, field, value)
    _check_referrer(session, source.kind, source.referrer_user_id, source.referrer_name)
    _check_name_free(session, source.kind, source.name, source_id=source.id)
    changes = audit.diff(before, _snapshot(source))
    if changes:
        session.flush()
        audit.record(
            session,
            actor,
            "update",
            "source",
            source.id,
            summary=f"Updated source '{source.name}'",
            changes=changes,
        )
    return source


def delete_source(session: Session, actor: Actor, source_id: uuid.UUID) -> Source:
    """Delete a source nobody points at; a used source answers 409 (deactivate it instead)."""
    require_source_write(actor)
    source = get_source(session, actor, source_id)
    people, applications = repository.usage(session, source.id)
    if people or applications:
        raise Conflict(
            f"This source is used by {people} people and {applications} applications, so it cannot be "
            "deleted; deactivate it instead (is_active: false).",
            extra={"people": people, "applications": applications},
        )
    session.delete(source)
    session.flush()
    audit.record(
        session,
        actor,
        "delete",
        "source",
        source.id,
        summary=f"Deleted source '{source.name}' ({source.kind})",
    )
    return source


def _check_referrer(
    session: Session, kind: SourceKind, referrer_user_id: uuid.UUID | None, referrer_name: str | None
) -> None:
    """Referrals name a referrer (an existing user or a name); other kinds have none."""
    if kind is not SourceKind.REFERRAL:
        if referrer_user_id is not None or referrer_name:
            field = "referrer_user_id" if referrer_user_id is not None else "referrer_name"
            raise InvalidInput("Only referral sources have a referrer.", field=field)
        return
    if referrer_user_id is None and not referrer_name:
        raise InvalidInput(
            "A referral names its referrer: give referrer_user_id or referrer_name.", field="referrer_user_id"
        )
    if referrer_user_id is not None and not repository.user_exists(session, referrer_user_id):
        raise InvalidInput("No user has this id.", field="referrer_user_id")


def _check_name_free(session: Session, kind: SourceKind, name: str, *, source_id: uuid.UUID | None) -> None:
    existing = repository.find_by_kind_and_name(session, kind, name)
    if existing is not None and existing.id != source_id:
        raise Conflict(
            f"A {kind.value.replace('_', ' ')} source named '{existing.name}' already exists.",
            field="name",
            extra={"existing_source_id": str(existing.id)},
        )


def _snapshot(source: Source) -> dict[str, object]:
    return {field: getattr(source, field) for field in AUDITED_FIELDS}
