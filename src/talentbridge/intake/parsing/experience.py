"""Work history: each date range in an experience section anchors one position.

Title and employer come from the rest of the date's line ("Senior Engineer, Acme Inc  2019 -
Present", "2019.07 - 至今  字节跳动  高级工程师") or, when that line holds only dates, from the
line(s) just above it. Which part is the title is decided by job-title words, which the employer by
company words, else by position (title first in English, employer first in Chinese).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from talentbridge.intake.parsing.dates import DateRange, find_ranges, merged_months
from talentbridge.intake.parsing.sections import Section
from talentbridge.intake.parsing.text import Line, has_cjk

_TITLE_WORDS = re.compile(
    r"\b(engineer|developer|programmer|scientist|researcher|analyst|manager|director|lead|head|architect|"
    r"consultant|designer|intern|internship|specialist|administrator|officer|associate|assistant|fellow|"
    r"postdoc|professor|lecturer|technician|cto|ceo|vp|president|founder|co-founder|owner|sde|swe|mle|"
    r"devops|sre|product owner|coordinator|executive|advisor|trainee|representative|accountant|editor|"
    r"writer|teacher|tutor|student|principal|staff)\b|工程师|经理|总监|主管|研究员|分析师|实习生?|架构师|开发|设计师|"
    r"专员|顾问|负责人|组长|主任|助理|教授|讲师|博士后|科学家|运营|产品|算法|技术|测试",
    re.IGNORECASE,
)
_EMPLOYER_WORDS = re.compile(
    r"\b(inc|ltd|llc|gmbh|corp|corporation|company|co\.|plc|ag|s\.a\.|limited|group|holdings|bank|university|"
    r"institute|hospital|college|school|academy|foundation|agency|partners|ventures|capital|"
    r"microsoft|google|amazon|meta|apple|alibaba|tencent|baidu|huawei|bytedance|jd\.com|netease|xiaomi|"
    r"meituan|didi|ibm|oracle|intel|nvidia|sap|siemens)\b|公司|集团|大学|研究院|研究所|实验室|银行|学院|"
    r"有限|股份|工作室|医院|腾讯|阿里|百度|华为|字节|京东|网易|小米|美团|滴滴",
    re.IGNORECASE,
)
# Words that suggest an organisation but also occur in titles ("Software Engineer", "Data Scientist").
_WEAK_EMPLOYER_WORDS = re.compile(
    r"\b(technologies|technology|labs?|systems|solutions|software|consulting|studio|networks|research|"
    r"services|analytics|digital|media|data)\b|科技|网络|中心|技术",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*(?:\t|\s\|\s|\|| — | \u2013 | - |,\s|,|、|\s{2,}| at | @ |·)\s*")
_BULLET = re.compile(r"^[\s•·\-*▪●○►▶\u2013—]+")
_LABELLED = re.compile(
    r"(公司|单位|雇主|employer|company|职位|岗位|职务|title|position|role)\s*[::]\s*([^\t|,,;]+)", re.I
)
_TECH_TITLE = re.compile(
    r"engineer|developer|programmer|scientist|researcher|analyst|architect|devops|sre|data|software|"
    r"machine learning|ml|ai|工程师|开发|算法|研究员|架构师|数据|测试|运维",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Position:
    title: str
    employer: str
    range: DateRange
    date_span: tuple[int, int]
    title_span: tuple[int, int] | None
    employer_span: tuple[int, int] | None
    description: str
    confidence: float


def _parts(value: str, offset: int) -> list[tuple[str, int, int]]:
    parts = []
    position = 0
    for piece in _SEPARATORS.split(value):
        index = value.find(piece, position) if piece else -1
        if index < 0:
            continue
        position = index + len(piece)
        cleaned = piece.strip(" \t,;|()()[]【】")  # noqa: B005 - strips a set of characters
        if cleaned and len(cleaned) >= 2 and not re.fullmatch(r"[\d\s.\-/年月]+", cleaned):
            lead = piece.find(cleaned)
            parts.append((cleaned, offset + index + lead, offset + index + lead + len(cleaned)))
    return parts


def _assign(
    parts: list[tuple[str, int, int]], chinese: bool
) -> tuple[tuple[str, int, int] | None, tuple[str, int, int] | None]:
    """(title, employer) among up to three parts of a line."""
    labelled_title = labelled_employer = None
    for part in parts:
        label = _LABELLED.search(part[0])
        if label:
            key = label.group(1).lower()
            value = (
                label.group(2).strip(),
                part[1] + label.start(2),
                part[1] + label.start(2) + len(label.group(2).strip()),
            )
            if key in ("公司", "单位", "雇主", "employer", "company"):
                labelled_employer = value
            else:
                labelled_title = value
    if labelled_title or labelled_employer:
        return labelled_title, labelled_employer
    candidates = [p for p in parts if len(p[0]) <= 80][:3]
    if not candidates:
        return None, None
    titles = [p for p in candidates if _TITLE_WORDS.search(p[0]) and not _EMPLOYER_WORDS.search(p[0])]
    employers = [
        p
        for p in candidates
        if p not in titles and (_EMPLOYER_WORDS.search(p[0]) or _WEAK_EMPLOYER_WORDS.search(p[0]))
    ]
    title = titles[0] if titles else None
    employer = employers[0] if employers else None
    if title is not None and employer is None and len(titles) > 1:
        # "Software Engineer, Acme Software": both parts look like titles; the first is the title.
        employer = titles[1]
    rest = [p for p in candidates if p is not title and p is not employer]
    if title is None and employer is None and len(rest) >= 2:
        first, second = rest[0], rest[1]
        return (second, first) if chinese else (first, second)
    if title is None and rest:
        title = rest[0]
    elif employer is None and rest:
        employer = rest[0]
    return title, employer


def find_positions(text: str, sections: list[Section]) -> list[Position]:
    """Positions from every experience section (work, internships, research), in document order."""
    positions: list[Position] = []
    for section in sections:
        if section.name != "work":
            continue
        lines = section.lines(text)
        anchors = [
            (index, ranges[0]) for index, line in enumerate(lines) if (ranges := find_ranges(line.value))
        ]
        drafts = []
        previous = -1
        for number, (index, found) in enumerate(anchors):
            next_anchor = anchors[number + 1][0] if number + 1 < len(anchors) else len(lines)
            drafts.append(_position(lines, index, found, next_anchor, previous))
            previous = index
        for number, (draft, _first, last) in enumerate(drafts):
            stop = drafts[number + 1][1] if number + 1 < len(drafts) else len(lines)
            body = [_BULLET.sub("", line.value) for line in lines[last + 1 : stop]]
            positions.append(replace(draft, description="\n".join(body)[:4000]))
    return [p for p in positions if p.title or p.employer]


def _position(
    lines: list[Line], index: int, found: DateRange, next_anchor: int, previous_anchor: int
) -> tuple[Position, int, int]:
    """The position anchored at ``lines[index]`` and the first/last line indexes its heading uses."""
    line = lines[index]
    start, end = found.span
    without = line.value[:start] + " " * (end - start) + line.value[end:]
    chinese = has_cjk(line.value)
    parts = _parts(without, line.start)
    first = last = index
    if len(parts) < 2:
        # Dates alone (or with one part) on their line: the heading lines sit just above.
        above: list[tuple[str, int, int]] = []
        for back in (1, 2):
            candidate_index = index - back
            if candidate_index <= previous_anchor or candidate_index < 0:
                break
            candidate = lines[candidate_index]
            if _BULLET.match(candidate.value) or len(candidate.value) > 100 or find_ranges(candidate.value):
                break
            above = _parts(candidate.value, candidate.start) + above
            first = candidate_index
            if len(parts) + len(above) >= 2:
                break
        parts = above + parts
    if len(parts) < 2 and index + 1 < next_anchor:
        below = lines[index + 1]
        if not _BULLET.match(below.value) and len(below.value) <= 100:
            parts = parts + _parts(below.value, below.start)
            last = index + 1
    title, employer = _assign(parts, chinese)
    confidence = (0.85 if title and employer else 0.55) - (0.05 if first < index else 0.0)
    position = Position(
        title=title[0] if title else "",
        employer=employer[0] if employer else "",
        range=found,
        date_span=(line.start + start, line.start + end),
        title_span=(title[1], title[2]) if title else None,
        employer_span=(employer[1], employer[2]) if employer else None,
        description="",
        confidence=confidence,
    )
    return position, first, last


def experience_years(positions: list[Position], today: date) -> tuple[float, float]:
    """Total years (overlaps merged) and years in technical roles (title words such as engineer, 算法)."""
    total = merged_months([p.range for p in positions], today) / 12
    relevant = merged_months([p.range for p in positions if _TECH_TITLE.search(p.title)], today) / 12
    return round(total, 1), round(relevant, 1)
