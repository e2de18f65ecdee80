"""Upload checks: type from content, extension agreement, size, file names, and the file store."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories.records import EXE_BYTES, PNG_BYTES, minimal_docx, minimal_pdf, plain_zip
from talentbridge.errors import InvalidInput
from talentbridge.files.storage import FileSystemAttachmentStore, StoredFileMissing, new_storage_key
from talentbridge.files.uploads import (
    DOCX,
    PDF,
    PNG,
    TEXT,
    UnsupportedUpload,
    UploadLimits,
    UploadTooLarge,
    check_upload,
    content_disposition,
    detect_content_type,
    safe_filename,
)

LIMITS = UploadLimits(max_bytes=10_000, allowed_types=frozenset({PDF, DOCX, TEXT, PNG}))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (minimal_pdf(), PDF),
        (minimal_docx(), DOCX),
        (PNG_BYTES, PNG),
        ("Lebenslauf von 李伟 (Köln)\n".encode(), TEXT),
        (b"%PDF-1.4 but cut off before the end", TEXT),
        (EXE_BYTES, None),
        (plain_zip(), None),
        (b"\xff\xfe\x00h\x00i", None),
    ],
)
def test_type_is_detected_from_the_bytes(data: bytes, expected: str | None) -> None:
    assert detect_content_type(data) == expected


def test_real_pdf_and_docx_are_accepted() -> None:
    assert check_upload("CV.PDF", minimal_pdf(), LIMITS) == PDF
    assert check_upload("cv.docx", minimal_docx(), LIMITS) == DOCX


def test_text_named_pdf_is_refused_with_a_clear_message() -> None:
    with pytest.raises(UnsupportedUpload) as caught:
        check_upload("cv.pdf", b"I am really just text", LIMITS)
    assert "plain text" in caught.value.message
    assert ".pdf" in caught.value.message
    assert caught.value.http_status == 422


def test_executable_renamed_pdf_is_refused() -> None:
    with pytest.raises(UnsupportedUpload):
        check_upload("cv.pdf", EXE_BYTES, LIMITS)


def test_detected_type_must_be_allowed() -> None:
    with pytest.raises(UnsupportedUpload):
        check_upload(
            "cv.docx", minimal_docx(), UploadLimits(max_bytes=10_000, allowed_types=frozenset({PDF}))
        )


def test_oversize_upload_is_413_and_empty_upload_is_422() -> None:
    with pytest.raises(UploadTooLarge) as caught:
        check_upload("notes.txt", b"a" * (LIMITS.max_bytes + 1), LIMITS)
    assert caught.value.http_status == 413
    with pytest.raises(InvalidInput):
        check_upload("notes.txt", b"", LIMITS)


def test_file_without_extension_is_refused() -> None:
    with pytest.raises(UnsupportedUpload):
        check_upload("README", b"hello", LIMITS)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\wei\\CV.pdf", "CV.pdf"),
        ("cv\x00\r\n.pdf", "cv.pdf"),
        (".hidden.txt", "hidden.txt"),
        ("", "attachment"),
        ("简历.pdf", "简历.pdf"),
    ],
)
def test_file_names_are_sanitised(raw: str, expected: str) -> None:
    assert safe_filename(raw) == expected


def test_very_long_names_keep_their_extension() -> None:
    name = safe_filename("x" * 400 + ".pdf")
    assert len(name) == 255
    assert name.endswith(".pdf")


def test_content_disposition_has_an_ascii_fallback_and_the_exact_utf8_name() -> None:
    header = content_disposition('简历 "final".pdf')
    assert header.startswith('attachment; filename="')
    assert "filename*=UTF-8''%E7%AE%80%E5%8E%86%20%22final%22.pdf" in header
    ascii_part = header.split(";")[1]
    assert ascii_part.isascii()
    assert '"final"' not in ascii_part


def test_file_store_round_trip_and_idempotent_delete(tmp_path: Path) -> None:
    store = FileSystemAttachmentStore(tmp_path / "attachments")
    key = new_storage_key()
    store.put(key, b"bytes")
    assert store.read(key) == b"bytes"
    assert (tmp_path / "attachments" / key[:2] / key).exists()
    store.delete(key)
    store.delete(key)
    with pytest.raises(StoredFileMissing):
        store.read(key)


@pytest.mark.parametrize("key", ["../escape", "ABC", "0" * 31, "/" + "0" * 32])
def test_file_store_refuses_keys_that_are_not_its_own(tmp_path: Path, key: str) -> None:
    store = FileSystemAttachmentStore(tmp_path)
    with pytest.raises(ValueError, match="storage key"):
        store.put(key, b"x")
