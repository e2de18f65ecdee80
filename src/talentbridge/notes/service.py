"""Use cases for notes: add to a person (optionally about one application), list, delete.

Notes are visible to whoever may see the person; a note about an application is visible only to
those who may see that application's job. Audit events never carry a note's text.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.errors import NotFound
from talentbridge.jobs.policies import visible_job_ids
from talentbridge.notes import repository
from talentbridge.notes.models import Note
from talentbridge.notes.policies import require_note_delete
from talentbridge.notes.schemas import NoteCreate, NoteRead
from talentbridge.people.policies import (
    can_see_application,
    require_application_of_person,
    require_visible_person,
)

SYSTEM_AUTHOR_NAME = "System"


def add_note(session: Session, actor: Actor, person_id: uuid.UUID, data: NoteCreate) -> NoteRead:
    """Write a note on a person the actor can see; ``application_id`` must be one of theirs (422)."""
    require_visible_person(session, actor, person_id)
    if data.application_id is not None:
        require_application_of_person(session, actor, person_id, data.application_id)
    note = Note(
        person_id=person_id, application_id=data.application_id, author_id=actor.user_id, body=data.body
    )
    session.add(note)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "note",
        note.id,
        person_id=person_id,
        summary="Added a note",
        changes={"application_id": data.application_id},
    )
    return _to_read(note, actor.full_name if actor.user_id else None)


def list_notes(session: Session, actor: Actor, person_id: uuid.UUID) -> list[NoteRead]:
    """The notes on a person the actor can see, newest first."""
    require_visible_person(session, actor, person_id)
    rows = repository.list_for_person(session, person_id, visible_job_ids=visible_job_ids(session, actor))
    return [_to_read(note, author) for note, author in rows]


def delete_note(session: Session, actor: Actor, note_id: uuid.UUID) -> NoteRead:
    """Delete a note: its author or an administrator (403); notes the actor cannot see are 404."""
    note = _visible_note(session, actor, note_id)
    require_note_delete(actor, note)
    deleted = _to_read(note, repository.author_name(session, note.author_id))
    session.delete(note)
    session.flush()
    audit.record(
        session, actor, "delete", "note", note.id, person_id=note.person_id, summary="Deleted a note"
    )
    return deleted


def _visible_note(session: Session, actor: Actor, note_id: uuid.UUID) -> Note:
    note = repository.get_note(session, note_id)
    if note is None:
        raise NotFound("No such note.")
    try:
        require_visible_person(session, actor, note.person_id)
    except NotFound as exc:
        raise NotFound("No such note.") from exc
    if note.application_id is not None and not can_see_application(
        session, actor, note.person_id, note.application_id
    ):
        raise NotFound("No such note.")
    return note


def _to_read(note: Note, author_name: str | None) -> NoteRead:
    return NoteRead(
        id=note.id,
        person_id=note.person_id,
        application_id=note.application_id,
        author_id=note.author_id,
        author_name=author_name or SYSTEM_AUTHOR_NAME,
        body=note.body,
        created_at=note.created_at,
    )
