"""Archive safety: bombs, oversize, traversal and bad zips are refused before inflating."""

from __future__ import annotations

import zipfile

import pytest
from intake_helpers import cv_text, make_zip

from talentbridge.intake import archive

LIMITS = archive.ArchiveLimits(
    max_entries=10, max_member_bytes=2 * 1024 * 1024, max_total_bytes=5 * 1024 * 1024
)


def test_usable_entries_are_listed_and_hidden_ones_skipped() -> None:
    data = make_zip(
        {"a/cv1.txt": cv_text(1), "__MACOSX/._cv1.txt": b"x", ".DS_Store": b"x", "cv2.txt": cv_text(2)}
    )
    entries, rejected = archive.inspect(data, LIMITS)
    assert [entry.member for entry in entries] == ["a/cv1.txt", "cv2.txt"]
    assert rejected == []
    assert archive.read_member(data, "cv2.txt", LIMITS) == cv_text(2)


@pytest.mark.parametrize(
    "name", ["../evil.txt", "a/../../evil.txt", "/etc/passwd", "C:/evil.txt", "..\\evil.txt"]
)
def test_path_traversal_is_refused(name: str) -> None:
    data = make_zip({name: b"x", "ok.txt": cv_text(1)})
    entries, rejected = archive.inspect(data, LIMITS)
    assert [entry.member for entry in entries] == ["ok.txt"]
    assert [(item.member, item.code) for item in rejected] == [(name, "unsafe_path")]
    with pytest.raises(archive.ArchiveRejected):
        archive.read_member(data, name, LIMITS)


def test_zip_bomb_is_refused_by_declared_ratio() -> None:
    bomb = make_zip({"bomb.txt": b"0" * (1536 * 1024)})  # 1.5 MB of zeros compress > 100x
    entries, rejected = archive.inspect(bomb, LIMITS)
    assert entries == []
    assert rejected[0].code == "zip_bomb"


def test_oversized_entry_is_refused_before_inflating() -> None:
    data = make_zip({"big.txt": b"x" * (3 * 1024 * 1024)}, compression=zipfile.ZIP_STORED)
    _entries, rejected = archive.inspect(data, LIMITS)
    assert rejected[0].code == "too_large"


def test_total_declared_size_and_entry_count_refuse_the_whole_archive() -> None:
    many = make_zip({f"cv{i}.txt": b"x" for i in range(11)})
    with pytest.raises(archive.ArchiveRejected) as too_many:
        archive.inspect(many, LIMITS)
    assert too_many.value.code == "too_many_entries"
    big = make_zip({f"cv{i}.txt": b"y" * (2 * 1024 * 1024) for i in range(3)}, compression=zipfile.ZIP_STORED)
    with pytest.raises(archive.ArchiveRejected) as too_large:
        archive.inspect(big, LIMITS)
    assert too_large.value.code == "too_large"


def test_a_lying_size_header_cannot_inflate_more_than_declared() -> None:
    data = bytearray(make_zip({"cv.txt": b"z" * 5000}, compression=zipfile.ZIP_STORED))
    with zipfile.ZipFile(__import__("io").BytesIO(bytes(data))) as opened:
        info = opened.getinfo("cv.txt")
    assert info.file_size == 5000
    with pytest.raises(archive.ArchiveRejected):
        archive.read_member(bytes(data).replace(b"z" * 5000, b"z" * 4999 + b"q"), "cv.txt", LIMITS)


def test_not_a_zip_is_refused() -> None:
    with pytest.raises(archive.ArchiveRejected) as refused:
        archive.inspect(b"PK\x03\x04 not really", LIMITS)
    assert refused.value.code == "corrupt"


def test_docx_is_recognised_as_a_document_not_an_archive() -> None:
    docx = make_zip({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<Types/>"})
    with archive.open_zip(docx) as opened:
        assert archive.is_docx_zip(opened)
    assert archive.is_zip(docx)
