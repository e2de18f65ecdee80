"""Boards and lists load in a fixed number of queries, however many applications a job has.

Each measurement uses a fresh session, as a request would, so nothing is served from (or
refreshed in) an identity map filled while the data was created.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from factories.jobs import make_application, make_job
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.auth.service import actor_for
from talentbridge.jobs import service as jobs_service
from talentbridge.jobs.enums import HiringTeamRole
from talentbridge.jobs.models import Job
from talentbridge.jobs.schemas import JobFilter
from talentbridge.pipeline import service
from talentbridge.pipeline.schemas import ApplicationFilter

Factory = sessionmaker[Session]


def statements_of(engine: Engine, factory: Factory, call: Callable[[Session], object]) -> list[str]:
    """The SQL statements ``call`` runs in a fresh session."""
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    with factory() as session:
        event.listen(engine, "before_cursor_execute", record)
        try:
            call(session)
        finally:
            event.remove(engine, "before_cursor_execute", record)
    return statements


def _job_with_applications(db: Session, count: int, team: list[tuple[Any, HiringTeamRole]]) -> Job:
    job = make_job(db, status="open", team=team)
    for _ in range(count):
        make_application(db, job=job)
    db.commit()
    return job


def test_board_query_count_does_not_grow_with_applications(
    db: Session, engine: Engine, session_factory: Factory, system: Actor, make_user: Callable[..., User]
) -> None:
    manager = actor_for(make_user(Role.HIRING_MANAGER))
    team = [(manager.user_id, HiringTeamRole.HIRING_MANAGER)]
    small, large = _job_with_applications(db, 2, team), _job_with_applications(db, 12, team)
    for actor, expected in ((system, 3), (manager, 4)):  # (team visibility,) job, stages, cards
        on_small = statements_of(engine, session_factory, lambda s: service.get_board(s, actor, small.id))  # noqa: B023
        on_large = statements_of(engine, session_factory, lambda s: service.get_board(s, actor, large.id))  # noqa: B023
        assert len(on_small) == len(on_large) == expected, on_large


def test_list_pages_query_count_does_not_grow_with_rows(
    db: Session, engine: Engine, session_factory: Factory, system: Actor
) -> None:
    def list_jobs(session: Session) -> object:
        return jobs_service.list_jobs(session, system, JobFilter())

    def list_applications(session: Session) -> object:
        return service.list_applications(session, system, ApplicationFilter())

    _job_with_applications(db, 3, [])
    jobs_small = statements_of(engine, session_factory, list_jobs)
    applications_small = statements_of(engine, session_factory, list_applications)
    for _ in range(4):
        _job_with_applications(db, 4, [])
    # jobs: page, hubs, active counts, total; applications: page, stages, (reasons,) total
    assert len(statements_of(engine, session_factory, list_jobs)) == len(jobs_small) == 4, jobs_small
    assert len(statements_of(engine, session_factory, list_applications)) == len(applications_small) <= 4
