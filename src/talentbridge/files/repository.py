"""Every query about attachments. Attachments on an application are hidden with that application's job."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from talentbridge.files.models import Attachment
from talentbridge.pipeline.models import Application


def get_attachment(session: Session, attachment_id: uuid.UUID) -> Attachment | None:
    """An attachment by id."""
    return session.get(Attachment, attachment_id)


def list_for_person(
    session: Session, person_id: uuid.UUID, *, visible_job_ids: set[uuid.UUID] | None
) -> Sequence[Attachment]:
    """A person's attachments, newest first; with ``visible_job_ids``, only those on seen jobs (or none)."""
    stmt = select(Attachment).where(Attachment.person_id == person_id)
    if visible_job_ids is not None:
        on_seen_jobs = select(Application.id).where(Application.job_id.in_(list(visible_job_ids)))
        stmt = stmt.where(
            or_(Attachment.application_id.is_(None), Attachment.application_id.in_(on_seen_jobs))
        )
    return session.scalars(stmt.order_by(Attachment.created_at.desc(), Attachment.id.desc())).all()


def storage_keys_for_person(session: Session, person_id: uuid.UUID) -> list[str]:
    """The storage keys of all of a person's attachments."""
    return list(session.scalars(select(Attachment.storage_key).where(Attachment.person_id == person_id)))
