"""Publications (with recognised venues) and awards/competitions (with recognised contests).

Each non-empty line (or bullet) of a publications or awards section is one entry; venues and
competitions come from venues.yaml / competitions.yaml. Competitions named anywhere else in the
CV (e.g. "Kaggle Grandmaster" in a summary) are reported as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from talentbridge.intake.parsing.data import Named, competitions, venues
from talentbridge.intake.parsing.dates import SINGLE_YEAR
from talentbridge.intake.parsing.sections import Section
from talentbridge.intake.parsing.text import Line

_BULLET = re.compile(r"^(?:[\s•·\-*▪●○►▶\u2013—]+|\[\d+\]\s*|\d{1,2}[.)、]\s*)")
_QUOTED = re.compile(r"[\"“”«]([^\"“”»]{8,300})[\"“”»]")
_TITLE_AFTER_AUTHORS = re.compile(r"^(?:[^.]{2,200}?\.\s+)?(?P<title>[^.]{8,300}?)[.?!]\s")


@dataclass(frozen=True)
class Achievement:
    title: str
    recognised: str | None  # venue or competition canonical name
    issuer: str | None
    year: int | None
    start: int
    end: int
    confidence: float


def _recognise(value: str, table: tuple[Named, ...]) -> Named | None:
    for item in table:
        if item.pattern.search(value):
            return item
    return None


def _entries(text: str, sections: list[Section], name: str) -> list[tuple[str, Line]]:
    entries = []
    for section in sections:
        if section.name != name:
            continue
        for line in section.lines(text):
            value = _BULLET.sub("", line.value).strip()
            if len(value) >= 4:
                entries.append((value, line))
    return entries


def _year(value: str) -> int | None:
    years = [int(match.group(0)) for match in SINGLE_YEAR.finditer(value)]
    return years[-1] if years else None


def find_publications(text: str, sections: list[Section]) -> list[Achievement]:
    found = []
    for value, line in _entries(text, sections, "publications"):
        venue = _recognise(value, venues())
        quoted = _QUOTED.search(value)
        if quoted:
            title = quoted.group(1).strip(" ,.")
        else:
            after = _TITLE_AFTER_AUTHORS.match(value + " ")
            title = after.group("title").strip() if after and after.group("title") else value
        found.append(
            Achievement(
                title=title[:300],
                recognised=venue.name if venue else None,
                issuer=venue.detail if venue else None,
                year=_year(value),
                start=line.start,
                end=line.end,
                confidence=0.85 if venue else 0.6,
            )
        )
    return found


def find_awards(text: str, sections: list[Section]) -> list[Achievement]:
    """Award lines from award sections, plus recognised competitions mentioned elsewhere."""
    found = []
    covered: set[str] = set()
    for value, line in _entries(text, sections, "awards"):
        contest = _recognise(value, competitions())
        if contest:
            covered.add(contest.name)
        found.append(
            Achievement(
                title=value[:300],
                recognised=contest.name if contest else None,
                issuer=contest.detail if contest else None,
                year=_year(value),
                start=line.start,
                end=line.end,
                confidence=0.85 if contest else 0.65,
            )
        )
    for contest in competitions():
        if contest.name in covered:
            continue
        for section in sections:
            if section.name in ("awards", "publications"):
                continue
            match = contest.pattern.search(text, section.start, section.end)
            if match:
                line_start = text.rfind("\n", 0, match.start()) + 1
                line_end = text.find("\n", match.end())
                line_end = len(text) if line_end < 0 else line_end
                value = text[line_start:line_end].strip()
                begin = line_start + text[line_start:line_end].find(value)
                found.append(
                    Achievement(
                        title=_BULLET.sub("", value)[:300],
                        recognised=contest.name,
                        issuer=contest.detail,
                        year=_year(value),
                        start=begin,
                        end=begin + len(value),
                        confidence=0.6,
                    )
                )
                covered.add(contest.name)
                break
    return found
