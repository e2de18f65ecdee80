"""JSON routes for notes on people."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from talentbridge.api.deps import ApiActor, DbSession
from talentbridge.notes import service
from talentbridge.notes.schemas import NoteCreate, NoteRead

router = APIRouter(tags=["notes"])


@router.get("/people/{person_id}/notes", response_model=list[NoteRead])
def list_notes(person_id: uuid.UUID, session: DbSession, actor: ApiActor) -> list[NoteRead]:
    """The notes on a person, newest first."""
    return service.list_notes(session, actor, person_id)


@router.post("/people/{person_id}/notes", response_model=NoteRead, status_code=status.HTTP_201_CREATED)
def add_note(person_id: uuid.UUID, data: NoteCreate, session: DbSession, actor: ApiActor) -> NoteRead:
    """Add a note (anyone who can see the person), optionally about one of their applications."""
    return service.add_note(session, actor, person_id, data)


@router.delete("/notes/{note_id}", response_model=NoteRead)
def delete_note(note_id: uuid.UUID, session: DbSession, actor: ApiActor) -> NoteRead:
    """Delete a note (its author or an administrator)."""
    return service.delete_note(session, actor, note_id)
