"""JSON routes for attachments, plus the dependencies that hand the store and limits to services."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Response, UploadFile, status

from talentbridge.api.deps import ApiActor, DbSession, get_settings
from talentbridge.config import Settings
from talentbridge.files import service
from talentbridge.files.schemas import AttachmentRead
from talentbridge.files.storage import AttachmentStore, attachment_store_for
from talentbridge.files.uploads import EXTENSIONS, UploadLimits, content_disposition

router = APIRouter(tags=["attachments"])


def get_attachment_store(settings: Annotated[Settings, Depends(get_settings)]) -> AttachmentStore:
    """The attachment store of the running app (``TALENTBRIDGE_ATTACHMENTS_DIR``)."""
    return attachment_store_for(settings)


def get_upload_limits(settings: Annotated[Settings, Depends(get_settings)]) -> UploadLimits:
    """Upload size and type limits of the running app."""
    return UploadLimits.from_settings(settings)


AttachmentStoreDep = Annotated[AttachmentStore, Depends(get_attachment_store)]
UploadLimitsDep = Annotated[UploadLimits, Depends(get_upload_limits)]


@router.get("/people/{person_id}/attachments", response_model=list[AttachmentRead])
def list_attachments(person_id: uuid.UUID, session: DbSession, actor: ApiActor) -> list[AttachmentRead]:
    """A person's attachments, newest first (not for interviewers)."""
    return [
        AttachmentRead.model_validate(item) for item in service.list_attachments(session, actor, person_id)
    ]


@router.post(
    "/people/{person_id}/attachments",
    response_model=AttachmentRead,
    status_code=status.HTTP_201_CREATED,
    responses={413: {"description": "The file is larger than the configured limit"}},
)
def upload_attachment(
    person_id: uuid.UUID,
    file: UploadFile,
    session: DbSession,
    actor: ApiActor,
    store: AttachmentStoreDep,
    limits: UploadLimitsDep,
    application_id: Annotated[uuid.UUID | None, Form()] = None,
) -> AttachmentRead:
    """Upload a file (multipart field ``file``; optional form field ``application_id``).

    The type is detected from the content and must match the file name's extension.
    """
    data = file.file.read(limits.max_bytes + 1)  # one byte more than allowed is enough to refuse
    attachment = service.upload_attachment(
        session,
        actor,
        person_id,
        filename=file.filename or "",
        data=data,
        store=store,
        limits=limits,
        application_id=application_id,
    )
    return AttachmentRead.model_validate(attachment)


@router.get(
    "/attachments/{attachment_id}/content",
    response_class=Response,
    responses={200: {"description": "The file's bytes", "content": {kind: {} for kind in EXTENSIONS}}},
)
def download_attachment(
    attachment_id: uuid.UUID, session: DbSession, actor: ApiActor, store: AttachmentStoreDep
) -> Response:
    """Download an attachment under its original (sanitised) name; recorded as a view."""
    content = service.open_attachment(session, actor, attachment_id, store=store)
    return Response(
        content=content.data,
        media_type=content.attachment.content_type,
        headers={
            "Content-Disposition": content_disposition(content.attachment.filename),
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.delete("/attachments/{attachment_id}", response_model=AttachmentRead)
def delete_attachment(
    attachment_id: uuid.UUID, session: DbSession, actor: ApiActor, store: AttachmentStoreDep
) -> AttachmentRead:
    """Delete an attachment; its file is removed after the change is committed."""
    return AttachmentRead.model_validate(
        service.delete_attachment(session, actor, attachment_id, store=store)
    )
