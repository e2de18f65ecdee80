"""The people list page: table, filters kept in the URL, sorting, pagination, visibility, query count."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories import records
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.jobs.enums import HiringTeamRole
from talentbridge.people import web as people_web
from talentbridge.sourcing.enums import SourceKind


def _people(session_factory: sessionmaker[Session]) -> None:
    with session_factory() as session:
        board = records.source(session, kind=SourceKind.JOB_BOARD, name="Zhaopin")
        records.person(
            session,
            first_name="Wei",
            last_name="Li",
            native_name="李伟",
            emails=["li.wei@example.cn"],
            current_title="Algorithm Engineer",
            current_employer="Example AI",
            location_city="Shenzhen",
            location_country="CN",
            languages=[{"language": "zh", "level": "native"}, {"language": "en", "level": "C1"}],
            skills=[{"name": "PyTorch"}, {"name": "Python"}, {"name": "CUDA"}, {"name": "Go"}],
            tags=["campus-2026"],
            source_id=board.id,
        )
        records.person(
            session,
            first_name="Anna",
            last_name="Schmidt",
            emails=["anna@example.de"],
            location_city="Berlin",
            location_country="DE",
            skills=[{"name": "Python"}],
        )


def _names(html: str) -> list[str]:
    return re.findall(r'<a class="strong" href="/people/[0-9a-f-]+">([^<]+)</a>', html)


def test_list_shows_people_with_their_facts(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    _people(session_factory)
    page = browser(Role.RECRUITER).get("/people")
    assert page.status_code == 200
    html = page.text
    assert sorted(_names(html)) == ["Anna Schmidt", "Wei Li"]
    assert "李伟" in html
    assert "li.wei@example.cn" in html
    assert "Algorithm Engineer" in html
    assert "Example AI" in html
    assert "Shenzhen" in html
    assert "China" in html
    assert "Chinese" in html
    assert "Native" in html
    assert "C1" in html
    assert "CUDA, Go, PyTorch" in html
    assert "+1 more" in html
    assert "Zhaopin" in html
    assert "campus-2026" in html
    assert 'href="/people/new"' in html  # the primary action for recruiters
    assert "2 people in the talent pool" in html


def test_filters_narrow_the_list_and_stay_in_the_form(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    _people(session_factory)
    client = browser(Role.RECRUITER)
    by_skill = client.get("/people", params={"skill": "pytorch, cuda", "country": "CN"}).text
    assert _names(by_skill) == ["Wei Li"]
    assert 'value="pytorch, cuda"' in by_skill
    assert '<option value="CN" selected>' in by_skill
    repeated = client.get("/people?skill=Python&skill=CUDA").text
    assert _names(repeated) == ["Wei Li"]
    by_email = client.get("/people", params={"q": "anna@"}).text
    assert _names(by_email) == ["Anna Schmidt"]
    by_language = client.get("/people", params={"language": "en", "min_level": "B2"}).text
    assert _names(by_language) == ["Wei Li"]
    assert "<details open>" in by_language  # the secondary filters stay open while used
    by_tag = client.get("/people", params={"tag": "Campus-2026"}).text
    assert _names(by_tag) == ["Wei Li"]
    without = client.get("/people", params={"has_applications": "false", "q": "nobody-like-this"}).text
    assert "No one matches these filters" in without
    assert "Clear filters" in without


def test_an_invalid_filter_is_explained_not_a_server_error(browser: Callable[..., TestClient]) -> None:
    page = browser(Role.RECRUITER).get("/people", params={"country": "XX", "min_level": "C1"})
    assert page.status_code == 422
    assert "Choose a country from the list." in page.text
    assert "Choose a language for the minimum level." in page.text


def test_sorting_by_name_both_ways(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    _people(session_factory)
    client = browser(Role.RECRUITER)
    assert _names(client.get("/people?sort=name").text) == ["Anna Schmidt", "Wei Li"]
    descending = client.get("/people?sort=-name").text
    assert _names(descending) == ["Wei Li", "Anna Schmidt"]
    assert 'aria-sort="descending"' in descending


def test_pages_keep_the_filters_in_the_url(
    browser: Callable[..., TestClient],
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(people_web, "LIST_PAGE_SIZE", 2)
    with session_factory() as session:
        for index in range(5):
            records.person(session, first_name=f"Py{index}", last_name="Dev", skills=[{"name": "Python"}])
        records.person(session, first_name="Not", last_name="Matching", skills=[{"name": "Rust"}])
    client = browser(Role.RECRUITER)
    first = client.get("/people", params={"skill": "python", "sort": "name"})
    assert _names(first.text) == ["Py0 Dev", "Py1 Dev"]
    assert "5 results" in first.text
    next_link = re.search(r'rel="next" href="([^"]+)"', first.text)
    assert next_link is not None
    url = next_link.group(1).replace("&amp;", "&")
    assert "skill=python" in url
    assert "sort=name" in url
    assert "cursor=" in url
    second = client.get(url)
    assert _names(second.text) == ["Py2 Dev", "Py3 Dev"]
    assert "First page" in second.text
    third_link = re.search(r'rel="next" href="([^"]+)"', second.text)
    assert third_link is not None
    third = client.get(third_link.group(1).replace("&amp;", "&"))
    assert _names(third.text) == ["Py4 Dev"]
    assert 'rel="next"' not in third.text


def test_a_broken_cursor_is_a_clear_error(browser: Callable[..., TestClient]) -> None:
    page = browser(Role.RECRUITER).get("/people", params={"cursor": "not-a-cursor"})
    assert page.status_code == 422
    assert "500" not in page.text


def test_empty_list_says_what_to_do_next(browser: Callable[..., TestClient]) -> None:
    recruiter_page = browser(Role.RECRUITER).get("/people").text
    assert "The talent pool is empty" in recruiter_page
    manager_page = browser(Role.HIRING_MANAGER).get("/people").text
    assert "No one to show yet" in manager_page
    assert 'href="/people/new"' not in manager_page


def test_hiring_managers_list_only_people_on_their_jobs(
    browser: Callable[..., TestClient], make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    _people(session_factory)
    manager = make_user(Role.HIRING_MANAGER)
    with session_factory() as session:
        job = records.job(session)
        records.team_member(session, job.id, manager.id, HiringTeamRole.HIRING_MANAGER)
        applicant = records.person(session, first_name="Visible", last_name="Applicant")
        records.application(session, applicant.id, job.id)
    page = browser(user=manager).get("/people").text
    assert _names(page) == ["Visible Applicant"]


@contextmanager
def _counting(app: Any) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    engine = app.state.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_the_list_runs_a_fixed_number_of_queries(
    app: Any, browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    client = browser(Role.RECRUITER)
    with session_factory() as session:
        source = records.source(session)
        records.person(session, first_name="One", skills=[{"name": "Go"}], source_id=source.id)
    with _counting(app) as few:
        assert client.get("/people").status_code == 200
    with session_factory() as session:
        for index in range(25):
            records.person(
                session,
                first_name=f"Many{index}",
                emails=[f"many{index}@example.com"],
                languages=[{"language": "en", "level": "B2"}],
                skills=[{"name": "Go"}, {"name": f"Skill{index}"}],
                tags=[f"tag-{index}"],
                source_id=source.id,
            )
    with _counting(app) as many:
        assert client.get("/people").status_code == 200
    assert len(many) == len(few)
    assert len(few) < 30
