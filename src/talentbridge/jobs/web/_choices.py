"""Option lists and labels for the job and hub pages: enum labels, countries, currencies, languages.

``web/labels.py`` holds the shared enum labels and badge tones; this module adds only the labels
it does not register (language levels, the kinds of pipeline reasons). Country, currency and
language names come from Babel in the viewer's language, cached per locale.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

import pycountry
from babel import Locale
from babel.numbers import get_currency_name, list_currencies
from babel.support import LazyProxy

from talentbridge.kit.levels import LanguageLevel
from talentbridge.pipeline.enums import ReasonKind
from talentbridge.web import labels
from talentbridge.web.i18n import lazy_gettext

# Labels of enums that web/labels.py does not register (it keeps the badge vocabularies).
_ENUM_LABELS: dict[tuple[type[StrEnum], str], LazyProxy] = {
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


def plain_number(value: Decimal | float | int | None) -> str:
    """A stored number as a form shows it: ``600000`` rather than ``600000.00``, ``2.5`` kept."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(value.to_integral()) if value == value.to_integral() else str(value.normalize())
    return f"{value:g}"
