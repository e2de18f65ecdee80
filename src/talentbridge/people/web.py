"""Pages for people: the list, the person form, the person page with its tabs, and deletion.

Routes stay thin: they parse the query string or the form, call one use case and render. The list
reads its query string with the API's ``PersonListParams`` and the form validates with
``PersonCreate`` / ``PersonUpdate``, so pages and API accept exactly the same input. What a role
may not see is decided by the services (``person_to_read`` redacts, hidden people answer 404);
pages only leave out what the services left out.

The person page has tabs chosen by ``?tab=`` (profile, applications, activity, notes, files) so
they work without JavaScript. Repeatable form rows (languages, education, experience) come as a
fixed set of blank rows; "Add a row" re-displays the form with one more row and the typed values.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, Literal

import phonenumbers
import pycountry
from babel import Locale
from babel import dates as babel_dates
from babel.support import LazyProxy
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from pydantic_core import ErrorDetails
from sqlalchemy.orm import Session
from starlette.datastructures import FormData, UploadFile

from talentbridge.api.deps import DbSession
from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.policies import (
    WRITE_ROLES,
    can_see_compensation,
    can_see_sensitive_personal_data,
    require_recruiting_write,
)
from talentbridge.errors import (
    Conflict,
    InvalidInput,
    NotFound,
    RuleViolation,
    StaleVersion,
    TalentBridgeError,
)
from talentbridge.files import service as files_service
from talentbridge.files.api import AttachmentStoreDep, UploadLimitsDep
from talentbridge.files.models import Attachment
from talentbridge.files.policies import can_manage_attachments, can_read_attachments
from talentbridge.files.uploads import DOCX, JPEG, PDF, PNG, TEXT, UploadTooLarge, content_disposition
from talentbridge.jobs import service as jobs_service
from talentbridge.jobs.enums import DegreeLevel, JobStatus, SalaryPeriod
from talentbridge.jobs.schemas import JobFilter
from talentbridge.kit.clock import utc_now
from talentbridge.kit.levels import LanguageLevel
from talentbridge.kit.text import normalise_key
from talentbridge.notes import service as notes_service
from talentbridge.notes.schemas import NoteCreate, NoteRead
from talentbridge.people import repository, service
from talentbridge.people.enums import PersonSort
from talentbridge.people.schemas import (
    PersonCreate,
    PersonListParams,
    PersonRead,
    PersonSummary,
    PersonUpdate,
    TimelineEntry,
)
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.models import Application
from talentbridge.pipeline.schemas import ApplicationCreate, ApplicationFilter
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.models import Source
from talentbridge.sourcing.web import kind_label
from talentbridge.web.deps import CsrfForm, PageActor, viewer_timezone
from talentbridge.web.flash import flash
from talentbridge.web.formatting import EMPTY, format_number, zone
from talentbridge.web.forms import FORM_ERROR, FormState, translate_message, validation_message
from talentbridge.web.i18n import _, current_locale, lazy_gettext, ngettext
from talentbridge.web.labels import activity_sentence, timezone_choices
from talentbridge.web.templating import render_page
from talentbridge.web.urls import url_for

router = APIRouter(include_in_schema=False)

Options = list[tuple[str, str]]
Tab = Literal["profile", "applications", "activity", "notes", "files"]
TABS: tuple[Tab, ...] = ("profile", "applications", "activity", "notes", "files")

LIST_PAGE_SIZE = 50
SKILLS_SHOWN = 3
APPLICATIONS_SHOWN = 100
OPEN_JOBS_OFFERED = 200
TIMELINE_SHOWN = 100
MAX_ROWS = 30

# --- display vocabularies ---------------------------------------------------------------------

_DEGREE_LABELS: dict[DegreeLevel, LazyProxy] = {
    DegreeLevel.NONE: lazy_gettext("No degree"),
    DegreeLevel.SECONDARY: lazy_gettext("Secondary school"),
    DegreeLevel.ASSOCIATE: lazy_gettext("Associate degree"),
    DegreeLevel.BACHELOR: lazy_gettext("Bachelor's degree"),
    DegreeLevel.MASTER: lazy_gettext("Master's degree"),
    DegreeLevel.DOCTORATE: lazy_gettext("Doctorate"),
}
_PERIOD_LABELS: dict[SalaryPeriod, LazyProxy] = {
    SalaryPeriod.YEAR: lazy_gettext("per year"),
    SalaryPeriod.MONTH: lazy_gettext("per month"),
    SalaryPeriod.HOUR: lazy_gettext("per hour"),
}
_FILE_TYPE_LABELS: dict[str, LazyProxy] = {
    PDF: lazy_gettext("PDF document"),
    DOCX: lazy_gettext("Word document"),
    TEXT: lazy_gettext("Plain text"),
    PNG: lazy_gettext("PNG image"),
    JPEG: lazy_gettext("JPEG image"),
}
# Profile links with a known meaning, in the order they are shown and asked for.
LINK_KEYS: tuple[str, ...] = ("linkedin", "github", "scholar", "website")
_LINK_LABELS: dict[str, str | LazyProxy] = {
    "linkedin": lazy_gettext("LinkedIn"),
    "github": "GitHub",  # a brand name, the same in every language
    "scholar": lazy_gettext("Google Scholar"),
    "website": lazy_gettext("Website"),
}
_TAB_LABELS: dict[Tab, LazyProxy] = {
    "profile": lazy_gettext("Profile"),
    "applications": lazy_gettext("Applications"),
    "activity": lazy_gettext("Activity"),
    "notes": lazy_gettext("Notes"),
    "files": lazy_gettext("Files"),
}


def level_label(level: LanguageLevel | str) -> str:
    """A language level as people write it: "C1", "HSK 5", "Native"."""
    level = LanguageLevel(level)
    if level is LanguageLevel.NATIVE:
        return _("Native")
    if level.scale == "hsk":
        return _("HSK %(num)d") % {"num": level.rank}
    return level.value


def degree_label(level: DegreeLevel | str) -> str:
    """A degree level in the viewer's language."""
    return str(_DEGREE_LABELS[DegreeLevel(level)])


def period_label(period: SalaryPeriod | str | None) -> str:
    """ "per year" / "per month" / "per hour" (empty when unknown)."""
    return str(_PERIOD_LABELS[SalaryPeriod(period)]) if period else ""


def link_label(key: str) -> str:
    """The name of a profile link ("LinkedIn", "Website"); unknown keys are shown readably."""
    known = _LINK_LABELS.get(key)
    return str(known) if known is not None else key.replace("_", " ").capitalize()


def file_type_label(content_type: str) -> str:
    """What kind of file an attachment is, in words."""
    known = _FILE_TYPE_LABELS.get(content_type)
    return str(known) if known is not None else content_type


def file_size(size_bytes: int) -> str:
    """A file size for people: "820 bytes", "12.4 KB", "1.2 MB"."""
    if size_bytes < 1024:
        return ngettext("%(num)d byte", "%(num)d bytes", size_bytes) % {"num": size_bytes}
    if size_bytes < 1024 * 1024:
        return _("%(size)s KB") % {"size": format_number(round(size_bytes / 1024, 1))}
    return _("%(size)s MB") % {"size": format_number(round(size_bytes / (1024 * 1024), 1))}


def phone_display(e164: str) -> str:
    """An E.164 number written in international format ("+86 138 0013 8000")."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# --- choices for selects (names in the viewer's language) -------------------------------------


@lru_cache(maxsize=4)
def _countries(locale: str) -> tuple[tuple[str, str], ...]:
    names = Locale.parse(locale).territories
    rows = [
        (country.alpha_2, str(names.get(country.alpha_2) or country.name)) for country in pycountry.countries
    ]
    return tuple(sorted(rows, key=lambda row: row[1].casefold()))


@lru_cache(maxsize=4)
def _languages(locale: str) -> tuple[tuple[str, str], ...]:
    names = Locale.parse(locale).languages
    codes = {str(language.alpha_2) for language in pycountry.languages if hasattr(language, "alpha_2")}
    codes |= {"yue"}  # Cantonese has no two-letter code but matters to our candidates
    rows = [(code, str(names.get(code) or _pycountry_language(code))) for code in codes]
    return tuple(sorted(rows, key=lambda row: row[1].casefold()))


def _pycountry_language(code: str) -> str:
    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    return str(found.name) if found is not None else code


@lru_cache(maxsize=4)
def _currencies(locale: str) -> tuple[tuple[str, str], ...]:
    names = Locale.parse(locale).currencies
    rows = [
        (str(currency.alpha_3), f"{currency.alpha_3} · {names.get(currency.alpha_3) or currency.name}")
        for currency in pycountry.currencies
    ]
    return tuple(sorted(rows))


def _with_current(options: Sequence[tuple[str, str]], current: Iterable[str]) -> Options:
    """The options, plus any stored value missing from them (kept, so saving never loses it)."""
    known = {value for value, _label in options}
    extra = [(value, value) for value in current if value and value not in known]
    return [*extra, *options]


def country_choices(*current: str) -> Options:
    """Countries by name in the viewer's language."""
    return _with_current(_countries(current_locale()), current)


def language_choices(*current: str) -> Options:
    """Languages by name in the viewer's language."""
    return _with_current(_languages(current_locale()), current)


def currency_choices(*current: str) -> Options:
    """ISO 4217 currencies: code and name."""
    return _with_current(_currencies(current_locale()), current)


def level_choices() -> Options:
    """Language levels: CEFR, HSK and native."""
    return [(level.value, level_label(level)) for level in LanguageLevel]


def degree_choices() -> Options:
    """Degree levels, lowest first."""
    return [(level.value, degree_label(level)) for level in DegreeLevel]


def period_choices() -> Options:
    """What a salary amount covers."""
    return [(period.value, period_label(period)) for period in SalaryPeriod]


def source_choices(sources: Sequence[Source], current: str = "") -> Options:
    """Active sources (and the current one even if deactivated), grouped by kind in the label."""
    return [
        (str(source.id), f"{source.name} · {kind_label(source.kind)}")
        for source in sources
        if source.is_active or str(source.id) == current
    ]


def _blank(label: str | None = None) -> Options:
    return [("", label or EMPTY)]


# --- the people list ----------------------------------------------------------------------------

LIST_FIELDS = (
    "q",
    "country",
    "nationality",
    "language",
    "min_level",
    "source_id",
    "tag",
    "has_applications",
    "job_id",
    "created_after",
    "sort",
    "cursor",
)
# Filters shown in the bar (sort, cursor and the job filter are kept but not edited there).
FILTER_FIELDS = (
    "q",
    "skill",
    "country",
    "nationality",
    "language",
    "min_level",
    "source_id",
    "tag",
    "has_applications",
)
_LIST_SPLIT = re.compile("[,;\n\uff0c\u3001\uff1b]+")  # also the Chinese comma, enumeration comma, semicolon


def split_items(raw: str) -> list[str]:
    """Items typed in one box, separated by commas (also Chinese ones), semicolons or new lines."""
    return [item.strip() for item in _LIST_SPLIT.split(raw) if item.strip()]


@dataclass(frozen=True)
class PersonRow:
    """One row of the people list."""

    person: PersonSummary
    languages: list[tuple[str, str]]
    source: Source | None

    @property
    def skills_shown(self) -> list[str]:
        """The first few skills (the rest are counted)."""
        return self.person.skills[:SKILLS_SHOWN]

    @property
    def skills_more(self) -> int:
        """How many skills are not shown."""
        return max(0, len(self.person.skills) - SKILLS_SHOWN)


def parse_list_query(request: Request) -> tuple[PersonListParams | None, FormState]:
    """The list's query string as ``PersonListParams``, and the filter bar's values and errors."""
    query = request.query_params
    values = {name: query.get(name, "").strip() for name in LIST_FIELDS}
    skills = [skill for raw in query.getlist("skill") for skill in split_items(raw)]
    values["skill"] = ", ".join(skills)
    form = FormState(values=values)
    data: dict[str, Any] = {name: value for name, value in values.items() if value and name != "skill"}
    data["skill"] = skills
    data["limit"] = LIST_PAGE_SIZE
    try:
        return PersonListParams.model_validate(data), form
    except ValidationError as exc:
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else FORM_ERROR
            form.add_error(name, _filter_message(name, error))
        return None, form


def _filter_message(name: str, error: ErrorDetails) -> str:
    if name in {"country", "nationality"}:
        return _("Choose a country from the list.")
    if name == "language":
        return _("Choose a language from the list.")
    if name == "min_level" and error["type"] == "value_error":
        return _("Choose a language for the minimum level.")
    if name == "cursor":
        return _("The page link is not valid; start again from the first page.")
    return validation_message(error)


def _languages_by_person(
    session: Session, person_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[str, str]]]:
    """Each listed person's languages with levels (a fixed number of queries for the whole page).

    ``PersonSummary`` carries no languages; the ids come from ``list_people``, which already
    applied the viewer's visibility.
    """
    people = repository.get_people_full(session, person_ids)
    return {
        person.id: [
            (row.language, level_label(row.level))
            for row in sorted(person.languages, key=lambda row: row.language)
        ]
        for person in people
    }


def _has_filters(form: FormState) -> bool:
    return any(form.values.get(name) for name in (*FILTER_FIELDS, "job_id", "created_after"))


@router.get("/people", name="people")
def people_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """Everyone the viewer may see, filtered, sorted and paged; filters live in the URL."""
    params, form = parse_list_query(request)
    sources = sourcing_service.list_sources(session, actor)
    rows: list[PersonRow] = []
    next_cursor: str | None = None
    total = 0
    if params is not None:
        page = service.list_people(session, actor, params, cursor=params.cursor, limit=params.limit)
        by_id = {source.id: source for source in sources}
        languages = _languages_by_person(session, [person.id for person in page.items])
        rows = [
            PersonRow(
                person,
                languages.get(person.id, []),
                by_id.get(person.source_id) if person.source_id else None,
            )
            for person in page.items
        ]
        next_cursor, total = page.next_cursor, page.total
    if _has_filters(form):
        subtitle = ngettext("%(num)d person matches", "%(num)d people match", total) % {"num": total}
    else:
        subtitle = ngettext(
            "%(num)d person in the talent pool", "%(num)d people in the talent pool", total
        ) % {"num": total}
    return render_page(
        request,
        "people/list.html",
        actor,
        status_code=200 if params is not None else 422,
        title=_("People"),
        subtitle=subtitle,
        form=form,
        rows=rows,
        next_cursor=next_cursor,
        total=total,
        sort=(params.sort if params is not None else PersonSort.CREATED_DESC).value,
        filtered=_has_filters(form),
        more_filters_open=any(
            form.values.get(name)
            for name in ("nationality", "language", "min_level", "tag", "has_applications")
        ),
        can_write=actor.role in WRITE_ROLES,
        countries=_blank(_("Any country")) + country_choices(form.values["country"]),
        nationalities=_blank(_("Any nationality")) + country_choices(form.values["nationality"]),
        language_options=_blank(_("Any language")) + language_choices(form.values["language"]),
        levels=_blank(_("Any level")) + level_choices(),
        sources=_blank(_("Any source")) + source_choices(sources, form.values["source_id"]),
        application_choices=[
            ("", _("Anyone")),
            ("true", _("With applications")),
            ("false", _("Without applications")),
        ],
    )


# --- the person form ----------------------------------------------------------------------------

TEXT_FIELDS = (
    "first_name",
    "last_name",
    "native_name",
    "headline",
    "current_title",
    "current_employer",
    "location_city",
    "location_country",
    "timezone",
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
OPTIONAL_TEXT = (
    "native_name",
    "headline",
    "current_title",
    "current_employer",
    "location_city",
    "location_country",
    "timezone",
)
ROW_FIELDS: dict[str, tuple[str, ...]] = {
    "languages": ("language", "level", "certificate"),
    "experiences": ("title", "employer", "country", "start_date", "end_date", "description"),
    "educations": ("degree_level", "field", "institution", "country", "start_year", "end_year"),
}
# Rows every form offers at least (blank ones are ignored when saving).
MIN_ROWS = 2
SALARY_FIELDS = ("expected_salary_amount", "expected_salary_currency", "expected_salary_period")
_ROW_KEY = re.compile(r"^(languages|experiences|educations)-(\d+)-")
_PHONE_LABEL = re.compile(r"^\s*([^\d+:()][^:]{0,31}):\s*(.+)$")


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


def _field_labels() -> dict[str, str]:
    return {
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "native_name": _("Name in native script"),
        "headline": _("Headline"),
        "current_title": _("Current title"),
        "current_employer": _("Current employer"),
        "location_city": _("City"),
        "location_country": _("Country"),
        "timezone": _("Time zone"),
        "nationalities": _("Nationalities"),
        "date_of_birth": _("Date of birth"),
        "emails": _("E-mail addresses"),
        "phones": _("Phone numbers"),
        "languages": _("Languages"),
        "skills": _("Skills"),
        "educations": _("Education"),
        "experiences": _("Experience"),
        "expected_salary_amount": _("Expected salary"),
        "expected_salary_currency": _("Currency"),
        "expected_salary_period": _("Period"),
        "willing_to_relocate": _("Willing to relocate"),
        "notice_period_days": _("Notice period (days)"),
        "source_id": _("Source"),
        "tags": _("Tags"),
        "summary": _("Summary"),
        "link_linkedin": link_label("linkedin"),
        "link_github": link_label("github"),
        "link_scholar": link_label("scholar"),
        "link_website": link_label("website"),
    }


def _row_field_labels() -> dict[str, str]:
    return {
        "language": _("Language"),
        "level": _("Level"),
        "certificate": _("Certificate"),
        "title": _("Job title"),
        "employer": _("Employer"),
        "country": _("Country"),
        "start_date": _("Start date"),
        "end_date": _("End date"),
        "description": _("Description"),
        "degree_level": _("Degree"),
        "field": _("Field of study"),
        "institution": _("Institution"),
        "start_year": _("Start year"),
        "end_year": _("End year"),
    }


def form_labels(form: PersonForm) -> dict[str, str]:
    """Labels of every field of the form, for the error summary's links."""
    labels = _field_labels()
    row_labels = _row_field_labels()
    sections = {"languages": _("Language"), "experiences": _("Position"), "educations": _("Education")}
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
    return Payload(data, row_of)


def _row_entry(section: str, row: dict[str, str]) -> dict[str, Any]:
    optional = {"certificate", "field", "country", "start_date", "end_date", "start_year", "end_year"}
    entry: dict[str, Any] = {
        name: (value or None) if name in optional else value for name, value in row.items()
    }
    if section == "experiences":
        entry["description"] = row["description"]
    return entry


# Fields given one entry per line or per comma: errors name the entry.
_LIST_FIELDS = frozenset({"emails", "phones", "skills", "tags", "nationalities"})
_DATE_TYPES = frozenset(
    {"date_parsing", "date_from_datetime_parsing", "date_type", "date_from_datetime_inexact"}
)
_NUMBER_TYPES = frozenset(
    {
        "int_parsing",
        "int_from_float",
        "decimal_parsing",
        "greater_than_equal",
        "less_than_equal",
        "decimal_max_digits",
        "decimal_max_places",
        "decimal_whole_digits",
        "float_parsing",
        "int_type",
        "decimal_type",
    }
)


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


def error_message(name: str, error: ErrorDetails) -> str:
    """A translated message for one schema error of the person form, specific where it helps."""
    kind = error["type"]
    base = name.split("-")[-1]
    loc = error["loc"]
    if base in {"location_country", "country"} or name == "nationalities":
        message = _("Choose a country from the list.")
    elif base == "language" and kind != "missing":
        message = _("Choose a language from the list.")
    elif name == "languages" and kind == "value_error":
        message = _("Each language may be listed once.")
    elif name == "timezone":
        message = _("Choose a time zone from the list.")
    elif name == "phones" and kind != "too_long":
        message = _("Enter the number in international format with the country code, e.g. +86 138 0013 8000.")
    elif name.startswith("link_") or (kind.startswith("url_") and name not in _LIST_FIELDS):
        message = _("Enter a full web address starting with https://.")
    elif base in {"end_date", "end_year"} and kind == "value_error":
        message = _("The end must not be before the start.")
    elif name == "date_of_birth" and kind == "value_error":
        message = _("Enter a date in the past.")
    elif kind in _DATE_TYPES:
        message = _("Enter a date as YYYY-MM-DD.")
    elif base in {"start_year", "end_year"}:
        message = _("Enter a year between 1900 and 2100.")
    elif name == "notice_period_days":
        message = _("Enter a number of days between 0 and 365.")
    elif name == "expected_salary_currency" and kind == "value_error":
        message = _("Choose the currency of the amount.")
    elif name == "expected_salary_amount" and kind in _NUMBER_TYPES:
        message = _("Enter an amount without separators, e.g. 450000.")
    elif kind == "too_long" and name in _LIST_FIELDS:
        message = _("Too many entries.")
    else:
        message = validation_message(error)
    if name in _LIST_FIELDS and len(loc) >= 2 and isinstance(loc[1], int):
        entry = error.get("input")
        if isinstance(entry, dict):
            entry = entry.get("number") or entry.get("name")
        if isinstance(entry, str) and entry:
            return _("“%(value)s”: %(message)s") % {"value": entry, "message": message}
    return message


def validate_form(
    form: PersonForm, actor: Actor, *, existing: PersonRead | None = None
) -> PersonCreate | PersonUpdate | None:
    """The validated schema, or None with every error attached to its field."""
    payload = build_payload(form, actor, existing=existing)
    schema: type[PersonCreate] | type[PersonUpdate] = PersonUpdate if existing is not None else PersonCreate
    try:
        return schema.model_validate(payload.data)
    except ValidationError as exc:
        for error in exc.errors():
            name = error_field(error["loc"], payload.row_of)
            form.state.add_error(name, error_message(name, error))
        return None


def _form_page(
    request: Request,
    session: Session,
    actor: Actor,
    form: PersonForm,
    *,
    person: PersonRead | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    values = form.state.values
    sources = sourcing_service.list_sources(session, actor)
    row_languages = [values.get(f"languages-{index}-language", "") for index in form.row_range("languages")]
    row_countries = [
        values.get(f"{section}-{index}-country", "")
        for section in ("educations", "experiences")
        for index in form.row_range(section)
    ]
    return render_page(
        request,
        "people/form.html",
        actor,
        status_code=status_code,
        title=person.display_name if person else _("Add person"),
        subtitle=_("Edit the record. Fields left empty stay empty.")
        if person
        else _("Add someone to the talent pool. Only the first name is required."),
        form=form.state,
        person_form=form,
        person=person,
        labels=form_labels(form),
        show_dob=can_see_sensitive_personal_data(actor),
        show_salary=can_see_compensation(actor),
        link_keys=[(key, link_label(key)) for key in LINK_KEYS],
        countries=_blank() + country_choices(values.get("location_country", ""), *form.nationalities),
        row_countries=_blank() + country_choices(*row_countries),
        nationality_choices=country_choices(*form.nationalities),
        timezones=_blank() + timezone_choices(values.get("timezone") or None),
        language_options=_blank() + language_choices(*row_languages),
        levels=_blank() + level_choices(),
        degrees=_blank() + degree_choices(),
        currencies=_blank() + currency_choices(values.get("expected_salary_currency", "")),
        periods=_blank() + period_choices(),
        relocation=[("", _("Unknown")), ("yes", _("Yes")), ("no", _("No"))],
        sources=_blank(_("No source")) + source_choices(sources, values.get("source_id", "")),
        duplicate_url=url_for(request, "person", person_id=form.duplicate_of) if form.duplicate_of else None,
    )


def _wants_more_rows(form_data: FormData, form: PersonForm) -> bool:
    section = form_data.get("add_row")
    if isinstance(section, str) and section in ROW_FIELDS:
        form.rows[section] = min(MAX_ROWS, form.rows[section] + 1)
        return True
    return False


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/people/new", name="person_new")
def person_new(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The form to add a person (recruiters and administrators)."""
    require_recruiting_write(actor)
    return _form_page(request, session, actor, blank_form())


@router.post("/people/new", name="person_create")
def person_create(request: Request, form_data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Create the person and open their page; problems are shown next to their fields."""
    require_recruiting_write(actor)
    form = form_from_submission(form_data)
    if _wants_more_rows(form_data, form):
        return _form_page(request, session, actor, form)
    data = validate_form(form, actor)
    status = 422
    if isinstance(data, PersonCreate):
        try:
            person = service.create_person(session, actor, data)
        except (Conflict, InvalidInput) as exc:
            # A refusal may come after the service changed the record: undo before re-showing.
            session.rollback()
            status = _attach_conflict(form, exc) if isinstance(exc, Conflict) else _attach_invalid(form, exc)
        else:
            flash(request, _("%(name)s was added to the talent pool.") % {"name": person.display_name})
            return _see_other(url_for(request, "person", person_id=person.id))
    return _form_page(request, session, actor, form, status_code=status)


def _attach_invalid(form: PersonForm, exc: InvalidInput) -> int:
    if exc.field == "expected_salary_currency":
        form.state.add_error("expected_salary_currency", _("Choose the currency of the amount."))
    elif exc.field == "source_id":
        form.state.add_error("source_id", _("Choose a source from the list."))
    else:
        form.state.add_domain_error(exc)
    return 422


def _attach_conflict(form: PersonForm, exc: Conflict) -> int:
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
    return 409


@router.get("/people/{person_id}/edit", name="person_edit")
def person_edit(request: Request, person_id: uuid.UUID, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The form to change a person, filled with the stored record."""
    person = service.person_to_read(actor, service.get_person(session, actor, person_id))
    require_recruiting_write(actor)
    return _form_page(request, session, actor, form_from_person(person), person=person)


@router.post("/people/{person_id}/edit", name="person_update")
def person_update(
    request: Request, person_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Save the changes unless someone else changed the person since the form was opened."""
    existing = service.person_to_read(actor, service.get_person(session, actor, person_id, record_view=False))
    require_recruiting_write(actor)
    form = form_from_submission(form_data)
    if _wants_more_rows(form_data, form):
        return _form_page(request, session, actor, form, person=existing)
    version = form.state.values.get("expected_version", "")
    status = 422
    if not version.isdigit():
        form.state.add_error(
            FORM_ERROR, _("The form is incomplete. Open the person again and repeat your changes.")
        )
        return _form_page(request, session, actor, form, person=existing, status_code=status)
    data = validate_form(form, actor, existing=existing)
    if isinstance(data, PersonUpdate):
        try:
            person = service.update_person(session, actor, person_id, data, expected_version=int(version))
        except (Conflict, InvalidInput) as exc:
            # A refusal may come after the service changed the record: undo before re-showing.
            session.rollback()
            status = _attach_conflict(form, exc) if isinstance(exc, Conflict) else _attach_invalid(form, exc)
        else:
            flash(request, _("Changes to %(name)s saved.") % {"name": person.display_name})
            return _see_other(url_for(request, "person", person_id=person.id))
    return _form_page(request, session, actor, form, person=existing, status_code=status)


# --- the person page ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LocalTime:
    """The person's clock now, and how it relates to the viewer's."""

    time: str
    zone: str
    difference: str


@dataclass(frozen=True)
class ApplicationRow:
    """One application on the Applications tab."""

    application: Application
    job_title: str
    days_in_stage: int


@dataclass(frozen=True)
class TimelineLine:
    """One event of the Activity tab."""

    entry: TimelineEntry
    sentence: str


@dataclass
class PersonPage:
    """What the person page shows besides the record: per-tab data and forms."""

    tab: Tab = "profile"
    applications: list[ApplicationRow] = field(default_factory=list)
    open_jobs: Options = field(default_factory=list)
    timeline: list[TimelineLine] = field(default_factory=list)
    notes: list[NoteRead] = field(default_factory=list)
    attachments: Sequence[Attachment] = ()
    uploaders: dict[uuid.UUID, str] = field(default_factory=dict)
    note_form: FormState = field(default_factory=lambda: FormState(values={"body": "", "application_id": ""}))
    file_form: FormState = field(default_factory=lambda: FormState(values={}))
    job_form: FormState = field(default_factory=lambda: FormState(values={"job_id": ""}))
    include_views: bool = False


def local_time(tz_name: str | None, viewer_tz: str, *, now: datetime | None = None) -> LocalTime | None:
    """The person's local time now, in the viewer's locale, with the difference to the viewer."""
    if not tz_name:
        return None
    moment = now or utc_now()
    theirs = moment.astimezone(zone(tz_name))
    mine = moment.astimezone(zone(viewer_tz))
    offset = (theirs.utcoffset() or timedelta(0)) - (mine.utcoffset() or timedelta(0))
    minutes = int(offset.total_seconds() // 60)
    hours = f"{abs(minutes) // 60}" + (f":{abs(minutes) % 60:02d}" if minutes % 60 else "")
    if minutes == 0:
        difference = _("same time as you")
    elif minutes > 0:
        difference = _("%(hours)s h ahead of you") % {"hours": hours}
    else:
        difference = _("%(hours)s h behind you") % {"hours": hours}
    clock = babel_dates.format_time(theirs, format="short", locale=current_locale())
    return LocalTime(time=clock, zone=zone(tz_name).key, difference=difference)


def _tabs_for(actor: Actor) -> list[Tab]:
    return [tab for tab in TABS if tab != "files" or can_read_attachments(actor)]


def _tab(value: str | None, actor: Actor) -> Tab:
    for tab in _tabs_for(actor):
        if value == tab:
            return tab
    return "profile"


def timeline_sentence(entry: TimelineEntry) -> str:
    """What happened, as a sentence ("Mei Chen added a note"; views and downloads read naturally)."""
    if entry.action == "view":
        if entry.entity_type == "attachment":
            return _("%(actor)s downloaded a file") % {"actor": entry.actor_name}
        return _("%(actor)s viewed the record") % {"actor": entry.actor_name}
    return activity_sentence(entry.actor_name, entry.action, entry.entity_type)


def _applications(session: Session, actor: Actor, person_id: uuid.UUID, page: PersonPage) -> None:
    applications, _cursor, _total = pipeline_service.list_applications(
        session, actor, ApplicationFilter(person_id=person_id), limit=APPLICATIONS_SHOWN
    )
    titles: dict[uuid.UUID, str] = {}
    if actor.role in WRITE_ROLES:
        jobs, _next, _count = jobs_service.list_jobs(
            session, actor, JobFilter(status=JobStatus.OPEN), limit=OPEN_JOBS_OFFERED
        )
        titles = {job.id: job.title for job in jobs}
        applied = {application.job_id for application in applications}
        page.open_jobs = [
            (str(job.id), f"{job.title} · {job.hub_name}") for job in jobs if job.id not in applied
        ]
    now = utc_now()
    for application in applications:
        if application.job_id not in titles:
            titles[application.job_id] = jobs_service.get_job(session, actor, application.job_id).title
        days = max(0, (now - application.stage_entered_at).days)
        page.applications.append(ApplicationRow(application, titles[application.job_id], days))


def _files(session: Session, actor: Actor, person_id: uuid.UUID, page: PersonPage) -> None:
    page.attachments = files_service.list_attachments(session, actor, person_id)
    if page.attachments:
        page.uploaders = {
            user.id: user.full_name for user in auth_service.list_assignable_users(session, actor)
        }


def _load_tab(session: Session, actor: Actor, person_id: uuid.UUID, page: PersonPage) -> None:
    if page.tab == "applications":
        _applications(session, actor, person_id, page)
    elif page.tab == "activity":
        entries = service.get_timeline(
            session, actor, person_id, include_views=page.include_views, limit=TIMELINE_SHOWN
        )
        page.timeline = [TimelineLine(entry, timeline_sentence(entry)) for entry in entries]
    elif page.tab == "notes":
        page.notes = notes_service.list_notes(session, actor, person_id)
        applications, _cursor, _total = pipeline_service.list_applications(
            session, actor, ApplicationFilter(person_id=person_id), limit=APPLICATIONS_SHOWN
        )
        _note_application_titles(session, actor, applications, page)
    elif page.tab == "files":
        _files(session, actor, person_id, page)


def _note_application_titles(
    session: Session, actor: Actor, applications: Sequence[Application], page: PersonPage
) -> None:
    now = utc_now()
    for application in applications:
        title = jobs_service.get_job(session, actor, application.job_id).title
        page.applications.append(
            ApplicationRow(application, title, max(0, (now - application.stage_entered_at).days))
        )


def render_person_page(
    request: Request,
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    page: PersonPage,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    """The person page with one tab open (reading the full record is recorded as a view)."""
    person = service.person_to_read(actor, service.get_person(session, actor, person_id))
    _load_tab(session, actor, person_id, page)
    source = None
    if person.source_id is not None:
        try:
            source = sourcing_service.get_source(session, actor, person.source_id)
        except NotFound:
            source = None
    subtitle = person.current_title or ""
    if person.current_title and person.current_employer:
        subtitle = _("%(title)s at %(employer)s") % {
            "title": person.current_title,
            "employer": person.current_employer,
        }
    elif person.current_employer:
        subtitle = person.current_employer
    return render_page(
        request,
        "people/person.html",
        actor,
        status_code=status_code,
        title=person.display_name,
        subtitle=subtitle,
        person=person,
        page=page,
        tabs=[(tab, str(_TAB_LABELS[tab])) for tab in _tabs_for(actor)],
        source=source,
        source_kind=kind_label(source.kind) if source else "",
        local=local_time(person.timezone, viewer_timezone(request)),
        links=[(key, link_label(key), url) for key, url in _ordered_links(person.links)],
        phones=[(phone_display(phone.number), phone.number, phone.label) for phone in person.phones],
        redacted=set(person.redacted_fields),
        can_write=actor.role in WRITE_ROLES,
        can_manage_files=can_manage_attachments(actor),
        can_read_files=can_read_attachments(actor),
        level_label=level_label,
        degree_label=degree_label,
        period_label=period_label,
        file_type_label=file_type_label,
        file_size=file_size,
        note_deletable=lambda note: (
            actor.role is Role.ADMIN or (actor.user_id is not None and note.author_id == actor.user_id)
        ),
        application_choices=_blank(_("About the person in general"))
        + [(str(row.application.id), row.job_title) for row in page.applications],
    )


def _ordered_links(links: Mapping[str, str]) -> list[tuple[str, str]]:
    known = [(key, links[key]) for key in LINK_KEYS if key in links]
    return known + sorted((key, url) for key, url in links.items() if key not in LINK_KEYS)


def _person_url(request: Request, person_id: uuid.UUID, tab: Tab = "profile") -> str:
    query = {"tab": tab} if tab != "profile" else None
    return url_for(request, "person", person_id=person_id, query=query)


@router.get("/people/{person_id}", name="person")
def person_page(
    request: Request,
    person_id: uuid.UUID,
    session: DbSession,
    actor: PageActor,
    tab: str | None = None,
    views: bool = False,
) -> HTMLResponse:
    """A person: header, and the tab asked for (profile, applications, activity, notes, files)."""
    page = PersonPage(tab=_tab(tab, actor), include_views=views)
    return render_person_page(request, session, actor, person_id, page)


@router.post("/people/{person_id}/applications", name="person_application_add")
def person_application_add(
    request: Request, person_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Add the person to an open job's pipeline (recruiters and administrators)."""
    job_id = form_data.get("job_id")
    page = PersonPage(tab="applications")
    try:
        data = ApplicationCreate.model_validate({"person_id": person_id, "job_id": job_id})
    except ValidationError:
        page.job_form.add_error("job_id", _("Choose a job."))
        return render_person_page(request, session, actor, person_id, page, status_code=422)
    try:
        application = pipeline_service.create_application(session, actor, data)
    except Conflict:
        page.job_form.add_error("job_id", _("This person is already in this job's pipeline."))
        return render_person_page(request, session, actor, person_id, page, status_code=409)
    except (RuleViolation, InvalidInput) as exc:
        page.job_form.add_error("job_id", _job_refusal(exc))
        return render_person_page(request, session, actor, person_id, page, status_code=422)
    job = jobs_service.get_job(session, actor, application.job_id)
    flash(request, _("Added to %(job)s.") % {"job": job.title})
    return _see_other(_person_url(request, person_id, "applications"))


def _job_refusal(exc: TalentBridgeError) -> str:
    if exc.field == "job_id":
        return _("This job is filled or closed and takes no new applications.")
    if exc.field == "stage_id":
        return _("This job's pipeline has no stage to start in; check its stages first.")
    return translate_message(exc.message)


@router.post("/people/{person_id}/notes", name="person_note_add")
def person_note_add(
    request: Request, person_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Add a note to the person (anyone who may see them)."""
    state = FormState.from_form(form_data, "body", "application_id")
    page = PersonPage(tab="notes", note_form=state)
    try:
        data = NoteCreate.model_validate(
            {"body": state.values["body"], "application_id": state.values["application_id"] or None}
        )
    except ValidationError as exc:
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else FORM_ERROR
            state.add_error(name, _("Write the note first.") if name == "body" else validation_message(error))
        return render_person_page(request, session, actor, person_id, page, status_code=422)
    try:
        notes_service.add_note(session, actor, person_id, data)
    except InvalidInput:
        state.add_error("application_id", _("Choose one of this person's applications."))
        return render_person_page(request, session, actor, person_id, page, status_code=422)
    flash(request, _("Note added."))
    return _see_other(_person_url(request, person_id, "notes"))


@router.post("/people/{person_id}/notes/{note_id}/delete", name="person_note_delete")
def person_note_delete(
    request: Request,
    person_id: uuid.UUID,
    note_id: uuid.UUID,
    form_data: CsrfForm,
    session: DbSession,
    actor: PageActor,
) -> RedirectResponse:
    """Delete a note (its author or an administrator)."""
    del form_data
    notes_service.delete_note(session, actor, note_id)
    flash(request, _("Note deleted."))
    return _see_other(_person_url(request, person_id, "notes"))


@router.post("/people/{person_id}/files", name="person_file_upload")
def person_file_upload(
    request: Request,
    person_id: uuid.UUID,
    form_data: CsrfForm,
    session: DbSession,
    actor: PageActor,
    store: AttachmentStoreDep,
    limits: UploadLimitsDep,
) -> Response:
    """Upload a file (multipart); a refused file is explained next to the file field."""
    upload = form_data.get("file")
    data, filename = b"", ""
    if isinstance(upload, UploadFile):
        try:
            data = upload.file.read(limits.max_bytes + 1)  # one byte more than allowed is enough to refuse
            filename = upload.filename or ""
        finally:
            upload.file.close()  # the parsed form's spooled file; nobody else closes it
    state = FormState(values={})
    page = PersonPage(tab="files", file_form=state)
    if not data:
        state.add_error("file", _("Choose a file to upload."))
        return render_person_page(request, session, actor, person_id, page, status_code=422)
    try:
        attachment = files_service.upload_attachment(
            session, actor, person_id, filename=filename, data=data, store=store, limits=limits
        )
    except UploadTooLarge:
        message = _("The file is larger than the limit of %(size)s.") % {"size": file_size(limits.max_bytes)}
        state.add_error("file", message)
        return render_person_page(request, session, actor, person_id, page, status_code=413)
    except InvalidInput as exc:
        state.add_error("file", _upload_refusal(exc, filename, limits.allowed_types))
        return render_person_page(request, session, actor, person_id, page, status_code=422)
    flash(request, _("%(file)s uploaded.") % {"file": attachment.filename})
    return _see_other(_person_url(request, person_id, "files"))


def _upload_refusal(exc: InvalidInput, filename: str, allowed: Iterable[str]) -> str:
    accepted = ", ".join(sorted(file_type_label(kind) for kind in allowed))
    if "name ends in" in exc.message:
        return _(
            "The content of “%(file)s” does not match its file name; a renamed or disguised file is "
            "not accepted. Upload the original file."
        ) % {"file": filename}
    if "empty" in exc.message:
        return _("The file is empty.")
    return _("This kind of file is not accepted. Upload one of: %(types)s.") % {"types": accepted}


@router.get("/people/{person_id}/files/{attachment_id}", name="person_file_download")
def person_file_download(
    person_id: uuid.UUID,
    attachment_id: uuid.UUID,
    session: DbSession,
    actor: PageActor,
    store: AttachmentStoreDep,
) -> Response:
    """Download an attachment under its original name (recorded as a view)."""
    content = files_service.open_attachment(session, actor, attachment_id, store=store)
    if content.attachment.person_id != person_id:
        raise NotFound("No such attachment.")
    return Response(
        content=content.data,
        media_type=content.attachment.content_type,
        headers={"Content-Disposition": content_disposition(content.attachment.filename)},
    )


@router.post("/people/{person_id}/files/{attachment_id}/delete", name="person_file_delete")
def person_file_delete(
    request: Request,
    person_id: uuid.UUID,
    attachment_id: uuid.UUID,
    form_data: CsrfForm,
    session: DbSession,
    actor: PageActor,
    store: AttachmentStoreDep,
) -> RedirectResponse:
    """Delete an attachment; its bytes go once the change is committed."""
    del form_data
    attachment = files_service.delete_attachment(session, actor, attachment_id, store=store)
    flash(request, _("%(file)s deleted.") % {"file": attachment.filename})
    return _see_other(_person_url(request, person_id, "files"))


@router.get("/people/{person_id}/delete", name="person_delete_confirm")
def person_delete_confirm(
    request: Request, person_id: uuid.UUID, session: DbSession, actor: PageActor
) -> HTMLResponse:
    """Ask before deleting a person with everything attached."""
    person = service.person_to_read(actor, service.get_person(session, actor, person_id, record_view=False))
    require_recruiting_write(actor)
    return render_page(
        request,
        "people/delete.html",
        actor,
        title=_("Delete %(name)s?") % {"name": person.display_name},
        subtitle=_("This cannot be undone."),
        person=person,
    )


@router.post("/people/{person_id}/delete", name="person_delete")
def person_delete(
    request: Request,
    person_id: uuid.UUID,
    form_data: CsrfForm,
    session: DbSession,
    actor: PageActor,
    store: AttachmentStoreDep,
) -> RedirectResponse:
    """Delete the person with their applications, notes and files."""
    del form_data
    deleted = service.delete_person(session, actor, person_id, store=store)
    flash(request, _("%(name)s was deleted.") % {"name": deleted.display_name})
    return _see_other(url_for(request, "people"))
