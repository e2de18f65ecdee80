"""The one place that reads the clock, so tests and the demo loader can set the time.

``clock_at(moment)`` makes ``utc_now()`` return ``moment`` inside a block (per thread / task,
through a context variable). The demo loader uses it to replay months of hiring history so that
"days in stage" and timelines look real; production code never sets it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

_frozen_at: ContextVar[datetime | None] = ContextVar("talentbridge_frozen_clock", default=None)


def utc_now() -> datetime:
    """The current time, timezone-aware UTC (or the time set by ``clock_at``)."""
    frozen = _frozen_at.get()
    return frozen if frozen is not None else datetime.now(UTC)


@contextmanager
def clock_at(moment: datetime) -> Iterator[None]:
    """Make ``utc_now()`` return ``moment`` (aware) inside the block."""
    if moment.tzinfo is None:
        raise ValueError("clock_at needs a timezone-aware datetime")
    token = _frozen_at.set(moment.astimezone(UTC))
    try:
        yield
    finally:
        _frozen_at.reset(token)
