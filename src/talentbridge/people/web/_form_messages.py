"""The words of the person form: field labels for the error summary and translated error messages.

Pydantic's English messages are replaced by ones that say what to type, specific to the field
where that helps ("Choose a country from the list."); errors about one entry of a list field
(an e-mail, a phone, a skill) quote the entry.
"""

from __future__ import annotations

from pydantic_core import ErrorDetails

from talentbridge.people.web._display import link_label
from talentbridge.web.forms import validation_message
from talentbridge.web.i18n import _

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


def field_labels() -> dict[str, str]:
    """Labels of the form's single fields, by field name."""
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


def row_field_labels() -> dict[str, str]:
    """Labels of the fields of repeatable rows (languages, experience, education)."""
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


def section_labels() -> dict[str, str]:
    """What one row of each repeatable section is called ("Language 2 · Level")."""
    return {"languages": _("Language"), "experiences": _("Position"), "educations": _("Education")}


def error_message(name: str, error: ErrorDetails) -> str:
    """A translated message for one schema error of the person form, specific where it helps."""
    message = _specific_message(name, error)
    loc = error["loc"]
    if name in _LIST_FIELDS and len(loc) >= 2 and isinstance(loc[1], int):
        entry = error.get("input")
        if isinstance(entry, dict):
            entry = entry.get("number") or entry.get("name")
        if isinstance(entry, str) and entry:
            return _("“%(value)s”: %(message)s") % {"value": entry, "message": message}
    return message


def _specific_message(name: str, error: ErrorDetails) -> str:
    kind = error["type"]
    base = name.split("-")[-1]
    if base in {"location_country", "country"} or name == "nationalities":
        return _("Choose a country from the list.")
    if base == "language" and kind != "missing":
        return _("Choose a language from the list.")
    if name == "languages" and kind == "value_error":
        return _("Each language may be listed once.")
    if name == "timezone":
        return _("Choose a time zone from the list.")
    if name == "phones" and kind != "too_long":
        return _("Enter the number in international format with the country code, e.g. +86 138 0013 8000.")
    if name.startswith("link_") or (kind.startswith("url_") and name not in _LIST_FIELDS):
        return _("Enter a full web address starting with https://.")
    if base in {"end_date", "end_year"} and kind == "value_error":
        return _("The end must not be before the start.")
    if name == "date_of_birth" and kind == "value_error":
        return _("Enter a date in the past.")
    if kind in _DATE_TYPES:
        return _("Enter a date as YYYY-MM-DD.")
    if base in {"start_year", "end_year"}:
        return _("Enter a year between 1900 and 2100.")
    if name == "notice_period_days":
        return _("Enter a number of days between 0 and 365.")
    if name == "expected_salary_currency" and kind == "value_error":
        return _("Choose the currency of the amount.")
    if name == "expected_salary_amount" and kind in _NUMBER_TYPES:
        return _("Enter an amount without separators, e.g. 450000.")
    if kind == "too_long" and name in _LIST_FIELDS:
        return _("Too many entries.")
    return validation_message(error)
