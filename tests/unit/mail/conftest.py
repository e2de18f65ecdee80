"""Mail fixtures: an eager in-process queue on the SQLite test database and an empty memory outbox."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from talentbridge.config import Settings
from talentbridge.mail.backends import MemoryMailBackend
from talentbridge.worker import configure_queue, shutdown_queue


@pytest.fixture(autouse=True)
def _empty_outbox() -> Iterator[None]:
    MemoryMailBackend.clear()
    yield
    MemoryMailBackend.clear()


@pytest.fixture
def mail_queue(settings: Settings) -> Iterator[Settings]:
    """The queue configured as the app does under test (in-process, eager); yields its settings."""
    configure_queue(settings)
    yield settings
    shutdown_queue()


@pytest.fixture
def closed_port() -> int:
    """A local TCP port nobody listens on (connections are refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
