"""Pages for jobs and hubs: the jobs list, the job form, the job page and the hubs settings.

- ``/jobs``: the jobs the viewer may see, filtered with the API's ``JobFilter`` (kept in the URL)
  and paged by cursor;
- ``/jobs/new``, ``/jobs/{id}/edit``: the full job form (recruiters and administrators). It
  validates with ``JobCreate`` / ``JobUpdate``, so the page accepts exactly what the API accepts;
  errors are shown next to each field and summarised at the top, and nothing is written unless
  everything is valid. Editing sends the version that was read: a stale edit is refused (409);
- ``/jobs/{id}``: the job page, with the pipeline as a kanban board (``templates/pipeline``) and
  the details (rendered Markdown, requirements, salary band unless the role may not see it, team);
- ``/settings/hubs``: hubs for administrators.

Routes parse, call the service and render. Services raise in English; ``translate`` turns their
messages into the viewer's language where the sentence is known (``MESSAGE_RULES``). The helpers
in the first section are shared with ``pipeline/web.py``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any

import pycountry
from babel import Locale
from babel.numbers import format_currency, get_currency_name, list_currencies
from babel.support import LazyProxy
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from pydantic_core import ErrorDetails
from starlette.datastructures import FormData

from talentbridge.api.deps import DbSession
from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.auth.models import User
from talentbridge.auth.policies import require_admin, require_pipeline_write, require_recruiting_write
from talentbridge.errors import Conflict, Forbidden, StaleVersion, TalentBridgeError
from talentbridge.jobs import service
from talentbridge.jobs.enums import (
    DegreeLevel,
    HiringTeamRole,
    JobLevel,
    JobStatus,
    RoleFamily,
    SalaryPeriod,
    WorkModel,
)
from talentbridge.jobs.lifecycle import ALLOWED_STATUS_CHANGES, ENDED_STATUSES, INITIAL_STATUSES
from talentbridge.jobs.models import Hub
from talentbridge.jobs.schemas import (
    SALARY_FIELDS,
    HiringTeamMemberIn,
    HiringTeamUpdate,
    HubCreate,
    HubUpdate,
    JobCreate,
    JobFilter,
    JobRead,
    JobSort,
    JobUpdate,
)
from talentbridge.kit.levels import LanguageLevel
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.enums import ApplicationStatus, ReasonKind, StageCategory
from talentbridge.pipeline.models import RejectionReason
from talentbridge.pipeline.schemas import KanbanBoard
from talentbridge.web import formatting, labels
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FORM_ERROR, FormState, translate_message, validation_message
from talentbridge.web.i18n import _, current_locale, gettext_noop, lazy_gettext, ngettext
from talentbridge.web.templating import render_page
from talentbridge.web.urls import route_exists, url_for

router = APIRouter(include_in_schema=False)

# =================================================================================================
# Shared page helpers (also used by pipeline/web.py)
# =================================================================================================

# Labels of enums that web/labels.py does not register (it keeps the badge vocabularies).
_ENUM_LABELS: dict[tuple[type[StrEnum], str], LazyProxy] = {
    (RoleFamily, RoleFamily.ALGORITHM_ML): lazy_gettext("Algorithms and machine learning"),
    (RoleFamily, RoleFamily.DATA_ANALYSIS): lazy_gettext("Data analysis"),
    (RoleFamily, RoleFamily.CROSS_CULTURAL): lazy_gettext("Cross-cultural roles"),
    (RoleFamily, RoleFamily.SOFTWARE_ENGINEERING): lazy_gettext("Software engineering"),
    (RoleFamily, RoleFamily.OTHER): lazy_gettext("Other"),
    (DegreeLevel, DegreeLevel.NONE): lazy_gettext("No degree required"),
    (DegreeLevel, DegreeLevel.SECONDARY): lazy_gettext("Secondary school"),
    (DegreeLevel, DegreeLevel.ASSOCIATE): lazy_gettext("Associate degree"),
    (DegreeLevel, DegreeLevel.BACHELOR): lazy_gettext("Bachelor's degree"),
    (DegreeLevel, DegreeLevel.MASTER): lazy_gettext("Master's degree"),
    (DegreeLevel, DegreeLevel.DOCTORATE): lazy_gettext("Doctorate"),
    (SalaryPeriod, SalaryPeriod.YEAR): lazy_gettext("per year"),
    (SalaryPeriod, SalaryPeriod.MONTH): lazy_gettext("per month"),
    (SalaryPeriod, SalaryPeriod.HOUR): lazy_gettext("per hour"),
    (HiringTeamRole, HiringTeamRole.RECRUITER): lazy_gettext("Recruiter"),
    (HiringTeamRole, HiringTeamRole.HIRING_MANAGER): lazy_gettext("Hiring manager"),
    (HiringTeamRole, HiringTeamRole.INTERVIEWER): lazy_gettext("Interviewer"),
    (HiringTeamRole, HiringTeamRole.COORDINATOR): lazy_gettext("Coordinator"),
    (LanguageLevel, LanguageLevel.NATIVE): lazy_gettext("Native"),
    (ReasonKind, ReasonKind.REJECTION): lazy_gettext("Rejection reasons"),
    (ReasonKind, ReasonKind.WITHDRAWAL): lazy_gettext("Withdrawal reasons"),
}


def enum_label(value: StrEnum) -> str:
    """The translated label of an enum member (ours first, then the shared registry)."""
    found = _ENUM_LABELS.get((type(value), value.value))
    if found is not None:
        return str(found)
    if isinstance(value, LanguageLevel) and value.scale == "hsk":
        return f"HSK {value.rank}"
    return labels.label(value)


def enum_choices(enum: type[StrEnum], *, blank: str | None = None) -> list[tuple[str, str]]:
    """``(value, label)`` options of an enum, optionally after a blank first option."""
    options = [("", blank)] if blank is not None else []
    return options + [(member.value, enum_label(member)) for member in enum]


PAGE_ERRORS = frozenset({401, 403, 404})
"""Refusals shown as the app's error pages (sign-in, no access, not found), never inside a form."""


def see_other(url: str) -> RedirectResponse:
    """303 after a POST: the browser follows with a GET, so a reload never re-submits."""
    return RedirectResponse(url, status_code=303)


def allowed(policy: Callable[[Actor], None], actor: Actor) -> bool:
    """Whether a role policy lets the actor act (pages hide what would answer 403)."""
    try:
        policy(actor)
    except Forbidden:
        return False
    return True


def person_href(request: Request, person_id: uuid.UUID) -> str:
    """The person page (mounted by the people context as ``person``; the path is its contract)."""
    if route_exists(request, "person"):
        return url_for(request, "person", person_id=person_id)
    return f"/people/{person_id}"


def render(
    request: Request, template: str, actor: Actor, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """``render_page`` plus the helpers the job and pipeline templates share."""
    return render_page(
        request,
        template,
        actor,
        status_code=status_code,
        elabel=enum_label,
        person_href=lambda person_id: person_href(request, person_id),
        **context,
    )


# --- translating what services say ---------------------------------------------------------------

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def rule(pattern: str, build: Callable[[re.Match[str]], str]) -> Rule:
    """A known English sentence (a regular expression) and how to say it in the viewer's language."""
    return re.compile(pattern), build


def _status_word(value: str) -> str:
    try:
        return enum_label(JobStatus(value.replace(" ", "_")))
    except ValueError:
        return value


def _country_rule(match: re.Match[str]) -> str:
    return _("“%(code)s” is not a known country.") % {"code": match["code"]}


MESSAGE_RULES: list[Rule] = [
    rule(r"No such hub\.", lambda _m: _("This hub does not exist any more.")),
    rule(
        r"The hub '(?P<name>.+?)' is inactive; choose another hub\.",
        lambda m: _("The hub “%(name)s” is inactive; choose another hub.") % {"name": m["name"]},
    ),
    rule(
        r"A hub named '(?P<name>.+?)' already exists\.",
        lambda m: _("A hub named “%(name)s” already exists.") % {"name": m["name"]},
    ),
    rule(
        r"The hub '(?P<name>.+?)' is used by (?P<num>\d+) job\(s\); deactivate it instead of deleting it\.",
        lambda m: (
            ngettext(
                "The hub “%(name)s” is used by %(num)d job; deactivate it instead of deleting it.",
                "The hub “%(name)s” is used by %(num)d jobs; deactivate it instead of deleting it.",
                int(m["num"]),
            )
            % {"name": m["name"], "num": int(m["num"])}
        ),
    ),
    rule(r"No active user with id .+?\.", lambda _m: _("One of the chosen users is no longer active.")),
    rule(
        r"A salary band needs currency, minimum, maximum and period together \(or none\)\.",
        lambda _m: _("A salary band needs currency, minimum, maximum and period together (or none)."),
    ),
    rule(r"The salary minimum cannot be negative\.", lambda _m: _("The salary minimum cannot be negative.")),
    rule(
        r"The salary maximum must not be below the minimum\.",
        lambda _m: _("The salary maximum must not be below the minimum."),
    ),
    rule(
        r"The skill '(?P<name>.+?)' is both required and preferred; keep it in one list\.",
        lambda m: (
            _("The skill “%(name)s” is both required and preferred; keep it in one list.")
            % {"name": m["name"]}
        ),
    ),
    rule(
        r"The skill '(?P<name>.+?)' is listed twice\.",
        lambda m: _("The skill “%(name)s” is listed twice.") % {"name": m["name"]},
    ),
    rule(
        r"Each language can be required only once\.", lambda _m: _("Each language can be listed only once.")
    ),
    rule(
        r"Each user can be on the hiring team only once\.",
        lambda _m: _("Each user can be on the hiring team only once."),
    ),
    rule(
        r"A new job must be created as draft or open\.",
        lambda _m: _("A new job must be created as a draft or open."),
    ),
    rule(r"'(?P<code>[^']*)' is not an ISO 3166-1 alpha-2 country code", _country_rule),
    rule(
        r"'(?P<code>[^']*)' is not an ISO 4217 currency code",
        lambda m: _("“%(code)s” is not a known currency.") % {"code": m["code"]},
    ),
    rule(
        r"'(?P<code>[^']*)' is not an ISO 639 language code",
        lambda m: _("“%(code)s” is not a known language.") % {"code": m["code"]},
    ),
    rule(
        r"'(?P<code>[^']*)' is not an IANA time zone",
        lambda m: _("“%(code)s” is not a known time zone.") % {"code": m["code"]},
    ),
    rule(
        r"Someone else changed this (job|record) (since you loaded it|meanwhile); "
        r"reload (it )?and try again\.",
        lambda _m: _("Someone else changed this job in the meantime; reload it and try again."),
    ),
    rule(
        r"The job is already (?P<status>[a-z ]+)\.",
        lambda m: _("The job is already %(status)s.") % {"status": _status_word(m["status"])},
    ),
]

# Messages services raise that error pages show as they are (extracted for translators).
SERVICE_MESSAGES = (
    gettext_noop("No such job."),
    gettext_noop("No such hub."),
    gettext_noop("No such application."),
    gettext_noop("No such reason."),
    gettext_noop("No such stage."),
    gettext_noop("No such person."),
    gettext_noop("No such source."),
)


def translate(message: str, rules: Sequence[Rule] = ()) -> str:
    """A service's English message in the viewer's language, sentence by sentence.

    Each sentence is matched against ``rules`` and ``MESSAGE_RULES``; a message with a sentence no
    rule knows is looked up whole in the catalogue (and shown in English if it is not there).
    """
    text = message.strip()
    known = [*rules, *MESSAGE_RULES]
    parts: list[str] = []
    position = 0
    while position < len(text):
        for pattern, build in known:
            match = pattern.match(text, position)
            if match is not None:
                parts.append(build(match))
                position = match.end()
                break
        else:
            return translate_message(message)
        while position < len(text) and text[position] == " ":
            position += 1
    return " ".join(parts)


def field_message(error: ErrorDetails, rules: Sequence[Rule] = ()) -> str:
    """A translated message for one Pydantic error, more specific than the shared one for numbers,
    dates and the schemas' own rules (whose English sentences ``translate`` knows)."""
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind == "value_error":
        return translate(str(context.get("error", error["msg"])), rules)
    if kind in {"int_parsing", "float_parsing", "decimal_parsing", "int_from_float", "finite_number"}:
        return _("Enter a number.")
    if kind in {"int_type", "float_type", "decimal_type"}:
        return _("Enter a number.")
    limits = {
        "greater_than_equal": (_("Enter %(limit)s or more."), "ge"),
        "greater_than": (_("Enter a number greater than %(limit)s."), "gt"),
        "less_than_equal": (_("Enter %(limit)s or less."), "le"),
        "less_than": (_("Enter a number less than %(limit)s."), "lt"),
    }
    if kind in limits:
        text, key = limits[kind]
        return text % {"limit": formatting.format_number(context.get(key))}
    if kind.startswith("date_") or kind == "date_type":
        return _("Enter a date as YYYY-MM-DD.")
    if kind in {"decimal_max_digits", "decimal_max_places", "decimal_whole_digits"}:
        return _("Enter an amount with at most two decimal places.")
    if kind in {"uuid_parsing", "uuid_type"}:
        return _("Choose one of the options.")
    if kind == "too_long" and isinstance(error.get("input"), list):
        return _("There are too many entries.")
    return validation_message(error)


# --- choices for selects ------------------------------------------------------------------------


@lru_cache(maxsize=8)
def country_choices(locale: str) -> tuple[tuple[str, str], ...]:
    """Every ISO 3166 country, named in ``locale``, by name."""
    names = Locale.parse(locale).territories
    pairs = [
        (country.alpha_2, str(names.get(country.alpha_2) or country.name)) for country in pycountry.countries
    ]
    return tuple(sorted(pairs, key=lambda pair: pair[1].casefold()))


@lru_cache(maxsize=8)
def currency_choices(locale: str) -> tuple[tuple[str, str], ...]:
    """ISO 4217 currencies that are money (no funds or metals), ``"CNY — Chinese Yuan"``, by code."""
    known = {currency.alpha_3 for currency in pycountry.currencies}
    codes = sorted(code for code in list_currencies() if code in known and not _is_special_currency(code))
    return tuple((code, f"{code} — {get_currency_name(code, locale=locale)}") for code in codes)


def _is_special_currency(code: str) -> bool:
    return code.startswith("X") and code not in {"XAF", "XOF", "XPF", "XCD"}


@lru_cache(maxsize=8)
def language_choices(locale: str) -> tuple[tuple[str, str], ...]:
    """Languages with a two-letter ISO 639-1 code, named in ``locale``, by name."""
    names = Locale.parse(locale).languages
    pairs = [
        (language.alpha_2, str(names.get(language.alpha_2) or language.name))
        for language in pycountry.languages
        if hasattr(language, "alpha_2")
    ]
    return tuple(sorted(pairs, key=lambda pair: pair[1].casefold()))


def _plain_number(value: Decimal | float | int | None) -> str:
    """A stored number as a form shows it: ``600000`` rather than ``600000.00``, ``2.5`` kept."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(value.to_integral()) if value == value.to_integral() else str(value.normalize())
    return f"{value:g}"


# =================================================================================================
# The jobs list
# =================================================================================================

FILTER_FIELDS = ("status", "role_family", "hub_id", "work_model", "level", "q")
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def _read_filters(request: Request) -> tuple[JobFilter, FormState, int]:
    """The filters in the query string (blank ones ignored, invalid ones explained and dropped)."""
    params = request.query_params
    values = {name: params.get(name, "").strip() for name in (*FILTER_FIELDS, "sort")}
    state = FormState(values=values)
    data: dict[str, str] = {name: value for name, value in values.items() if value}
    try:
        filters = JobFilter.model_validate(data)
    except ValidationError as exc:
        # Fields are independent: explain and drop each invalid one, keep filtering by the rest.
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else FORM_ERROR
            state.add_error(name, field_message(error))
            data.pop(name, None)
        filters = JobFilter.model_validate(data)
    limit = _page_size(params.get("limit"))
    return filters, state, limit


def _page_size(raw: str | None) -> int:
    try:
        size = int(raw) if raw else PAGE_SIZE
    except ValueError:
        return PAGE_SIZE
    return min(max(size, 1), MAX_PAGE_SIZE)


@router.get("/jobs", name="jobs")
def jobs_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The jobs the viewer may see, filtered, sorted and paged (all kept in the URL)."""
    filters, filter_form, limit = _read_filters(request)
    cursor = request.query_params.get("cursor") or None
    jobs, next_cursor, total = service.list_jobs(session, actor, filters, cursor=cursor, limit=limit)
    hubs = service.list_hubs(session, actor)
    filtered = any(getattr(filters, name) not in (None, "") for name in FILTER_FIELDS)
    return render(
        request,
        "jobs/list.html",
        actor,
        status_code=422 if filter_form.errors else 200,
        title=_("Jobs"),
        subtitle=ngettext("%(num)d job", "%(num)d jobs", total) % {"num": total}
        if filtered
        else _("Every requisition you can see, from draft to filled."),
        jobs=jobs,
        next_cursor=next_cursor,
        total=total,
        filters=filters,
        filter_form=filter_form,
        filtered=filtered,
        sort=filters.sort.value,
        sort_choices=[
            (JobSort.CREATED_AT.value, _("Newest first")),
            (JobSort.TITLE.value, _("Title, A to Z")),
            (JobSort.STATUS.value, _("Status")),
        ],
        status_choices=enum_choices(JobStatus, blank=_("Any status")),
        role_family_choices=enum_choices(RoleFamily, blank=_("Any role family")),
        work_model_choices=enum_choices(WorkModel, blank=_("Any work model")),
        level_choices=enum_choices(JobLevel, blank=_("Any level")),
        hub_choices=[("", _("Any hub"))] + [(str(hub.id), hub.name) for hub in hubs],
        can_create=allowed(require_recruiting_write, actor),
    )


# =================================================================================================
# The job form
# =================================================================================================

SCALAR_FIELDS = (
    "title",
    "role_family",
    "level",
    "hub_id",
    "work_model",
    "headcount",
    "status",
    "target_start_date",
    "required_skills",
    "preferred_skills",
    "min_education",
    "min_years_experience",
    "salary_currency",
    "salary_min",
    "salary_max",
    "salary_period",
    "description_md",
    "expected_version",
)
REQUIRED_FIELDS = ("title", "role_family", "level", "hub_id", "work_model", "headcount")
OPTIONAL_FIELDS = (
    "target_start_date",
    "min_education",
    "min_years_experience",
    *SALARY_FIELDS,
)
AMOUNT_FIELDS = ("salary_min", "salary_max")
EMPTY_LANGUAGE_ROWS = 2
MAX_LANGUAGE_ROWS = 20
ADD_LANGUAGE_ROW = "add_language"


@dataclass
class LanguageRow:
    """One row of the language requirements (``required`` is the "must have" checkbox)."""

    language: str = ""
    min_level: str = ""
    required: bool = True


@dataclass
class JobForm:
    """A job form as submitted or as loaded: scalar fields in ``state``, lists beside them.

    ``skill_lines`` and ``language_rows`` map list positions back to what the user sees (line
    numbers of the skills text, row numbers of the languages), so errors point at the right place.
    """

    state: FormState
    countries: list[str] = field(default_factory=list)
    languages: list[LanguageRow] = field(default_factory=list)
    team: dict[str, str] = field(default_factory=dict)
    skill_lines: dict[str, list[int]] = field(default_factory=dict)
    language_rows: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether nothing is wrong so far."""
        return self.state.ok

    def padded(self, extra: int = EMPTY_LANGUAGE_ROWS) -> JobForm:
        """The same form with ``extra`` empty language rows to fill in (no JavaScript needed)."""
        filled = [row for row in self.languages if row.language or row.min_level]
        rows = (filled + [LanguageRow() for _ in range(extra)])[:MAX_LANGUAGE_ROWS]
        self.languages = rows
        return self


def _form_from_job(job: JobRead) -> JobForm:
    values = {
        "title": job.title,
        "role_family": job.role_family.value,
        "level": job.level.value,
        "hub_id": str(job.hub.id),
        "work_model": job.work_model.value,
        "headcount": str(job.headcount),
        "status": job.status.value,
        "target_start_date": job.target_start_date.isoformat() if job.target_start_date else "",
        "required_skills": _skills_text(job.required_skills),
        "preferred_skills": _skills_text(job.preferred_skills),
        "min_education": job.min_education.value if job.min_education else "",
        "min_years_experience": _plain_number(job.min_years_experience),
        "salary_currency": job.salary_currency or "",
        "salary_min": _plain_number(job.salary_min),
        "salary_max": _plain_number(job.salary_max),
        "salary_period": job.salary_period.value if job.salary_period else "",
        "description_md": job.description_md,
        "expected_version": str(job.version),
    }
    return JobForm(
        state=FormState(values=values),
        countries=list(job.applicant_countries),
        languages=[LanguageRow(item.language, item.min_level.value, item.required) for item in job.languages],
        team={str(member.user_id): member.role.value for member in job.team},
    ).padded()


def _blank_form(hubs: Sequence[Hub]) -> JobForm:
    active = [hub for hub in hubs if hub.is_active]
    values = dict.fromkeys(SCALAR_FIELDS, "")
    values.update(
        {
            "headcount": "1",
            "status": JobStatus.DRAFT.value,
            "hub_id": str(active[0].id) if len(active) == 1 else "",
        }
    )
    return JobForm(state=FormState(values=values)).padded()


def _skills_text(skills: Iterable[Any]) -> str:
    return "\n".join(f"{skill.name} | {_plain_number(skill.weight)}" for skill in skills)


def _read_job_form(data: FormData, users: Sequence[User]) -> JobForm:
    """The submitted form, as typed (nothing is interpreted yet)."""
    state = FormState.from_form(data, *SCALAR_FIELDS)
    countries = [code for code in data.getlist("applicant_countries") if isinstance(code, str) and code]
    rows = []
    for index in range(_bounded_int(data.get("language_rows"), MAX_LANGUAGE_ROWS)):
        rows.append(
            LanguageRow(
                language=_text(data.get(f"lang_{index}_language")),
                min_level=_text(data.get(f"lang_{index}_level")),
                required=data.get(f"lang_{index}_required") == "on",
            )
        )
    team = {}
    for user in users:
        role = _text(data.get(f"team_{user.id}"))
        if role:
            team[str(user.id)] = role
    return JobForm(state=state, countries=countries, languages=rows, team=team)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _bounded_int(value: object, maximum: int) -> int:
    try:
        number = int(value) if isinstance(value, str) else 0
    except ValueError:
        return 0
    return min(max(number, 0), maximum)


def _parse_skills(form: JobForm, name: str) -> list[dict[str, str]]:
    """``"PyTorch | 8"`` lines as skills (weight 1 when left out); remembers the line numbers."""
    skills, lines = [], []
    for number, line in enumerate(form.state.values[name].splitlines(), start=1):
        if not line.strip():
            continue
        skill, _bar, weight = line.rpartition("|") if "|" in line else (line, "", "")
        skills.append({"name": skill.strip(), "weight": weight.strip() or "1"})
        lines.append(number)
    form.skill_lines[name] = lines
    return skills


def _parse_languages(form: JobForm) -> list[dict[str, Any]]:
    languages, rows = [], []
    for number, row in enumerate(form.languages, start=1):
        if not row.language and not row.min_level:
            continue
        if not row.language or not row.min_level:
            form.state.add_error(
                "languages",
                _("Row %(row)d: choose both a language and a minimum level.") % {"row": number},
            )
            continue
        languages.append({"language": row.language, "min_level": row.min_level, "required": row.required})
        rows.append(number)
    form.language_rows = rows
    return languages


def _amount(value: str) -> str:
    # Thousands separators as people type them ("600,000", "600 000") are not part of the number.
    return re.sub(r"[\s,_']", "", value)


def _job_payload(form: JobForm, *, creating: bool) -> dict[str, Any]:
    """The form as a ``JobCreate``/``JobUpdate`` body; required fields left empty are errors."""
    values = form.state.values
    for name in (*REQUIRED_FIELDS, *(("status",) if creating else ())):
        if not values[name]:
            form.state.add_error(name, _("This field is required."))
    payload: dict[str, Any] = {name: values[name] for name in REQUIRED_FIELDS if values[name]}
    payload["title"] = values["title"]
    payload["description_md"] = values["description_md"]
    for name in OPTIONAL_FIELDS:
        payload[name] = (_amount(values[name]) if name in AMOUNT_FIELDS else values[name]) or None
    payload["applicant_countries"] = form.countries
    payload["required_skills"] = _parse_skills(form, "required_skills")
    payload["preferred_skills"] = _parse_skills(form, "preferred_skills")
    payload["languages"] = _parse_languages(form)
    if creating:
        payload["status"] = values["status"] or JobStatus.DRAFT.value
        payload["team"] = _team_payload(form)
    else:
        payload["expected_version"] = values["expected_version"]
    return payload


def _team_payload(form: JobForm) -> list[dict[str, str]]:
    return [{"user_id": user_id, "role": role} for user_id, role in form.team.items()]


def _attach_errors(form: JobForm, exc: ValidationError) -> None:
    """Each Pydantic error next to its field, with line or row numbers inside list fields."""
    for error in exc.errors():
        location = error["loc"]
        message = field_message(error)
        if not location:
            # The only whole-body rule is the complete salary band: point at the first gap.
            name = next((name for name in SALARY_FIELDS if not form.state.values[name]), "salary_min")
        else:
            name = str(location[0])
            index = location[1] if len(location) > 1 and isinstance(location[1], int) else None
            if name in form.skill_lines and index is not None:
                line = form.skill_lines[name][index]
                message = _("Line %(line)d: %(message)s") % {"line": line, "message": message}
            elif name == "languages" and index is not None:
                row = form.language_rows[index]
                message = _("Row %(row)d: %(message)s") % {"row": row, "message": message}
        form.state.add_error(name, message)


def _job_form_page(
    request: Request,
    session: DbSession,
    actor: Actor,
    form: JobForm,
    *,
    job: JobRead | None = None,
    status_code: int = 200,
    conflict: bool = False,
) -> HTMLResponse:
    hubs = service.list_hubs(session, actor)
    current_hub = form.state.values.get("hub_id")
    users = auth_service.list_assignable_users(session, actor)
    locale = current_locale()
    statuses = INITIAL_STATUSES if job is None else {job.status}
    return render(
        request,
        "jobs/form.html",
        actor,
        status_code=status_code,
        title=job.title if job else _("New job"),
        subtitle=_("Change the requisition; the pipeline and its candidates stay as they are.")
        if job
        else _("Describe the opening; its pipeline is copied from the default stages."),
        form=form.state,
        job_form=form,
        job=job,
        conflict=conflict,
        hub_choices=[("", _("Choose a hub"))]
        + [
            (str(hub.id), hub.name if hub.is_active else _("%(name)s (inactive)") % {"name": hub.name})
            for hub in hubs
            if hub.is_active or str(hub.id) == current_hub
        ],
        role_family_choices=enum_choices(RoleFamily, blank=_("Choose a role family")),
        level_choices=enum_choices(JobLevel, blank=_("Choose a level")),
        work_model_choices=enum_choices(WorkModel, blank=_("Choose a work model")),
        status_choices=[(status.value, enum_label(status)) for status in JobStatus if status in statuses],
        education_choices=enum_choices(DegreeLevel, blank=_("Not specified")),
        period_choices=enum_choices(SalaryPeriod, blank=_("Choose a period")),
        currency_choices=[("", _("Choose a currency")), *currency_choices(locale)],
        country_choices=country_choices(locale),
        language_choices=[("", _("Choose a language")), *language_choices(locale)],
        level_options=[
            ("", _("Minimum level")),
            *((level.value, enum_label(level)) for level in LanguageLevel),
        ],
        team_users=users,
        team_role_choices=enum_choices(HiringTeamRole, blank=_("Not on the team")),
    )


@router.get("/jobs/new", name="job_new")
def job_new_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The form for a new job (recruiters and administrators)."""
    require_recruiting_write(actor)
    return _job_form_page(request, session, actor, _blank_form(service.list_hubs(session, actor)))


@router.post("/jobs", name="job_create")
def job_create(request: Request, data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Create the job, or show the form again with every problem next to its field (422)."""
    require_recruiting_write(actor)
    form = _read_job_form(data, auth_service.list_assignable_users(session, actor))
    if data.get("action") == ADD_LANGUAGE_ROW:
        return _job_form_page(request, session, actor, form.padded(EMPTY_LANGUAGE_ROWS + 1))
    payload = _job_payload(form, creating=True)
    job_data: JobCreate | None = None
    try:
        job_data = JobCreate.model_validate(payload)
    except ValidationError as exc:
        _attach_errors(form, exc)
    if form.ok and job_data is not None:
        try:
            job = service.create_job(session, actor, job_data)
        except TalentBridgeError as exc:
            if exc.http_status in PAGE_ERRORS:
                raise
            session.rollback()
            form.state.add_domain_error(exc, translate(exc.message))
        else:
            flash(request, _("Job “%(title)s” created.") % {"title": job.title})
            return see_other(url_for(request, "job", job_id=job.id))
    return _job_form_page(request, session, actor, form.padded(), status_code=422)


@router.get("/jobs/{job_id}/edit", name="job_edit")
def job_edit_page(request: Request, job_id: uuid.UUID, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The job form filled with the job as it is now (and its version)."""
    job = service.get_job(session, actor, job_id)
    require_recruiting_write(actor)
    read = service.job_to_read(actor, job)
    return _job_form_page(request, session, actor, _form_from_job(read), job=read)


@router.post("/jobs/{job_id}/edit", name="job_update")
def job_update(
    request: Request, job_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Save the job and its hiring team in one transaction; a stale version is a clear 409."""
    job = service.job_to_read(actor, service.get_job(session, actor, job_id))
    require_recruiting_write(actor)
    form = _read_job_form(data, auth_service.list_assignable_users(session, actor))
    if data.get("action") == ADD_LANGUAGE_ROW:
        return _job_form_page(request, session, actor, form.padded(EMPTY_LANGUAGE_ROWS + 1), job=job)
    payload = _job_payload(form, creating=False)
    changes: JobUpdate | None = None
    team: HiringTeamUpdate | None = None
    try:
        changes = JobUpdate.model_validate(payload)
    except ValidationError as exc:
        _attach_errors(form, exc)
    try:
        team = HiringTeamUpdate.model_validate({"members": _team_payload(form)})
    except ValidationError as exc:
        form.state.add_error("team", field_message(exc.errors()[0]))
    if form.ok and changes is not None and team is not None:
        try:
            updated = service.update_job(session, actor, job_id, changes)
            if _team_changed(job, team.members):
                updated = service.set_hiring_team(session, actor, job_id, team.members)
        except StaleVersion:
            session.rollback()
            form.state.add_error(FORM_ERROR, _stale_job_message())
            return _job_form_page(
                request, session, actor, form.padded(), job=job, status_code=409, conflict=True
            )
        except TalentBridgeError as exc:
            if exc.http_status in PAGE_ERRORS:
                raise
            session.rollback()
            form.state.add_domain_error(exc, translate(exc.message))
        else:
            flash(request, _("Changes to “%(title)s” saved.") % {"title": updated.title})
            return see_other(url_for(request, "job", job_id=job_id, query={"tab": "details"}))
    return _job_form_page(request, session, actor, form.padded(), job=job, status_code=422)


def _stale_job_message() -> str:
    return _(
        "Someone else changed this job while you were editing it, so your changes were not saved. "
        "Open the current version, then make your changes again."
    )


def _team_changed(job: JobRead, members: Sequence[HiringTeamMemberIn]) -> bool:
    before = {(member.user_id, member.role) for member in job.team}
    return before != {(member.user_id, member.role) for member in members}


# =================================================================================================
# The job page
# =================================================================================================

TABS = ("pipeline", "details")
CLOSED_CATEGORIES = frozenset({StageCategory.REJECTED, StageCategory.WITHDRAWN})


@dataclass(frozen=True)
class StatusAction:
    """A status change offered in the job's status menu."""

    status: JobStatus
    label: str


def status_actions(status: JobStatus) -> list[StatusAction]:
    """The changes ``jobs.lifecycle`` allows from ``status``, worded as actions, in life-cycle order."""
    reopening = status in ENDED_STATUSES or status is JobStatus.ON_HOLD
    words = {
        JobStatus.OPEN: _("Reopen job") if reopening else _("Open job"),
        JobStatus.ON_HOLD: _("Put on hold"),
        JobStatus.FILLED: _("Mark as filled"),
        JobStatus.CLOSED: _("Close job"),
    }
    return [
        StatusAction(target, words[target])
        for target in JobStatus
        if target in ALLOWED_STATUS_CHANGES[status] and target in words
    ]


@dataclass(frozen=True)
class BoardView:
    """What the kanban template needs besides the board: reasons and what the viewer may do."""

    board: KanbanBoard
    rejection_reasons: list[RejectionReason]
    withdrawal_reasons: list[RejectionReason]
    can_move: bool
    closed_categories: frozenset[StageCategory] = CLOSED_CATEGORIES


def board_view(session: DbSession, actor: Actor, job_id: uuid.UUID) -> BoardView:
    """The job's board with the active reasons (both pipeline service calls the board needs)."""
    board = pipeline_service.get_board(session, actor, job_id)
    reasons = pipeline_service.list_reasons(session, actor)
    return BoardView(
        board=board,
        rejection_reasons=[reason for reason in reasons if reason.kind is ReasonKind.REJECTION],
        withdrawal_reasons=[reason for reason in reasons if reason.kind is ReasonKind.WITHDRAWAL],
        can_move=allowed(require_pipeline_write, actor),
    )


def _salary_band(job: JobRead) -> str | None:
    if not job.salary_visible or job.salary_min is None or job.salary_max is None or not job.salary_currency:
        return None
    band = _("%(min)s – %(max)s") % {  # noqa: RUF001 - an en dash between two amounts
        "min": whole_money(job.salary_min, job.salary_currency),
        "max": whole_money(job.salary_max, job.salary_currency),
    }
    return f"{band} {enum_label(job.salary_period)}" if job.salary_period else band


def whole_money(amount: Decimal, currency: str) -> str:
    """Money the viewer's way in its own currency, without ".00" when the amount is whole."""
    if amount != amount.to_integral():
        return formatting.format_money(amount, currency)
    pattern = Locale.parse(current_locale()).currency_formats["standard"].pattern
    whole_pattern = re.sub(r"\.0+", "", pattern.split(";")[0])
    return format_currency(
        amount, currency, format=whole_pattern, locale=current_locale(), currency_digits=False
    )


@router.get("/jobs/{job_id}", name="job")
def job_page(
    request: Request, job_id: uuid.UUID, session: DbSession, actor: PageActor, tab: str = "pipeline"
) -> HTMLResponse:
    """The job: title and key facts, then its pipeline (kanban) or its details."""
    job = service.job_to_read(actor, service.get_job(session, actor, job_id))
    tab = tab if tab in TABS else "pipeline"
    view = board_view(session, actor, job_id)
    return render(
        request,
        "jobs/show.html",
        actor,
        title=job.title,
        job=job,
        tab=tab,
        view=view,
        salary_band=_salary_band(job),
        can_edit=allowed(require_recruiting_write, actor),
        can_add=allowed(require_recruiting_write, actor) and job.status not in ENDED_STATUSES,
        status_actions=status_actions(job.status),
        active_total=sum(
            1
            for column in view.board.columns
            for card in column.cards
            if card.status is ApplicationStatus.ACTIVE
        ),
    )


@router.post("/jobs/{job_id}/status", name="job_status")
def job_status(
    request: Request, job_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Open, hold, fill, close or reopen the job; a refusal or a stale page is explained."""
    target_raw = _text(data.get("status"))
    version = _bounded_int(data.get("expected_version"), 2**31 - 1) or None
    back = url_for(request, "job", job_id=job_id)
    try:
        target = JobStatus(target_raw)
    except ValueError:
        flash(request, _("Choose one of the options."), "error")
        return see_other(back)
    try:
        job = service.change_job_status(session, actor, job_id, target, expected_version=version)
    except StaleVersion:
        session.rollback()
        flash(request, _("Someone else changed this job in the meantime; the page is refreshed."), "error")
        return see_other(back)
    except Conflict as exc:
        session.rollback()
        flash(request, translate(exc.message), "error")
        return see_other(back)
    except TalentBridgeError as exc:
        if exc.http_status in PAGE_ERRORS:
            raise
        session.rollback()
        flash(request, translate(exc.message), "error")
        return see_other(back)
    flash(
        request, _("“%(title)s” is now %(status)s.") % {"title": job.title, "status": enum_label(job.status)}
    )
    return see_other(back)


# =================================================================================================
# Hubs (Settings, administrators)
# =================================================================================================

HUB_FIELDS = ("name", "city", "country", "timezone", "currency")


def _hub_form_page(
    request: Request, actor: Actor, form: FormState, *, hub: Hub | None = None, status_code: int = 200
) -> HTMLResponse:
    locale = current_locale()
    return render(
        request,
        "settings/hub_form.html",
        actor,
        status_code=status_code,
        title=hub.name if hub else _("New hub"),
        subtitle=_("An office or hiring location: its country, time zone and currency.")
        if hub is None
        else _("%(city)s, %(country)s") % {"city": hub.city, "country": formatting.country_name(hub.country)},
        form=form,
        hub=hub,
        country_choices=[("", _("Choose a country")), *country_choices(locale)],
        currency_choices=[("", _("Choose a currency")), *currency_choices(locale)],
        timezone_choices=[
            ("", _("Choose a time zone")),
            *labels.timezone_choices(form.values.get("timezone")),
        ],
    )


@router.get("/settings/hubs", name="settings_hubs")
def hubs_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """Every hub with its location, time zone, currency and status."""
    require_admin(actor)
    hubs = service.list_hubs(session, actor)
    return render(
        request,
        "settings/hubs.html",
        actor,
        title=_("Hubs"),
        subtitle=_("Offices and hiring locations. Each job belongs to one hub."),
        hubs=hubs,
    )


@router.get("/settings/hubs/new", name="settings_hub_new")
def hub_new_page(request: Request, actor: PageActor) -> HTMLResponse:
    """The form to add a hub."""
    require_admin(actor)
    return _hub_form_page(request, actor, FormState(values=dict.fromkeys(HUB_FIELDS, "")))


@router.post("/settings/hubs", name="settings_hubs_create")
def hub_create(request: Request, data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Add a hub; a taken name is explained next to the field."""
    require_admin(actor)
    form = FormState.from_form(data, *HUB_FIELDS)
    try:
        hub_data = HubCreate.model_validate({name: value for name, value in form.values.items() if value})
    except ValidationError as exc:
        _attach_simple(form, exc)
        return _hub_form_page(request, actor, form, status_code=422)
    try:
        hub = service.create_hub(session, actor, hub_data)
    except TalentBridgeError as exc:
        session.rollback()
        form.add_domain_error(exc, translate(exc.message))
        return _hub_form_page(request, actor, form, status_code=422)
    flash(request, _("Hub “%(name)s” added.") % {"name": hub.name})
    return see_other(url_for(request, "settings_hubs"))


def _attach_simple(form: FormState, exc: ValidationError) -> None:
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else FORM_ERROR
        form.add_error(name, field_message(error))


@router.get("/settings/hubs/{hub_id}", name="settings_hub")
def hub_edit_page(request: Request, hub_id: uuid.UUID, session: DbSession, actor: PageActor) -> HTMLResponse:
    """One hub's details, its status and the way to delete it."""
    require_admin(actor)
    hub = service.get_hub(session, actor, hub_id)
    values = {name: str(getattr(hub, name)) for name in HUB_FIELDS}
    return _hub_form_page(request, actor, FormState(values=values), hub=hub)


@router.post("/settings/hubs/{hub_id}", name="settings_hub_update")
def hub_update(
    request: Request, hub_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Save a hub's details."""
    require_admin(actor)
    hub = service.get_hub(session, actor, hub_id)
    form = FormState.from_form(data, *HUB_FIELDS)
    for name in HUB_FIELDS:
        if not form.values[name]:
            form.add_error(name, _("This field is required."))
    changes: HubUpdate | None = None
    if form.ok:
        try:
            changes = HubUpdate.model_validate(form.values)
        except ValidationError as exc:
            _attach_simple(form, exc)
    if changes is None:
        return _hub_form_page(request, actor, form, hub=hub, status_code=422)
    try:
        hub = service.update_hub(session, actor, hub_id, changes)
    except TalentBridgeError as exc:
        session.rollback()
        form.add_domain_error(exc, translate(exc.message))
        return _hub_form_page(
            request, actor, form, hub=service.get_hub(session, actor, hub_id), status_code=422
        )
    flash(request, _("Changes to “%(name)s” saved.") % {"name": hub.name})
    return see_other(url_for(request, "settings_hubs"))


@router.post("/settings/hubs/{hub_id}/status", name="settings_hub_status")
def hub_status(
    request: Request, hub_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Deactivate a hub (it takes no new jobs; its jobs stay) or reactivate it."""
    active = data.get("is_active") == "true"
    hub = service.update_hub(session, actor, hub_id, HubUpdate(is_active=active))
    message = (
        _("“%(name)s” takes new jobs again.")
        if active
        else _("“%(name)s” is deactivated; it takes no new jobs.")
    )
    flash(request, message % {"name": hub.name})
    return see_other(url_for(request, "settings_hub", hub_id=hub_id))


@router.post("/settings/hubs/{hub_id}/delete", name="settings_hub_delete")
def hub_delete(
    request: Request, hub_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Delete an unused hub; a hub with jobs is refused with the reason (deactivate it instead)."""
    del data
    hub = service.get_hub(session, actor, hub_id)
    name = hub.name
    try:
        service.delete_hub(session, actor, hub_id)
    except Conflict as exc:
        session.rollback()
        flash(request, translate(exc.message), "error")
        return see_other(url_for(request, "settings_hub", hub_id=hub_id))
    flash(request, _("Hub “%(name)s” deleted.") % {"name": name})
    return see_other(url_for(request, "settings_hubs"))
