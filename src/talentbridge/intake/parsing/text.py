"""Text helpers shared by the extractors: normalisation, lines with offsets, script detection.

All spans the parser reports index into the *normalised* text (``ParsedResume.text``), so the
normalisation happens once, before any extractor runs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from talentbridge.intake.parsing.types import FieldEvidence

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff\ufffe]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def normalise(raw: str) -> str:
    """NFKC (full-width colons, digits and brackets become ASCII), unified newlines, no controls."""
    text = unicodedata.normalize("NFKC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = _CONTROL.sub("", text)
    text = text.replace("\u00a0", " ").replace("\u3000", " ")
    text = _TRAILING_SPACE.sub("\n", text)
    return _MANY_BLANK_LINES.sub("\n\n", text).strip()


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def detect_language(text: str) -> str:
    """``zh`` when Chinese dominates, ``en`` when there is (almost) none, otherwise ``mixed``.

    A Latin word counts as two CJK characters, roughly the information each carries.
    """
    cjk = cjk_count(text)
    latin = len(_LATIN_WORD.findall(text))
    units = cjk + 2 * latin
    if units == 0 or cjk == 0:
        return "en"
    share = cjk / units
    if share >= 0.7:
        return "zh"
    if share <= 0.05:
        return "en"
    return "mixed"


@dataclass(frozen=True)
class Line:
    """One line of the text with its absolute offsets (``text[start:end] == value``)."""

    value: str
    start: int
    end: int

    @property
    def stripped(self) -> str:
        return self.value.strip()


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Lines of ``text[start:end]`` with absolute offsets, trailing whitespace trimmed."""
    stop = len(text) if end is None else end
    result = []
    position = start
    while position < stop:
        newline = text.find("\n", position, stop)
        line_end = stop if newline == -1 else newline
        value = text[position:line_end]
        trimmed = value.rstrip()
        lead = len(value) - len(value.lstrip())
        if trimmed.strip():
            result.append(Line(value=trimmed[lead:], start=position + lead, end=position + len(trimmed)))
        position = line_end + 1
    return result


def evidence(
    text: str, path: str, value: str, start: int | None, end: int | None, confidence: float
) -> FieldEvidence:
    """Evidence whose snippet is exactly ``text[start:end]`` (or the value when there is no span)."""
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return FieldEvidence(
            path=path, value=value, snippet=value[:200], start=None, end=None, confidence=confidence
        )
    if end - start > 300:
        end = start + 300
    return FieldEvidence(
        path=path, value=value, snippet=text[start:end], start=start, end=end, confidence=round(confidence, 2)
    )
