"""Where attachment bytes live. Services receive an ``AttachmentStore``; they never build paths.

Files are stored under random keys, never under the uploader's file name, so a crafted name cannot
reach outside the store and two uploads of "CV.pdf" never collide.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from pathlib import Path
from typing import Protocol

from talentbridge.config import Settings

_KEY_PATTERN = re.compile(r"[0-9a-f]{32}")


class StoredFileMissing(LookupError):
    """The store has no bytes under this key (deleted by hand, or a failed write)."""


class AttachmentStore(Protocol):
    """Storage of attachment bytes by key (the filesystem by default; object storage later)."""

    def put(self, key: str, data: bytes) -> None:
        """Store ``data`` under ``key``, replacing nothing: keys are new and random."""

    def read(self, key: str) -> bytes:
        """The bytes under ``key``; raises ``StoredFileMissing`` when there are none."""

    def delete(self, key: str) -> None:
        """Remove the bytes under ``key``; a missing key is not an error (deletion is idempotent)."""


def new_storage_key() -> str:
    """A fresh random key (128 bits, hex)."""
    return secrets.token_hex(16)


class FileSystemAttachmentStore:
    """Attachments as files under ``root``, fanned out by the key's first two characters."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        if not _KEY_PATTERN.fullmatch(key):
            raise ValueError("not an attachment storage key")
        return self.root / key[:2] / key

    def put(self, key: str, data: bytes) -> None:
        """Write atomically: a temporary file in the target directory, then a rename."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp_name, path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise

    def read(self, key: str) -> bytes:
        """The stored bytes."""
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as exc:
            raise StoredFileMissing(key) from exc

    def delete(self, key: str) -> None:
        """Remove the file if it is there."""
        self._path(key).unlink(missing_ok=True)


def attachment_store_for(settings: Settings) -> FileSystemAttachmentStore:
    """The store configured by ``TALENTBRIDGE_ATTACHMENTS_DIR`` (for edges: API, pages, CLI)."""
    return FileSystemAttachmentStore(settings.effective_attachments_dir)
