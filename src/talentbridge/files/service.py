"""Use cases for attachments: upload, list, open (download), delete, and clean-up with a person.

Services receive the ``AttachmentStore`` and the ``UploadLimits`` from the edge; they never read
settings. Bytes are written before the row is flushed (a failed flush removes them again) and are
deleted only after the transaction commits, so a rollback never leaves a row without its file.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.db.session import after_commit
from talentbridge.errors import NotFound
from talentbridge.files import repository
from talentbridge.files.models import Attachment
from talentbridge.files.policies import require_attachment_manage, require_attachment_read
from talentbridge.files.storage import AttachmentStore, StoredFileMissing, new_storage_key
from talentbridge.files.uploads import UploadLimits, check_upload, safe_filename
from talentbridge.jobs.policies import visible_job_ids
from talentbridge.people.policies import (
    can_see_application,
    require_application_of_person,
    require_visible_person,
)


@dataclass(frozen=True)
class AttachmentContent:
    """An attachment's metadata together with its bytes, for a download."""

    attachment: Attachment
    data: bytes


def upload_attachment(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    *,
    filename: str,
    data: bytes,
    store: AttachmentStore,
    limits: UploadLimits,
    application_id: uuid.UUID | None = None,
) -> Attachment:
    """Attach a file to a person (optionally to one of their applications).

    Admins, recruiters and compliance officers. The size must be within ``limits`` (413), the type
    is detected from the content and must be allowed and match the file name's extension (422).
    """
    require_visible_person(session, actor, person_id)
    require_attachment_manage(actor)
    if application_id is not None:
        require_application_of_person(session, actor, person_id, application_id)
    content_type = check_upload(filename, data, limits)
    key = new_storage_key()
    store.put(key, data)
    attachment = Attachment(
        person_id=person_id,
        application_id=application_id,
        filename=safe_filename(filename),
        content_type=content_type,
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        storage_key=key,
        uploaded_by_id=actor.user_id,
    )
    session.add(attachment)
    try:
        session.flush()
    except Exception:
        store.delete(key)
        raise
    audit.record(
        session,
        actor,
        "create",
        "attachment",
        attachment.id,
        person_id=person_id,
        summary=f"Uploaded an attachment ({content_type}, {len(data)} bytes)",
        changes={"application_id": application_id, "sha256": attachment.sha256},
    )
    return attachment


def list_attachments(session: Session, actor: Actor, person_id: uuid.UUID) -> Sequence[Attachment]:
    """A person's attachments, newest first (hiring managers: not those on other jobs' applications)."""
    require_visible_person(session, actor, person_id)
    require_attachment_read(actor)
    return repository.list_for_person(session, person_id, visible_job_ids=visible_job_ids(session, actor))


def get_attachment(session: Session, actor: Actor, attachment_id: uuid.UUID) -> Attachment:
    """An attachment whose person (and application, if any) the actor may see; otherwise NotFound."""
    attachment = repository.get_attachment(session, attachment_id)
    if attachment is None:
        raise NotFound("No such attachment.")
    try:
        require_visible_person(session, actor, attachment.person_id)
    except NotFound as exc:
        raise NotFound("No such attachment.") from exc
    if attachment.application_id is not None and not can_see_application(
        session, actor, attachment.person_id, attachment.application_id
    ):
        raise NotFound("No such attachment.")
    return attachment


def open_attachment(
    session: Session, actor: Actor, attachment_id: uuid.UUID, *, store: AttachmentStore
) -> AttachmentContent:
    """The attachment and its bytes for a download; the access is recorded as a view."""
    attachment = get_attachment(session, actor, attachment_id)
    require_attachment_read(actor)
    try:
        data = store.read(attachment.storage_key)
    except StoredFileMissing as exc:
        raise NotFound("The attachment's file is missing from storage.") from exc
    audit.record(
        session,
        actor,
        "view",
        "attachment",
        attachment.id,
        person_id=attachment.person_id,
        summary="Downloaded an attachment",
    )
    return AttachmentContent(attachment=attachment, data=data)


def delete_attachment(
    session: Session, actor: Actor, attachment_id: uuid.UUID, *, store: AttachmentStore
) -> Attachment:
    """Delete an attachment; its bytes are removed once the transaction commits."""
    attachment = get_attachment(session, actor, attachment_id)
    require_attachment_manage(actor)
    session.delete(attachment)
    session.flush()
    key = attachment.storage_key
    after_commit(session, lambda: store.delete(key))
    audit.record(
        session,
        actor,
        "delete",
        "attachment",
        attachment.id,
        person_id=attachment.person_id,
        summary=f"Deleted an attachment ({attachment.content_type})",
    )
    return attachment


def remove_person_files_after_commit(
    session: Session, person_id: uuid.UUID, *, store: AttachmentStore
) -> int:
    """Arrange for the bytes of all of a person's attachments to be deleted after commit.

    Called by ``people.service.delete_person`` before the person (and, by cascade, the attachment
    rows) go; returns how many files will be removed.
    """
    keys = repository.storage_keys_for_person(session, person_id)

    def _remove() -> None:
        for key in keys:
            store.delete(key)

    if keys:
        after_commit(session, _remove)
    return len(keys)
