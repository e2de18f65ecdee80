"""Queue fixtures for the in-process backend on the SQLite test database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from talentbridge.config import Settings
from talentbridge.worker import Backoff, InProcessBackend, install_backend, shutdown_queue

FAST_BACKOFF = Backoff(base=0.001, cap=0.01)


@pytest.fixture(autouse=True)
def _no_queue_left_behind() -> Iterator[None]:
    """Every test starts and ends without a configured queue (it is process-wide state)."""
    shutdown_queue()
    yield
    shutdown_queue()


@pytest.fixture
def threaded(settings: Settings) -> Iterator[InProcessBackend]:
    """The in-process backend with real background threads and near-zero backoff."""
    backend = InProcessBackend(default_max_attempts=3, max_workers=4, backoff=FAST_BACKOFF)
    install_backend(backend, settings)
    yield backend
    backend.wait_idle(timeout=10)  # the database is wiped after the test: let jobs finish first


@pytest.fixture
def eager(settings: Settings) -> InProcessBackend:
    """The in-process backend in eager mode (jobs run synchronously right after commit)."""
    backend = InProcessBackend(default_max_attempts=3, eager=True)
    install_backend(backend, settings)
    return backend
