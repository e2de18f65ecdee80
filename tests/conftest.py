"""Shared test fixtures: a migrated database per test session, cleaned after each test.

The database backend is chosen with ``TALENTBRIDGE_TEST_DATABASE`` (``sqlite`` by default, or
``postgres``, which uses ``TALENTBRIDGE_TEST_POSTGRES_URL``). Every test that touches the database
is marked ``db`` automatically, so ``make test`` can run exactly those again on PostgreSQL.
Tests run on the migrated schema (Alembic), never on ``create_all``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("TALENTBRIDGE_ENV", "test")
os.environ["TALENTBRIDGE_PASSWORD_HASH_FAST"] = "true"
os.environ["TALENTBRIDGE_MAIL_BACKEND"] = "memory"
# Tests never load the embedding model unless they ask for it (tests/matching/taxonomy does, and
# uses stand-in encoders): importing torch costs ~1 GB per worker and seconds per process.
os.environ.setdefault("TALENTBRIDGE_MATCHING_SEMANTIC", "false")

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from talentbridge.app import create_app
from talentbridge.auth import passwords
from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.auth.schemas import TokenCreate, UserCreate
from talentbridge.config import Settings
from talentbridge.db import migrate
from talentbridge.db.registry import Base
from talentbridge.db.session import engine_for, make_engine
from talentbridge.db.session import session_factory as make_session_factory
from talentbridge.mail.backends import MemoryMailBackend
from talentbridge.worker import shutdown_queue

DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
TEST_PASSWORD = "correct-horse-battery"

passwords.configure(fast=True)


def backend() -> str:
    """``sqlite`` or ``postgres``."""
    return os.environ.get("TALENTBRIDGE_TEST_DATABASE", "sqlite")


def postgres_admin_url() -> str:
    """The server where per-worker test databases are created."""
    return os.environ.get("TALENTBRIDGE_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def _worker_id() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the database ``db`` (so it also runs on PostgreSQL)."""
    db_fixtures = {"engine", "db", "client", "app", "session_factory", "settings", "api_as", "make_user"}
    for item in items:
        if db_fixtures & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)


def _create_postgres_database(name: str) -> str:
    admin = make_engine(postgres_admin_url())
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    base = postgres_admin_url().rsplit("/", 1)[0]
    return f"{base}/{name}"


def _drop_postgres_database(name: str) -> None:
    admin = make_engine(postgres_admin_url())
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A freshly migrated database for this test process (PostgreSQL: its own, dropped afterwards)."""
    if backend() == "postgres":
        name = f"tb_test_{_worker_id()}_{os.getpid()}"
        url = _create_postgres_database(name)
        migrate.upgrade(url)
        yield url
        engine_for(url).dispose()
        _drop_postgres_database(name)
        return
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    migrate.upgrade(url)
    yield url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    """The engine of the migrated test database."""
    eng = make_engine(database_url)
    yield eng
    eng.dispose()


def _wipe(eng: Engine) -> None:
    tables = [table.name for table in reversed(Base.metadata.sorted_tables)]
    with eng.begin() as conn:
        if eng.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE"))
        else:
            for table in tables:
                conn.execute(text(f'DELETE FROM "{table}"'))  # noqa: S608 - table names from our metadata


@pytest.fixture
def session_factory(engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Sessions on the test database; every table is emptied after the test."""
    yield make_session_factory(engine)
    _wipe(engine)


@pytest.fixture
def db(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session for service-level tests (tests may commit; data is wiped afterwards)."""
    session = session_factory()
    yield session
    session.rollback()
    session.close()


@pytest.fixture
def settings(tmp_path: Path, database_url: str, session_factory: sessionmaker[Session]) -> Settings:
    """Settings for an app under test: its own data directory, the test database."""
    del session_factory  # requested so the database is wiped after the test
    return Settings(
        env="test",
        data_dir=tmp_path / "data",
        database_url=database_url,
        secret_key="test-secret-key-that-is-long-enough-0123456789",
        password_hash_fast=True,
        mail_backend="memory",
    )


@pytest.fixture
def app(settings: Settings) -> object:
    """The ASGI app under test."""
    return create_app(settings)


@pytest.fixture
def client(app: object) -> Iterator[TestClient]:
    """An anonymous HTTP client (raises no server exceptions: a 500 shows as a 500)."""
    with TestClient(app, raise_server_exceptions=False) as test_client:  # type: ignore[arg-type]
        yield test_client


@pytest.fixture
def make_user(session_factory: sessionmaker[Session]) -> Callable[..., User]:
    """Create a user with a role (committed), e.g. ``make_user(Role.RECRUITER)``."""

    def _make(role: Role = Role.RECRUITER, email: str | None = None, full_name: str | None = None) -> User:
        with session_factory() as session:
            user = auth_service.create_user(
                session,
                Actor.system(),
                UserCreate(
                    email=email or f"{role.value}-{uuid.uuid4().hex[:8]}@example.com",
                    full_name=full_name or f"Test {role.value.replace('_', ' ').title()}",
                    role=role,
                    password=TEST_PASSWORD,
                ),
            )
            session.commit()
            return user

    return _make


@pytest.fixture
def api_as(
    app: object, session_factory: sessionmaker[Session], make_user: Callable[..., User]
) -> Callable[..., TestClient]:
    """An API client authenticated by a fresh bearer token for a user of the given role.

    ``api_as(Role.ADMIN)`` creates the user; ``api_as(user=existing)`` reuses one. The client's
    ``.user`` attribute is the user.
    """
    clients: list[TestClient] = []

    def _client(role: Role = Role.RECRUITER, *, user: User | None = None) -> TestClient:
        user = user or make_user(role)
        with session_factory() as session:
            _, secret = auth_service.create_token(
                session, auth_service.actor_for(user), TokenCreate(name="tests")
            )
            session.commit()
        test_client = TestClient(app, raise_server_exceptions=False)  # type: ignore[arg-type]
        test_client.headers["Authorization"] = f"Bearer {secret}"
        test_client.user = user  # type: ignore[attr-defined]
        clients.append(test_client)
        return test_client

    yield _client  # type: ignore[misc]
    for test_client in clients:
        test_client.close()


@pytest.fixture
def system() -> Actor:
    """The automation actor (admin rights, no user)."""
    return Actor.system()


@pytest.fixture(autouse=True)
def _fresh_process_state() -> Iterator[None]:
    """Process-wide state (the job queue, the in-memory outbox) never leaks between tests."""
    yield
    shutdown_queue()
    MemoryMailBackend.clear()
