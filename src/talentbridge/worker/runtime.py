"""The queue this process uses, chosen once from Settings at start-up.

``create_app`` and the CLI call ``configure_queue(settings)``; tasks find the same settings (and so
the same database) through ``task_session()``. One process, one queue configuration.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from talentbridge.config import Environment, Settings
from talentbridge.config import QueueBackend as QueueChoice
from talentbridge.db.session import engine_for, session_factory, unit_of_work
from talentbridge.worker.backend import QueueBackend
from talentbridge.worker.inprocess import InProcessBackend
from talentbridge.worker.procrastinate_backend import ProcrastinateBackend, postgres_conninfo
from talentbridge.worker.registry import get_task, import_task_modules


class QueueNotConfigured(RuntimeError):
    """A job was sent before ``configure_queue(settings)`` ran."""


@dataclass
class _Runtime:
    backend: QueueBackend | None = None
    settings: Settings | None = None


_runtime = _Runtime()
_lock = threading.Lock()


def configure_queue(settings: Settings, *, eager: bool | None = None) -> QueueBackend:
    """Select and start the backend named by ``settings.queue_backend`` for this process.

    In-process jobs run eagerly (synchronously after commit) when ``eager`` is true, which is the
    default for ``env=test`` so tests never race background threads. Procrastinate refuses SQLite
    with ``ConfigurationError`` and applies its schema if missing.
    """
    import_task_modules()
    return install_backend(build_backend(settings, eager=eager), settings)


def build_backend(settings: Settings, *, eager: bool | None = None) -> QueueBackend:
    """A started backend for the settings, not yet installed."""
    if settings.queue_backend == QueueChoice.PROCRASTINATE:
        backend = ProcrastinateBackend(
            postgres_conninfo(settings), default_max_attempts=settings.job_max_attempts
        )
        backend.start()
        return backend
    return InProcessBackend(
        default_max_attempts=settings.job_max_attempts,
        eager=settings.env == Environment.TEST if eager is None else eager,
    )


def install_backend(backend: QueueBackend, settings: Settings) -> QueueBackend:
    """Make ``backend`` this process's queue (closing the previous one); tests use it directly."""
    with _lock:
        previous = _runtime.backend
        _runtime.backend, _runtime.settings = backend, settings
    if previous is not None and previous is not backend:
        previous.close()
    return backend


def current_backend() -> QueueBackend:
    """The configured backend."""
    backend = _runtime.backend
    if backend is None:
        raise QueueNotConfigured(
            "call worker.configure_queue(settings) at start-up (create_app and the CLI do)"
        )
    return backend


def current_settings() -> Settings:
    """The settings the queue was configured with (tasks read their configuration here)."""
    settings = _runtime.settings
    if settings is None:
        raise QueueNotConfigured(
            "call worker.configure_queue(settings) at start-up (create_app and the CLI do)"
        )
    return settings


def max_attempts(task_name: str) -> int:
    """How many runs the task gets before it is failed, as the backends count them."""
    return get_task(task_name).attempts(current_settings().job_max_attempts)


def wait_idle(timeout: float = 30.0) -> None:
    """Block until this process's background jobs are done (CLI commands, tests); no-op if unset."""
    backend = _runtime.backend
    if backend is not None:
        backend.wait_idle(timeout)


def shutdown_queue() -> None:
    """Finish and close the configured backend and forget it (process exit, test teardown)."""
    with _lock:
        backend, _runtime.backend, _runtime.settings = _runtime.backend, None, None
    if backend is not None:
        backend.close()


@contextmanager
def task_session() -> Iterator[Session]:
    """A unit of work on the configured database: a task commits once, then its own jobs are sent."""
    factory = session_factory(engine_for(current_settings().effective_database_url))
    with unit_of_work(factory) as session:
        yield session
