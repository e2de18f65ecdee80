"""The dashboard: open jobs, applications per stage and recent activity, limited to what one may see."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from page_helpers import post_form
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories.jobs import make_application, make_hub, make_job
from talentbridge.audit.service import recent_activity
from talentbridge.auth import service as auth_service
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.jobs.enums import HiringTeamRole
from talentbridge.jobs.models import Job
from talentbridge.pipeline.enums import StageCategory
from talentbridge.pipeline.schemas import CategoryCount, PipelineSummary
from talentbridge.web.dashboard import stage_bars


def _jobs(session_factory: sessionmaker[Session], manager: User) -> tuple[Job, Job]:
    """An open job with the manager on its team (two applications) and one without them (one)."""
    with session_factory() as session:
        hub = make_hub(session)
        team = [(manager.id, HiringTeamRole.HIRING_MANAGER)]
        theirs = make_job(session, hub=hub, title="Their ML Engineer", status="open", team=team)
        other = make_job(session, hub=hub, title="Other Data Analyst", status="open")
        make_application(session, job=theirs)
        make_application(session, job=theirs)
        make_application(session, job=other)
        session.commit()
        return theirs, other


@pytest.mark.parametrize("role", list(Role))
def test_dashboard_renders_for_every_role(browser: Callable[..., TestClient], role: Role) -> None:
    page = browser(role).get("/")
    assert page.status_code == 200
    assert '<h1 class="page-title">Dashboard</h1>' in page.text
    assert "No open jobs" in page.text
    assert "No active applications" in page.text
    assert 'aria-current="page"' in page.text


def test_admin_sees_all_open_jobs_with_their_active_applications(
    browser: Callable[..., TestClient], make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    _jobs(session_factory, make_user(Role.HIRING_MANAGER))
    page = browser(Role.ADMIN).get("/").text
    assert "Their ML Engineer" in page
    assert "Other Data Analyst" in page
    assert '<p class="stat__value">2</p>' in page  # open jobs
    assert '<p class="stat__value">3</p>' in page  # active applications
    assert '<span class="badge badge--neutral">Applied</span>' in page


def test_hiring_manager_sees_only_the_jobs_they_hire_for(
    browser: Callable[..., TestClient], make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    manager = make_user(Role.HIRING_MANAGER)
    _jobs(session_factory, manager)
    page = browser(user=manager).get("/").text
    assert "Their ML Engineer" in page
    assert "Other Data Analyst" not in page
    assert '<p class="stat__value">1</p>' in page
    assert '<p class="stat__value">2</p>' in page


def test_interviewer_without_jobs_sees_empty_states(
    browser: Callable[..., TestClient], make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    _jobs(session_factory, make_user(Role.HIRING_MANAGER))
    page = browser(Role.INTERVIEWER).get("/").text
    assert "No open jobs" in page
    assert "Their ML Engineer" not in page
    assert "Nothing has happened yet" in page


def test_activity_reads_as_sentences_in_the_viewers_language(
    browser: Callable[..., TestClient], make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    _jobs(session_factory, make_user(Role.HIRING_MANAGER))
    client = browser(Role.RECRUITER)
    assert "System created a job" in client.get("/").text
    post_form(client, "/", "/lang", {"locale": "zh_Hans", "next": "/"})
    assert "系统 创建了职位" in client.get("/").text


def test_recent_activity_is_limited_to_visible_jobs_and_own_actions(
    make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    manager = make_user(Role.HIRING_MANAGER)
    theirs, other = _jobs(session_factory, manager)
    with session_factory() as session:
        actor = auth_service.actor_for(manager)
        visible = recent_activity(session, actor, limit=50)
        entity_ids = {item.event.entity_id for item in visible}
        compliance = auth_service.actor_for(make_user(Role.COMPLIANCE))
        everything = {item.event.entity_id for item in recent_activity(session, compliance, limit=50)}
    assert theirs.id in entity_ids
    assert other.id not in entity_ids
    assert sum(item.event.entity_type == "application" for item in visible) == 2  # only their job's
    assert manager.id in everything  # compliance sees user administration too
    assert manager.id not in entity_ids  # the manager did not create their own account


def test_stage_bars_keep_pipeline_order_and_scale_to_the_largest() -> None:
    summary = PipelineSummary(
        categories=[
            CategoryCount(category=StageCategory.OFFER, count=2),
            CategoryCount(category=StageCategory.APPLIED, count=8),
            CategoryCount(category=StageCategory.SCREEN, count=0),
        ],
        active_total=10,
    )
    bars = stage_bars(summary)
    assert [(bar.category, bar.count, bar.percent) for bar in bars] == [
        (StageCategory.APPLIED, 8, 100),
        (StageCategory.OFFER, 2, 25),
    ]
