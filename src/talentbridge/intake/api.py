"""JSON routes of the intake context under /api/v1: imports, duplicates, merges, parsing.

Every route is for administrators and recruiters (403 for other roles). Uploads are read with
a size cap before anything is stored; an import answers 202 at once and runs in the background
(``GET /imports/{id}`` reports progress and per-file errors).
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Query, UploadFile, status

from talentbridge.api.deps import ApiActor, DbSession
from talentbridge.errors import InvalidInput
from talentbridge.files.api import AttachmentStoreDep, UploadLimitsDep
from talentbridge.files.uploads import UploadTooLarge
from talentbridge.intake import service, tasks
from talentbridge.intake.models import DuplicateStatus
from talentbridge.intake.policies import require_intake
from talentbridge.intake.schemas import BatchRead, DuplicateRead, MergeRead, MergeRequest, ParseResult
from talentbridge.worker import enqueue

router = APIRouter(tags=["intake"])

MAX_IMPORT_FILES = 200
MAX_IMPORT_BYTES = 500 * 1024 * 1024
"""One upload of an import (a zip of many CVs) may be this large; each CV inside obeys the
per-file limit when it is read."""


def read_capped(upload: UploadFile, limit: int) -> bytes:
    """The upload's bytes, refused with 413 when larger than ``limit``."""
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise UploadTooLarge(
            f"The file is larger than the limit of {limit} bytes.", field="files", extra={"max_bytes": limit}
        )
    return data


@router.post(
    "/imports",
    response_model=BatchRead,
    status_code=status.HTTP_202_ACCEPTED,
    responses={413: {"description": "A file is larger than the limit"}},
)
def create_import(
    files: list[UploadFile],
    session: DbSession,
    actor: ApiActor,
    store: AttachmentStoreDep,
    source_id: Annotated[uuid.UUID | None, Form()] = None,
) -> BatchRead:
    """Import résumés (PDF, DOCX, text, JSON Resume) or zips of them (multipart field ``files``).

    The import runs in the background; poll ``GET /imports/{id}`` for progress and errors.
    """
    require_intake(actor)
    if len(files) > MAX_IMPORT_FILES:
        raise InvalidInput(f"Upload at most {MAX_IMPORT_FILES} files at once (zip them).", field="files")
    uploads = [(upload.filename or "upload", read_capped(upload, MAX_IMPORT_BYTES)) for upload in files]
    batch = service.create_batch_from_uploads(session, actor, uploads, store=store, source_id=source_id)
    enqueue(session, tasks.run_import, batch_id=str(batch.id))
    return service.batch_progress(session, actor, batch.id)


@router.get("/imports/{import_id}", response_model=BatchRead)
def read_import(import_id: uuid.UUID, session: DbSession, actor: ApiActor) -> BatchRead:
    """An import's progress: counts by outcome, percent done and per-file errors."""
    return service.batch_progress(session, actor, import_id)


@router.get("/duplicates", response_model=list[DuplicateRead])
def list_duplicates(
    session: DbSession,
    actor: ApiActor,
    status_filter: Annotated[DuplicateStatus, Query(alias="status")] = DuplicateStatus.OPEN,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[DuplicateRead]:
    """Possible duplicates, most likely first, with the signals behind each score."""
    return service.list_duplicates(session, actor, status=status_filter, limit=limit)


@router.post(
    "/duplicates/{duplicate_id}/merge", response_model=MergeRead, status_code=status.HTTP_201_CREATED
)
def merge_duplicate(
    duplicate_id: uuid.UUID, session: DbSession, actor: ApiActor, data: MergeRequest | None = None
) -> MergeRead:
    """Merge the two people of a proposal, field by field (``a``/``b``, lists may be ``union``).

    Without a body, person A survives with the default choices (lists unioned).
    """
    require_intake(actor)
    data = data or MergeRequest()
    merge = service.merge_duplicate(
        session, actor, duplicate_id, survivor=data.survivor, choices=dict(data.choices)
    )
    return service.merge_read(merge)


@router.post("/merges/{merge_id}/undo", response_model=MergeRead)
def undo_merge(merge_id: uuid.UUID, session: DbSession, actor: ApiActor) -> MergeRead:
    """Undo a merge: both records come back as they were, with their applications, notes and files."""
    return service.merge_read(service.undo_merge(session, actor, merge_id))


@router.post(
    "/resumes/parse",
    response_model=ParseResult,
    responses={413: {"description": "The file is larger than the limit"}},
)
def parse_resume(file: UploadFile, actor: ApiActor, limits: UploadLimitsDep) -> ParseResult:
    """Parse one résumé (multipart field ``file``) and return the result; nothing is stored."""
    require_intake(actor)
    data = read_capped(file, limits.max_bytes)
    return service.parse_upload(actor, file.filename or "resume", data, max_bytes=limits.max_bytes)
