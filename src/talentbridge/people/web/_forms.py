"""The person form: what it shows, how a submission becomes ``PersonCreate`` / ``PersonUpdate``.

The form validates with the API's schemas, so pages and API accept exactly the same input.
Repeatable rows (languages, education, experience) come as a fixed set of blank rows; "Add a row"
re-displays the form with one more row and the typed values. Errors are attached to the field
the user typed in (a row's error to that row), and a service's refusal to the field it names.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from starlette.datastructures import FormData

from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import can_see_compensation, can_see_sensitive_personal_data
from talentbridge.errors import Conflict, InvalidInput, StaleVersion
from talentbridge.kit.text import normalise_key
from talentbridge.people.schemas import PersonCreate, PersonRead, PersonUpdate
from talentbridge.people.web._display import LINK_KEYS, phone_display
from talentbridge.people.web._form_messages import (
    error_message,
    field_labels,
    row_field_labels,
    section_labels,
)
from talentbridge.web.forms import FORM_ERROR, FormState
from talentbridge.web.i18n import _

# Optional single-line fields: an empty box clears them.
OPTIONAL_TEXT = (
    "native_name",
    "headline",
    "current_title",
    "current_employer",
    "location_city",
    "location_country",
    "timezone",
)
TEXT_FIELDS = (
    "first_name",
    "last_name",
    *OPTIONAL_TEXT,
    "date_of_birth",
    "emails",
    "phones",
    "skills",
    "tags",
    "expected_salary_amount",
    "expected_salary_currency",
    "expected_salary_period",
    "willing_to_relocate",
    "notice_period_days",
    "source_id",
    "summary",
    "expected_version",
)
ROW_FIELDS: dict[str, tuple[str, ...]] = {
    "languages": ("language", "level", "certificate"),
    "experiences": ("title", "employer", "country", "start_date", "end_date", "description"),
    "educations": ("degree_level", "field", "institution", "country", "start_year", "end_year"),
}
# Rows every form offers at least (blank ones are ignored when saving), and at most.
MIN_ROWS = 2
MAX_ROWS = 30
SALARY_FIELDS = ("expected_salary_amount", "expected_salary_currency", "expected_salary_period")
_OPTIONAL_ROW_FIELDS = frozenset(
    {"certificate", "field", "country", "start_date", "end_date", "start_year", "end_year"}
)
_ROW_KEY = re.compile(r"^(languages|experiences|educations)-(\d+)-")
_PHONE_LABEL = re.compile(r"^\s*([^\d+:()][^:]{0,31}):\s*(.+)$")
_LIST_SPLIT = re.compile("[,;\n\uff0c\u3001\uff1b]+")  # also the Chinese comma, enumeration comma, semicolon


def split_items(raw: str) -> list[str]:
    """Items typed in one box, separated by commas (also Chinese ones), semicolons or new lines."""
    return [item.strip() for item in _LIST_SPLIT.split(raw) if item.strip()]


@dataclass
class PersonForm:
    """The person form as shown: values and errors (``FormState``), rows per section, choices."""

    state: FormState
    rows: dict[str, int]
    nationalities: list[str] = field(default_factory=list)
    duplicate_of: uuid.UUID | None = None

    def row_range(self, section: str) -> range:
        """The row indexes of a repeatable section (for the template)."""
        return range(self.rows[section])


def form_labels(form: PersonForm) -> dict[str, str]:
    """Labels of every field of the form, for the error summary's links."""
    labels = field_labels()
    row_labels = row_field_labels()
    sections = section_labels()
    for section, names in ROW_FIELDS.items():
        for index in form.row_range(section):
            for name in names:
                labels[f"{section}-{index}-{name}"] = _("%(section)s %(num)d · %(field)s") % {
                    "section": sections[section],
                    "num": index + 1,
                    "field": row_labels[name],
                }
    return labels


def _text(value: object) -> str:
    return "" if value is None else str(value)


def form_from_person(person: PersonRead) -> PersonForm:
    """The form filled with a stored person (for editing)."""
    values: dict[str, str] = {
        name: _text(getattr(person, name, None)) for name in TEXT_FIELDS if hasattr(person, name)
    }
    values["emails"] = "\n".join(person.emails)
    values["phones"] = "\n".join(
        f"{phone.label}: {phone_display(phone.number)}" if phone.label else phone_display(phone.number)
        for phone in person.phones
    )
    values["skills"] = ", ".join(skill.name for skill in person.skills)
    values["tags"] = ", ".join(person.tags)
    values["willing_to_relocate"] = {True: "yes", False: "no", None: ""}[person.willing_to_relocate]
    values["expected_version"] = str(person.version)
    values["source_id"] = _text(person.source_id)
    for key in LINK_KEYS:
        values[f"link_{key}"] = person.links.get(key, "")
    rows = {section: max(MIN_ROWS, len(getattr(person, section)) + 1) for section in ROW_FIELDS}
    for section, names in ROW_FIELDS.items():
        for index, item in enumerate(getattr(person, section)):
            for name in names:
                value = getattr(item, name)
                values[f"{section}-{index}-{name}"] = _text(value.value if hasattr(value, "value") else value)
    return PersonForm(FormState(values=values), rows, nationalities=list(person.nationalities))


def blank_form() -> PersonForm:
    """The empty form for a new person."""
    return PersonForm(FormState(values={}), dict.fromkeys(ROW_FIELDS, MIN_ROWS + 1))


def form_from_submission(form_data: FormData) -> PersonForm:
    """The submitted form as it will be shown again (values stripped, rows counted)."""
    values: dict[str, str] = {}
    rows = dict.fromkeys(ROW_FIELDS, 0)
    for key, raw in form_data.multi_items():
        if not isinstance(raw, str) or key in {"csrf_token", "nationalities", "add_row"}:
            continue
        values[key] = raw.strip() if key not in {"summary"} else raw.strip("\r\n")
        match = _ROW_KEY.match(key)
        if match:
            rows[match.group(1)] = max(rows[match.group(1)], int(match.group(2)) + 1)
    nationalities = [
        value for value in form_data.getlist("nationalities") if isinstance(value, str) and value
    ]
    rows = {section: min(MAX_ROWS, max(count, 1)) for section, count in rows.items()}
    return PersonForm(FormState(values=values), rows, nationalities=nationalities)


def wants_more_rows(form_data: FormData, form: PersonForm) -> bool:
    """Whether "Add a row" was pressed; if so the form gets one more row in that section."""
    section = form_data.get("add_row")
    if isinstance(section, str) and section in ROW_FIELDS:
        form.rows[section] = min(MAX_ROWS, form.rows[section] + 1)
        return True
    return False


@dataclass
class Payload:
    """The schema input built from a form, and which form row each list entry came from."""

    data: dict[str, Any]
    row_of: dict[str, list[int]]


def _phone_entry(line: str) -> dict[str, str | None]:
    match = _PHONE_LABEL.match(line)
    if match:
        return {"number": match.group(2).strip(), "label": match.group(1).strip()}
    return {"number": line, "label": None}


def build_payload(form: PersonForm, actor: Actor, *, existing: PersonRead | None = None) -> Payload:
    """The ``PersonCreate``/``PersonUpdate`` input for a submitted form.

    Fields the viewer's role may not see are left out (an update then keeps them). Skills keep
    their stored years and links their other keys, since the form does not show those.
    """
    values = form.state.values
    data: dict[str, Any] = {
        "first_name": values.get("first_name", ""),
        "last_name": values.get("last_name", ""),
    }
    for name in OPTIONAL_TEXT:
        data[name] = values.get(name) or None
    data["summary"] = values.get("summary", "")
    data["nationalities"] = list(form.nationalities)
    data["emails"] = [line.strip() for line in values.get("emails", "").splitlines() if line.strip()]
    data["phones"] = [
        _phone_entry(line.strip()) for line in values.get("phones", "").splitlines() if line.strip()
    ]
    years = {skill.normalized: skill.years for skill in existing.skills} if existing else {}
    data["skills"] = [
        {"name": name, "years": years.get(normalise_key(name))}
        for name in split_items(values.get("skills", ""))
    ]
    data["tags"] = split_items(values.get("tags", ""))
    links = {key: url for key, url in (existing.links if existing else {}).items() if key not in LINK_KEYS}
    links.update({key: values[f"link_{key}"] for key in LINK_KEYS if values.get(f"link_{key}")})
    data["links"] = links
    relocate = values.get("willing_to_relocate", "")
    data["willing_to_relocate"] = {"yes": True, "no": False}.get(relocate)
    data["notice_period_days"] = values.get("notice_period_days") or None
    data["source_id"] = values.get("source_id") or None
    if can_see_sensitive_personal_data(actor):
        data["date_of_birth"] = values.get("date_of_birth") or None
    if can_see_compensation(actor):
        for name in SALARY_FIELDS:
            data[name] = values.get(name) or None
    row_of = _add_rows(form, data)
    return Payload(data, row_of)


def _add_rows(form: PersonForm, data: dict[str, Any]) -> dict[str, list[int]]:
    """Put the filled rows of each section into ``data``; which form row each entry came from."""
    values = form.state.values
    row_of: dict[str, list[int]] = {}
    for section, names in ROW_FIELDS.items():
        entries, indexes = [], []
        for index in form.row_range(section):
            row = {name: values.get(f"{section}-{index}-{name}", "") for name in names}
            if not any(row.values()):
                continue
            entries.append(_row_entry(section, row))
            indexes.append(index)
        data[section], row_of[section] = entries, indexes
    return row_of


def _row_entry(section: str, row: dict[str, str]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        name: (value or None) if name in _OPTIONAL_ROW_FIELDS else value for name, value in row.items()
    }
    if section == "experiences":
        entry["description"] = row["description"]
    return entry


def error_field(loc: Sequence[int | str], row_of: Mapping[str, list[int]]) -> str:
    """The form field a schema error belongs to (rows map back to the row the user typed in)."""
    if not loc:
        return FORM_ERROR
    head = str(loc[0])
    if head in ROW_FIELDS:
        if len(loc) >= 3 and isinstance(loc[1], int) and loc[1] < len(row_of.get(head, [])):
            return f"{head}-{row_of[head][loc[1]]}-{loc[2]}"
        return head
    if head == "links" and len(loc) >= 2:
        return f"link_{loc[1]}"
    return head


def add_schema_errors(
    state: FormState,
    exc: ValidationError,
    message: Callable[[str, ErrorDetails], str],
    row_of: Mapping[str, list[int]] | None = None,
) -> None:
    """Attach each schema error to the field it belongs to, with ``message(field, error)``."""
    for error in exc.errors():
        name = error_field(error["loc"], row_of or {})
        state.add_error(name, message(name, error))


def validate_form(
    form: PersonForm, actor: Actor, *, existing: PersonRead | None = None
) -> PersonCreate | PersonUpdate | None:
    """The validated schema, or None with every error attached to its field."""
    payload = build_payload(form, actor, existing=existing)
    schema: type[PersonCreate] | type[PersonUpdate] = PersonUpdate if existing is not None else PersonCreate
    try:
        return schema.model_validate(payload.data)
    except ValidationError as exc:
        add_schema_errors(form.state, exc, error_message, payload.row_of)
        return None


def add_refusal(form: PersonForm, exc: Conflict | InvalidInput) -> int:
    """Show a service's refusal on the form; the status to answer with (409 conflict, else 422)."""
    if isinstance(exc, Conflict):
        _add_conflict(form, exc)
        return 409
    if exc.field == "expected_salary_currency":
        form.state.add_error("expected_salary_currency", _("Choose the currency of the amount."))
    elif exc.field == "source_id":
        form.state.add_error("source_id", _("Choose a source from the list."))
    else:
        form.state.add_domain_error(exc)
    return 422


def _add_conflict(form: PersonForm, exc: Conflict) -> None:
    if isinstance(exc, StaleVersion):
        form.state.add_error(
            FORM_ERROR,
            _(
                "Someone else changed this person while you were editing, so your changes were not "
                "saved. Open the person again to see the current record, then make your changes there."
            ),
        )
    elif exc.field == "emails":
        form.state.add_error("emails", _("This e-mail address already belongs to another person."))
        existing = exc.extra.get("existing_person_id")
        form.duplicate_of = uuid.UUID(str(existing)) if existing else None
    else:
        form.state.add_domain_error(exc)
