"""schema.org JobPosting JSON -> JobSpec, with errors that name the malformed field.

Reads title, description (HTML stripped), identifier, skills, qualifications,
experienceRequirements (text such as "3+ years" or OccupationalExperienceRequirements with
monthsOfExperience), educationRequirements (text or EducationalOccupationalCredential with
credentialCategory), jobLocation / applicantLocationRequirements / jobLocationType, and the
optional ``x-talentbridge`` object that states required_skills, preferred_skills, languages and
other requirements explicitly (it wins over what is inferred from the schema.org fields).
"""

from __future__ import annotations

import html
import re
from typing import Any

from talentbridge.errors import InvalidInput
from talentbridge.matching.engine.levels import (
    education_level,
    language_code,
    parse_level,
    seniority_of,
)
from talentbridge.matching.engine.types import (
    SENIORITY_LEVELS,
    JobSpec,
    LanguageRequirement,
    SkillRequirement,
)

COUNTRY_NAMES = {
    "china": "CN",
    "people's republic of china": "CN",
    "中国": "CN",
    "germany": "DE",
    "deutschland": "DE",
    "united states": "US",
    "united states of america": "US",
    "usa": "US",
    "united kingdom": "GB",
    "uk": "GB",
    "france": "FR",
    "netherlands": "NL",
    "singapore": "SG",
    "japan": "JP",
    "india": "IN",
    "canada": "CA",
    "spain": "ES",
    "italy": "IT",
    "switzerland": "CH",
    "ireland": "IE",
    "poland": "PL",
    "sweden": "SE",
    "australia": "AU",
    "brazil": "BR",
    "hong kong": "HK",
    "taiwan": "TW",
    "south korea": "KR",
    "korea": "KR",
    "israel": "IL",
    "united arab emirates": "AE",
    "vietnam": "VN",
    "malaysia": "MY",
    "portugal": "PT",
}


def _fail(field: str, message: str) -> InvalidInput:
    return InvalidInput(f"{field}: {message}", field=field)


def _str(value: Any, field: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _fail(field, f"must be a string, got {type(value).__name__}")
    return str(value).strip()


def _obj(value: Any, field: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _fail(field, f"must be an object, got {type(value).__name__}")
    return value


def _items(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _number(value: Any, field: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _fail(field, "must be a number")
    try:
        number = float(value)
    except ValueError:
        raise _fail(field, f"must be a number, got {value!r}") from None
    if number < 0:
        raise _fail(field, "must not be negative")
    return number


def strip_html(text: str) -> str:
    """Plain text from an HTML job description (tags dropped, entities decoded)."""
    text = re.sub(r"(?i)<br\s*/?>|</p>|</li>|</h\d>", "\n", text)
    return html.unescape(re.sub(r"<[^>]+>", " ", text)).strip()


def _term_names(value: Any, field: str) -> list[str]:
    """Names from Text ("a, b; c"), DefinedTerm objects, or a list of either."""
    names: list[str] = []
    for i, item in enumerate(_items(value)):
        where = f"{field}[{i}]" if isinstance(value, list) else field
        if isinstance(item, dict):
            name = _str(item.get("name") or item.get("termCode"), f"{where}.name")
            if name:
                names.append(name)
        else:
            names.extend(
                part.strip() for part in re.split(r"[,;\n\u3001\uff0c]", _str(item, where)) if part.strip()
            )
    return names


def _requirements(value: Any, field: str) -> list[SkillRequirement]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(field, "must be an array of skill names or objects")
    result = []
    for i, item in enumerate(value):
        where = f"{field}[{i}]"
        if isinstance(item, str):
            if item.strip():
                result.append(SkillRequirement(name=item.strip()))
            continue
        entry = _obj(item, where)
        name = _str(entry.get("name"), f"{where}.name")
        if not name and not entry.get("skill_id"):
            raise _fail(f"{where}.name", "missing")
        weight = _number(entry.get("weight"), f"{where}.weight")
        must = entry.get("must_have", False)
        if not isinstance(must, bool):
            raise _fail(f"{where}.must_have", "must be true or false")
        result.append(
            SkillRequirement(
                name=name,
                skill_id=_str(entry.get("skill_id"), f"{where}.skill_id") or None,
                weight=1.0 if weight is None else weight,
                min_years=_number(entry.get("min_years"), f"{where}.min_years"),
                must_have=must,
            )
        )
    return result


def _languages(value: Any, field: str) -> list[LanguageRequirement]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(field, "must be an array")
    result = []
    for i, item in enumerate(value):
        where = f"{field}[{i}]"
        if isinstance(item, str):  # "en:B2" or "English B2"
            match = re.fullmatch(r"\s*([^:\s]+(?:\s[^:\s]+)*?)\s*[:\s]\s*(\S+(?:\s?\d)?)\s*", item)
            if not match:
                raise _fail(where, f"must look like 'en:B2', got {item!r}")
            language, level, required = match.group(1), match.group(2), True
        else:
            entry = _obj(item, where)
            language = _str(entry.get("language"), f"{where}.language")
            level = _str(entry.get("min_level") or entry.get("level"), f"{where}.min_level")
            required = entry.get("required", True)
            if not isinstance(required, bool):
                raise _fail(f"{where}.required", "must be true or false")
        code = language_code(language)
        if code is None:
            raise _fail(f"{where}.language", f"unknown language {language!r}")
        parsed = parse_level(level)
        if parsed is None:
            raise _fail(f"{where}.min_level", f"must be A1..C2, HSK1..HSK6 or native, got {level!r}")
        result.append(LanguageRequirement(language=code, min_level=parsed, required=required))
    return result


def _country(value: Any, field: str) -> str | None:
    for item in _items(value):
        text = _str(item.get("name") if isinstance(item, dict) else item, field)
        if re.fullmatch(r"[A-Za-z]{2}", text):
            return text.upper()
        if text.lower() in COUNTRY_NAMES:
            return COUNTRY_NAMES[text.lower()]
    return None


def _location_country(value: Any, field: str) -> str | None:
    for i, place in enumerate(_items(value)):
        where = f"{field}[{i}]" if isinstance(value, list) else field
        address = _obj(place, where).get("address")
        if isinstance(address, dict):
            found = _country(address.get("addressCountry"), f"{where}.address.addressCountry")
            if found:
                return found
    return None


def parse_job_posting(document: Any, *, fallback_id: str = "job") -> JobSpec:
    """A JobSpec for one schema.org JobPosting object; InvalidInput names the malformed field."""
    if not isinstance(document, dict):
        raise _fail("JobPosting", "must be a JSON object")
    kind = document.get("@type")
    if kind is not None and kind != "JobPosting" and not (isinstance(kind, list) and "JobPosting" in kind):
        raise _fail("@type", f"must be 'JobPosting', got {kind!r}")
    title = _str(document.get("title"), "title")
    description = strip_html(_str(document.get("description"), "description"))
    if not title and not description:
        raise _fail("title", "a JobPosting needs a title or a description")
    identifier = document.get("identifier")
    job_id = (
        (
            _str(identifier.get("value"), "identifier.value")
            if isinstance(identifier, dict)
            else _str(identifier, "identifier")
        )
        or _str(document.get("@id") or document.get("url"), "@id")
        or fallback_id
    )
    extra = _obj(document.get("x-talentbridge"), "x-talentbridge")
    qualifications = " ".join(
        _str(q.get("description") or q.get("name"), "qualifications")
        if isinstance(q, dict)
        else _str(q, "qualifications")
        for q in _items(document.get("qualifications"))
    )
    responsibilities = " ".join(_str(r, "responsibilities") for r in _items(document.get("responsibilities")))

    listed = [SkillRequirement(name=name) for name in _term_names(document.get("skills"), "skills")]
    if "required_skills" in extra:
        required = _requirements(extra["required_skills"], "x-talentbridge.required_skills")
        required_names = {r.name.lower() for r in required}
        preferred_default = [s for s in listed if s.name.lower() not in required_names]
    else:
        required, preferred_default = listed, []
    preferred = (
        _requirements(extra["preferred_skills"], "x-talentbridge.preferred_skills")
        if "preferred_skills" in extra
        else preferred_default
    )

    min_years = _number(extra.get("min_years"), "x-talentbridge.min_years")
    if min_years is None:
        for i, item in enumerate(_items(document.get("experienceRequirements"))):
            where = (
                f"experienceRequirements[{i}]"
                if isinstance(document.get("experienceRequirements"), list)
                else "experienceRequirements"
            )
            if isinstance(item, dict):
                months = _number(item.get("monthsOfExperience"), f"{where}.monthsOfExperience")
                if months is not None:
                    min_years = round(months / 12, 2)
                    break
                item = item.get("description")
            found = re.search(r"(\d+(?:\.\d+)?)\s*\+?\s*(?:years?|yrs?|年)", _str(item, where), re.IGNORECASE)
            if found:
                min_years = float(found.group(1))
                break

    education = _str(extra.get("education_level"), "x-talentbridge.education_level") or None
    if education is None:
        for i, item in enumerate(_items(document.get("educationRequirements"))):
            where = (
                f"educationRequirements[{i}]"
                if isinstance(document.get("educationRequirements"), list)
                else "educationRequirements"
            )
            text = (
                _str(item.get("credentialCategory") or item.get("name"), f"{where}.credentialCategory")
                if isinstance(item, dict)
                else _str(item, where)
            )
            level = education_level(text)
            if level:
                education = level
                break
    elif education_level(education) is None:
        raise _fail("x-talentbridge.education_level", f"unknown degree level {education!r}")
    else:
        education = education_level(education)
    fields_value = extra.get("education_fields")
    education_fields = (
        tuple(_term_names(fields_value, "x-talentbridge.education_fields")) if fields_value else ()
    )

    seniority = _str(extra.get("seniority"), "x-talentbridge.seniority").lower() or seniority_of(title)
    if seniority and seniority not in SENIORITY_LEVELS:
        raise _fail("x-talentbridge.seniority", f"must be one of {', '.join(SENIORITY_LEVELS)}")
    work_model = _str(extra.get("work_model"), "x-talentbridge.work_model").lower() or None
    if (
        work_model is None
        and _str(document.get("jobLocationType"), "jobLocationType").upper() == "TELECOMMUTE"
    ):
        work_model = "remote"
    if work_model is not None and work_model not in ("onsite", "hybrid", "remote"):
        raise _fail("x-talentbridge.work_model", "must be onsite, hybrid or remote")
    country = _str(extra.get("country"), "x-talentbridge.country").upper() or None
    if country is None:
        country = _location_country(document.get("jobLocation"), "jobLocation") or _country(
            document.get("applicantLocationRequirements"), "applicantLocationRequirements"
        )
    relocation = extra.get("relocation_offered", True)
    if not isinstance(relocation, bool):
        raise _fail("x-talentbridge.relocation_offered", "must be true or false")
    return JobSpec(
        id=job_id,
        title=title,
        description="\n".join(p for p in (description, qualifications, responsibilities) if p),
        required_skills=tuple(required),
        preferred_skills=tuple(preferred),
        min_years=min_years,
        seniority=seniority or None,
        languages=tuple(_languages(extra.get("languages"), "x-talentbridge.languages")),
        education_level=education,
        education_fields=education_fields,
        country=country,
        timezone=_str(extra.get("timezone"), "x-talentbridge.timezone") or None,
        work_model=work_model,
        relocation_offered=relocation,
    )
