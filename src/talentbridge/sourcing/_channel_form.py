"""The channel-details form: which fields each kind has, and converting between the form and the
stored details (validated by ``channel_details``).

Lists (a university's contacts, events and cohorts) are edited as text, one entry per line with
``|`` between the parts, so the form works without JavaScript:

* contacts: ``name | role | e-mail``
* events: ``2026-03-12 | name | kind | location`` (kind: career_fair, tech_talk, hackathon ...)
* cohorts: ``2027 | degree | field | expected headcount`` (degree: bachelor, master, doctorate ...)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel.support import LazyProxy

from talentbridge.sourcing.channel_details import EventKind, PayoutStatus
from talentbridge.sourcing.enums import SourceKind
from talentbridge.web.i18n import lazy_gettext

SEPARATOR = "|"


@dataclass(frozen=True)
class FieldSpec:
    """One input of the form: its name (the details key), label, and input type."""

    name: str
    label: LazyProxy
    type: str = "text"  # text, date, number, email, url, textarea, lines, select
    options: tuple[tuple[str, LazyProxy | str], ...] = ()
    help: LazyProxy | None = None


PAYOUT_CHOICES: tuple[tuple[str, LazyProxy | str], ...] = (
    (PayoutStatus.NOT_DUE.value, lazy_gettext("Not due yet")),
    (PayoutStatus.PENDING.value, lazy_gettext("Pending")),
    (PayoutStatus.APPROVED.value, lazy_gettext("Approved")),
    (PayoutStatus.PAID.value, lazy_gettext("Paid")),
    (PayoutStatus.NOT_ELIGIBLE.value, lazy_gettext("Not eligible")),
)
_NOTES = FieldSpec("notes", lazy_gettext("Notes"), "textarea")
LINE_PARTS: dict[str, tuple[str, ...]] = {
    "contacts": ("name", "role", "email"),
    "events": ("date", "name", "kind", "location"),
    "cohorts": ("graduation_year", "degree", "field", "expected_headcount"),
}
KIND_FIELDS: dict[SourceKind, tuple[FieldSpec, ...]] = {
    SourceKind.JOB_BOARD: (
        FieldSpec("website", lazy_gettext("Website"), "url"),
        FieldSpec(
            "feed_key",
            lazy_gettext("Feed key"),
            help=lazy_gettext("The name the board uses to pull /feeds/indeed.xml?channel=… (e.g. indeed)."),
        ),
        FieldSpec("posting_cost", lazy_gettext("Posting cost"), "number"),
        FieldSpec("posting_cost_currency", lazy_gettext("Currency (ISO 4217)")),
        FieldSpec("contract_end", lazy_gettext("Contract ends"), "date"),
        _NOTES,
    ),
    SourceKind.UNIVERSITY: (
        FieldSpec("institution", lazy_gettext("Institution")),
        FieldSpec("country", lazy_gettext("Country (ISO 3166 code)")),
        FieldSpec("agreement_start", lazy_gettext("Agreement starts"), "date"),
        FieldSpec("agreement_end", lazy_gettext("Agreement ends"), "date"),
        FieldSpec(
            "contacts",
            lazy_gettext("Contacts"),
            "lines",
            help=lazy_gettext("One per line: name | role | e-mail"),
        ),
        FieldSpec(
            "events",
            lazy_gettext("Events"),
            "lines",
            help=lazy_gettext(
                "One per line: date (YYYY-MM-DD) | name | kind (career_fair, tech_talk, hackathon, "
                "info_session, lab_visit, other) | location"
            ),
        ),
        FieldSpec(
            "cohorts",
            lazy_gettext("Expected graduation cohorts"),
            "lines",
            help=lazy_gettext(
                "One per line: year | degree (bachelor, master, doctorate) | field | headcount"
            ),
        ),
        _NOTES,
    ),
    SourceKind.REFERRAL: (
        FieldSpec(
            "referrer_person_email",
            lazy_gettext("Referrer in the candidate database (e-mail)"),
            "email",
            help=lazy_gettext("For a referrer who is not a colleague: the e-mail of their person record."),
        ),
        FieldSpec("bonus_amount", lazy_gettext("Bonus amount"), "number"),
        FieldSpec("bonus_currency", lazy_gettext("Bonus currency (ISO 4217)")),
        FieldSpec("payout_status", lazy_gettext("Payout status"), "select", PAYOUT_CHOICES),
        FieldSpec("payout_after_days", lazy_gettext("Paid after (days from start)"), "number"),
        _NOTES,
    ),
    SourceKind.TALENT_PROGRAMME: (
        FieldSpec("programme_name", lazy_gettext("Programme name")),
        FieldSpec("issuing_body", lazy_gettext("Issuing body")),
        FieldSpec("country", lazy_gettext("Country (ISO 3166 code)")),
        FieldSpec("website", lazy_gettext("Website"), "url"),
        FieldSpec("eligibility_notes", lazy_gettext("Eligibility notes"), "textarea"),
    ),
    SourceKind.AGENCY: (
        FieldSpec("fee_terms", lazy_gettext("Fee terms")),
        FieldSpec("fee_percent", lazy_gettext("Fee (percent of first-year base)"), "number"),
        FieldSpec("guarantee_days", lazy_gettext("Guarantee period (days)"), "number"),
        FieldSpec("contract_end", lazy_gettext("Contract ends"), "date"),
        FieldSpec("contact_name", lazy_gettext("Contact name")),
        FieldSpec("contact_email", lazy_gettext("Contact e-mail"), "email"),
    ),
}
GENERAL_FIELDS = (_NOTES,)
EVENT_KINDS = tuple(kind.value for kind in EventKind)


def fields_for(kind: SourceKind) -> tuple[FieldSpec, ...]:
    """The inputs of a kind's form."""
    return KIND_FIELDS.get(kind, GENERAL_FIELDS)


def all_field_names() -> tuple[str, ...]:
    """Every input name any kind's form uses (the form reads only these)."""
    names = {spec.name for specs in (*KIND_FIELDS.values(), GENERAL_FIELDS) for spec in specs}
    return tuple(sorted(names))


def form_values(kind: SourceKind, details: dict[str, Any], referrer_email: str | None) -> dict[str, str]:
    """Stored details as the form's text values."""
    values: dict[str, str] = {}
    for spec in fields_for(kind):
        if spec.type == "lines":
            values[spec.name] = "\n".join(
                " | ".join(str(item.get(part) or "") for part in LINE_PARTS[spec.name]).rstrip(" |")
                for item in details.get(spec.name) or []
            )
        elif spec.name == "referrer_person_email":
            values[spec.name] = referrer_email or ""
        elif spec.name in {"contact_name", "contact_email"}:
            contact = details.get("contact") or {}
            values[spec.name] = str(contact.get(spec.name.removeprefix("contact_")) or "")
        else:
            value = details.get(spec.name)
            values[spec.name] = "" if value is None else str(value)
    return values


def raw_details(kind: SourceKind, values: dict[str, str]) -> dict[str, Any]:
    """The form's text values as a details document to validate (empty inputs left out).

    ``referrer_person_email`` and the agency contact are resolved by the caller / nested here.
    """
    raw: dict[str, Any] = {}
    for spec in fields_for(kind):
        text = values.get(spec.name, "").strip()
        if spec.type == "lines":
            raw[spec.name] = _lines(spec.name, text)
        elif spec.name in {"referrer_person_email", "contact_name", "contact_email"}:
            continue
        elif text:
            raw[spec.name] = text
    if kind is SourceKind.AGENCY and (values.get("contact_name", "").strip() or values.get("contact_email")):
        contact: dict[str, str] = {"name": values.get("contact_name", "").strip()}
        if values.get("contact_email", "").strip():
            contact["email"] = values["contact_email"].strip()
        raw["contact"] = contact
    return raw


def _lines(name: str, text: str) -> list[dict[str, str]]:
    parts_names = LINE_PARTS[name]
    items = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split(SEPARATOR)]
        items.append({key: value for key, value in zip(parts_names, parts, strict=False) if value})
    return items
