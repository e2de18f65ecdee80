"""Spoken languages with levels: CEFR, HSK, test scores (IELTS/TOEFL/TOEIC → CEFR) and "native".

Reads the languages section, plus any line elsewhere that names a test score or certificate
("IELTS 7.5", "CET-6", "HSK 5"). Mappings and their sources are in language_levels.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from talentbridge.intake.parsing.data import language_data
from talentbridge.intake.parsing.sections import Section
from talentbridge.intake.parsing.text import Line, lines_of

_CEFR = re.compile(r"(?<![A-Za-z0-9])([ABC][12])(?![0-9])")
_ORDER = {"A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6, "native": 9}
_CHINESE = "zh"


@dataclass(frozen=True)
class LanguageFound:
    code: str
    level: str  # A1..C2 | HSK1..HSK6 | native
    statement: str  # what the CV says, e.g. "IELTS 7.5"
    start: int
    end: int
    confidence: float


def _rank(level: str) -> int:
    if level.startswith("HSK"):
        return int(level[3:])
    return _ORDER.get(level, 0)


def _band(score: float, bands: tuple[tuple[float, str], ...]) -> str:
    for low, level in bands:
        if score >= low:
            return level
    return bands[-1][1]


def _levels_in(segment: str) -> list[tuple[str | None, str, str, int, int, float]]:
    """(language or None, level, statement, start, end, confidence) stated in ``segment``."""
    data = language_data()
    found: list[tuple[str | None, str, str, int, int, float]] = []
    lowered = segment.lower()
    for test in data.tests:
        for match in test.pattern.finditer(segment):
            try:
                score = float(match.group(1))
            except ValueError:
                continue
            found.append(
                (test.language, _band(score, test.bands), match.group(0), match.start(), match.end(), 0.9)
            )
    hsk = data.hsk_pattern.search(segment)
    if hsk:
        level = min(int(hsk.group(1)), data.hsk_cap)
        found.append((_CHINESE, f"HSK{level}", hsk.group(0), hsk.start(), hsk.end(), 0.95))
    for pattern, _text, language, certificate_level in data.certificates:
        certificate = pattern.search(segment)
        if certificate:
            found.append(
                (
                    language,
                    certificate_level,
                    certificate.group(0),
                    certificate.start(),
                    certificate.end(),
                    0.75,
                )
            )
    cefr = _CEFR.search(segment)
    if cefr:
        found.append((None, cefr.group(1).upper(), cefr.group(0), cefr.start(), cefr.end(), 0.95))
    for word, word_level in data.fluency_words:
        index = lowered.find(word)
        if index >= 0:
            found.append(
                (None, word_level, segment[index : index + len(word)], index, index + len(word), 0.8)
            )
            break
    return found


def _best(
    levels: list[tuple[str | None, str, str, int, int, float]], code: str
) -> tuple[str, str, int, int, float] | None:
    usable = [item for item in levels if item[0] in (None, code)]
    if code != _CHINESE:
        usable = [item for item in usable if not item[1].startswith("HSK")]
    if not usable:
        return None
    native = [item for item in usable if item[1] == "native"]
    chosen = native[0] if native else max(usable, key=lambda item: (item[5], _rank(item[1])))
    return chosen[1], chosen[2], chosen[3], chosen[4], chosen[5]


def _segments(line: Line) -> list[tuple[str, int]]:
    """Split "English (C1), Chinese (native); German B1" into one piece per language."""
    pieces = []
    position = 0
    for piece in re.split(r"[;;,,|\t/、]|\s{3,}|(?<=\))\s+(?=[A-Z])", line.value):
        index = line.value.find(piece, position)
        if index < 0:
            continue
        position = index + len(piece)
        if piece.strip():
            pieces.append((piece, line.start + index))
    return pieces


def find_languages(text: str, sections: list[Section]) -> list[LanguageFound]:
    """One entry per language, the highest stated level kept."""
    data = language_data()
    found: dict[str, LanguageFound] = {}
    section_lines = [line for s in sections if s.name == "languages" for line in s.lines(text)]
    in_section = {line.start for line in section_lines}
    other_lines = [
        line for line in lines_of(text) if line.start not in in_section and _mentions_test(line.value)
    ]
    for line in section_lines + other_lines:
        segments = _segments(line)
        pending_code: tuple[str, int, int] | None = None
        for segment, offset in segments:
            names = list(data.name_pattern.finditer(segment))
            levels = _levels_in(segment)
            codes: list[tuple[str, re.Match[str] | None]] = [
                (data.names[m.group(0).lower()], m) for m in names
            ]
            if not codes and pending_code and levels:
                # "English: IELTS 7.5, CET-6" — the level pieces after a language belong to it.
                codes = [(pending_code[0], None)]
            if not codes:
                for language, level, statement, start, end, confidence in levels:
                    if language is not None:
                        _keep(
                            found,
                            LanguageFound(
                                language, level, statement, offset + start, offset + end, confidence - 0.1
                            ),
                        )
                continue
            for code, match in codes:
                best = _best(levels, code)
                if best is None:
                    continue
                level, statement, start, end, confidence = best
                if match is not None:
                    start, end = min(start, match.start()), max(end, match.end())
                    statement = segment[start:end]
                _keep(found, LanguageFound(code, level, statement, offset + start, offset + end, confidence))
            pending_code = (codes[-1][0], 0, 0)
    return list(found.values())


def _mentions_test(value: str) -> bool:
    lowered = value.lower()
    return any(
        word in lowered
        for word in (
            "ielts",
            "toefl",
            "toeic",
            "雅思",
            "托福",
            "hsk",
            "cet-",
            "cet4",
            "cet6",
            "四级",
            "六级",
            "专八",
            "专业八级",
            "jlpt",
        )
    )


def _keep(found: dict[str, LanguageFound], item: LanguageFound) -> None:
    current = found.get(item.code)
    if current is None or _rank(item.level) > _rank(current.level):
        found[item.code] = item
