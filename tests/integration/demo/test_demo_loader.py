"""Demo data: reproducible, realistic, and consistent with the pipeline rules it went through."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentbridge.auth.models import User
from talentbridge.demo.catalogue import HUBS
from talentbridge.demo.generator import DemoGenerator
from talentbridge.demo.loader import DEMO_USERS, load_demo
from talentbridge.jobs.models import Hub, Job
from talentbridge.people.models import Person
from talentbridge.pipeline.enums import ApplicationStatus, StageCategory
from talentbridge.pipeline.models import Application, Stage, Transition

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


def test_generator_is_reproducible_and_varied() -> None:
    first = DemoGenerator(7).people(120)
    assert [p.email for p in first] == [p.email for p in DemoGenerator(7).people(120)]
    assert [p.email for p in first] != [p.email for p in DemoGenerator(8).people(120)]
    assert len({p.email for p in first}) == 120
    assert len({p.country for p in first}) >= 10
    assert any(p.native_name and not p.native_name.isascii() for p in first)


def test_load_demo_creates_a_consistent_company(db: Session) -> None:
    summary = load_demo(db, seed=11, people=40, now=NOW)
    db.flush()
    assert summary.people == 40
    # later contexts add a few people of their own (careers-site applicants, a duplicate pair)
    assert 40 <= (db.scalar(select(func.count()).select_from(Person)) or 0) <= 50
    assert {hub.name for hub in db.scalars(select(Hub))} == {hub.name for hub in HUBS}
    assert {user.email for user in db.scalars(select(User))} == {user.email for user in DEMO_USERS}
    # the careers-site demo adds a few applications of its own on top of the generated ones
    assert summary.applications <= (db.scalar(select(func.count()).select_from(Application)) or 0)
    assert db.scalar(select(func.count()).select_from(Job)) == summary.jobs
    _assert_applications_follow_their_transitions(db)
    statuses = Counter(db.scalars(select(Application.status)))
    assert statuses[ApplicationStatus.ACTIVE] > 0


def _assert_applications_follow_their_transitions(db: Session) -> None:
    stages = {stage.id: stage for stage in db.scalars(select(Stage))}
    for application in db.scalars(select(Application)):
        moves = db.scalars(
            select(Transition).where(Transition.application_id == application.id).order_by(Transition.at)
        ).all()
        assert moves, "every application starts with a transition into its first stage"
        assert moves[-1].to_stage_id == application.stage_id
        assert all(move.at <= NOW for move in moves)
        category = stages[application.stage_id].category
        if category in {StageCategory.REJECTED, StageCategory.WITHDRAWN}:
            assert application.reason_id is not None
        assert application.status.value == {
            StageCategory.HIRED: "hired",
            StageCategory.REJECTED: "rejected",
            StageCategory.WITHDRAWN: "withdrawn",
        }.get(category, "active")


def test_loading_twice_adds_nothing(db: Session) -> None:
    load_demo(db, seed=3, people=5, now=NOW)
    people = db.scalar(select(func.count()).select_from(Person))
    second = load_demo(db, seed=3, people=5, now=NOW)
    assert second.skipped
    assert db.scalar(select(func.count()).select_from(Person)) == people
