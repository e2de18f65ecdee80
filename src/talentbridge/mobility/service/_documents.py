"""Case document files: stored in the attachment store, opened only by the case's owners,
compliance and admins.

The bytes go through the same store and the same content checks as person attachments
(``files.uploads.check_upload``: size limit, type from the content, matching extension), but the
metadata stays on the case document, not in ``attachments``: otherwise anyone who may read a
person's Files tab could download a passport or a criminal-record certificate.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.db.session import after_commit
from talentbridge.errors import NotFound
from talentbridge.files.storage import AttachmentStore, StoredFileMissing, new_storage_key
from talentbridge.files.uploads import UploadLimits, check_upload, safe_filename
from talentbridge.kit.clock import utc_now
from talentbridge.mobility.enums import DocumentStatus
from talentbridge.mobility.models import CaseDocument
from talentbridge.mobility.policies import require_case_work
from talentbridge.mobility.service._cases import CaseContext, get_case


@dataclass(frozen=True)
class DocumentFile:
    """A case document's file for a download."""

    document: CaseDocument
    data: bytes


def _document(
    session: Session, actor: Actor, case_id: uuid.UUID, document_id: uuid.UUID
) -> tuple[CaseContext, CaseDocument]:
    context = get_case(session, actor, case_id)
    require_case_work(actor, context.owner_ids)
    document = next((item for item in context.case.documents if item.id == document_id), None)
    if document is None:
        raise NotFound("No such document.")
    return context, document


def upload_document_file(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    document_id: uuid.UUID,
    *,
    filename: str,
    data: bytes,
    store: AttachmentStore,
    limits: UploadLimits,
) -> CaseDocument:
    """Store a document's file (replacing an earlier one, removed after commit); marks it received."""
    context, document = _document(session, actor, case_id, document_id)
    content_type = check_upload(filename, data, limits)
    key = new_storage_key()
    store.put(key, data)
    previous = document.storage_key
    document.filename = safe_filename(filename)
    document.content_type = content_type
    document.size_bytes = len(data)
    document.sha256 = hashlib.sha256(data).hexdigest()
    document.storage_key = key
    document.uploaded_by_id = actor.user_id
    if document.status in (DocumentStatus.MISSING, DocumentStatus.REQUESTED):
        document.status = DocumentStatus.RECEIVED
    context.case.updated_at = utc_now()
    try:
        session.flush()
    except Exception:
        store.delete(key)
        raise
    if previous:
        after_commit(session, lambda: store.delete(previous))
    audit.record(
        session,
        actor,
        "upload",
        "mobility_case_document",
        document.id,
        person_id=context.case.person_id,
        summary=f"Uploaded the file of document '{document.kind}' ({content_type}, {len(data)} bytes)",
        changes={"sha256": document.sha256},
    )
    return document


def open_document_file(
    session: Session, actor: Actor, case_id: uuid.UUID, document_id: uuid.UUID, *, store: AttachmentStore
) -> DocumentFile:
    """A document's file for a download (owners, compliance, admins); recorded as a view."""
    context, document = _document(session, actor, case_id, document_id)
    if document.storage_key is None:
        raise NotFound("This document has no file yet.")
    try:
        data = store.read(document.storage_key)
    except StoredFileMissing as exc:
        raise NotFound("The document's file is missing from storage.") from exc
    audit.record(
        session,
        actor,
        "view",
        "mobility_case_document",
        document.id,
        person_id=context.case.person_id,
        summary=f"Downloaded the file of document '{document.kind}'",
    )
    return DocumentFile(document, data)


def delete_document_file(
    session: Session, actor: Actor, case_id: uuid.UUID, document_id: uuid.UUID, *, store: AttachmentStore
) -> CaseDocument:
    """Remove a document's file (after commit); the checklist item stays, back to missing."""
    context, document = _document(session, actor, case_id, document_id)
    key = document.storage_key
    if key is None:
        raise NotFound("This document has no file.")
    document.storage_key = None
    document.filename = document.content_type = document.sha256 = None
    document.size_bytes = None
    document.status = DocumentStatus.MISSING
    context.case.updated_at = utc_now()
    session.flush()
    after_commit(session, lambda: store.delete(key))
    audit.record(
        session,
        actor,
        "delete",
        "mobility_case_document",
        document.id,
        person_id=context.case.person_id,
        summary=f"Removed the file of document '{document.kind}'",
    )
    return document
