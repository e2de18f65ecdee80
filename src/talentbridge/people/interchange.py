"""Mapping between people and the formats other systems speak: JSON Resume and CSV.

Pure functions (no database): ``*_to_person_data`` turn a record into a dict that
``PersonCreate`` validates; ``person_to_*`` turn a ``PersonRead`` back. JSON Resume
(https://jsonresume.org/schema) has no place for native-script names, nationalities, salary
expectations or tags, so those travel in ``meta.talentbridge`` and round-trip losslessly.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pycountry

from talentbridge.jobs.enums import DegreeLevel
from talentbridge.kit.codes import validate_language
from talentbridge.kit.levels import LanguageLevel
from talentbridge.people.schemas import PersonRead

CSV_COLUMNS: tuple[str, ...] = (
    "id", "first_name", "last_name", "native_name", "emails", "phones", "city", "country", "timezone",
    "nationalities", "headline", "current_title", "current_employer", "skills", "languages", "linkedin",
    "github", "scholar", "website", "expected_salary", "expected_salary_currency", "expected_salary_period",
    "willing_to_relocate", "notice_period_days", "source", "tags",
)  # fmt: skip
"""CSV header. Lists are ';'-separated; languages are ``code:LEVEL`` pairs (``en:C1;zh:HSK4``)."""

LINK_COLUMNS = ("linkedin", "github", "scholar", "website")
EXTENSION_KEY = "talentbridge"

_DEGREE_PATTERNS: tuple[tuple[re.Pattern[str], DegreeLevel], ...] = (
    (re.compile(r"ph\.?\s?d|doctor|dphil|博士", re.I), DegreeLevel.DOCTORATE),
    (re.compile(r"master|m\.?sc|m\.?s\.?\b|m\.?a\.?\b|mba|m\.?eng|硕士", re.I), DegreeLevel.MASTER),
    (
        re.compile(r"bachelor|b\.?sc|b\.?s\.?\b|b\.?a\.?\b|b\.?eng|undergrad|学士|本科", re.I),
        DegreeLevel.BACHELOR,
    ),
    (re.compile(r"associate|diploma|大专|专科", re.I), DegreeLevel.ASSOCIATE),
    (re.compile(r"high school|secondary|a-level|高中", re.I), DegreeLevel.SECONDARY),
)
_FLUENCY_WORDS: tuple[tuple[str, LanguageLevel], ...] = (
    ("native", LanguageLevel.NATIVE),
    ("mother tongue", LanguageLevel.NATIVE),
    ("bilingual", LanguageLevel.NATIVE),
    ("full professional", LanguageLevel.C1),
    ("fluent", LanguageLevel.C1),
    ("advanced", LanguageLevel.C1),
    ("professional working", LanguageLevel.B2),
    ("upper intermediate", LanguageLevel.B2),
    ("limited working", LanguageLevel.B1),
    ("intermediate", LanguageLevel.B1),
    ("elementary", LanguageLevel.A2),
    ("basic", LanguageLevel.A1),
    ("beginner", LanguageLevel.A1),
)


class RecordError(ValueError):
    """A record that cannot be mapped; the message says which field and why."""


def split_list(value: str | None) -> list[str]:
    """Split a ';'-separated cell, dropping blanks."""
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def degree_level(study_type: str | None) -> DegreeLevel | None:
    """Degree level from free text such as "BSc", "Master of Science" or "博士"."""
    for pattern, level in _DEGREE_PATTERNS:
        if study_type and pattern.search(study_type):
            return level
    return None


def language_level(fluency: str | None) -> LanguageLevel | None:
    """A level from "C1", "HSK 5", "Native speaker", "Full professional proficiency" ..."""
    text = (fluency or "").strip()
    compact = text.replace(" ", "").upper()
    for level in LanguageLevel:
        if compact == level.value.upper():
            return level
    lowered = text.lower()
    for word, level in _FLUENCY_WORDS:
        if word in lowered:
            return level
    return None


def language_code(name: str) -> str:
    """ISO 639 code of a language given by code or English name ("English" → "en")."""
    text = name.strip()
    if len(text) in {2, 3}:
        try:
            return validate_language(text)
        except ValueError:
            pass
    try:
        language = pycountry.languages.lookup(text)
    except LookupError as exc:
        raise RecordError(f"languages: unknown language '{name}'") from exc
    return str(getattr(language, "alpha_2", None) or language.alpha_3)


def partial_date(value: str | None, field: str) -> date | None:
    """JSON Resume dates may be YYYY, YYYY-MM or YYYY-MM-DD; missing parts become 1."""
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
    if match is None:
        raise RecordError(f"{field}: '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise RecordError(f"{field}: '{value}' is not a valid date") from exc


def _split_name(full_name: str) -> tuple[str, str]:
    parts = full_name.split()
    if not parts:
        raise RecordError("basics.name: a name is required")
    if len(parts) == 1:
        return parts[0], ""
    return " ".join(parts[:-1]), parts[-1]


def json_resume_to_person_data(document: dict[str, Any]) -> dict[str, Any]:
    """A JSON Resume document as ``PersonCreate`` input."""
    if not isinstance(document, dict):
        raise RecordError("a JSON Resume document must be an object")
    basics = document.get("basics") or {}
    extension = (document.get("meta") or {}).get(EXTENSION_KEY) or {}
    first, last = _split_name(str(basics.get("name") or ""))
    location = basics.get("location") or {}
    data: dict[str, Any] = {
        "first_name": extension.get("first_name", first),
        "last_name": extension.get("last_name", last),
        "native_name": extension.get("native_name"),
        "headline": basics.get("label") or None,
        "summary": basics.get("summary") or "",
        "location_city": location.get("city") or None,
        "location_country": location.get("countryCode") or None,
        "emails": [basics["email"]] if basics.get("email") else [],
        "phones": [{"number": basics["phone"]}] if basics.get("phone") else [],
        "links": _links_from_profiles(basics),
        "experiences": [_work(item, index) for index, item in enumerate(document.get("work") or [])],
        "educations": [_education(item, index) for index, item in enumerate(document.get("education") or [])],
        "skills": _skills(document.get("skills") or []),
        "languages": [_language(item) for item in document.get("languages") or []],
        "awards": [_award(item) for item in document.get("awards") or []],
        "publications": [_publication(item) for item in document.get("publications") or []],
    }
    data.update({key: value for key, value in extension.items() if key not in {"first_name", "last_name"}})
    current = data["experiences"][0] if data["experiences"] else None
    if current is not None and current.get("end_date") is None:
        data.setdefault("current_title", current["title"])
        data.setdefault("current_employer", current["employer"])
    return data


def _links_from_profiles(basics: dict[str, Any]) -> dict[str, str]:
    links: dict[str, str] = {}
    if basics.get("url"):
        links["website"] = str(basics["url"])
    for profile in basics.get("profiles") or []:
        network = re.sub(r"[^a-z0-9_]", "", str(profile.get("network") or "").lower())
        if network and profile.get("url"):
            links["scholar" if "scholar" in network else network] = str(profile["url"])
    return links


def _work(item: dict[str, Any], index: int) -> dict[str, Any]:
    return {
        "title": item.get("position") or "",
        "employer": item.get("name") or item.get("company") or "",
        "start_date": partial_date(item.get("startDate"), f"work[{index}].startDate"),
        "end_date": partial_date(item.get("endDate"), f"work[{index}].endDate"),
        "description": item.get("summary") or "",
    }


def _education(item: dict[str, Any], index: int) -> dict[str, Any]:
    level = degree_level(item.get("studyType"))
    if level is None:
        raise RecordError(f"education[{index}].studyType: '{item.get('studyType')}' is not a known degree")
    start = partial_date(item.get("startDate"), f"education[{index}].startDate")
    end = partial_date(item.get("endDate"), f"education[{index}].endDate")
    return {
        "degree_level": level,
        "field": item.get("area") or None,
        "institution": item.get("institution") or "",
        "start_year": start.year if start else None,
        "end_year": end.year if end else None,
    }


def _skills(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Skill names and their keywords, first spelling kept, duplicates (any case) dropped."""
    unique: dict[str, str] = {}
    for item in items:
        for name in [item.get("name"), *(item.get("keywords") or [])]:
            if name:
                unique.setdefault(str(name).casefold(), str(name))
    return [{"name": name} for name in unique.values()]


def _language(item: dict[str, Any]) -> dict[str, Any]:
    level = language_level(item.get("fluency"))
    if level is None:
        raise RecordError(
            f"languages: cannot read the level '{item.get('fluency')}' (use CEFR A1-C2, HSK1-6 or native)"
        )
    return {"language": language_code(str(item.get("language") or "")), "level": level}


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def _award(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": item.get("title") or "",
        "issuer": item.get("awarder") or None,
        "year": _year(item.get("date")),
    }


def _publication(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": item.get("name") or "",
        "venue": item.get("publisher") or None,
        "year": _year(item.get("releaseDate")),
        "url": item.get("url") or None,
    }


def person_to_json_resume(person: PersonRead) -> dict[str, Any]:
    """A person as a JSON Resume document (``meta.id`` is the TalentBridge id)."""
    basics: dict[str, Any] = {
        "name": person.display_name,
        "label": person.headline or "",
        "email": person.emails[0] if person.emails else "",
        "phone": person.phones[0].number if person.phones else "",
        "summary": person.summary,
        "location": {"city": person.location_city or "", "countryCode": person.location_country or ""},
        "profiles": [{"network": key, "url": url} for key, url in person.links.items() if key != "website"],
    }
    if "website" in person.links:
        basics["url"] = person.links["website"]
    return {
        "basics": basics,
        "work": [_work_out(item) for item in person.experiences],
        "education": [_education_out(item) for item in person.educations],
        "skills": [{"name": skill.name} for skill in person.skills],
        "languages": [{"language": lang.language, "fluency": lang.level.value} for lang in person.languages],
        "awards": [
            {"title": a.title, "awarder": a.issuer or "", "date": str(a.year or "")} for a in person.awards
        ],
        "publications": [
            {
                "name": p.title,
                "publisher": p.venue or "",
                "releaseDate": str(p.year or ""),
                "url": str(p.url or ""),
            }
            for p in person.publications
        ],
        "meta": {"id": str(person.id), EXTENSION_KEY: _extension(person)},
    }


def _without_blanks(values: dict[str, Any]) -> dict[str, str]:
    """JSON Resume leaves unknown facts out rather than writing empty strings."""
    return {key: str(value) for key, value in values.items() if value not in (None, "")}


def _work_out(item: Any) -> dict[str, Any]:
    return {
        "name": item.employer,
        "position": item.title,
        "startDate": item.start_date.isoformat() if item.start_date else "",
        "endDate": item.end_date.isoformat() if item.end_date else "",
        "summary": item.description,
    }


def _education_out(item: Any) -> dict[str, Any]:
    return {
        "institution": item.institution,
        "area": item.field or "",
        "studyType": item.degree_level.value,
        "startDate": str(item.start_year or ""),
        "endDate": str(item.end_year or ""),
    }


def _extension(person: PersonRead) -> dict[str, Any]:
    """Facts JSON Resume has no field for, so an export re-imports without loss."""
    extension: dict[str, Any] = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "native_name": person.native_name,
        "timezone": person.timezone,
        "nationalities": person.nationalities,
        "current_title": person.current_title,
        "current_employer": person.current_employer,
        "phones": [{"number": phone.number, "label": phone.label} for phone in person.phones],
        "emails": person.emails,
        "willing_to_relocate": person.willing_to_relocate,
        "notice_period_days": person.notice_period_days,
        "tags": person.tags,
    }
    if person.date_of_birth is not None:
        extension["date_of_birth"] = person.date_of_birth.isoformat()
    if person.expected_salary_amount is not None:
        extension["expected_salary_amount"] = str(person.expected_salary_amount)
        extension["expected_salary_currency"] = person.expected_salary_currency
        extension["expected_salary_period"] = person.expected_salary_period
    return {key: value for key, value in extension.items() if value not in (None, [], "")}


def csv_row_to_person_data(row: dict[str, str]) -> tuple[dict[str, Any], str | None]:
    """A CSV row as ``PersonCreate`` input, plus the source name the row names (if any)."""

    def cell(name: str) -> str | None:
        value = (row.get(name) or "").strip()
        return value or None

    data: dict[str, Any] = {
        "first_name": cell("first_name") or "",
        "last_name": cell("last_name") or "",
        "native_name": cell("native_name"),
        "emails": split_list(row.get("emails") or row.get("email")),
        "phones": [{"number": number} for number in split_list(row.get("phones") or row.get("phone"))],
        "location_city": cell("city"),
        "location_country": cell("country"),
        "timezone": cell("timezone"),
        "nationalities": split_list(row.get("nationalities")),
        "headline": cell("headline"),
        "current_title": cell("current_title"),
        "current_employer": cell("current_employer"),
        "skills": [{"name": name} for name in split_list(row.get("skills"))],
        "languages": [_language_pair(pair) for pair in split_list(row.get("languages"))],
        "links": {key: value for key in LINK_COLUMNS if (value := cell(key))},
        "expected_salary_amount": cell("expected_salary"),
        "expected_salary_currency": cell("expected_salary_currency"),
        "expected_salary_period": cell("expected_salary_period"),
        "willing_to_relocate": _boolean(cell("willing_to_relocate")),
        "notice_period_days": cell("notice_period_days"),
        "tags": split_list(row.get("tags")),
    }
    return {key: value for key, value in data.items() if value is not None}, cell("source")


def _language_pair(pair: str) -> dict[str, Any]:
    code, _, level_text = pair.partition(":")
    level = language_level(level_text)
    if not code.strip() or level is None:
        raise RecordError(f"languages: '{pair}' must look like en:C1, zh:HSK4 or fr:native")
    return {"language": language_code(code), "level": level}


def _boolean(value: str | None) -> bool | None:
    if value is None:
        return None
    lowered = value.lower()
    if lowered in {"true", "yes", "y", "1"}:
        return True
    if lowered in {"false", "no", "n", "0"}:
        return False
    raise RecordError(f"willing_to_relocate: '{value}' is not yes/no")


def person_to_csv_row(person: PersonRead, source_name: str | None) -> dict[str, str]:
    """A person as one CSV row with ``CSV_COLUMNS``."""
    return {
        "id": str(person.id),
        "first_name": person.first_name,
        "last_name": person.last_name,
        "native_name": person.native_name or "",
        "emails": ";".join(person.emails),
        "phones": ";".join(phone.number for phone in person.phones),
        "city": person.location_city or "",
        "country": person.location_country or "",
        "timezone": person.timezone or "",
        "nationalities": ";".join(person.nationalities),
        "headline": person.headline or "",
        "current_title": person.current_title or "",
        "current_employer": person.current_employer or "",
        "skills": ";".join(skill.name for skill in person.skills),
        "languages": ";".join(f"{lang.language}:{lang.level.value}" for lang in person.languages),
        **{key: person.links.get(key, "") for key in LINK_COLUMNS},
        "expected_salary": str(person.expected_salary_amount or ""),
        "expected_salary_currency": person.expected_salary_currency or "",
        "expected_salary_period": person.expected_salary_period or "",
        "willing_to_relocate": ""
        if person.willing_to_relocate is None
        else str(person.willing_to_relocate).lower(),
        "notice_period_days": "" if person.notice_period_days is None else str(person.notice_period_days),
        "source": source_name or "",
        "tags": ";".join(person.tags),
    }
