"""Reading zip archives of résumés safely: decide from the central directory, before inflating.

A zip's central directory declares every entry's name, compressed and uncompressed size. Those
declarations are checked first (entry count, total size, per-entry size, compression ratio,
unsafe names, encryption, nested archives), so a zip bomb or a ``../../etc/passwd`` entry is
refused without inflating a byte. Reading an entry later is capped at its declared size and at
the per-file limit, so an archive that lies about its sizes cannot inflate more either.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_READ_CHUNK = 64 * 1024
_SKIPPED_PREFIXES = ("__MACOSX/",)
RATIO_CHECK_MIN_BYTES = 1024 * 1024  # tiny entries compress well and are harmless
_ENCRYPTED_FLAG = 0x1


@dataclass(frozen=True)
class ArchiveLimits:
    """How much an archive may declare before it is refused (defaults fit a recruiter's CV zip)."""

    max_entries: int = 20_000
    max_member_bytes: int = 10 * 1024 * 1024
    max_total_bytes: int = 2 * 1024 * 1024 * 1024
    max_ratio: float = 100.0


@dataclass(frozen=True)
class ArchiveEntry:
    """An entry that passed the checks: its name in the archive and its declared size."""

    member: str
    size: int


@dataclass(frozen=True)
class RejectedEntry:
    """An entry refused before inflating, with a machine code and a sentence saying why."""

    member: str
    code: str
    reason: str


class ArchiveRejected(Exception):
    """The archive as a whole is refused (not a zip, too many entries, too large in total)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def is_zip(data: bytes) -> bool:
    """Whether the bytes start like a zip archive (DOCX files do too; tell them apart by content)."""
    return data[:4] in ZIP_MAGIC


def is_docx_zip(archive: zipfile.ZipFile) -> bool:
    """A Word document is a zip holding ``word/document.xml``; such a file is a résumé, not a folder."""
    return "word/document.xml" in archive.namelist()


def unsafe_name_reason(name: str) -> str | None:
    """Why an entry name may not be used (absolute, climbing out with ``..``, control characters)."""
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return "the entry name contains control characters"
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        return "the entry name is an absolute path"
    if ".." in PurePosixPath(normalised).parts:
        return "the entry name climbs out of the archive (path traversal)"
    return None


def _skipped(name: str) -> bool:
    """Folders, macOS resource forks and hidden files carry no résumé."""
    base = PurePosixPath(name.replace("\\", "/")).name
    return name.endswith("/") or name.startswith(_SKIPPED_PREFIXES) or base.startswith(".") or not base


def _entry_problem(info: zipfile.ZipInfo, limits: ArchiveLimits) -> tuple[str, str] | None:
    unsafe = unsafe_name_reason(info.filename)
    if unsafe is not None:
        return "unsafe_path", unsafe
    if info.flag_bits & _ENCRYPTED_FLAG:
        return "encrypted", "the entry is password-protected"
    if info.file_size > limits.max_member_bytes:
        return (
            "too_large",
            f"the entry declares {info.file_size} bytes, over the limit of {limits.max_member_bytes}",
        )
    if info.file_size > RATIO_CHECK_MIN_BYTES:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            return (
                "zip_bomb",
                f"the entry would inflate {ratio:.0f} times (limit {limits.max_ratio:.0f}): a zip bomb",
            )
    return None


def inspect(source: Path | bytes, limits: ArchiveLimits) -> tuple[list[ArchiveEntry], list[RejectedEntry]]:
    """The usable entries and the refused ones, from the central directory alone.

    Raises ``ArchiveRejected`` when the whole archive must be refused.
    """
    with open_zip(source) as archive:
        infos = archive.infolist()
        if len(infos) > limits.max_entries:
            raise ArchiveRejected(
                "too_many_entries", f"the archive has {len(infos)} entries (limit {limits.max_entries})"
            )
        declared = sum(info.file_size for info in infos)
        if declared > limits.max_total_bytes:
            raise ArchiveRejected(
                "too_large",
                f"the archive declares {declared} bytes in total (limit {limits.max_total_bytes})",
            )
        entries: list[ArchiveEntry] = []
        rejected: list[RejectedEntry] = []
        for info in infos:
            if _skipped(info.filename) and unsafe_name_reason(info.filename) is None:
                continue
            problem = _entry_problem(info, limits)
            if problem is None:
                entries.append(ArchiveEntry(info.filename, info.file_size))
            else:
                rejected.append(RejectedEntry(info.filename, *problem))
        return entries, rejected


@contextmanager
def open_zip(source: Path | bytes) -> Iterator[zipfile.ZipFile]:
    """The archive opened for reading; a file that is not a valid zip is ``ArchiveRejected``."""
    handle: BinaryIO = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
    try:
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, ValueError, OSError) as exc:
            raise ArchiveRejected("corrupt", "the file is not a readable zip archive") from exc
        with archive:
            yield archive
    finally:
        handle.close()


def read_member(source: Path | bytes, member: str, limits: ArchiveLimits) -> bytes:
    """One entry's bytes, inflating at most its declared size and the per-file limit.

    Raises ``ArchiveRejected`` when the entry is missing, unsafe, larger than declared or corrupt.
    """
    reason = unsafe_name_reason(member)
    if reason is not None:
        raise ArchiveRejected("unsafe_path", reason)
    with open_zip(source) as archive:
        try:
            info = archive.getinfo(member)
        except KeyError as exc:
            raise ArchiveRejected("missing", "the entry is no longer in the archive") from exc
        problem = _entry_problem(info, limits)
        if problem is not None:
            raise ArchiveRejected(*problem)
        cap = min(info.file_size, limits.max_member_bytes)
        buffer = bytearray()
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(_READ_CHUNK):
                    buffer.extend(chunk)
                    if len(buffer) > cap:
                        raise ArchiveRejected("too_large", "the entry inflates beyond its declared size")
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
            raise ArchiveRejected("corrupt", "the entry cannot be decompressed") from exc
        return bytes(buffer)
