"""The person form: create and edit through the page, field errors, duplicates, stale edits, roles."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from page_helpers import csrf_of, post_form
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories import records
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.people import service as people_service
from talentbridge.people.models import Person
from talentbridge.people.schemas import PersonUpdate


def _count_people(session_factory: sessionmaker[Session]) -> int:
    with session_factory() as session:
        return session.scalar(select(func.count(Person.id))) or 0


def _read(session_factory: sessionmaker[Session], person_id: uuid.UUID) -> dict[str, Any]:
    with session_factory() as session:
        person = people_service.get_person(session, Actor.system(), person_id, record_view=False)
        return people_service.person_to_read(Actor.system(), person).model_dump()


def _valid_form(**overrides: str) -> dict[str, str]:
    data = {
        "first_name": "Wei",
        "last_name": "Li",
        "native_name": "李伟",
        "headline": "Recommender systems at scale",
        "current_title": "Senior Algorithm Engineer",
        "current_employer": "Example AI",
        "emails": "li.wei@example.cn\nWEI.LI@alumni.example.edu",
        "phones": "Mobile: +86 138 0013 8000\n+49 30 901820",
        "link_linkedin": "https://www.linkedin.com/in/liwei",
        "link_github": "https://github.com/liwei",
        "location_city": "Shenzhen",
        "location_country": "CN",
        "timezone": "Asia/Shanghai",
        "willing_to_relocate": "yes",
        "notice_period_days": "30",
        "date_of_birth": "1994-05-17",
        "languages-0-language": "zh",
        "languages-0-level": "native",
        "languages-1-language": "en",
        "languages-1-level": "C1",
        "languages-1-certificate": "IELTS 7.5",
        "languages-2-language": "",
        "languages-2-level": "",
        "skills": "PyTorch, Python\uff0cCUDA\nGo",  # a Chinese comma separates too
        "tags": "campus-2026, Returner",
        "experiences-0-title": "Algorithm Engineer",
        "experiences-0-employer": "Example AI",
        "experiences-0-country": "CN",
        "experiences-0-start_date": "2021-07-01",
        "experiences-0-end_date": "",
        "experiences-0-description": "Ranking models",
        "experiences-1-title": "",
        "experiences-1-employer": "",
        "educations-0-degree_level": "master",
        "educations-0-field": "Computer Science",
        "educations-0-institution": "Tsinghua University",
        "educations-0-country": "CN",
        "educations-0-start_year": "2018",
        "educations-0-end_year": "2021",
        "expected_salary_amount": "650000",
        "expected_salary_currency": "CNY",
        "expected_salary_period": "year",
        "summary": "Strong ranking background.",
    }
    data.update(overrides)
    return data


def test_creating_a_person_through_the_form_opens_their_page(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    client = browser(Role.RECRUITER)
    with session_factory() as session:
        source = records.source(session, name="Zhaopin")
    response = post_form(client, "/people/new", "/people/new", _valid_form(source_id=str(source.id)))
    assert response.status_code == 303
    match = re.fullmatch(r"/people/([0-9a-f-]{36})", response.headers["location"])
    assert match is not None
    person = _read(session_factory, uuid.UUID(match.group(1)))
    assert person["emails"] == ["li.wei@example.cn", "WEI.LI@alumni.example.edu"]
    assert person["phones"] == [
        {"number": "+8613800138000", "label": "Mobile"},
        {"number": "+4930901820", "label": None},
    ]
    assert [(row["language"], row["level"]) for row in person["languages"]] == [
        ("en", "C1"),
        ("zh", "native"),
    ]
    assert sorted(skill["name"] for skill in person["skills"]) == ["CUDA", "Go", "PyTorch", "Python"]
    assert person["tags"] == ["campus-2026", "returner"]
    assert person["links"] == {
        "linkedin": "https://www.linkedin.com/in/liwei",
        "github": "https://github.com/liwei",
    }
    assert person["experiences"][0]["title"] == "Algorithm Engineer"
    assert person["experiences"][0]["end_date"] is None
    assert person["educations"][0]["institution"] == "Tsinghua University"
    assert person["expected_salary_amount"] == Decimal("650000.00")
    assert person["willing_to_relocate"] is True
    assert person["source_id"] == source.id
    page = client.get(response.headers["location"])
    assert "Wei Li was added to the talent pool." in page.text
    assert "李伟" in page.text


def test_invalid_phone_email_and_country_are_shown_next_to_their_fields(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    client = browser(Role.RECRUITER)
    data = _valid_form(
        emails="li.wei@example.cn\nnot-an-address",
        phones="12345",
        location_country="XX",
        **{"educations-0-end_year": "2010"},
    )
    response = post_form(client, "/people/new", "/people/new", data)
    assert response.status_code == 422
    html = response.text
    assert 'id="form-errors"' in html  # the summary at the top
    assert re.search(r'id="field-emails-error".*not-an-address', html)
    assert re.search(r'id="field-phones-error".*international format', html)
    assert re.search(r'id="field-location_country-error".*Choose a country from the list', html)
    assert re.search(r'id="field-educations-0-end_year-error".*The end must not be before the start', html)
    assert 'href="#field-phones"' in html
    assert "Tsinghua University" in html  # what was typed is kept
    assert _count_people(session_factory) == 0


def test_a_missing_first_name_and_half_filled_rows_are_explained(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    client = browser(Role.RECRUITER)
    data = _valid_form(first_name="", **{"languages-2-language": "de", "experiences-1-title": "Intern"})
    response = post_form(client, "/people/new", "/people/new", data)
    assert response.status_code == 422
    assert re.search(r'id="field-first_name-error".*This field is required', response.text)
    assert re.search(r'id="field-languages-2-level-error".*Choose one of the options', response.text)
    assert re.search(r'id="field-experiences-1-employer-error".*This field is required', response.text)
    assert _count_people(session_factory) == 0


def test_a_duplicate_email_is_shown_at_the_email_field(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        existing = records.person(session, first_name="Already", emails=["li.wei@example.cn"])
    client = browser(Role.RECRUITER)
    response = post_form(client, "/people/new", "/people/new", _valid_form(emails="LI.WEI@example.cn"))
    assert response.status_code == 409
    assert re.search(r'id="field-emails-error".*already belongs to another person', response.text)
    assert f'href="/people/{existing.id}"' in response.text
    assert _count_people(session_factory) == 1


def test_add_a_row_keeps_what_was_typed_and_saves_nothing(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    client = browser(Role.RECRUITER)
    response = post_form(client, "/people/new", "/people/new", {**_valid_form(), "add_row": "languages"})
    assert response.status_code == 200
    assert 'name="languages-3-language"' in response.text
    assert 'value="IELTS 7.5"' in response.text
    assert _count_people(session_factory) == 0


def test_editing_saves_changes_and_keeps_what_the_form_does_not_show(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        person = records.person(
            session,
            first_name="Anna",
            emails=["anna@example.de"],
            skills=[{"name": "Python", "years": 6}],
            links={"linkedin": "https://linkedin.com/in/anna", "twitter": "https://x.com/anna"},
            publications=[{"title": "On robust ranking", "year": 2023}],
        )
    client = browser(Role.RECRUITER)
    edit_url = f"/people/{person.id}/edit"
    page = client.get(edit_url)
    assert page.status_code == 200
    assert 'name="expected_version" value="1"' in page.text
    assert "anna@example.de" in page.text
    data = {
        "expected_version": "1",
        "first_name": "Anna",
        "last_name": "Schmidt",
        "emails": "anna@example.de",
        "skills": "python, Go",
        "link_linkedin": "https://linkedin.com/in/anna-schmidt",
        "location_country": "DE",
    }
    response = post_form(client, edit_url, edit_url, data)
    assert response.status_code == 303
    saved = _read(session_factory, person.id)
    assert saved["last_name"] == "Schmidt"
    assert {skill["name"]: skill["years"] for skill in saved["skills"]} == {"python": 6.0, "Go": None}
    assert saved["links"] == {
        "linkedin": "https://linkedin.com/in/anna-schmidt",
        "twitter": "https://x.com/anna",
    }
    assert saved["publications"] == [{"title": "On robust ranking", "venue": None, "year": 2023, "url": None}]
    assert saved["version"] == 2


def test_a_stale_edit_is_refused_with_a_clear_message(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        person = records.person(session, first_name="Anna", last_name="Original")
    client = browser(Role.RECRUITER)
    edit_url = f"/people/{person.id}/edit"
    token = csrf_of(client.get(edit_url).text)
    with session_factory() as session:  # a colleague saves first
        people_service.update_person(session, Actor.system(), person.id, PersonUpdate(headline="Changed"))
        session.commit()
    data = {"csrf_token": token, "expected_version": "1", "first_name": "Anna", "last_name": "Mine"}
    response = client.post(edit_url, data=data, follow_redirects=False)
    assert response.status_code == 409
    assert "Someone else changed this person while you were editing" in response.text
    assert 'value="Mine"' in response.text  # the user's input is not thrown away
    saved = _read(session_factory, person.id)
    assert saved["last_name"] == "Original"
    assert saved["headline"] == "Changed"


def test_a_refusal_after_changes_leaves_the_record_untouched(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        person = records.person(
            session, first_name="Anna", expected_salary_amount="90000", expected_salary_currency="EUR"
        )
    client = browser(Role.RECRUITER)
    edit_url = f"/people/{person.id}/edit"
    data = {"expected_version": "1", "first_name": "Renamed", "expected_salary_amount": "95000"}
    response = post_form(client, edit_url, edit_url, data)
    assert response.status_code == 422
    assert re.search(r'id="field-expected_salary_currency-error".*currency', response.text)
    saved = _read(session_factory, person.id)
    assert saved["first_name"] == "Anna"
    assert saved["expected_salary_amount"] == Decimal("90000.00")


@pytest.mark.parametrize("role", [Role.HIRING_MANAGER, Role.INTERVIEWER, Role.COMPLIANCE])
def test_only_recruiters_and_admins_get_the_form(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session], role: Role
) -> None:
    client = browser(role)
    assert client.get("/people/new").status_code == 403
    token = csrf_of(client.get("/").text)
    response = client.post(
        "/people/new", data={"csrf_token": token, "first_name": "X"}, follow_redirects=False
    )
    assert response.status_code == 403
    assert _count_people(session_factory) == 0


def test_a_form_without_its_csrf_token_is_refused(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    client = browser(Role.RECRUITER)
    response = client.post("/people/new", data=_valid_form(), follow_redirects=False)
    assert response.status_code == 403
    assert _count_people(session_factory) == 0


def test_the_form_offers_localised_countries_and_every_section(browser: Callable[..., TestClient]) -> None:
    html = browser(Role.ADMIN).get("/people/new").text
    for name in (
        "first_name",
        "native_name",
        "emails",
        "phones",
        "location_country",
        "timezone",
        "nationalities",
        "date_of_birth",
        "languages-0-level",
        "skills",
        "educations-0-degree_level",
        "experiences-0-start_date",
        "link_scholar",
        "expected_salary_currency",
        "willing_to_relocate",
        "notice_period_days",
        "source_id",
        "tags",
    ):
        assert f'name="{name}"' in html, name
    assert '<option value="CN">China</option>' in html
    assert 'value="HSK5"' in html
    assert ">HSK 5<" in html
