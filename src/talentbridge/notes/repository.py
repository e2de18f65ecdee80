"""Every query about notes. Notes on an application are hidden with that application's job."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from talentbridge.auth.models import User
from talentbridge.notes.models import Note
from talentbridge.pipeline.models import Application


def get_note(session: Session, note_id: uuid.UUID) -> Note | None:
    """A note by id."""
    return session.get(Note, note_id)


def author_name(session: Session, author_id: uuid.UUID | None) -> str | None:
    """The full name of a note's author, if the account still exists."""
    if author_id is None:
        return None
    return session.scalar(select(User.full_name).where(User.id == author_id))


def list_for_person(
    session: Session, person_id: uuid.UUID, *, visible_job_ids: set[uuid.UUID] | None
) -> Sequence[tuple[Note, str | None]]:
    """A person's notes with author names, newest first; with ``visible_job_ids``, notes about
    applications on other jobs are left out."""
    stmt = (
        select(Note, User.full_name)
        .outerjoin(User, User.id == Note.author_id)
        .where(Note.person_id == person_id)
        .order_by(Note.created_at.desc(), Note.id.desc())
    )
    if visible_job_ids is not None:
        on_seen_jobs = select(Application.id).where(Application.job_id.in_(list(visible_job_ids)))
        stmt = stmt.where(or_(Note.application_id.is_(None), Note.application_id.in_(on_seen_jobs)))
    return session.execute(stmt).all()
