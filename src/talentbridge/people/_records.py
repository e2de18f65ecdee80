"""Translating between the people schemas and the ORM rows (no queries, no policy).

Child collections are reconciled on their natural key (normalised e-mail, E.164 number, language
code, normalised skill), so an unchanged child keeps its row: replacing the whole list would insert
the new row before deleting the old one and trip the unique constraints.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel

from talentbridge.kit.text import normalise_email, normalise_key
from talentbridge.people.models import (
    Education,
    Experience,
    Person,
    PersonEmail,
    PersonLanguage,
    PersonPhone,
    PersonSkill,
)
from talentbridge.people.schemas import (
    EducationIn,
    ExperienceIn,
    LanguageIn,
    PersonSummary,
    PhoneIn,
    SkillIn,
)

CENTS = Decimal("0.01")
Child = TypeVar("Child")
Wanted = TypeVar("Wanted")

# Plain columns of Person that PersonCreate/PersonUpdate set directly.
COLUMN_FIELDS = (
    "first_name",
    "last_name",
    "native_name",
    "headline",
    "current_title",
    "current_employer",
    "location_city",
    "location_country",
    "timezone",
    "nationalities",
    "date_of_birth",
    "links",
    "publications",
    "awards",
    "expected_salary_amount",
    "expected_salary_currency",
    "expected_salary_period",
    "willing_to_relocate",
    "notice_period_days",
    "source_id",
    "summary",
)


def name_key_for(first_name: str, last_name: str, native_name: str | None) -> str:
    """The search key of a name: "first last native", case- and accent-insensitive."""
    return normalise_key(" ".join(part for part in (first_name, last_name, native_name or "") if part))


def refresh_name_key(person: Person) -> None:
    """Keep ``name_key`` in step with the name fields (search and name sorting use it)."""
    person.name_key = name_key_for(person.first_name, person.last_name, person.native_name)


def column_value(field: str, value: Any) -> Any:
    """A schema value as the column stores it (URLs and nested objects become JSON-ready)."""
    if field == "links":
        return {key: str(url) for key, url in value.items()}
    if field in {"publications", "awards"}:
        return [item.model_dump(mode="json") for item in value]
    if field == "expected_salary_amount" and value is not None:
        return value.quantize(
            CENTS
        )  # as the Money column returns it, so reads agree before and after a reload
    return value


def _reconcile(
    existing: list[Child],
    wanted: list[Wanted],
    *,
    existing_key: Callable[[Child], Hashable],
    wanted_key: Callable[[Wanted], Hashable],
    build: Callable[[Wanted], Child],
    update: Callable[[Child, Wanted, int], None],
) -> list[Child]:
    """The new child list: rows whose key is still wanted are reused and updated, others built."""
    by_key = {existing_key(child): child for child in existing}
    result: list[Child] = []
    for position, item in enumerate(wanted):
        child = by_key.pop(wanted_key(item), None)
        if child is None:
            child = build(item)
        update(child, item, position)
        result.append(child)
    return result


def _set_email(row: PersonEmail, email: str, position: int) -> None:
    row.email, row.position = email, position


def _set_phone(row: PersonPhone, phone: PhoneIn, position: int) -> None:
    row.label, row.position = phone.label, position


def _set_language(row: PersonLanguage, entry: LanguageIn, position: int) -> None:
    del position  # languages are shown by code
    row.level, row.certificate = entry.level, entry.certificate


def _set_skill(row: PersonSkill, skill: SkillIn, position: int) -> None:
    del position  # skills are shown by name
    row.name, row.years = skill.name, skill.years


def _replace_emails(person: Person, wanted: list[str]) -> None:
    person.emails = _reconcile(
        person.emails,
        wanted,
        existing_key=lambda row: row.normalized,
        wanted_key=normalise_email,
        build=lambda email: PersonEmail(email=email, normalized=normalise_email(email)),
        update=_set_email,
    )


def _replace_phones(person: Person, wanted: list[PhoneIn]) -> None:
    person.phones = _reconcile(
        person.phones,
        wanted,
        existing_key=lambda row: row.e164,
        wanted_key=lambda phone: phone.number,
        build=lambda phone: PersonPhone(e164=phone.number),
        update=_set_phone,
    )


def _replace_languages(person: Person, wanted: list[LanguageIn]) -> None:
    person.languages = _reconcile(
        person.languages,
        wanted,
        existing_key=lambda row: row.language,
        wanted_key=lambda entry: entry.language,
        build=lambda entry: PersonLanguage(language=entry.language, level=entry.level),
        update=_set_language,
    )


def _replace_skills(person: Person, wanted: list[SkillIn]) -> None:
    person.skills = _reconcile(
        person.skills,
        wanted,
        existing_key=lambda row: row.normalized,
        wanted_key=lambda skill: normalise_key(skill.name),
        build=lambda skill: PersonSkill(name=skill.name, normalized=normalise_key(skill.name)),
        update=_set_skill,
    )


def _replace_educations(person: Person, wanted: list[EducationIn]) -> None:
    # No natural key and no unique constraint: rebuilding the list is simplest and safe.
    person.educations = [
        Education(**entry.model_dump(), position=index) for index, entry in enumerate(wanted)
    ]


def _replace_experiences(person: Person, wanted: list[ExperienceIn]) -> None:
    person.experiences = [
        Experience(**entry.model_dump(), position=index) for index, entry in enumerate(wanted)
    ]


_REPLACERS: dict[str, Callable[[Person, list[Any]], None]] = {
    "emails": _replace_emails,
    "phones": _replace_phones,
    "languages": _replace_languages,
    "skills": _replace_skills,
    "educations": _replace_educations,
    "experiences": _replace_experiences,
}
CHILD_FIELDS = tuple(_REPLACERS)


def replace_children(person: Person, field: str, wanted: list[Any]) -> None:
    """Set one child collection (``emails``, ``phones``, ``languages`` ...) to exactly ``wanted``."""
    _REPLACERS[field](person, wanted)


def _dump(rows: list[Any], fields: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{field: getattr(row, field) for field in fields} for row in rows]


def read_data(person: Person) -> dict[str, Any]:
    """Every field of ``PersonRead`` (unredacted) from a person loaded with its full record."""
    data: dict[str, Any] = {field: getattr(person, field) for field in COLUMN_FIELDS}
    languages = sorted(person.languages, key=lambda row: row.language)
    skills = sorted(person.skills, key=lambda row: row.normalized)
    data.update(
        id=person.id,
        display_name=person.display_name,
        emails=[row.email for row in person.emails],
        phones=[{"number": row.e164, "label": row.label} for row in person.phones],
        languages=_dump(languages, ("language", "level", "certificate")),
        skills=_dump(skills, ("name", "normalized", "years")),
        educations=_dump(
            person.educations, ("degree_level", "field", "institution", "country", "start_year", "end_year")
        ),
        experiences=_dump(
            person.experiences, ("title", "employer", "country", "start_date", "end_date", "description")
        ),
        tags=sorted(tag.name for tag in person.tags),
        version=person.version,
        created_at=person.created_at,
        updated_at=person.updated_at,
        redacted_fields=[],
    )
    return data


def to_summary(person: Person) -> PersonSummary:
    """A list row, from a person loaded with e-mails, skills and tags."""
    return PersonSummary(
        id=person.id,
        display_name=person.display_name,
        first_name=person.first_name,
        last_name=person.last_name,
        native_name=person.native_name,
        headline=person.headline,
        current_title=person.current_title,
        current_employer=person.current_employer,
        location_city=person.location_city,
        location_country=person.location_country,
        primary_email=person.emails[0].email if person.emails else None,
        skills=sorted(skill.name for skill in person.skills),
        tags=sorted(tag.name for tag in person.tags),
        source_id=person.source_id,
        version=person.version,
        created_at=person.created_at,
        updated_at=person.updated_at,
    )


# Audit entries record only that these changed, never their values (contact data, sensitive data,
# compensation) or their bulky contents.
VALUE_HIDDEN_IN_AUDIT = frozenset(
    {
        "emails",
        "phones",
        "date_of_birth",
        "expected_salary_amount",
        "expected_salary_currency",
        "expected_salary_period",
        "educations",
        "experiences",
        "publications",
        "awards",
        "links",
        "summary",
    }
)
CHANGED = "changed"


def audit_snapshot(person: Person) -> dict[str, Any]:
    """The comparable state of every updatable field, for field-level audit changes."""
    data = read_data(person)
    snapshot = {field: data[field] for field in (*COLUMN_FIELDS, *CHILD_FIELDS, "tags")}
    snapshot["skills"] = [skill["name"] for skill in data["skills"]]
    snapshot["languages"] = [f"{entry['language']}:{entry['level']}" for entry in data["languages"]]
    return snapshot


def audit_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """``{field: [old, new]}`` for plain fields, ``{field: "changed"}`` for hidden ones."""
    changes: dict[str, Any] = {}
    for field, new in after.items():
        old = before.get(field)
        if old != new:
            changes[field] = CHANGED if field in VALUE_HIDDEN_IN_AUDIT else [old, new]
    return changes


CONTROL_FIELDS = frozenset({"expected_version"})
"""Request fields that steer the update rather than change the person."""


def schema_fields(data: BaseModel, *, only_set: bool) -> dict[str, Any]:
    """The schema's values by field name (only those the client sent, for PATCH)."""
    names = data.model_fields_set if only_set else type(data).model_fields.keys()
    return {name: getattr(data, name) for name in names if name not in CONTROL_FIELDS}
