"""Education entries: degree level (EN/ZH keywords from degrees.yaml), field, institution, years.

An entry starts at a line naming an institution or a degree once the current entry already has
one; "Master of Science in Computer Science" gives the field after "in"/"of", "计算机科学与技术 硕士"
the words before the degree keyword, and "专业: ..." / "Major: ..." a labelled field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from talentbridge.intake.parsing.data import degrees
from talentbridge.intake.parsing.dates import SINGLE_YEAR, find_ranges
from talentbridge.intake.parsing.sections import Section
from talentbridge.intake.parsing.text import Line

_INSTITUTION_WORD = re.compile(
    r"university|université|universität|universidad|college|institute|polytechnic|school of|academy|école|"
    r"eth zürich|epfl|kaist|\bmit\b|大学|学院|研究院|研究所|科学院|大學",
    re.IGNORECASE,
)
_CJK_INSTITUTION = re.compile(
    r"[\u4e00-\u9fff]{1,14}?(?:大学|学院|研究院|研究所|科学院|大學)(?:[\u4e00-\u9fff]{0,8}?(?:学院|系))?"
)
_PARTS = re.compile(r"\t|\s\|\s|\||\s{2,}|\s[-\u2013—]\s|,\s*|·|;")
_AT = re.compile(r"^.*?\s(?:at|@)\s+|^.*?\s*[@]\s*", re.IGNORECASE)
_FIELD_AFTER = re.compile(
    r"(?:\bin|\bof(?! science| arts| engineering| philosophy| business)"
    r"|major(?:ing)?\s*(?:in)?\s*:?|专业\s*:?|主修\s*:?)\s+?"
    r"(?P<field>[A-Za-z\u4e00-\u9fff][A-Za-z&\u4e00-\u9fff ,'\-]{1,60}?)"
    r"(?=\s*(?:[\t|,;()\d]|\s-\s|\s\u2013\s|$|\bat\b|@))",
    re.IGNORECASE,
)
_ZH_FIELD_BEFORE = re.compile(
    r"(?P<field>[\u4e00-\u9fff]{2,15}?)(?:专业)?\s*\(?\s*(?:本科|学士|硕士|博士|研究生|大专)"
)
_GPA = re.compile(r"\b(?:gpa|绩点)\s*[::]?\s*(\d(?:\.\d+)?)\s*(?:/\s*(\d(?:\.\d+)?))?", re.I)


@dataclass
class Degree:
    level: str | None = None
    level_span: tuple[int, int] | None = None
    level_text: str = ""
    institution: str = ""
    institution_span: tuple[int, int] | None = None
    field_of_study: str = ""
    field_span: tuple[int, int] | None = None
    start_year: int | None = None
    end_year: int | None = None
    years_span: tuple[int, int] | None = None
    score: str = ""
    lines: list[Line] = field(default_factory=list)


def degree_level_in(value: str) -> tuple[str, re.Match[str]] | None:
    """The highest degree level named in ``value`` and where."""
    for rule in degrees().rules:
        match = rule.pattern.search(value)
        if match:
            return rule.level, match
    return None


def _clean_field(value: str) -> str:
    value = re.sub(r"\s+", " ", value).strip(" ,-\u2013—'")
    return re.sub(r"^(?:science|arts|engineering)\s+in\s+", "", value, flags=re.I)


def find_degrees(text: str, sections: list[Section]) -> list[Degree]:
    """Degrees from education sections, in document order."""
    entries: list[Degree] = []
    for section in sections:
        if section.name != "education":
            continue
        current = Degree()
        for line in section.lines(text):
            institution = _institution_in(line.value)
            level = degree_level_in(line.value)
            starts_new = bool(institution and current.institution) or bool(level and current.level)
            if starts_new and (current.institution or current.level):
                entries.append(current)
                current = Degree()
            _absorb(current, line, institution, level)
        if current.institution or current.level:
            entries.append(current)
    return entries


def _institution_in(value: str) -> tuple[str, int] | None:
    """The part of a line naming a school ("Stanford University", "清华大学计算机系") and its offset."""
    position = 0
    for piece in _PARTS.split(value):
        index = value.find(piece, position)
        if index < 0 or not piece.strip():
            continue
        position = index + len(piece)
        keyword = _INSTITUTION_WORD.search(piece)
        if keyword is None:
            continue
        chinese = _CJK_INSTITUTION.search(piece)
        if chinese:
            return chinese.group(0), index + chinese.start()
        at = _AT.match(piece)
        if at and at.end() <= keyword.start():
            piece, index = piece[at.end() :], index + at.end()
            keyword = _INSTITUTION_WORD.search(piece)
            if keyword is None:
                continue
        years = list(SINGLE_YEAR.finditer(piece))
        left = max((y.end() for y in years if y.end() <= keyword.start()), default=0)
        right = min((y.start() for y in years if y.start() >= keyword.end()), default=len(piece))
        piece, index = piece[left:right], index + left
        if degree_level_in(piece) and len(piece) > 40:
            continue
        name = piece.strip(" -:()")
        if len(name) >= 2:
            return name, index + piece.find(name)
    return None


def _absorb(
    entry: Degree, line: Line, institution: tuple[str, int] | None, level: tuple[str, re.Match[str]] | None
) -> None:
    entry.lines.append(line)
    value = line.value
    if institution and not entry.institution:
        name, offset = institution
        entry.institution = name
        entry.institution_span = (line.start + offset, line.start + offset + len(name))
    if level and entry.level is None:
        entry.level = level[0]
        match = level[1]
        entry.level_span = (line.start + match.start(), line.start + match.end())
        entry.level_text = match.group(0)
        field_match = _FIELD_AFTER.search(value, match.start())
        zh_match = _ZH_FIELD_BEFORE.search(value)
        if field_match and not entry.field_of_study:
            name = _clean_field(field_match.group("field"))
            if name and not _INSTITUTION_WORD.search(name):
                begin = line.start + field_match.start("field") + field_match.group("field").find(name)
                entry.field_of_study, entry.field_span = name, (begin, begin + len(name))
        elif zh_match and not entry.field_of_study:
            name = zh_match.group("field")
            if not _INSTITUTION_WORD.search(name):
                begin = line.start + zh_match.start("field")
                entry.field_of_study, entry.field_span = name, (begin, begin + len(name))
    if not entry.field_of_study:
        labelled = re.search(r"(?:major|field of study|专业|主修)\s*[::]\s*([^\t|,,;]+)", value, re.I)
        if labelled:
            name = labelled.group(1).strip()
            begin = line.start + labelled.start(1)
            entry.field_of_study, entry.field_span = name, (begin, begin + len(name))
    if entry.start_year is None and entry.end_year is None:
        ranges = find_ranges(value)
        if ranges:
            found = ranges[0]
            entry.start_year = found.start.year
            entry.end_year = found.end.year if found.end else None
            entry.years_span = (line.start + found.span[0], line.start + found.span[1])
        else:
            years = list(SINGLE_YEAR.finditer(value))
            if len(years) == 1 and (
                level or institution or re.search(r"graduat|expected|毕业|届", value, re.I)
            ):
                entry.end_year = int(years[0].group(0))
                entry.years_span = (line.start + years[0].start(), line.start + years[0].end())
    gpa = _GPA.search(value)
    if gpa and not entry.score:
        entry.score = gpa.group(0)
