"""The procrastinate backend on a real PostgreSQL: after-commit deferral, a worker, retries."""

from __future__ import annotations

import asyncio
import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from talentbridge.cli.main import app as cli
from talentbridge.config import get_settings
from talentbridge.db.session import unit_of_work
from talentbridge.mail import service as mail_service
from talentbridge.mail.backends import MemoryMailBackend
from talentbridge.mail.models import MailStatus, OutboxMessage
from talentbridge.worker import ProcrastinateBackend, enqueue, task, task_session
from talentbridge.worker.procrastinate_backend import ensure_schema, retry_stalled_jobs

pytestmark = pytest.mark.postgres

WORKER_TIMEOUT = 30.0
runs: list[str] = []


@pytest.fixture(autouse=True)
def _reset_runs() -> None:
    runs.clear()


@task(name="tests.pg.mark_sent")
def mark_sent(*, message_id: str) -> None:
    with task_session() as session:
        message = session.get(OutboxMessage, uuid.UUID(message_id))
        assert message is not None
        message.status = MailStatus.SENT


@task(name="tests.pg.always_fails", max_attempts=3)
def always_fails(*, message_id: str) -> None:
    runs.append(message_id)
    raise RuntimeError("permanent")


def _jobs(url: str, task_name: str) -> list[dict[str, Any]]:
    with psycopg.connect(url) as conn, conn.cursor(row_factory=psycopg.rows.dict_row) as cursor:
        cursor.execute(
            "SELECT id, status, attempts, args, lock FROM procrastinate_jobs"
            " WHERE task_name = %s ORDER BY id",
            (task_name,),
        )
        return cursor.fetchall()


def _outbox_row(factory: sessionmaker[Session]) -> str:
    with unit_of_work(factory) as session:
        message = OutboxMessage(to_address="ana@example.com", subject="Interview", body_text="Hello")
        session.add(message)
        session.flush()
        return str(message.id)


def _status(factory: sessionmaker[Session], message_id: str) -> MailStatus | None:
    with factory() as session:
        message = session.get(OutboxMessage, uuid.UUID(message_id))
        return message.status if message else None


def run_worker_until_empty(backend: ProcrastinateBackend) -> None:
    """Run a real procrastinate worker in a thread until the queue is empty, with a time limit."""
    errors: list[BaseException] = []

    def target() -> None:
        try:
            backend.run_worker(wait=False, install_signal_handlers=False)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=target, name="test-procrastinate-worker", daemon=True)
    thread.start()
    thread.join(WORKER_TIMEOUT)
    assert not thread.is_alive(), f"the worker did not empty the queue within {WORKER_TIMEOUT} s"
    if errors:
        raise errors[0]


def test_job_is_deferred_only_after_commit(
    queue: ProcrastinateBackend, pg_session_factory: sessionmaker[Session], queue_database_url: str
) -> None:
    message_id = _outbox_row(pg_session_factory)
    with unit_of_work(pg_session_factory) as session:
        enqueue(session, mark_sent, message_id=message_id)
        assert _jobs(queue_database_url, "tests.pg.mark_sent") == []
    [job] = _jobs(queue_database_url, "tests.pg.mark_sent")
    assert (job["status"], job["args"]) == ("todo", {"message_id": message_id})
    assert job["lock"].startswith("tests.pg.mark_sent:")


def test_worker_runs_the_job_and_its_effect_is_in_the_database(
    queue: ProcrastinateBackend, pg_session_factory: sessionmaker[Session], queue_database_url: str
) -> None:
    message_id = _outbox_row(pg_session_factory)
    with unit_of_work(pg_session_factory) as session:
        enqueue(session, mark_sent, message_id=message_id)
    run_worker_until_empty(queue)
    assert _status(pg_session_factory, message_id) is MailStatus.SENT
    assert [job["status"] for job in _jobs(queue_database_url, "tests.pg.mark_sent")] == ["succeeded"]


def test_job_of_a_rolled_back_transaction_never_appears(
    queue: ProcrastinateBackend, pg_session_factory: sessionmaker[Session], queue_database_url: str
) -> None:
    def enqueue_then_fail() -> None:
        with unit_of_work(pg_session_factory) as session:
            message = OutboxMessage(to_address="ana@example.com", subject="Never", body_text="Hello")
            session.add(message)
            session.flush()
            enqueue(session, mark_sent, message_id=str(message.id))
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError, match="rolled back"):
        enqueue_then_fail()
    run_worker_until_empty(queue)
    assert _jobs(queue_database_url, "tests.pg.mark_sent") == []
    with pg_session_factory() as session:
        assert session.query(OutboxMessage).count() == 0


def test_failing_job_is_retried_up_to_max_attempts_then_failed(
    queue: ProcrastinateBackend, pg_session_factory: sessionmaker[Session], queue_database_url: str
) -> None:
    with unit_of_work(pg_session_factory) as session:
        enqueue(session, always_fails, message_id="m-1")
    run_worker_until_empty(queue)
    assert runs == ["m-1", "m-1", "m-1"]
    [job] = _jobs(queue_database_url, "tests.pg.always_fails")
    assert (job["status"], job["attempts"]) == ("failed", 3)


def test_queued_mail_is_delivered_by_the_worker(
    queue: ProcrastinateBackend, pg_session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(pg_session_factory) as session:
        message_id = str(
            mail_service.queue_mail(session, to="ana@example.com", subject="Welcome", body_text="Hi Ana").id
        )
    assert MemoryMailBackend.outbox == []
    run_worker_until_empty(queue)
    assert [mail["Subject"] for mail in MemoryMailBackend.outbox] == ["Welcome"]
    assert _status(pg_session_factory, message_id) is MailStatus.SENT


def test_jobs_of_a_dead_worker_are_put_back_in_the_queue(
    queue: ProcrastinateBackend, pg_session_factory: sessionmaker[Session], queue_database_url: str
) -> None:
    message_id = _outbox_row(pg_session_factory)
    with unit_of_work(pg_session_factory) as session:
        enqueue(session, mark_sent, message_id=message_id)

    async def a_worker_dies_mid_job() -> list[int]:
        async with queue.app.open_async():
            manager = queue.app.job_manager
            worker_id = await manager.register_worker()
            job = await manager.fetch_job(queues=None, worker_id=worker_id)
            assert job is not None
            with psycopg.connect(queue_database_url) as conn:  # no heartbeat for an hour: killed
                conn.execute(
                    "UPDATE procrastinate_workers SET last_heartbeat = now() - interval '1 hour'"
                    " WHERE id = %s",
                    (worker_id,),
                )
            return await retry_stalled_jobs(manager)

    retried = asyncio.run(a_worker_dies_mid_job())
    [job] = _jobs(queue_database_url, "tests.pg.mark_sent")
    assert (retried, job["status"]) == ([job["id"]], "todo")
    run_worker_until_empty(queue)
    assert _status(pg_session_factory, message_id) is MailStatus.SENT


def test_queue_maintenance_and_periodic_tasks_are_scheduled(queue: ProcrastinateBackend) -> None:
    scheduled = {periodic.task.name for periodic in queue.app.periodic_registry.periodic_tasks.values()}
    assert {"talentbridge.retry_stalled_jobs", "mail.requeue_stale_outbox"} <= scheduled
    assert any(name.endswith("procrastinate.builtin_tasks.remove_old_jobs") for name in scheduled)


@pytest.fixture
def scratch_database(queue_database_url: str) -> Iterator[str]:
    """An empty database, to watch the queue schema being applied."""
    admin_url = os.environ.get("TALENTBRIDGE_TEST_POSTGRES_URL", queue_database_url)
    name = f"{queue_database_url.rsplit('/', 1)[1]}_scratch"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(drop)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield f"{queue_database_url.rsplit('/', 1)[0]}/{name}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(drop)


def test_queue_schema_is_applied_once_when_absent(scratch_database: str) -> None:
    assert ensure_schema(scratch_database) is True
    assert ensure_schema(scratch_database) is False
    with psycopg.connect(scratch_database) as conn:
        assert conn.execute("SELECT count(*) FROM procrastinate_jobs").fetchone() == (0,)


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, queue_database_url: str) -> Iterator[None]:
    monkeypatch.setenv("TALENTBRIDGE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TALENTBRIDGE_DATABASE_URL", queue_database_url)
    monkeypatch.setenv("TALENTBRIDGE_QUEUE_BACKEND", "procrastinate")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_worker_command_runs_queued_jobs(
    queue: ProcrastinateBackend, pg_session_factory: sessionmaker[Session], cli_env: None
) -> None:
    message_id = _outbox_row(pg_session_factory)
    with unit_of_work(pg_session_factory) as session:
        enqueue(session, mark_sent, message_id=message_id)
    result = CliRunner().invoke(cli, ["worker", "--one-shot", "--concurrency", "2"])
    assert result.exit_code == 0, result.output
    assert "every queue" in result.output
    assert _status(pg_session_factory, message_id) is MailStatus.SENT
