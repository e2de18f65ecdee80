"""Parse the case JSON of the CLI/API contract into facts, naming the field of any problem.

Shape: ``{"assessment_date": "YYYY-MM-DD", "person": {...}, "offer": {...}}``. Booleans default to
false when absent; numbers and choices that are absent or null stay unknown (``None``). Unknown
keys are rejected so that a typo ("hsk" for "hsk_level") is not silently ignored.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, NoReturn, TypeVar

from talentbridge.errors import InvalidInput
from talentbridge.mobility.engine.types import DEGREES, VOCATIONAL_LEVELS, OfferFacts, PersonFacts

PERSON_BOOLEANS = (
    "former_chinese_national",
    "degree_taught_in_chinese",
    "top_university_graduate",
    "fortune500_experience",
    "has_patents",
)
PERSON_NUMBERS = ("relevant_experience_years", "years_worked_in_china")
PERSON_KEYS = frozenset(
    {
        "birth_date",
        "highest_degree",
        "vocational_level",
        "hsk_level",
        "direct_criteria",
        *PERSON_BOOLEANS,
        *PERSON_NUMBERS,
    }
)
OFFER_KEYS = frozenset({"annual_salary_cny", "months_in_china_per_year", "work_city", "work_province"})
TOP_KEYS = frozenset({"assessment_date", "person", "offer"})
Choice = TypeVar("Choice", bound=str)


@dataclass(frozen=True)
class Case:
    """One assessment request: the date and the facts."""

    assessment_date: date
    person: PersonFacts
    offer: OfferFacts


def case_from_dict(data: object) -> Case:
    """Build the facts; raises ``InvalidInput`` whose ``field`` names the offending key."""
    top = _mapping(data, "")
    _no_unknown_keys(top, TOP_KEYS, "")
    when = _date(top.get("assessment_date"), "assessment_date")
    if when is None:
        _fail("assessment_date", "is required (YYYY-MM-DD)")
    person = _mapping(top.get("person", {}), "person")
    offer = _mapping(top.get("offer", {}), "offer")
    _no_unknown_keys(person, PERSON_KEYS, "person")
    _no_unknown_keys(offer, OFFER_KEYS, "offer")
    return Case(when, _person(person), _offer(offer))


def _person(data: Mapping[str, Any]) -> PersonFacts:
    booleans = {key: _bool(data.get(key), f"person.{key}") for key in PERSON_BOOLEANS}
    return PersonFacts(
        birth_date=_date(data.get("birth_date"), "person.birth_date"),
        highest_degree=_choice(data.get("highest_degree"), DEGREES, "person.highest_degree"),
        vocational_level=_choice(data.get("vocational_level"), VOCATIONAL_LEVELS, "person.vocational_level"),
        relevant_experience_years=_number(
            data.get("relevant_experience_years"), "person.relevant_experience_years"
        ),
        hsk_level=_hsk(data.get("hsk_level")),
        years_worked_in_china=_number(data.get("years_worked_in_china"), "person.years_worked_in_china"),
        direct_criteria=_criteria(data.get("direct_criteria")),
        **booleans,
    )


def _offer(data: Mapping[str, Any]) -> OfferFacts:
    return OfferFacts(
        annual_salary_cny=_money(data.get("annual_salary_cny"), "offer.annual_salary_cny"),
        months_in_china_per_year=_number(
            data.get("months_in_china_per_year"), "offer.months_in_china_per_year"
        ),
        work_city=_text(data.get("work_city"), "offer.work_city"),
        work_province=_text(data.get("work_province"), "offer.work_province"),
    )


def _fail(field: str, problem: str) -> NoReturn:
    raise InvalidInput(f"{field}: {problem}", field=field)


def _mapping(value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        _fail(field or "<input>", "must be a JSON object")
    return value


def _no_unknown_keys(data: Mapping[str, Any], allowed: frozenset[str], prefix: str) -> None:
    for key in data:
        if key not in allowed:
            field = f"{prefix}.{key}" if prefix else str(key)
            _fail(field, f"unknown field; expected one of {', '.join(sorted(allowed))}")


def _date(value: object, field: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 10:
        _fail(field, f"must be a date YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(field, f"must be a date YYYY-MM-DD, got {value!r}")


def _bool(value: object, field: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        _fail(field, f"must be true or false, got {value!r}")
    return value


def _number(value: object, field: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        _fail(field, f"must be a number or null, got {value!r}")
    return float(value)


def _money(value: object, field: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        _fail(field, f"must be an amount in CNY or null, got {value!r}")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        _fail(field, f"must be an amount in CNY or null, got {value!r}")
    if not amount.is_finite():
        _fail(field, f"must be a finite amount, got {value!r}")
    return amount


def _hsk(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
        _fail("person.hsk_level", f"must be a whole number from 0 (no HSK) to 6, got {value!r}")
    return value


def _choice(value: object, allowed: tuple[Choice, ...], field: str) -> Choice | None:
    if value is None:
        return None
    for choice in allowed:
        if value == choice:
            return choice
    _fail(field, f"must be one of {', '.join(allowed)}, got {value!r}")


def _text(value: object, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        _fail(field, f"must be a string, got {value!r}")
    return value.strip() or None


def _criteria(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        _fail("person.direct_criteria", f"must be a list of criterion ids, got {value!r}")
    return tuple(value)
