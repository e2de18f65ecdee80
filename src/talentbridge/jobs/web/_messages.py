"""What services and schemas refuse, said in the viewer's language, chosen by what the error *is*.

A service error is looked up by its class and field (``RuleViolation`` on ``hub_id`` is an
inactive hub), a schema's ``ValueError`` by the name it is about (the last name in its location),
never by its English wording. A sentence's values (a hub's name, a number of jobs, a code) are the
quoted values and numbers of the English message, in order. The few fields that can be refused for
more than one reason are settled by facts of the page (``page``: the submitted form, the status
asked for). An error nothing here knows, or whose values are missing, is shown as the service said
it (looked up whole in the catalogue). ``tests/web/test_jobs_pages.py`` triggers every entry in
Chinese, so a service whose refusal changes shape fails a test instead of going silently English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from talentbridge.errors import Conflict, InvalidInput, RuleViolation, StaleVersion, TalentBridgeError
from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.schemas import SALARY_FIELDS
from talentbridge.jobs.web._choices import enum_label
from talentbridge.kit.text import normalise_key
from talentbridge.web import formatting
from talentbridge.web.forms import FORM_ERROR, FormState, translate_message, validation_message
from talentbridge.web.i18n import _, gettext_noop, ngettext

Page = Mapping[str, str]
"""Facts of the page that settle an ambiguous refusal (form values, ``current``/``target`` status)."""

Say = Callable[[Sequence[str], Page], str | None]
"""Builds the translated sentence from the message's values and the page; None when it cannot."""

NO_PAGE: Page = MappingProxyType({})

# A quoted value ends at a quote followed by a space, punctuation or the end ("St John's" stays whole).
_VALUES = re.compile(r"'(.+?)'(?=[\s.,;:)]|$)|\b(\d+)\b")

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


def message_values(message: str) -> list[str]:
    """The quoted values and the numbers of an English message, in order."""
    return [quoted or number for quoted, number in _VALUES.findall(message)]


# --- sentences --------------------------------------------------------------------------------------


def _hub_gone(_values: Sequence[str], _page: Page) -> str:
    return _("This hub does not exist any more.")


def _hub_inactive(values: Sequence[str], _page: Page) -> str:
    return _("The hub “%(name)s” is inactive; choose another hub.") % {"name": values[0]}


def _hub_taken(values: Sequence[str], _page: Page) -> str:
    return _("A hub named “%(name)s” already exists.") % {"name": values[0]}


def _hub_in_use(values: Sequence[str], _page: Page) -> str:
    num = int(values[1])
    return ngettext(
        "The hub “%(name)s” is used by %(num)d job; deactivate it instead of deleting it.",
        "The hub “%(name)s” is used by %(num)d jobs; deactivate it instead of deleting it.",
        num,
    ) % {"name": values[0], "num": num}


def _user_inactive(_values: Sequence[str], _page: Page) -> str:
    return _("One of the chosen users is no longer active.")


def _salary(_values: Sequence[str], page: Page) -> str | None:
    """The salary band rule (``schemas.salary_band_problem``) the submitted values break."""
    filled = [bool(page.get(name)) for name in SALARY_FIELDS]
    if any(filled) and not all(filled):
        return _("A salary band needs currency, minimum, maximum and period together (or none).")
    if page.get("salary_min", "").startswith("-"):
        return _("The salary minimum cannot be negative.")
    if all(filled):
        return _salary_order(_values, page)
    return None


def _salary_order(_values: Sequence[str], _page: Page) -> str:
    return _("The salary maximum must not be below the minimum.")


def _skill_in_both(values: Sequence[str], _page: Page) -> str:
    return _("The skill “%(name)s” is both required and preferred; keep it in one list.") % {
        "name": values[0]
    }


def _skill_twice(values: Sequence[str], _page: Page) -> str:
    return _("The skill “%(name)s” is listed twice.") % {"name": values[0]}


def _preferred_skill(values: Sequence[str], page: Page) -> str:
    """A preferred skill is refused when it is also required, or else when it is listed twice."""
    lines = page.get("required_skills", "").splitlines()
    required = {normalise_key(line.rpartition("|")[0] or line) for line in lines}
    if normalise_key(values[0]) in required:
        return _skill_in_both(values, page)
    return _skill_twice(values, page)


def _stale(_values: Sequence[str], _page: Page) -> str:
    return _("Someone else changed this job in the meantime; reload it and try again.")


def _already(_values: Sequence[str], page: Page) -> str | None:
    """A status change to the status the job has; other refusals stay as the service said them."""
    if not page.get("current") or page.get("current") != page.get("target"):
        return None
    return _("The job is already %(status)s.") % {"status": enum_label(JobStatus(page["current"]))}


def _initial_status(_values: Sequence[str], _page: Page) -> str:
    return _("A new job must be created as a draft or open.")


def _language_once(_values: Sequence[str], _page: Page) -> str:
    return _("Each language can be listed only once.")


def _team_once(_values: Sequence[str], _page: Page) -> str:
    return _("Each user can be on the hiring team only once.")


def _country(values: Sequence[str], _page: Page) -> str:
    return _("“%(code)s” is not a known country.") % {"code": values[0]}


def _currency(values: Sequence[str], _page: Page) -> str:
    return _("“%(code)s” is not a known currency.") % {"code": values[0]}


def _language(values: Sequence[str], _page: Page) -> str:
    return _("“%(code)s” is not a known language.") % {"code": values[0]}


def _time_zone(values: Sequence[str], _page: Page) -> str:
    return _("“%(code)s” is not a known time zone.") % {"code": values[0]}


REFUSALS: dict[tuple[type[TalentBridgeError], str | None], Say] = {
    (InvalidInput, "hub_id"): _hub_gone,
    (RuleViolation, "hub_id"): _hub_inactive,
    (Conflict, "name"): _hub_taken,
    (Conflict, "hub_id"): _hub_in_use,
    (InvalidInput, "team"): _user_inactive,
    (InvalidInput, "preferred_skills"): _skill_in_both,
    **{(InvalidInput, name): _salary for name in SALARY_FIELDS},
    (StaleVersion, None): _stale,
    (RuleViolation, "status"): _already,
}
"""Service errors by class and field (``None``: any field)."""

VALUE_ERRORS: dict[str, Say] = {
    "": _salary,  # the whole-body rule of JobCreate: the complete salary band
    "salary_max": _salary_order,
    "required_skills": _skill_twice,
    "preferred_skills": _preferred_skill,
    "status": _initial_status,
    "languages": _language_once,
    "team": _team_once,
    "members": _team_once,
    "applicant_countries": _country,
    "country": _country,
    "salary_currency": _currency,
    "currency": _currency,
    "language": _language,
    "timezone": _time_zone,
}
"""Schema ``ValueError``s by the last name of their location."""


def _said(say: Say | None, message: str, page: Page) -> str:
    if say is not None:
        try:
            sentence = say(message_values(message), page)
        except (IndexError, ValueError):
            sentence = None
        if sentence is not None:
            return sentence
    return translate_message(message)


def refusal_message(exc: TalentBridgeError, page: Page = NO_PAGE) -> str:
    """A service's refusal in the viewer's language (as the service said it when it is not known)."""
    say: Say | None = None
    for cls in type(exc).__mro__:
        if not issubclass(cls, TalentBridgeError):
            break
        say = REFUSALS.get((cls, exc.field)) or REFUSALS.get((cls, None))
        if say is not None:
            break
    return _said(say, exc.message, page)


def value_error_text(error: ErrorDetails) -> str:
    """The English sentence of a schema's ``ValueError``."""
    return str((error.get("ctx") or {}).get("error", error["msg"]))


def value_message(error: ErrorDetails, page: Page = NO_PAGE) -> str:
    """A schema's ``ValueError`` in the viewer's language, by the field it is about."""
    names = [part for part in error["loc"] if isinstance(part, str)]
    return _said(VALUE_ERRORS.get(names[-1] if names else ""), value_error_text(error), page)


Explain = Callable[[ErrorDetails], str]
"""How a page says a schema's ``ValueError`` (its own sentences, or ``value_message``)."""

_NUMBER_ERRORS = frozenset(
    {"int_parsing", "float_parsing", "decimal_parsing", "int_from_float", "finite_number"}
    | {"int_type", "float_type", "decimal_type"}
)
_DECIMAL_ERRORS = frozenset({"decimal_max_digits", "decimal_max_places", "decimal_whole_digits"})


def field_message(error: ErrorDetails, explain: Explain = value_message) -> str:
    """A translated message for one Pydantic error, more specific than the shared one for numbers,
    dates and the schemas' own rules (said by ``explain``)."""
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind == "value_error":
        return explain(error)
    if kind in _NUMBER_ERRORS:
        return _("Enter a number.")
    limits = {
        "greater_than_equal": (_("Enter %(limit)s or more."), "ge"),
        "greater_than": (_("Enter a number greater than %(limit)s."), "gt"),
        "less_than_equal": (_("Enter %(limit)s or less."), "le"),
        "less_than": (_("Enter a number less than %(limit)s."), "lt"),
    }
    if kind in limits:
        sentence, key = limits[kind]
        return sentence % {"limit": formatting.format_number(context.get(key))}
    if kind.startswith("date_"):
        return _("Enter a date as YYYY-MM-DD.")
    if kind in _DECIMAL_ERRORS:
        return _("Enter an amount with at most two decimal places.")
    if kind in {"uuid_parsing", "uuid_type"}:
        return _("Choose one of the options.")
    if kind == "too_long" and isinstance(error.get("input"), list):
        return _("There are too many entries.")
    return validation_message(error)


def attach_errors(form: FormState, exc: ValidationError, explain: Explain = value_message) -> None:
    """Each Pydantic error next to the field its location starts with (or the whole form)."""
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else FORM_ERROR
        form.add_error(name, field_message(error, explain))
