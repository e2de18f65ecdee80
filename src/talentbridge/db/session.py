"""Engines, sessions and the unit of work.

A unit of work is one transaction per request, command or task. Services only ``flush()``;
the edge commits once, then runs the callbacks registered with ``after_commit`` (enqueueing jobs,
sending mail) so that nothing is announced for a transaction that rolled back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

AFTER_COMMIT_KEY = "talentbridge_after_commit"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine for the URL; SQLite gets foreign keys, WAL and a busy timeout."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One shared engine per database URL."""
    return make_engine(url)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)


def after_commit(session: Session, callback: Callable[[], None]) -> None:
    """Run ``callback`` once this session's transaction has committed (never on rollback)."""
    session.info.setdefault(AFTER_COMMIT_KEY, []).append(callback)


def run_after_commit_callbacks(session: Session) -> None:
    """Run and clear the registered callbacks; called by the unit of work after commit."""
    callbacks: list[Callable[[], None]] = session.info.pop(AFTER_COMMIT_KEY, [])
    for callback in callbacks:
        callback()


def discard_after_commit_callbacks(session: Session) -> None:
    """Forget callbacks of a transaction that rolled back."""
    session.info.pop(AFTER_COMMIT_KEY, None)


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: commit on success, roll back on error, then run after-commit callbacks."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        discard_after_commit_callbacks(session)
        session.close()
        raise
    try:
        run_after_commit_callbacks(session)
    finally:
        session.close()
