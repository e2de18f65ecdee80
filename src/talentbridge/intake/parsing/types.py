"""The parser's public shapes: what a parsed résumé looks like and how a file can fail.

These types are the contract between the parser and its callers (bulk import, careers site,
``talentbridge parse``). They are plain frozen dataclasses so parsing stays free of web and
database code and results can be cached or compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

UnreadableCode = Literal[
    "encrypted", "corrupt", "image_only", "unsupported_type", "too_large", "empty", "encoding"
]


class UnreadableDocument(Exception):
    """A file the parser cannot turn into text, with one clear reason per file.

    ``code`` is machine-readable (import reports group by it); ``message`` is a sentence for the
    recruiter that names the problem but never the file's contents (no PII).
    """

    def __init__(self, code: UnreadableCode, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code: UnreadableCode = code
        self.message = message


@dataclass(frozen=True)
class FieldEvidence:
    """Where one extracted value came from, so a recruiter can confirm or correct it.

    ``path`` is the JSON Resume path the value was written to (``basics.email``,
    ``work[0].startDate``, ``languages[1].fluency``); ``start``/``end`` index into
    ``ParsedResume.text`` so that ``text[start:end] == snippet`` whenever both are set.
    """

    path: str
    value: str
    snippet: str
    start: int | None
    end: int | None
    confidence: float


@dataclass(frozen=True)
class ParsedResume:
    """A résumé as a JSON Resume document plus the evidence behind every field.

    TalentBridge facts without a JSON Resume field (native-script name, language levels as
    CEFR/HSK/native, degree levels, total years, links by kind) live under
    ``resume["meta"]["talentbridge"]``.
    """

    resume: dict[str, Any]
    evidence: tuple[FieldEvidence, ...]
    warnings: tuple[str, ...]
    text: str
    language: str  # "en" | "zh" | "mixed"
    detected_type: str  # "pdf" | "docx" | "text" | "jsonresume"
    content_hash: str  # sha256 hex of the input bytes
