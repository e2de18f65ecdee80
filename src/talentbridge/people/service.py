"""Use cases for people: create, read (recorded as a view), update, delete, list, search, timeline.

One Person per human: a normalised e-mail address belongs to at most one person (409 otherwise).
Updates use optimistic concurrency (``expected_version``) and record field-level changes in the
audit log without contact details or sensitive values. Reads are shaped per role by
``person_to_read``; who may see whom is ``people.policies``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.audit.models import AuditEvent
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_recruiting_write
from talentbridge.errors import Conflict, InvalidInput, NotFound, StaleVersion
from talentbridge.files import service as files_service
from talentbridge.files.storage import AttachmentStore
from talentbridge.jobs.policies import visible_job_ids
from talentbridge.kit.clock import utc_now
from talentbridge.kit.pagination import Page
from talentbridge.kit.text import normalise_email
from talentbridge.matching import tasks as matching_tasks
from talentbridge.people import _records, repository
from talentbridge.people.models import Person, Tag
from talentbridge.people.policies import redacted_fields, visible_people_condition
from talentbridge.people.schemas import (
    PersonCreate,
    PersonFilter,
    PersonRead,
    PersonSummary,
    PersonUpdate,
    TagRead,
    TimelineEntry,
)
from talentbridge.sourcing import service as sourcing_service

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
SYSTEM_ACTOR_NAME = "System"


def person_to_read(actor: Actor, person: Person) -> PersonRead:
    """The full record as this actor may see it (``person`` loaded by ``get_person``).

    Fields the role may not see are left unset and listed in ``redacted_fields``; API responses
    omit them (``response_model_exclude_unset``), pages can check ``redacted_fields``.
    """
    data = _records.read_data(person)
    hidden = redacted_fields(actor)
    for field in hidden:
        data.pop(field)
    data["redacted_fields"] = list(hidden)
    return PersonRead.model_validate(data)


def person_to_summary(person: Person) -> PersonSummary:
    """A list row for a person loaded by ``list_people``/``search_people``/``get_person``."""
    return _records.to_summary(person)


def create_person(session: Session, actor: Actor, data: PersonCreate) -> Person:
    """Create a person. Admins and recruiters (403); e-mails held by someone else answer 409.

    Tags are created on the fly; ``source_id`` must name an existing source (422).
    """
    require_recruiting_write(actor)
    _ensure_emails_free(session, data.emails, person_id=None)
    _ensure_source_exists(session, actor, data.source_id)
    person = Person()
    _apply(session, person, _records.schema_fields(data, only_set=False))
    session.add(person)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "person",
        person.id,
        person_id=person.id,
        summary="Created the person record",
        changes={"fields": sorted(data.model_fields_set)},
    )
    matching_tasks.person_changed(session, person.id)
    return person


def get_person(session: Session, actor: Actor, person_id: uuid.UUID, *, record_view: bool = True) -> Person:
    """A person with their full record, if the actor may see them (404 otherwise).

    Each read of the full record is a "view" in the audit log unless ``record_view`` is False
    (use that for internal re-reads, never for showing the record to a user).
    """
    person = repository.get_person_with_details(
        session, person_id, visible=visible_people_condition(session, actor)
    )
    if person is None:
        raise NotFound("No such person.")
    if record_view:
        audit.record(
            session,
            actor,
            "view",
            "person",
            person.id,
            person_id=person.id,
            summary="Viewed the person record",
        )
    return person


def update_person(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    data: PersonUpdate,
    *,
    expected_version: int | None = None,
) -> Person:
    """Change a person (PATCH semantics). Admins and recruiters; invisible people are 404.

    With ``expected_version`` the change is refused (409, ``stale_version``) when someone else
    changed the person since that version was read; automation may pass None to skip the check.
    """
    person = get_person(session, actor, person_id, record_view=False)
    require_recruiting_write(actor)
    if expected_version is not None and person.version != expected_version:
        raise StaleVersion(
            "Someone else changed this person since you loaded them; reload and try again.",
            extra={"current_version": person.version},
        )
    values = _records.schema_fields(data, only_set=True)
    if "emails" in values:
        _ensure_emails_free(session, values["emails"], person_id=person.id)
    if "source_id" in values:
        _ensure_source_exists(session, actor, values["source_id"])
    before = _records.audit_snapshot(person)
    _apply(session, person, values)
    _check_salary_consistent(person)
    changes = _records.audit_changes(before, _records.audit_snapshot(person))
    if changes:
        person.updated_at = utc_now()  # also bumps the version when only child rows changed
        session.flush()
        audit.record(
            session,
            actor,
            "update",
            "person",
            person.id,
            person_id=person.id,
            summary=f"Updated {', '.join(sorted(changes))}"[:500],
            changes=changes,
        )
        matching_tasks.person_changed(session, person.id)
    return person


def delete_person(
    session: Session, actor: Actor, person_id: uuid.UUID, *, store: AttachmentStore
) -> PersonSummary:
    """Delete a person with everything attached (applications, notes, attachments cascade).

    Admins and recruiters. Attachment files are removed from ``store`` after the commit; the audit
    trail about the person stays. Returns the summary of the deleted person.
    """
    person = get_person(session, actor, person_id, record_view=False)
    require_recruiting_write(actor)
    summary = _records.to_summary(person)
    files_service.remove_person_files_after_commit(session, person.id, store=store)
    session.delete(person)
    session.flush()
    audit.record(
        session, actor, "delete", "person", person_id, person_id=person_id, summary="Deleted the person"
    )
    matching_tasks.person_changed(session, person_id)
    return summary


def list_people(
    session: Session,
    actor: Actor,
    filters: PersonFilter | None = None,
    *,
    cursor: str | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
) -> Page[PersonSummary]:
    """One page of the people the actor may see, filtered and sorted, with the total count.

    ``limit`` is 1-200; ``cursor`` is the previous page's ``next_cursor`` (same filters and sort).
    A fixed number of queries regardless of page size.
    """
    filters = filters or PersonFilter()
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise InvalidInput(f"limit must be between 1 and {MAX_PAGE_SIZE}.", field="limit")
    visible = visible_people_condition(session, actor)
    conditions = repository.people_conditions(session, filters, visible=visible)
    total = repository.count_people(session, conditions)
    people, next_cursor = repository.list_people_page(
        session, conditions, sort=filters.sort, cursor=cursor, limit=limit
    )
    return Page[PersonSummary](
        items=[_records.to_summary(person) for person in people], next_cursor=next_cursor, total=total
    )


def search_people(session: Session, actor: Actor, q: str, *, limit: int = 20) -> list[PersonSummary]:
    """Quick search over the people the actor may see: any part of the name (Latin or native
    script), part of an e-mail address, or an exact skill. Ordered by name; empty ``q`` finds nobody.
    """
    if not q.strip():
        return []
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    visible = visible_people_condition(session, actor)
    people = repository.search_people(session, q.strip(), visible=visible, limit=limit)
    return [_records.to_summary(person) for person in people]


def get_timeline(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    *,
    include_views: bool = False,
    limit: int = 100,
) -> list[TimelineEntry]:
    """The person's activity, newest first: every audited change by any context (edits, notes,
    attachments, pipeline moves), with actor names. Views are left out unless ``include_views``.

    Actors who see only some jobs do not see events about applications on other jobs.
    """
    person = repository.get_person(session, person_id, visible=visible_people_condition(session, actor))
    if person is None:
        raise NotFound("No such person.")
    rows = repository.timeline_events(
        session,
        person.id,
        include_views=include_views,
        visible_job_ids=visible_job_ids(session, actor),
        limit=max(1, min(limit, 500)),
    )
    return [_timeline_entry(event, actor_name) for event, actor_name in rows]


def list_tags(session: Session, actor: Actor) -> list[TagRead]:
    """All tags by name (any signed-in user; tags carry no personal data)."""
    del actor
    return [TagRead.model_validate(tag) for tag in repository.list_tags(session)]


def _timeline_entry(event: AuditEvent, actor_name: str | None) -> TimelineEntry:
    return TimelineEntry(
        id=event.id,
        at=event.at,
        action=event.action,
        entity_type=event.entity_type,
        entity_id=event.entity_id,
        actor_id=event.actor_id,
        actor_name=actor_name or SYSTEM_ACTOR_NAME,
        summary=event.summary,
        changes=event.changes or {},
    )


def _apply(session: Session, person: Person, values: dict[str, Any]) -> None:
    """Write schema values onto the person: columns, child collections, tags, then the name key."""
    for field, value in values.items():
        if field in _records.CHILD_FIELDS:
            _records.replace_children(person, field, value)
        elif field == "tags":
            person.tags = _tags_for(session, value)
        else:
            setattr(person, field, _records.column_value(field, value))
    _records.refresh_name_key(person)


def _tags_for(session: Session, names: Sequence[str]) -> list[Tag]:
    """The tags with these (already normalised) names, creating the missing ones."""
    existing = repository.tags_named(session, names)
    tags: list[Tag] = []
    for name in names:
        tag = existing.get(name)
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
            existing[name] = tag
        tags.append(tag)
    return tags


def _ensure_emails_free(session: Session, emails: Iterable[str], *, person_id: uuid.UUID | None) -> None:
    """409 (field ``emails``) when an address already belongs to another person."""
    owners = repository.email_owners(session, (normalise_email(email) for email in emails))
    taken = {email: owner for email, owner in owners.items() if owner != person_id}
    if taken:
        email, owner = next(iter(sorted(taken.items())))
        raise Conflict(
            f"The e-mail address {email} already belongs to another person.",
            field="emails",
            extra={"existing_person_id": str(owner)},
        )


def _ensure_source_exists(session: Session, actor: Actor, source_id: uuid.UUID | None) -> None:
    if source_id is None:
        return
    try:
        sourcing_service.get_source(session, actor, source_id)
    except NotFound as exc:
        raise InvalidInput("No source has this id.", field="source_id") from exc


def _check_salary_consistent(person: Person) -> None:
    """An expected salary amount needs its currency (checked on the merged record for PATCH)."""
    if person.expected_salary_amount is not None and person.expected_salary_currency is None:
        raise InvalidInput(
            "expected_salary_currency is required when expected_salary_amount is given.",
            field="expected_salary_currency",
        )
