"""API contracts for attachments (the bytes travel as multipart uploads and raw downloads)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict


class AttachmentRead(BaseModel):
    """An attachment's metadata; download the bytes from ``/attachments/{id}/content``."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    person_id: uuid.UUID
    application_id: uuid.UUID | None
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    uploaded_by_id: uuid.UUID | None
    created_at: datetime
