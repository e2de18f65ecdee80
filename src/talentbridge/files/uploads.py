"""Checking an upload before it is stored: size, type from the content, extension, file name.

The type is decided by the bytes (puremagic signatures plus structural checks), never by the name
or the client's Content-Type: a DOCX must be a zip holding ``word/document.xml``, a PDF must start
with ``%PDF-`` and end with ``%%EOF``, and text must be UTF-8 without NUL bytes. The file name's
extension must then agree with what the content is.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote

import puremagic

from talentbridge.config import Settings
from talentbridge.errors import InvalidInput, TalentBridgeError

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
PNG = "image/png"
JPEG = "image/jpeg"

EXTENSIONS: dict[str, tuple[str, ...]] = {
    PDF: (".pdf",),
    DOCX: (".docx",),
    TEXT: (".txt", ".text", ".md"),
    PNG: (".png",),
    JPEG: (".jpg", ".jpeg"),
}
LABELS = {PDF: "PDF", DOCX: "Word (DOCX)", TEXT: "plain text", PNG: "PNG image", JPEG: "JPEG image"}
_ZIP_FAMILY = frozenset({DOCX, "application/zip"})
_PDF_TRAILER_WINDOW = 1024
MAX_FILENAME_LENGTH = 255
FALLBACK_FILENAME = "attachment"


class UploadTooLarge(TalentBridgeError):
    """The upload is bigger than the configured limit."""

    code = "upload_too_large"
    http_status = 413


class UnsupportedUpload(InvalidInput):
    """The upload's content is not an accepted type, or its name claims another type."""

    code = "unsupported_file"


@dataclass(frozen=True)
class UploadLimits:
    """How big an upload may be and which content types are accepted."""

    max_bytes: int
    allowed_types: frozenset[str]

    @classmethod
    def from_settings(cls, settings: Settings) -> UploadLimits:
        """The limits configured by ``TALENTBRIDGE_MAX_UPLOAD_BYTES`` / ``_ALLOWED_UPLOAD_TYPES``."""
        return cls(
            max_bytes=settings.max_upload_bytes, allowed_types=frozenset(settings.allowed_upload_types)
        )


def _signature_types(data: bytes) -> set[str]:
    try:
        matches = puremagic.magic_string(data)
    except puremagic.PureError:
        return set()
    return {match.mime_type for match in matches if match.mime_type}


def _is_pdf(data: bytes) -> bool:
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-_PDF_TRAILER_WINDOW:]


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def detect_content_type(data: bytes) -> str | None:
    """The content type the bytes really are (one of ``EXTENSIONS``), or None when unrecognised."""
    signatures = _signature_types(data)
    if PDF in signatures and _is_pdf(data):
        return PDF
    if PNG in signatures:
        return PNG
    if JPEG in signatures:
        return JPEG
    if signatures & _ZIP_FAMILY and _is_docx(data):
        return DOCX
    if _is_text(data):
        return TEXT
    return None


def check_upload(filename: str, data: bytes, limits: UploadLimits) -> str:
    """The detected content type of an acceptable upload; otherwise a 413 or 422 saying why."""
    if not data:
        raise InvalidInput("The file is empty.", field="file")
    if len(data) > limits.max_bytes:
        raise UploadTooLarge(
            f"The file is larger than the limit of {limits.max_bytes} bytes.",
            field="file",
            extra={"max_bytes": limits.max_bytes},
        )
    content_type = detect_content_type(data)
    if content_type is None or content_type not in limits.allowed_types:
        accepted = ", ".join(LABELS.get(kind, kind) for kind in sorted(limits.allowed_types))
        raise UnsupportedUpload(
            f"This kind of file is not accepted; upload one of: {accepted}.", field="file"
        )
    suffix = PurePosixPath(filename.lower()).suffix
    if suffix not in EXTENSIONS[content_type]:
        raise UnsupportedUpload(
            f"The file's content is {LABELS[content_type]}, but its name ends in '{suffix or '(nothing)'}'; "
            f"name it with {' or '.join(EXTENSIONS[content_type])}.",
            field="file",
        )
    return content_type


def safe_filename(raw: str) -> str:
    """A display name without directories or control characters, at most 255 characters."""
    name = unicodedata.normalize("NFC", raw.replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().lstrip(".")
    if not name:
        return FALLBACK_FILENAME
    if len(name) > MAX_FILENAME_LENGTH:
        suffix = PurePosixPath(name).suffix[:16]
        name = name[: MAX_FILENAME_LENGTH - len(suffix)] + suffix
    return name


def content_disposition(filename: str) -> str:
    """A Content-Disposition header that downloads the file under its (sanitised) name.

    An ASCII fallback goes in ``filename``; the exact UTF-8 name in ``filename*`` (RFC 6266).
    """
    name = safe_filename(filename)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = "".join("_" if ch in '"\\;' else ch for ch in ascii_name).strip()
    if not ascii_name or ascii_name.startswith("."):  # e.g. a name only in Chinese: "简历.pdf" -> ".pdf"
        ascii_name = FALLBACK_FILENAME + ascii_name
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
