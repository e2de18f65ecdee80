"""Dates and date ranges as CVs write them, English and Chinese.

"2019.07 - 至今", "2019年7月—2021年6月", "Jan 2020 - Present", "03/2018 - 05/2020",
"2016 - 2020", "Sept. 2015 to Current" all become (start, end) with month precision when the CV
gives a month; an open end ("present", "至今") is ``None`` with ``current`` set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_POINT = (
    rf"(?:{_MONTH_NAME}\s*,?\s*{_YEAR}"  # Jan 2020, September, 2019
    rf"|{_YEAR}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?"  # 2019年7月
    rf"|{_YEAR}\s*[./\-]\s*\d{{1,2}}(?![\d])(?:\s*[./\-]\s*\d{{1,2}}(?!\d))?"  # 2019.07 / 2019-07-01
    rf"|\d{{1,2}}\s*/\s*{_YEAR}"  # 03/2018
    rf"|{_YEAR}\s*年?)"
)
_PRESENT = r"(?:present|current(?:ly)?|now|today|ongoing|to date|date|至今|现在|今|目前|迄今)"
_DASH = r"(?:\s*(?:-{1,2}|\u2013|—|~|〜|~|至|到|to|until|till|→)\s*)"
RANGE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<start>{_POINT}){_DASH}(?P<end>{_POINT}|{_PRESENT})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
SINCE = re.compile(rf"(?:since|from|自)\s*(?P<start>{_POINT})\s*(?:起|开始)?(?![\w])", re.IGNORECASE)
SINGLE_YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def as_months(self, *, end: bool) -> int:
        """Months since year 0; a year-only date counts from January (start) or through December (end)."""
        month = self.month or (12 if end else 1)
        return self.year * 12 + month - 1


@dataclass(frozen=True)
class DateRange:
    start: PartialDate
    end: PartialDate | None
    current: bool
    span: tuple[int, int]  # offsets in the string searched

    def months(self, today: date) -> int:
        """Inclusive length in months ("2019.07 - 2019.12" is 6 months)."""
        first = self.start.as_months(end=False)
        last = self.end.as_months(end=True) if self.end is not None else today.year * 12 + today.month - 1
        return max(0, last - first + 1)


def parse_point(value: str) -> PartialDate | None:
    text = value.strip().lower().rstrip(".")
    match = re.match(rf"({_MONTH_NAME})\s*,?\s*({_YEAR})", text, re.IGNORECASE)
    if match:
        month = _MONTHS.get(match.group(1).rstrip(".").lower())
        return PartialDate(int(match.group(2)), month)
    match = re.match(rf"({_YEAR})\s*年\s*(\d{{1,2}})\s*月", text)
    if match:
        return _checked(int(match.group(1)), int(match.group(2)))
    match = re.match(rf"({_YEAR})\s*[./\-]\s*(\d{{1,2}})", text)
    if match:
        return _checked(int(match.group(1)), int(match.group(2)))
    match = re.match(rf"(\d{{1,2}})\s*/\s*({_YEAR})", text)
    if match:
        return _checked(int(match.group(2)), int(match.group(1)))
    match = re.match(rf"({_YEAR})", text)
    if match:
        return PartialDate(int(match.group(1)), None)
    return None


def _checked(year: int, month: int) -> PartialDate:
    return PartialDate(year, month if 1 <= month <= 12 else None)


def find_ranges(text: str) -> list[DateRange]:
    """Every date range in ``text`` (spans relative to ``text``), in order."""
    found = []
    for match in RANGE.finditer(text):
        start = parse_point(match.group("start"))
        if start is None:
            continue
        end_text = match.group("end")
        end = parse_point(end_text)
        current = end is None
        if end is not None and end.as_months(end=True) < start.as_months(end=False):
            continue
        found.append(DateRange(start, end, current, match.span()))
    if not found:
        for match in SINCE.finditer(text):
            start = parse_point(match.group("start"))
            if start is not None:
                found.append(DateRange(start, None, True, match.span()))
    return found


def merged_months(ranges: list[DateRange], today: date) -> int:
    """Months covered by the union of ranges (overlapping jobs are not double-counted)."""
    intervals = []
    now = today.year * 12 + today.month - 1
    for item in ranges:
        first = item.start.as_months(end=False)
        last = item.end.as_months(end=True) if item.end is not None else now
        if last >= first:
            intervals.append((first, min(last, now)))
    intervals.sort()
    total = 0
    current: tuple[int, int] | None = None
    for first, last in intervals:
        if current is None or first > current[1] + 1:
            if current is not None:
                total += current[1] - current[0] + 1
            current = (first, last)
        else:
            current = (current[0], max(current[1], last))
    if current is not None:
        total += max(0, current[1] - current[0] + 1)
    return total
