"""Turning bytes into text: type sniffing by magic bytes, then PDF, DOCX or plain-text readers.

Every failure becomes an ``UnreadableDocument`` with one clear code, so a bulk import can report
the file and carry on. Library exceptions never escape this module.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from typing import Any

import charset_normalizer
import pypdfium2 as pdfium  # ships no type hints (mypy override in pyproject)
from docx2python import docx2python

from talentbridge.intake.parsing.types import UnreadableDocument

MAX_PDF_PAGES = 40
MAX_DOCX_INFLATED = 60 * 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)
_OTHER_BINARY: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", "RTF"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!", "RAR"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
)


def sniff(data: bytes) -> str:
    """``pdf``, ``docx``, ``json`` or ``text`` from the first bytes; raises for anything else."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx"
    if head.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data[:1_000_000]:
            raise UnreadableDocument("encrypted", "The Word document is password-protected.")
        raise UnreadableDocument(
            "unsupported_type",
            "Legacy Word/Office (.doc) files are not supported; save the CV as DOCX or PDF.",
        )
    for magic, name in _IMAGE_MAGIC:
        if head.startswith(magic):
            raise UnreadableDocument(
                "image_only", f"The file is a {name} image without a text layer — needs OCR."
            )
    if head[8:12] == b"WEBP" and head.startswith(b"RIFF"):
        raise UnreadableDocument("image_only", "The file is a WebP image without a text layer — needs OCR.")
    for magic, name in _OTHER_BINARY:
        if head.startswith(magic):
            raise UnreadableDocument("unsupported_type", f"{name} files are not supported.")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "json"
    return "text"


def read_pdf(data: bytes) -> tuple[str, list[str]]:
    """The text layer of a PDF, page by page; image-only PDFs are flagged, not returned empty."""
    warnings: list[str] = []
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UnreadableDocument("encrypted", "The PDF is password-protected.") from None
        raise UnreadableDocument("corrupt", "The PDF is damaged and cannot be opened.") from None
    try:
        pages: list[str] = []
        saw_objects = False
        count = len(document)
        if count > MAX_PDF_PAGES:
            warnings.append(f"only the first {MAX_PDF_PAGES} of {count} pages were read")
        for index in range(min(count, MAX_PDF_PAGES)):
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(textpage.get_text_bounded())
                finally:
                    textpage.close()
                if not saw_objects:
                    saw_objects = next(iter(page.get_objects()), None) is not None
            finally:
                page.close()
    except pdfium.PdfiumError:
        raise UnreadableDocument("corrupt", "The PDF is damaged and its text cannot be read.") from None
    finally:
        document.close()
    text = "\n".join(pages)
    if not text.strip():
        if saw_objects:
            raise UnreadableDocument("image_only", "image_only — needs OCR: the PDF has no text layer.")
        raise UnreadableDocument("empty", "The PDF has no content.")
    return text, warnings


_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)
_MEDIA = re.compile(r"----(?:media/[^-]*|Image alt text---->.*?<)----|----media/\S+?----")


def _docx_inflated_size(data: bytes) -> int:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise UnreadableDocument(
                    "unsupported_type", "The ZIP file is not a Word document (DOCX); only DOCX is supported."
                )
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        raise UnreadableDocument("corrupt", "The Word document (DOCX) is damaged.") from None


def _row_lines(row: list[Any]) -> list[str]:
    cells = ["\n".join(str(p) for p in cell if str(p).strip()) for cell in row]
    cells = [cell for cell in cells if cell.strip()]
    if len(cells) > 1 and all("\n" not in cell for cell in cells):
        return ["\t".join(cells)]
    return [line for cell in cells for line in cell.split("\n")]


def _flatten(tables: Any) -> list[str]:
    """docx2python nests content as tables → rows → cells → paragraphs; table rows become tabbed lines."""
    lines: list[str] = []
    for table in tables:
        for row in table:
            lines.extend(_row_lines(row))
    return lines


def _clean_docx(line: str) -> str:
    line = _LINK.sub(lambda m: m.group(2) if m.group(1) in m.group(2) else f"{m.group(2)} {m.group(1)}", line)
    return _MEDIA.sub("", line)


def read_docx(data: bytes, max_bytes: int) -> tuple[str, list[str]]:
    """Header, text boxes, body, tables and footer of a DOCX (CVs hide contact data in headers)."""
    inflated = _docx_inflated_size(data)
    if inflated > max(MAX_DOCX_INFLATED, 6 * max_bytes):
        raise UnreadableDocument(
            "too_large", "The Word document expands to more than the size limit (zip bomb?)."
        )
    try:
        with docx2python(io.BytesIO(data)) as result:
            parts = [result.header, result.body, result.footer, result.footnotes, result.endnotes]
            lines = [_clean_docx(line) for part in parts for line in _flatten(part)]
    except UnreadableDocument:
        raise
    except Exception:  # docx2python raises KeyError/XML errors/etc. on damaged parts
        raise UnreadableDocument(
            "corrupt", "The Word document (DOCX) is damaged and cannot be read."
        ) from None
    text = "\n".join(lines)
    if not text.strip():
        raise UnreadableDocument("empty", "The Word document contains no text.")
    return text, []


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    bad = sum(
        1 for char in text if (ord(char) < 32 and char not in "\t\n\r\f") or 0xE000 <= ord(char) <= 0xF8FF
    )
    return bad / len(text) > 0.02 or ("\ufffd" in text[:2000] and text.count("\ufffd") / len(text) > 0.01)


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: BOMs first, then strict UTF-8, UTF-16 by NUL pattern, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                raise UnreadableDocument(
                    "encoding", f"The text says {encoding} but does not decode as it."
                ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    for encoding in ("gb18030", "big5"):
        try:
            decoded = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(decoded) and _mostly_cjk_or_ascii(decoded):
            return decoded, encoding
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise UnreadableDocument(
            "unsupported_type", "The file is not a PDF, DOCX, JSON Resume or readable text."
        )
    return str(best), best.encoding


def _mostly_cjk_or_ascii(text: str) -> bool:
    """GB18030 decodes almost any byte soup; accept it only when the result reads like Chinese text."""
    sample = text[:5000]
    if not sample:
        return False
    ok = sum(
        1
        for char in sample
        if char.isascii()
        or "\u4e00" <= char <= "\u9fff"
        or "\u3000" <= char <= "\u303f"
        or "\uff00" <= char <= "\uffef"
        or char in "·—\u2013“”\u2018\u2019…"
    )
    return ok / len(sample) > 0.97


def read_text(data: bytes) -> tuple[str, list[str]]:
    """Plain text in any common encoding (UTF-8/16/32, GBK/GB18030, Big5 ...)."""
    text, encoding = decode_text(data)
    if _looks_binary(text):
        raise UnreadableDocument(
            "unsupported_type", "The file is binary data, not a PDF, DOCX or text document."
        )
    warnings = [] if encoding in ("utf-8", "ascii") else [f"text decoded as {encoding}"]
    return text, warnings
