"""Locale- and time-zone-aware formatting for pages (registered as Jinja filters).

Dates and times are shown in the viewer's time zone; when the thing shown belongs to another zone
(an interview in Shenzhen seen from Berlin) both are shown: "10:00 CST (03:00 your time)". Money
is formatted by Babel in the viewer's locale but always in the amount's own currency; countries
and languages are named in the viewer's language.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pycountry
from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from talentbridge.kit.clock import utc_now
from talentbridge.web.i18n import _, current_locale

EMPTY = "—"  # shown for a missing value: a dash reads the same in every language


def zone(name: str | None) -> ZoneInfo:
    """The named IANA zone; an unknown or empty name falls back to UTC rather than failing a page.

    ``ZoneInfo`` reads the name as a file path: besides ``ZoneInfoNotFoundError`` it raises
    ``ValueError`` for odd paths and ``OSError`` for an area ("Europe" is a directory) or a name
    too long for the file system, e.g. a junk value redisplayed in a form.
    """
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return ZoneInfo("UTC")


def _aware(value: datetime) -> datetime:
    # The database layer only returns aware UTC values; tolerate naive ones from elsewhere as UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def format_date(value: date | datetime | None, viewer_tz: str | None = None) -> str:
    """A date in the viewer's locale ("Nov 26, 2026" / "2026年11月26日")."""
    if value is None:
        return EMPTY
    if isinstance(value, datetime):
        value = _aware(value).astimezone(zone(viewer_tz)).date()
    return babel_dates.format_date(value, format="medium", locale=current_locale())


def _clock(value: datetime) -> str:
    return babel_dates.format_time(value, format="short", locale=current_locale())


def format_datetime(value: datetime | None, viewer_tz: str | None, *, subject_tz: str | None = None) -> str:
    """A moment in the viewer's zone, or in the subject's zone with the viewer's time beside it.

    ``subject_tz`` is the zone the thing happens in (a hub, a candidate's location). When it
    differs from the viewer's, the subject's local time leads, labelled with its zone, and the
    viewer's own clock time follows in brackets.
    """
    if value is None:
        return EMPTY
    viewer = _aware(value).astimezone(zone(viewer_tz))
    if subject_tz is None or zone(subject_tz).key == zone(viewer_tz).key:
        return f"{format_date(viewer)} {_clock(viewer)}"
    subject = _aware(value).astimezone(zone(subject_tz))
    return _("%(time)s %(zone)s (%(local)s your time)") % {
        "time": f"{format_date(subject)} {_clock(subject)}",
        "zone": subject.tzname() or zone(subject_tz).key,
        "local": _clock(viewer),
    }


def days_ago(value: datetime | date | None, *, now: datetime | None = None) -> str:
    """How long ago, in whole days and coarser ("today", "3 days ago", "2 months ago")."""
    if value is None:
        return EMPTY
    moment = (
        _aware(value) if isinstance(value, datetime) else datetime.combine(value, datetime.min.time(), UTC)
    )
    elapsed = (now or utc_now()) - moment
    if elapsed.days < 1:
        return _("today")
    # Whole days only: 1.5 days ago is "1 day ago", as a person counting days would say.
    return babel_dates.format_timedelta(
        -timedelta(days=elapsed.days),
        granularity="day",
        threshold=1.0,
        add_direction=True,
        locale=current_locale(),
    )


def format_money(amount: Decimal | int | float | None, currency: str | None) -> str:
    """An amount in its own currency, written the viewer's way ("US$1,234.50", "€1.234,50")."""
    if amount is None or not currency:
        return EMPTY
    return babel_numbers.format_currency(amount, currency, locale=current_locale())


def format_number(value: Decimal | int | float | None) -> str:
    """A number with the viewer's grouping and decimal signs."""
    if value is None:
        return EMPTY
    return babel_numbers.format_decimal(value, locale=current_locale())


def country_name(code: str | None) -> str:
    """An ISO 3166 country code named in the viewer's language (CN -> "China" / "中国")."""
    if not code:
        return EMPTY
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code  # not a country (Babel would call it "Unknown Region"): show what was stored
    name = Locale.parse(current_locale()).territories.get(code.upper())
    return str(name or country.name)


def language_name(code: str | None) -> str:
    """An ISO 639 language code named in the viewer's language (de -> "German" / "德语")."""
    if not code:
        return EMPTY
    name = Locale.parse(current_locale()).languages.get(code.lower())
    if name:
        return str(name)
    lookup = {"alpha_2": code.lower()} if len(code) == 2 else {"alpha_3": code.lower()}
    language = pycountry.languages.get(**lookup)
    return str(language.name) if language is not None else code


def time_ago(value: datetime | None, *, now: datetime | None = None) -> str:
    """How long ago, to the minute for recent events ("just now", "5 minutes ago", "2 days ago")."""
    if value is None:
        return EMPTY
    elapsed = (now or utc_now()) - _aware(value)
    if elapsed.total_seconds() < 60:
        return _("just now")
    return babel_dates.format_timedelta(-elapsed, threshold=1.0, add_direction=True, locale=current_locale())


def initials(name: str | None) -> str:
    """Up to two initials for an avatar ("Ana Lee" -> "AL"; "张伟" -> "张")."""
    words = (name or "").split()
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()
