"""ISO codes as validated Pydantic types: countries, currencies, languages, time zones, phones.

Validation uses maintained data (pycountry, zoneinfo, phonenumbers), never hand-kept lists.
"""

from __future__ import annotations

from typing import Annotated
from zoneinfo import available_timezones

import phonenumbers
import pycountry
from pydantic import AfterValidator, BeforeValidator


def _upper_str(value: object) -> object:
    return value.strip().upper() if isinstance(value, str) else value


def validate_country(code: str) -> str:
    """An ISO 3166-1 alpha-2 country code, upper case."""
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"'{code[:64]}' is not an ISO 3166-1 alpha-2 country code")
    return code


def validate_currency(code: str) -> str:
    """An ISO 4217 currency code, upper case."""
    if len(code) != 3 or pycountry.currencies.get(alpha_3=code) is None:
        raise ValueError(f"'{code[:64]}' is not an ISO 4217 currency code")
    return code


def validate_language(code: str) -> str:
    """An ISO 639-1 (two-letter) or ISO 639-3 (three-letter) language code, lower case."""
    code = code.strip().lower()
    found = None
    if len(code) == 2:
        found = pycountry.languages.get(alpha_2=code)
    elif len(code) == 3:
        found = pycountry.languages.get(alpha_3=code)
    if found is None:
        raise ValueError(f"'{code[:64]}' is not an ISO 639 language code")
    return code


_TIMEZONES: frozenset[str] | None = None


def validate_timezone(name: str) -> str:
    """An IANA time-zone name such as ``Asia/Shanghai`` (from the bundled tz database)."""
    global _TIMEZONES
    if _TIMEZONES is None:
        _TIMEZONES = frozenset(available_timezones())
    if name not in _TIMEZONES:
        raise ValueError(f"'{name[:64]}' is not an IANA time zone (e.g. Asia/Shanghai)")
    return name


def normalise_phone(raw: str, default_region: str | None = None) -> str:
    """Parse a phone number and return it in E.164; raise ValueError if it is not valid."""
    try:
        parsed = phonenumbers.parse(raw, default_region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"'{raw[:64]}' is not a phone number (use the international form: +86 ...)") from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError(f"'{raw[:64]}' is not a valid phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def country_name(code: str) -> str:
    """The English short name of a country code (the code itself if unknown)."""
    country = pycountry.countries.get(alpha_2=code)
    return str(country.name) if country is not None else code


CountryCode = Annotated[str, BeforeValidator(_upper_str), AfterValidator(validate_country)]
CurrencyCode = Annotated[str, BeforeValidator(_upper_str), AfterValidator(validate_currency)]
LanguageCode = Annotated[str, AfterValidator(validate_language)]
TimeZoneName = Annotated[str, AfterValidator(validate_timezone)]
PhoneE164 = Annotated[str, AfterValidator(normalise_phone)]
