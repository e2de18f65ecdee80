"""Two people moving the same candidate at once: the second write fails instead of losing the first.

Runs on whichever database the suite uses (SQLite by default, PostgreSQL with
``TALENTBRIDGE_TEST_DATABASE=postgres``); both must refuse the stale write.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from factories.jobs import make_application, make_job, stage_named
from talentbridge.auth.actor import Actor
from talentbridge.errors import StaleVersion
from talentbridge.pipeline import service
from talentbridge.pipeline.enums import ApplicationStatus
from talentbridge.pipeline.models import Application

SYSTEM = Actor.system()


@pytest.fixture
def committed_application(session_factory: sessionmaker[Session]) -> dict[str, uuid.UUID]:
    """An open job with one application in "Applied", committed so other sessions see it."""
    with session_factory() as setup:
        job = make_job(setup, status="open")
        application = make_application(setup, job=job)
        ids = {
            "application": application.id,
            "screen": stage_named(setup, job.id, "Screen").id,
            "offer": stage_named(setup, job.id, "Offer").id,
        }
        setup.commit()
    return ids


def test_second_commit_of_a_concurrent_change_raises_stale_data(
    session_factory: sessionmaker[Session], committed_application: dict[str, uuid.UUID]
) -> None:
    with session_factory() as first, session_factory() as second:
        mine = first.get(Application, committed_application["application"])
        theirs = second.get(Application, committed_application["application"])
        assert mine is not None
        assert theirs is not None
        assert mine.version == theirs.version == 1
        mine.stage_id = committed_application["screen"]
        theirs.stage_id = committed_application["offer"]
        first.commit()
        with pytest.raises(StaleDataError):
            second.commit()
        second.rollback()
    with session_factory() as check:
        stored = check.get(Application, committed_application["application"])
        assert stored is not None
        assert (stored.stage_id, stored.version) == (committed_application["screen"], 2)


def test_move_that_passed_its_version_check_still_fails_if_overtaken_before_writing(
    session_factory: sessionmaker[Session], committed_application: dict[str, uuid.UUID]
) -> None:
    """Both movers read version 1 and pass the ``expected_version`` check; the first commits
    while the second is about to write. The second must get 409 and leave no trace."""
    application_id = committed_application["application"]
    with session_factory() as first, session_factory() as second:
        overtaken: list[bool] = []

        def first_mover_gets_there_first(*_args: object) -> None:
            if overtaken:
                return
            overtaken.append(True)
            service.move_application(
                first, SYSTEM, application_id, to_stage_id=committed_application["screen"], expected_version=1
            )
            first.commit()

        event.listen(second, "before_flush", first_mover_gets_there_first)
        with pytest.raises(StaleVersion):
            service.move_application(
                second, SYSTEM, application_id, to_stage_id=committed_application["offer"], expected_version=1
            )
        second.rollback()
        event.remove(second, "before_flush", first_mover_gets_there_first)
        assert overtaken == [True]

    with session_factory() as check:
        stored = service.get_application(check, SYSTEM, application_id)
        assert (stored.stage.name, stored.version, stored.status) == ("Screen", 2, ApplicationStatus.ACTIVE)
        history = service.list_transitions(check, SYSTEM, application_id)
        assert [transition.to_stage.name for transition in history] == ["Applied", "Screen"]
