"""Splits a résumé into sections by their headings (English and Chinese).

A heading is a short line whose text, once numbering, brackets, markdown marks and a trailing
colon are stripped, is a known heading ("EDUCATION", "## Work experience", "【教育背景】",
"一、工作经历", "Education / 教育背景"). An inline heading ("Skills: Python, Go") starts a section
whose body begins after the colon. Text before the first heading is the ``header`` section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from talentbridge.intake.parsing.data import headings, language_data
from talentbridge.intake.parsing.text import Line, lines_of

_DECORATION = re.compile(
    r"^[\s#*=_~\-\u2013—•·■□◆◇▪●○►▶|【\[(<《]*"
    r"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2}|[ivx]{1,4})\s*[、.).:]\s*)?"
    r"|[\s#*=_~\-\u2013—•·■□◆◇▪●○►▶|】\])>》::]*$",
    re.IGNORECASE,
)
_SPLIT_BILINGUAL = re.compile(r"\s*[/|]\s*|\s{2,}")
_INLINE = re.compile(r"^\s*([^::\n]{2,40}?)\s*[::]\s*(\S.*)$")


@dataclass(frozen=True)
class Section:
    """A named part of the text: ``name`` is a key of section_headings.yaml or ``header``."""

    name: str
    heading: Line | None
    start: int  # offset of the body (after the heading)
    end: int

    def lines(self, text: str) -> list[Line]:
        return lines_of(text, self.start, self.end)


def _clean(value: str) -> str:
    return re.sub(r"\s+", " ", _DECORATION.sub("", value)).strip().lower()


def heading_name(value: str) -> str | None:
    """The section a heading line names, or None when the line is not a heading."""
    if len(value) > 60:
        return None
    known = headings().by_text
    cleaned = _clean(value)
    if cleaned in known:
        return known[cleaned]
    if " " not in cleaned and not cleaned.isascii() and cleaned.replace(" ", "") in known:
        return known[cleaned.replace(" ", "")]
    for part in _SPLIT_BILINGUAL.split(value.strip()):
        part_clean = _clean(part)
        if part_clean in known:
            return known[part_clean]
    spaced = cleaned.replace(" ", "")
    if spaced in known and not spaced.isascii():  # "教 育 背 景"
        return known[spaced]
    return None


def segment(text: str) -> list[Section]:
    """Sections in document order; a section name may occur more than once."""
    sections: list[Section] = []
    current_name = "header"
    current_heading: Line | None = None
    current_start = 0
    for line in lines_of(text):
        name = heading_name(line.value)
        body_start = line.end
        if name is None:
            inline = _INLINE.match(line.value)
            if inline and len(inline.group(1)) <= 30:
                inline_name = heading_name(inline.group(1))
                if (
                    inline_name == "languages"
                    and current_name == "skills"
                    and not _names_language(inline.group(2))
                ):
                    inline_name = None  # "Languages: Python, Go" inside a skills section
                if inline_name in {
                    "skills",
                    "languages",
                    "awards",
                    "publications",
                    "certificates",
                    "interests",
                }:
                    name = inline_name
                    body_start = line.start + inline.start(2)
        if name is None:
            continue
        sections.append(Section(current_name, current_heading, current_start, line.start))
        current_name, current_heading, current_start = name, line, body_start
    sections.append(Section(current_name, current_heading, current_start, len(text)))
    return [s for s in sections if s.end > s.start or s.heading is not None]


def _names_language(value: str) -> bool:
    return language_data().name_pattern.search(value) is not None


def bodies(sections: list[Section], name: str) -> list[Section]:
    return [section for section in sections if section.name == name]
