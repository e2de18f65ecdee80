"""JSON Resume (jsonresume.org schema v1) -> CandidateProfile, with errors that name the field.

Accepts the standard sections (basics, work, education, skills, languages, publications, awards,
projects, certificates) and an optional ``x-talentbridge`` object (timezone, willing_to_relocate,
work_model, total_years). A document holding only ``basics.summary`` (a pasted CV) is valid: its
text is what the index extracts skills from. Parsing is pure; no taxonomy is needed here.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from talentbridge.errors import InvalidInput
from talentbridge.kit.clock import utc_now
from talentbridge.matching.engine.levels import education_level, language_code, parse_level
from talentbridge.matching.engine.types import CandidateProfile, ProfileSkill

FLUENCY_WORDS: tuple[tuple[str, str], ...] = (
    (r"native|mother|bilingual|母语", "native"),
    (r"full professional|proficient|mastery|精通", "C2"),
    (r"fluent|advanced|professional working|流利|熟练", "C1"),
    (r"upper[\s-]?intermediate|good", "B2"),
    (r"intermediate|limited working|conversational|working", "B1"),
    (r"elementary|pre[\s-]?intermediate|basic", "A2"),
    (r"beginner", "A1"),
)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _fail(field: str, message: str) -> InvalidInput:
    return InvalidInput(f"{field}: {message}", field=field)


def _obj(value: Any, field: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _fail(field, f"must be an object, got {type(value).__name__}")
    return value


def _list(value: Any, field: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(field, f"must be an array, got {type(value).__name__}")
    return value


def _str(value: Any, field: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _fail(field, f"must be a string, got {type(value).__name__}")
    return str(value).strip()


def _strings(value: Any, field: str) -> list[str]:
    return [s for i, item in enumerate(_list(value, field)) if (s := _str(item, f"{field}[{i}]"))]


def _year(value: Any, field: str) -> tuple[int, int] | None:
    """(year, month) of an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD); None when absent."""
    text = _str(value, field)
    if not text:
        return None
    match = _DATE.match(text)
    if not match or not 1900 <= int(match.group(1)) <= 2100 or not 1 <= int(match.group(2) or 1) <= 12:
        raise _fail(field, f"must be a date like 2021-06 or 2021-06-30, got {text!r}")
    return int(match.group(1)), int(match.group(2) or 1)


def fluency_level(text: str) -> str | None:
    """CEFR / HSK / native level for a JSON Resume ``fluency`` text (``HSK 5``, ``Fluent`` ...)."""
    parsed = parse_level(text)
    if parsed:
        return parsed
    found = re.search(r"\b(HSK\s*[1-9]|[ABC][12])\b", text, re.IGNORECASE)
    if found:
        return parse_level(found.group(1))
    lowered = text.lower()
    for pattern, level in FLUENCY_WORDS:
        if re.search(pattern, lowered):
            return level
    return None


def parse_json_resume(document: Any, *, fallback_id: str = "", today: date | None = None) -> CandidateProfile:
    """A CandidateProfile for one JSON Resume document; InvalidInput names the malformed field."""
    today = today or utc_now().date()
    root = _obj(document, "resume")
    if not isinstance(document, dict):
        raise _fail("resume", "must be a JSON object")
    meta = _obj(root.get("meta"), "meta")
    person_id = _str(meta.get("id"), "meta.id") or fallback_id
    if not person_id:
        raise _fail("meta.id", "missing (and no line number to fall back on)")
    basics = _obj(root.get("basics"), "basics")
    name = _str(basics.get("name"), "basics.name")
    label = _str(basics.get("label"), "basics.label")
    texts = [_str(basics.get("summary"), "basics.summary")]
    location = _obj(basics.get("location"), "basics.location")
    country = _str(location.get("countryCode"), "basics.location.countryCode").upper() or None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise _fail("basics.location.countryCode", f"must be an ISO 3166-1 alpha-2 code, got {country!r}")
    links = [url for url in [_str(basics.get("url"), "basics.url")] if url]
    for i, profile in enumerate(_list(basics.get("profiles"), "basics.profiles")):
        entry = _obj(profile, f"basics.profiles[{i}]")
        url = _str(entry.get("url"), f"basics.profiles[{i}].url")
        network = _str(entry.get("network"), f"basics.profiles[{i}].network")
        username = _str(entry.get("username"), f"basics.profiles[{i}].username")
        if url:
            links.append(url)
        elif network and username:
            links.append(f"{network.lower()}.com/{username}")

    experience: list[tuple[str, str, int | None, int | None]] = []
    months = 0
    spans: list[tuple[int, int]] = []
    work_texts: list[tuple[str, int, int | None, int]] = []  # (text, months, end year, index)
    for i, item in enumerate(_list(root.get("work"), "work")):
        entry = _obj(item, f"work[{i}]")
        position = _str(entry.get("position"), f"work[{i}].position")
        employer = _str(entry.get("name") or entry.get("company"), f"work[{i}].name")
        start = _year(entry.get("startDate"), f"work[{i}].startDate")
        end = _year(entry.get("endDate"), f"work[{i}].endDate")
        if start and end and end < start:
            raise _fail(f"work[{i}].endDate", "is before startDate")
        summary = _str(entry.get("summary"), f"work[{i}].summary")
        highlights = _strings(entry.get("highlights"), f"work[{i}].highlights")
        experience.append((position, employer, start[0] if start else None, end[0] if end else None))
        span_months = 0
        if start:
            stop = end or (today.year, today.month)
            first, last = start[0] * 12 + start[1] - 1, stop[0] * 12 + stop[1] - 1
            spans.append((first, max(first, last)))
            span_months = max(0, last - first)
        text = "\n".join([position, summary, *highlights])
        texts.append(text)
        work_texts.append((text, span_months, (end or (today.year, 0))[0] if start else None, i))
    if spans:
        spans.sort()
        current_start, current_end = spans[0]
        for start_month, end_month in spans[1:]:
            if start_month > current_end:
                months += current_end - current_start
                current_start, current_end = start_month, end_month
            else:
                current_end = max(current_end, end_month)
        months += current_end - current_start

    education: list[tuple[str, str | None]] = []
    for i, item in enumerate(_list(root.get("education"), "education")):
        entry = _obj(item, f"education[{i}]")
        study_type = _str(entry.get("studyType"), f"education[{i}].studyType")
        area = _str(entry.get("area"), f"education[{i}].area") or None
        _year(entry.get("startDate"), f"education[{i}].startDate")
        _year(entry.get("endDate"), f"education[{i}].endDate")
        education.append((education_level(study_type) or "unknown", area))

    skill_names: list[tuple[str, str]] = []
    for i, item in enumerate(_list(root.get("skills"), "skills")):
        entry = _obj(item, f"skills[{i}]")
        skill_name = _str(entry.get("name"), f"skills[{i}].name")
        if skill_name:
            skill_names.append((skill_name, "skills section"))
        for keyword in _strings(entry.get("keywords"), f"skills[{i}].keywords"):
            skill_names.append(
                (keyword, f"skills section ({skill_name})" if skill_name else "skills section")
            )
    for i, item in enumerate(_list(root.get("projects"), "projects")):
        entry = _obj(item, f"projects[{i}]")
        texts.append(_str(entry.get("description"), f"projects[{i}].description"))
        texts.extend(_strings(entry.get("highlights"), f"projects[{i}].highlights"))
        for keyword in _strings(entry.get("keywords"), f"projects[{i}].keywords"):
            skill_names.append((keyword, "project"))
        url = _str(entry.get("url"), f"projects[{i}].url")
        if url:
            links.append(url)
    skills = _skills_with_years(skill_names, work_texts)

    languages: list[tuple[str, str]] = []
    for i, item in enumerate(_list(root.get("languages"), "languages")):
        entry = _obj(item, f"languages[{i}]")
        language = _str(entry.get("language"), f"languages[{i}].language")
        if not language:
            raise _fail(f"languages[{i}].language", "missing")
        code = language_code(language)
        if code is None:
            continue  # an unknown language cannot satisfy any requirement; keep the rest
        fluency = _str(entry.get("fluency"), f"languages[{i}].fluency")
        level = fluency_level(fluency) if fluency else None
        languages.append((code, level or ""))

    publications = []
    for i, item in enumerate(_list(root.get("publications"), "publications")):
        entry = _obj(item, f"publications[{i}]")
        parts = [_str(entry.get(k), f"publications[{i}].{k}") for k in ("name", "publisher", "summary")]
        publications.append(" — ".join(p for p in parts if p))
    awards = []
    for section in ("awards", "certificates"):
        for i, item in enumerate(_list(root.get(section), section)):
            entry = _obj(item, f"{section}[{i}]")
            parts = [
                _str(entry.get(k), f"{section}[{i}].{k}")
                for k in ("title", "name", "awarder", "issuer", "summary")
            ]
            awards.append(" — ".join(p for p in parts if p))

    extra = _obj(root.get("x-talentbridge"), "x-talentbridge")
    relocate = extra.get("willing_to_relocate")
    if relocate is not None and not isinstance(relocate, bool):
        raise _fail("x-talentbridge.willing_to_relocate", "must be true or false")
    total = extra.get("total_years")
    if total is not None and (isinstance(total, bool) or not isinstance(total, int | float) or total < 0):
        raise _fail("x-talentbridge.total_years", "must be a non-negative number")
    work_model = _str(extra.get("work_model"), "x-talentbridge.work_model").lower() or None
    if work_model is not None and work_model not in ("onsite", "hybrid", "remote"):
        raise _fail("x-talentbridge.work_model", "must be onsite, hybrid or remote")
    return CandidateProfile(
        id=person_id,
        display_name=name,
        skills=tuple(skills),
        titles=_titles(label, experience),
        total_years=float(total) if total is not None else (round(months / 12, 1) if spans else None),
        experience=tuple(experience),
        education=tuple(education),
        languages=tuple(languages),
        publications=tuple(p for p in publications if p),
        awards=tuple(a for a in awards if a),
        links=tuple(links),
        country=country,
        timezone=_str(extra.get("timezone"), "x-talentbridge.timezone") or None,
        willing_to_relocate=relocate,
        work_model=work_model,
        text="\n".join(t for t in texts if t),
    )


def _titles(label: str, experience: list[tuple[str, str, int | None, int | None]]) -> tuple[str, ...]:
    """Most recent title first: the basics label, then positions by end year (ongoing first)."""
    ordered = sorted(
        (entry for entry in experience if entry[0]),
        key=lambda e: (-(e[3] if e[3] is not None else 9999), -(e[2] or 0)),
    )
    titles = [label] if label else []
    titles.extend(e[0] for e in ordered if e[0] not in titles)
    return tuple(titles)


def _skills_with_years(
    names: list[tuple[str, str]], work_texts: list[tuple[str, int, int | None, int]]
) -> list[ProfileSkill]:
    """Listed skills with years and last use inferred from the work entries that mention them."""
    result: list[ProfileSkill] = []
    seen: set[str] = set()
    for name, evidence in names:
        key = name.lower()
        if key in seen:
            continue
        seen.add(key)
        pattern = re.compile(rf"(?<![\w+#.]){re.escape(key)}(?![\w+#])", re.IGNORECASE)
        months = 0
        last: int | None = None
        for text, span_months, end_year, _ in work_texts:
            if pattern.search(text):
                months += span_months
                if end_year is not None:
                    last = max(last or 0, end_year)
        result.append(
            ProfileSkill(
                name=name,
                skill_id=None,
                years=round(months / 12, 1) if months else None,
                last_used_year=last,
                evidence=evidence,
            )
        )
    return result
