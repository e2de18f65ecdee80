"""Validation of person input: phones, countries, languages, salary, dates, lists, PATCH nulls."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from talentbridge.kit.clock import utc_now
from talentbridge.kit.levels import LanguageLevel
from talentbridge.people.enums import PersonSort
from talentbridge.people.schemas import PersonCreate, PersonFilter, PersonListParams, PersonUpdate


def _errors(model: type[Any], payload: dict[str, Any]) -> dict[tuple[Any, ...], str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(payload)
    return {tuple(err["loc"]): err["msg"] for err in caught.value.errors()}


def _create(**fields: Any) -> PersonCreate:
    return PersonCreate.model_validate({"first_name": "Wei", **fields})


def test_phone_in_international_form_is_stored_as_e164() -> None:
    person = _create(phones=[{"number": "+86 138 0013 8000", "label": "mobile"}])
    assert person.phones[0].number == "+8613800138000"


@pytest.mark.parametrize("number", ["12345", "+1 555", "call me", "+86 000 0000 0000"])
def test_invalid_phone_is_rejected_on_its_field(number: str) -> None:
    errors = _errors(PersonCreate, {"first_name": "Wei", "phones": [{"number": number}]})
    assert ("phones", 0, "number") in errors


def test_same_phone_written_twice_is_kept_once() -> None:
    person = _create(phones=[{"number": "+49 30 901820"}, {"number": "+4930901820"}])
    assert [phone.number for phone in person.phones] == ["+4930901820"]


def test_country_codes_are_upper_cased_and_checked() -> None:
    person = _create(location_country="de", nationalities=["cn", "CN", "fr"])
    assert person.location_country == "DE"
    assert person.nationalities == ["CN", "FR"]
    errors = _errors(PersonCreate, {"first_name": "Wei", "nationalities": ["XX"]})
    assert ("nationalities", 0) in errors


def test_languages_accept_cefr_hsk_and_native_with_iso_codes() -> None:
    person = _create(
        languages=[
            {"language": "EN", "level": "C1"},
            {"language": "zh", "level": "native"},
            {"language": "de", "level": "HSK4"},
        ]
    )
    assert [(entry.language, entry.level) for entry in person.languages] == [
        ("en", LanguageLevel.C1),
        ("zh", LanguageLevel.NATIVE),
        ("de", LanguageLevel.HSK4),
    ]


def test_unknown_language_or_level_is_rejected() -> None:
    errors = _errors(
        PersonCreate,
        {
            "first_name": "Wei",
            "languages": [{"language": "qq", "level": "C1"}, {"language": "en", "level": "C3"}],
        },
    )
    assert ("languages", 0, "language") in errors
    assert ("languages", 1, "level") in errors


def test_a_language_listed_twice_is_rejected() -> None:
    errors = _errors(
        PersonCreate,
        {
            "first_name": "Wei",
            "languages": [{"language": "en", "level": "B2"}, {"language": "en", "level": "C1"}],
        },
    )
    assert "en" in errors[("languages",)]


def test_salary_amount_needs_a_currency() -> None:
    errors = _errors(PersonCreate, {"first_name": "Wei", "expected_salary_amount": "50000"})
    assert ("expected_salary_currency",) in errors


def test_salary_amount_must_not_be_negative_and_currency_must_be_iso() -> None:
    errors = _errors(
        PersonCreate,
        {"first_name": "Wei", "expected_salary_amount": "-1", "expected_salary_currency": "EURO"},
    )
    assert ("expected_salary_amount",) in errors
    assert ("expected_salary_currency",) in errors


def test_complete_salary_is_accepted() -> None:
    person = _create(
        expected_salary_amount="480000.00", expected_salary_currency="cny", expected_salary_period="year"
    )
    assert person.expected_salary_currency == "CNY"
    assert str(person.expected_salary_amount) == "480000.00"


def test_education_end_year_before_start_is_rejected() -> None:
    errors = _errors(
        PersonCreate,
        {
            "first_name": "Wei",
            "educations": [
                {"degree_level": "master", "institution": "Tsinghua", "start_year": 2020, "end_year": 2018}
            ],
        },
    )
    assert ("educations", 0, "end_year") in errors


def test_experience_end_date_before_start_is_rejected() -> None:
    errors = _errors(
        PersonCreate,
        {
            "first_name": "Wei",
            "experiences": [
                {"title": "Engineer", "employer": "X", "start_date": "2022-05-01", "end_date": "2021-01-01"}
            ],
        },
    )
    assert ("experiences", 0, "end_date") in errors


def test_date_of_birth_in_the_future_is_rejected() -> None:
    tomorrow = (utc_now() + timedelta(days=1)).date().isoformat()
    errors = _errors(PersonCreate, {"first_name": "Wei", "date_of_birth": tomorrow})
    assert ("date_of_birth",) in errors


def test_links_must_be_http_urls_under_simple_keys() -> None:
    person = _create(links={"github": "https://github.com/wei"})
    assert str(person.links["github"]) == "https://github.com/wei"
    errors = _errors(
        PersonCreate, {"first_name": "Wei", "links": {"github": "ftp://x.org/", "Bad Key": "https://x.org"}}
    )
    assert ("links", "github") in errors
    assert any(loc[0] == "links" and "Bad Key" in loc for loc in errors)


def test_notice_period_is_bounded() -> None:
    assert ("notice_period_days",) in _errors(PersonCreate, {"first_name": "Wei", "notice_period_days": 400})


def test_skills_and_tags_are_deduplicated_on_their_normalised_form() -> None:
    person = _create(
        skills=[{"name": "PyTorch"}, {"name": " pytorch "}, {"name": "Rust"}],
        tags=["Campus 2026", "campus  2026"],
    )
    assert [skill.name for skill in person.skills] == ["PyTorch", "Rust"]
    assert person.tags == ["campus 2026"]


def test_unknown_fields_are_refused() -> None:
    assert ("nickname",) in _errors(PersonCreate, {"first_name": "Wei", "nickname": "W"})


def test_update_allows_clearing_optional_fields_but_not_required_ones() -> None:
    update = PersonUpdate.model_validate({"headline": None})
    assert update.model_fields_set == {"headline"}
    errors = _errors(PersonUpdate, {"first_name": None, "emails": None})
    assert ("first_name",) in errors
    assert ("emails",) in errors


def test_update_refuses_amount_with_explicitly_cleared_currency() -> None:
    errors = _errors(PersonUpdate, {"expected_salary_amount": "100", "expected_salary_currency": None})
    assert ("expected_salary_currency",) in errors


def test_filter_min_level_needs_a_language_and_sort_is_closed() -> None:
    assert ("min_level",) in _errors(PersonFilter, {"min_level": "B2"})
    assert ("sort",) in _errors(PersonFilter, {"sort": "salary"})
    assert PersonFilter.model_validate({"sort": "-name"}).sort is PersonSort.NAME_DESC


def test_filter_reads_naive_created_after_as_utc() -> None:
    created_after = PersonFilter.model_validate({"created_after": "2026-01-01T08:00:00"}).created_after
    assert created_after is not None
    assert created_after.utcoffset() == timedelta(0)


def test_list_limit_is_between_1_and_200() -> None:
    assert ("limit",) in _errors(PersonListParams, {"limit": 0})
    assert ("limit",) in _errors(PersonListParams, {"limit": 201})


def test_blank_filter_fields_from_forms_mean_no_filter() -> None:
    filters = PersonFilter.model_validate({"q": "", "country": "", "tag": "", "sort": ""})
    assert (filters.q, filters.country, filters.tag) == (None, None, None)
    assert filters.sort is PersonSort.CREATED_DESC
