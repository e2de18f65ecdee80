"""How people data is shown on pages: translated labels and the choices of ``<select>`` lists.

Labels shared with other pages (salary periods) come from ``talentbridge.web.labels`` and names
of countries and languages from ``talentbridge.web.formatting``; what only people pages show
(language levels, a person's degree, file types and sizes, profile links, phone numbers) is here.
Choices keep a stored value that is missing from the list, so saving a form never loses it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import phonenumbers
import pycountry
from babel import Locale
from babel.support import LazyProxy

from talentbridge.files.uploads import DOCX, JPEG, PDF, PNG, TEXT
from talentbridge.jobs.enums import DegreeLevel, SalaryPeriod
from talentbridge.kit.levels import LanguageLevel
from talentbridge.sourcing.models import Source
from talentbridge.sourcing.web import kind_label
from talentbridge.web.formatting import EMPTY, country_name, format_number, language_name
from talentbridge.web.i18n import _, current_locale, lazy_gettext, ngettext
from talentbridge.web.labels import choices, label

Options = list[tuple[str, str]]

# A person's degree: "No degree" (a job's requirement reads "No degree required", see web.labels).
_DEGREE_LABELS: dict[DegreeLevel, LazyProxy] = {
    DegreeLevel.NONE: lazy_gettext("No degree"),
    DegreeLevel.SECONDARY: lazy_gettext("Secondary school"),
    DegreeLevel.ASSOCIATE: lazy_gettext("Associate degree"),
    DegreeLevel.BACHELOR: lazy_gettext("Bachelor's degree"),
    DegreeLevel.MASTER: lazy_gettext("Master's degree"),
    DegreeLevel.DOCTORATE: lazy_gettext("Doctorate"),
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
    return label(SalaryPeriod(period)) if period else ""


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
# The cached lists are keyed by the locale they are called with, which is always the current one
# (``country_name`` and ``language_name`` name things in the current locale).


@lru_cache(maxsize=4)
def _countries(locale: str) -> tuple[tuple[str, str], ...]:
    del locale  # the cache key
    rows = [(country.alpha_2, country_name(country.alpha_2)) for country in pycountry.countries]
    return tuple(sorted(rows, key=lambda row: row[1].casefold()))


@lru_cache(maxsize=4)
def _languages(locale: str) -> tuple[tuple[str, str], ...]:
    del locale  # the cache key
    codes = {str(language.alpha_2) for language in pycountry.languages if hasattr(language, "alpha_2")}
    codes |= {"yue"}  # Cantonese has no two-letter code but matters to our candidates
    rows = [(code, language_name(code)) for code in codes]
    return tuple(sorted(rows, key=lambda row: row[1].casefold()))


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
    return choices(SalaryPeriod)


def source_choices(sources: Sequence[Source], current: str = "") -> Options:
    """Active sources (and the current one even if deactivated), grouped by kind in the label."""
    return [
        (str(source.id), f"{source.name} · {kind_label(source.kind)}")
        for source in sources
        if source.is_active or str(source.id) == current
    ]


def blank_choice(text: str | None = None) -> Options:
    """The empty first option of a select ("Any country", or a dash)."""
    return [("", text or EMPTY)]
