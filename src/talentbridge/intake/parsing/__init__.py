"""Résumé parsing: PDF, DOCX, plain text and JSON Resume, in English, Chinese or both.

``parse_document`` is the one entry point: bytes in, ``ParsedResume`` out (JSON Resume document,
evidence per field, warnings), or ``UnreadableDocument`` with one clear reason. Pure: no web or
database code, so the bulk importer, the careers site and the CLI share it.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

from talentbridge.intake.parsing.assemble import extract
from talentbridge.intake.parsing.jsonresume import json_resume_evidence, load_json_resume
from talentbridge.intake.parsing.readers import decode_text, read_docx, read_pdf, read_text, sniff
from talentbridge.intake.parsing.text import detect_language, normalise
from talentbridge.intake.parsing.types import FieldEvidence, ParsedResume, UnreadableDocument

__all__ = ["FieldEvidence", "ParsedResume", "UnreadableDocument", "parse_document", "parse_text"]

MAX_TEXT_CHARS = 200_000


def parse_document(
    data: bytes, filename: str, *, max_bytes: int = 10 * 1024 * 1024, today: date | None = None
) -> ParsedResume:
    """Parse one résumé file; the type comes from its magic bytes, never from ``filename``.

    ``filename`` is only used in messages by callers; ``today`` fixes the end of open positions
    ("2019.07 - 至今") for reproducible experience totals (default: the current date).
    """
    del filename  # the extension is deliberately ignored (ASVS 5.2.2: check content, not names)
    if not data or not data.strip():
        raise UnreadableDocument("empty", "The file is empty.")
    if len(data) > max_bytes:
        raise UnreadableDocument(
            "too_large", f"The file is larger than the {max_bytes // (1024 * 1024) or 1} MB limit."
        )
    content_hash = hashlib.sha256(data).hexdigest()
    kind = sniff(data)
    warnings: list[str] = []
    if kind == "pdf":
        raw, warnings = read_pdf(data)
    elif kind == "docx":
        raw, warnings = read_docx(data, max_bytes)
    elif kind == "json":
        raw, _encoding = decode_text(data)
        text = normalise(raw)
        document = load_json_resume(raw)
        return ParsedResume(
            resume=document,
            evidence=tuple(json_resume_evidence(document, text)),
            warnings=(),
            text=text,
            language=detect_language(text),
            detected_type="jsonresume",
            content_hash=content_hash,
        )
    else:
        raw, warnings = read_text(data)
    return parse_text(
        raw,
        detected_type="text" if kind == "text" else kind,
        content_hash=content_hash,
        warnings=warnings,
        today=today,
    )


def parse_text(
    raw: str,
    *,
    detected_type: str = "text",
    content_hash: str | None = None,
    warnings: list[str] | None = None,
    today: date | None = None,
) -> ParsedResume:
    """Parse résumé text that is already decoded (used by parse_document and by tests)."""
    notes = list(warnings or [])
    text = normalise(raw)
    if not text:
        raise UnreadableDocument("empty", "The document contains no text.")
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        notes.append(f"only the first {MAX_TEXT_CHARS} characters were read")
    document, evidence, extract_warnings = extract(text, today or datetime.now(UTC).date())
    return ParsedResume(
        resume=document,
        evidence=tuple(evidence),
        warnings=tuple(notes + extract_warnings),
        text=text,
        language=detect_language(text),
        detected_type=detected_type,
        content_hash=content_hash or hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest(),
    )
