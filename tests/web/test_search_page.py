"""Global search: people by name (any script), e-mail and skill, jobs by title, as far as one may see."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories import records
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.jobs.enums import HiringTeamRole


def _data(session_factory: sessionmaker[Session]) -> None:
    with session_factory() as session:
        records.person(
            session,
            first_name="Wei",
            last_name="Li",
            native_name="李伟",
            emails=["li.wei@tsinghua.example.edu"],
            skills=[{"name": "PyTorch"}],
        )
        records.person(session, first_name="Anna", last_name="Schmidt", emails=["anna@example.de"])
        records.job(session, title="Search Ranking Engineer")
        records.job(session, title="Data Analyst")


def _people(html: str) -> list[str]:
    return re.findall(r'<a class="strong" href="/people/[0-9a-f-]+">([^<]+)</a>', html)


def test_search_finds_people_by_name_email_and_skill(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    _data(session_factory)
    client = browser(Role.RECRUITER)
    assert _people(client.get("/search", params={"q": "wei"}).text) == ["Wei Li"]
    assert _people(client.get("/search", params={"q": "李伟"}).text) == ["Wei Li"]
    assert _people(client.get("/search", params={"q": "tsinghua"}).text) == ["Wei Li"]
    by_skill = client.get("/search", params={"q": "pytorch"}).text
    assert _people(by_skill) == ["Wei Li"]
    assert '<span class="badge badge--accent">PyTorch</span>' in by_skill  # the matching skill stands out
    assert _people(client.get("/search", params={"q": "anna@example"}).text) == ["Anna Schmidt"]


def test_search_finds_jobs_by_title_and_keeps_the_query_in_the_box(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    _data(session_factory)
    page = browser(Role.RECRUITER).get("/search", params={"q": "ranking"})
    assert page.status_code == 200
    assert "Search Ranking Engineer" in page.text
    assert "Data Analyst" not in page.text
    assert "No people found" in page.text
    assert 'name="q" value="ranking"' in page.text
    assert 'href="/people?q=ranking"' in page.text


def test_an_empty_search_explains_what_can_be_found(browser: Callable[..., TestClient]) -> None:
    page = browser(Role.INTERVIEWER).get("/search")
    assert page.status_code == 200
    assert "Search the talent pool and jobs" in page.text


def test_search_shows_only_what_the_viewer_may_see(
    browser: Callable[..., TestClient], make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    _data(session_factory)
    manager = make_user(Role.HIRING_MANAGER)
    with session_factory() as session:
        job = records.job(session, title="Ranking Lead")
        records.team_member(session, job.id, manager.id, HiringTeamRole.HIRING_MANAGER)
        applicant = records.person(session, first_name="Wei", last_name="Zhang")
        records.application(session, applicant.id, job.id)
    page = browser(user=manager).get("/search", params={"q": "wei"}).text
    assert _people(page) == ["Wei Zhang"]
    jobs = browser(user=manager).get("/search", params={"q": "ranking"}).text
    assert "Ranking Lead" in jobs
    assert "Search Ranking Engineer" not in jobs


def test_search_needs_a_signed_in_user(client: TestClient) -> None:
    response = client.get("/search", params={"q": "wei"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")
