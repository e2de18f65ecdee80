"""Shared helpers: ISO code validation, language levels, cursors, UTC datetimes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from talentbridge.db.types import UTCDateTime
from talentbridge.errors import InvalidInput
from talentbridge.kit.codes import CountryCode, CurrencyCode, LanguageCode, PhoneE164, TimeZoneName
from talentbridge.kit.levels import LanguageLevel
from talentbridge.kit.pagination import decode_cursor, encode_cursor
from talentbridge.kit.text import normalise_key


class Codes(BaseModel):
    country: CountryCode | None = None
    currency: CurrencyCode | None = None
    language: LanguageCode | None = None
    tz: TimeZoneName | None = None
    phone: PhoneE164 | None = None


def test_codes_are_normalised() -> None:
    codes = Codes(country="cn", currency="cny", language="ZH", tz="Asia/Shanghai", phone="+86 138 0013 8000")
    assert (codes.country, codes.currency, codes.language) == ("CN", "CNY", "zh")
    assert codes.phone == "+8613800138000"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("country", "XX"),
        ("country", "CHN"),
        ("currency", "ABC"),
        ("language", "xx"),
        ("tz", "Mars/Base"),
        ("phone", "12345"),
        ("phone", "+1 555 0000"),
    ],
)
def test_invalid_codes_are_rejected_with_the_field(field: str, value: str) -> None:
    with pytest.raises(ValidationError) as info:
        Codes(**{field: value})
    assert info.value.errors()[0]["loc"] == (field,)


def test_language_levels_compare_within_their_scale() -> None:
    assert LanguageLevel.C1.satisfies(LanguageLevel.B2) is True
    assert LanguageLevel.B1.satisfies(LanguageLevel.B2) is False
    assert LanguageLevel.HSK5.satisfies(LanguageLevel.HSK4) is True
    assert LanguageLevel.HSK3.satisfies(LanguageLevel.B1) is None
    assert LanguageLevel.NATIVE.satisfies(LanguageLevel.HSK6) is True
    assert LanguageLevel.C2.satisfies(LanguageLevel.NATIVE) is False


@given(st.one_of(st.datetimes(timezones=st.just(UTC)), st.integers(), st.text(max_size=20)), st.uuids())
def test_cursor_round_trip(value: object, row_id: uuid.UUID) -> None:
    decoded_value, decoded_id = decode_cursor(encode_cursor(value, row_id))
    assert decoded_id == row_id
    assert decoded_value == value


@pytest.mark.parametrize("cursor", ["", "!!!", "bm90IGpzb24", encode_cursor(1, uuid.UUID(int=7))[:-3]])
def test_malformed_cursor_is_invalid_input(cursor: str) -> None:
    with pytest.raises(InvalidInput):
        decode_cursor(cursor)


def test_utc_datetime_refuses_naive_and_converts_offsets() -> None:
    column_type = UTCDateTime()

    class Dialect:
        name = "postgresql"

    with pytest.raises(ValueError, match="naive"):
        column_type.process_bind_param(datetime(2026, 1, 1), Dialect())  # type: ignore[arg-type]  # noqa: DTZ001
    shanghai = timezone(timedelta(hours=8))
    bound = column_type.process_bind_param(datetime(2026, 1, 1, 8, tzinfo=shanghai), Dialect())  # type: ignore[arg-type]
    assert bound == datetime(2026, 1, 1, 0, tzinfo=UTC)


@given(st.text(max_size=40))
def test_normalise_key_is_idempotent_and_case_blind(text: str) -> None:
    key = normalise_key(text)
    assert normalise_key(key) == key
    assert normalise_key(text.upper()) == normalise_key(text.lower()) or not text.isascii()
