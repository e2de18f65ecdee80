"""A dedicated, migrated PostgreSQL database for the procrastinate queue tests.

The tests skip only when PostgreSQL is unreachable *and* ``CI`` is not ``true``; in CI a missing
PostgreSQL fails them, so the real backend is always exercised there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from talentbridge.config import Settings
from talentbridge.db import migrate
from talentbridge.db.session import make_engine, session_factory
from talentbridge.mail.backends import MemoryMailBackend
from talentbridge.worker import Backoff, ProcrastinateBackend, install_backend, shutdown_queue
from talentbridge.worker.procrastinate_backend import postgres_conninfo

DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def _admin_url() -> str:
    return os.environ.get("TALENTBRIDGE_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def _admin_connection() -> psycopg.Connection[tuple[object, ...]]:
    try:
        return psycopg.connect(_admin_url(), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        message = f"PostgreSQL is unreachable at {_admin_url().rpartition('@')[2]}: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def queue_database_url() -> Iterator[str]:
    """``tb_queue_test_<xdist worker>``: created, migrated, and dropped at the end."""
    name = f"tb_queue_test_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    with _admin_connection() as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = f"{_admin_url().rsplit('/', 1)[0]}/{name}"
    migrate.upgrade(url)
    yield url
    with _admin_connection() as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="session")
def pg_engine(queue_database_url: str) -> Iterator[Engine]:
    """The engine of the queue test database."""
    engine = make_engine(queue_database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_settings(tmp_path: Path, queue_database_url: str) -> Settings:
    """Settings of a production-like process: PostgreSQL, procrastinate, memory mail."""
    return Settings(
        env="test",
        data_dir=tmp_path,
        database_url=queue_database_url,
        queue_backend="procrastinate",  # type: ignore[arg-type]
        mail_backend="memory",  # type: ignore[arg-type]
        job_max_attempts=3,
    )


@pytest.fixture
def pg_session_factory(pg_engine: Engine, queue_database_url: str) -> Iterator[sessionmaker[Session]]:
    """Sessions on the queue test database; outbox and queue tables are emptied afterwards."""
    yield session_factory(pg_engine)
    with psycopg.connect(queue_database_url, autocommit=True) as conn:
        conn.execute("TRUNCATE mail_outbox")
        if conn.execute("SELECT to_regclass('procrastinate_jobs')").fetchone() != (None,):
            conn.execute(
                "TRUNCATE procrastinate_jobs, procrastinate_workers, procrastinate_periodic_defers CASCADE"
            )


@pytest.fixture
def queue(pg_settings: Settings, pg_session_factory: sessionmaker[Session]) -> Iterator[ProcrastinateBackend]:
    """The procrastinate backend, installed, schema applied, retrying without delay."""
    del pg_session_factory  # requested so the tables are emptied after the test
    backend = ProcrastinateBackend(
        postgres_conninfo(pg_settings), default_max_attempts=3, backoff=Backoff(base=0, cap=0)
    )
    backend.start()
    install_backend(backend, pg_settings)
    MemoryMailBackend.clear()
    yield backend
    shutdown_queue()
    MemoryMailBackend.clear()
