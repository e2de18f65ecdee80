"""The in-process queue: after commit only, never after rollback, retries, idempotency, ids."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from talentbridge.config import Settings
from talentbridge.db.session import unit_of_work
from talentbridge.mail.models import OutboxMessage
from talentbridge.worker import (
    Backoff,
    InProcessBackend,
    QueueNotConfigured,
    UnknownTask,
    enqueue,
    install_backend,
    task,
    task_session,
    wait_idle,
)
from talentbridge.worker.backend import JsonDict
from talentbridge.worker.registry import TaskSpec

calls: list[dict[str, Any]] = []
_calls_lock = threading.Lock()
release = threading.Event()


def _called(**kwargs: Any) -> None:
    with _calls_lock:
        calls.append(kwargs)


@pytest.fixture(autouse=True)
def _reset_calls() -> None:
    calls.clear()
    release.clear()


@task(name="tests.worker.record")
def record(*, person_id: str) -> None:
    _called(person_id=person_id)


@task(name="tests.worker.always_fails", max_attempts=3)
def always_fails(*, person_id: str) -> None:
    _called(person_id=person_id)
    raise RuntimeError("cannot reach ana.lima@example.com")  # personal data that must not be logged


@task(name="tests.worker.fails_once")
def fails_once(*, person_id: str) -> None:
    _called(person_id=person_id)
    if len(calls) == 1:
        raise ConnectionError("transient")


@task(name="tests.worker.read_subject")
def read_subject(*, message_id: str) -> None:
    with task_session() as session:
        message = session.get(OutboxMessage, uuid.UUID(message_id))
        _called(subject=message.subject if message else None)


@task(name="tests.worker.stamp_once")
def stamp_once(*, message_id: str) -> None:
    """Idempotent the usual way: check the state, act only if not done yet."""
    with task_session() as session:
        message = session.get(OutboxMessage, uuid.UUID(message_id))
        assert message is not None
        if message.last_error == "stamped":
            return
        time.sleep(0.05)  # widens the check-then-act window a concurrent duplicate would hit
        message.last_error = "stamped"
        message.attempts = OutboxMessage.attempts + 1  # type: ignore[assignment]  # SQL increment


@task(name="tests.worker.blocks")
def blocks(*, person_id: str) -> None:
    release.wait(timeout=5)
    _called(person_id=person_id)


@task(name="tests.worker.cascade")
def cascade(*, person_id: str) -> None:
    with task_session() as session:
        enqueue(session, record, person_id=person_id)


def _message(session_factory: sessionmaker[Session], subject: str = "Interview") -> str:
    with unit_of_work(session_factory) as session:
        message = OutboxMessage(to_address="ana@example.com", subject=subject, body_text="Hello")
        session.add(message)
        session.flush()
        return str(message.id)


def test_job_is_sent_only_after_commit(
    threaded: InProcessBackend, session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(session_factory) as session:
        enqueue(session, record, person_id="p-1")
        time.sleep(0.02)  # a job sent too early would have run by now
        assert calls == []
        assert threaded.pending == 0
    wait_idle(timeout=5)
    assert calls == [{"person_id": "p-1"}]


def test_job_sees_the_data_its_transaction_committed(
    threaded: InProcessBackend, session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(session_factory) as session:
        message = OutboxMessage(to_address="ana@example.com", subject="Offer", body_text="Hi")
        session.add(message)
        session.flush()
        enqueue(session, read_subject, message_id=str(message.id))
    wait_idle(timeout=5)
    assert calls == [{"subject": "Offer"}]


def test_job_never_runs_when_the_transaction_rolls_back(
    threaded: InProcessBackend, session_factory: sessionmaker[Session]
) -> None:
    def enqueue_then_fail() -> None:
        with unit_of_work(session_factory) as session:
            enqueue(session, record, person_id="p-1")
            raise ValueError("business rule")

    with pytest.raises(ValueError, match="business rule"):
        enqueue_then_fail()
    wait_idle(timeout=5)
    assert calls == []
    assert threaded.pending == 0


def test_failing_job_is_retried_up_to_max_attempts_then_marked_failed(
    threaded: InProcessBackend, session_factory: sessionmaker[Session], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="talentbridge.worker")
    with unit_of_work(session_factory) as session:
        enqueue(session, always_fails, person_id="p-9")
    wait_idle(timeout=5)
    assert len(calls) == 3
    assert [(job.task_name, job.kwargs, job.attempts, job.error) for job in threaded.failed_jobs] == [
        ("tests.worker.always_fails", {"person_id": "p-9"}, 3, "RuntimeError")
    ]
    assert "RuntimeError" in caplog.text
    assert "ana.lima@example.com" not in caplog.text


def test_job_that_recovers_is_not_marked_failed(
    threaded: InProcessBackend, session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(session_factory) as session:
        enqueue(session, fails_once, person_id="p-2")
    wait_idle(timeout=5)
    assert calls == [{"person_id": "p-2"}, {"person_id": "p-2"}]
    assert list(threaded.failed_jobs) == []


def test_default_attempts_come_from_the_backend(
    settings: Settings, session_factory: sessionmaker[Session]
) -> None:
    backend = InProcessBackend(default_max_attempts=2, eager=True)
    install_backend(backend, settings)
    spec = TaskSpec(name="tests.worker.fails_twice", func=lambda **_: 1 / 0)
    backend.send(spec, {})
    assert backend.failed_jobs[0].attempts == 2


def test_identical_jobs_enqueued_twice_take_effect_once(
    threaded: InProcessBackend, session_factory: sessionmaker[Session]
) -> None:
    message_id = _message(session_factory)
    with unit_of_work(session_factory) as session:
        enqueue(session, stamp_once, message_id=message_id)
        enqueue(session, stamp_once, message_id=message_id)
    wait_idle(timeout=5)
    with session_factory() as session:
        message = session.get(OutboxMessage, uuid.UUID(message_id))
        assert message is not None
        assert (message.last_error, message.attempts) == ("stamped", 1)


def test_job_receives_exactly_the_ids_it_was_given(
    eager: InProcessBackend, session_factory: sessionmaker[Session]
) -> None:
    person_id = uuid.uuid4()
    with unit_of_work(session_factory) as session:
        enqueue(session, "tests.worker.record", person_id=str(person_id))
    assert calls == [{"person_id": str(person_id)}]
    assert isinstance(calls[0]["person_id"], str)


def test_arguments_are_checked_when_enqueued(
    eager: InProcessBackend, session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(session_factory) as session:
        with pytest.raises(TypeError, match="ids as strings"):
            enqueue(session, record, person_id=uuid.uuid4())  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="do not survive JSON"):
            enqueue(session, "tests.worker.record", person_id=("a", "b"))
        with pytest.raises(TypeError, match="keyword arguments only"):
            enqueue(session, "tests.worker.record", "p-1")
        with pytest.raises(UnknownTask, match=r"tests\.worker\.nope"):
            enqueue(session, "tests.worker.nope", person_id="p-1")
    assert calls == []


def test_eager_mode_runs_the_job_synchronously_right_after_commit(
    eager: InProcessBackend, session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(session_factory) as session:
        enqueue(session, fails_once, person_id="p-3")
        assert calls == []
    assert calls == [{"person_id": "p-3"}, {"person_id": "p-3"}]  # retried without waiting


def test_wait_idle_also_waits_for_jobs_enqueued_by_jobs(
    threaded: InProcessBackend, session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(session_factory) as session:
        enqueue(session, cascade, person_id="p-4")
    wait_idle(timeout=5)
    assert calls == [{"person_id": "p-4"}]


def test_wait_idle_gives_up_after_its_timeout(
    threaded: InProcessBackend, session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(session_factory) as session:
        enqueue(session, blocks, person_id="p-5")
    with pytest.raises(TimeoutError, match="1 background job"):
        wait_idle(timeout=0.05)
    release.set()
    wait_idle(timeout=5)
    assert calls == [{"person_id": "p-5"}]


def test_close_finishes_retries_without_waiting_for_backoff(settings: Settings) -> None:
    backend = InProcessBackend(default_max_attempts=3, backoff=Backoff(base=60, cap=60))
    install_backend(backend, settings)
    backend.send(TaskSpec(name="tests.worker.always_fails", func=always_fails), {"person_id": "p-6"})
    started = time.monotonic()
    backend.close()
    assert time.monotonic() - started < 5
    assert len(calls) == 3


def test_a_failure_to_enqueue_after_commit_is_logged_not_raised(
    settings: Settings, session_factory: sessionmaker[Session], caplog: pytest.LogCaptureFixture
) -> None:
    class Unreachable:
        def send(self, spec: TaskSpec, kwargs: JsonDict) -> None:
            del spec, kwargs
            raise ConnectionError("queue database is down")

        def wait_idle(self, timeout: float) -> None:
            del timeout

        def close(self) -> None:
            pass

    install_backend(Unreachable(), settings)
    with unit_of_work(session_factory) as session:
        enqueue(session, record, person_id="p-7")
    assert "could not enqueue job tests.worker.record" in caplog.text


def test_sending_without_a_configured_queue_is_an_error(session_factory: sessionmaker[Session]) -> None:
    with pytest.raises(QueueNotConfigured, match="configure_queue"), unit_of_work(session_factory) as session:
        enqueue(session, record, person_id="p-8")
