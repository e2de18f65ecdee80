"""The demo builds the matching index, and seeding without a job queue still works."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from talentbridge.auth.actor import Actor
from talentbridge.config import Settings
from talentbridge.db.session import unit_of_work
from talentbridge.demo.loader import load_demo
from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.models import Job
from talentbridge.matching import index_store, service
from talentbridge.matching.schemas import MatchQuery
from talentbridge.people import service as people_service
from talentbridge.people.models import Person
from talentbridge.people.schemas import PersonCreate
from talentbridge.worker import configure_queue


def test_the_demo_comes_with_an_index_and_sensible_matches(
    settings: Settings, session_factory: sessionmaker[Session]
) -> None:
    configure_queue(settings)
    with unit_of_work(session_factory) as session:
        load_demo(session, people=25)
    directory = index_store.index_directory(settings.data_dir)
    loaded = index_store.load(directory)
    assert loaded is not None
    with session_factory() as session:
        assert len(loaded.versions) == session.query(Person).count() >= 25
        job = session.query(Job).filter(Job.status == JobStatus.OPEN).order_by(Job.title).first()
        assert job is not None
        result = service.job_matches(session, Actor.system(), job.id, MatchQuery(top=5), directory=directory)
    assert len(result.items) == 5
    scores = [item.ranked.score for item in result.items]
    assert scores == sorted(scores, reverse=True)
    best = result.items[0].ranked
    features = {feature.feature: feature for feature in best.features}
    assert features["skills"].score > 0
    assert features["skills"].details  # every required skill is explained, held or not


def test_people_can_be_created_where_no_job_queue_runs(session_factory: sessionmaker[Session]) -> None:
    with unit_of_work(session_factory) as session:
        person = people_service.create_person(session, Actor.system(), PersonCreate(first_name="Quiet"))
    assert person.id is not None
