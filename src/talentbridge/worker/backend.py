"""What every queue backend offers, and the rules both backends share.

Sharing the argument check, the job key and the backoff keeps the in-process backend (development,
tests, ``make demo``) behaving like procrastinate (production), so code tested on one works on the
other.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Protocol

from talentbridge.worker.registry import TaskSpec

JsonDict = dict[str, Any]


class QueueBackend(Protocol):
    """Where jobs go once their transaction has committed."""

    def send(self, spec: TaskSpec, kwargs: JsonDict) -> None:
        """Hand one job over for execution (called after commit, never inside a transaction)."""

    def wait_idle(self, timeout: float) -> None:
        """Block until this process has no job left to run; ``TimeoutError`` after ``timeout``."""

    def close(self) -> None:
        """Release threads and connections; jobs already handed over are finished first."""


@dataclass(frozen=True)
class Backoff:
    """Exponential delay between attempts, capped so a retry never waits unreasonably long."""

    base: float = 0.5
    cap: float = 10.0

    def delay(self, failed_attempts: int) -> float:
        """Seconds to wait after the ``failed_attempts``-th failure (1, 2, ...)."""
        return float(min(self.cap, self.base * 2 ** max(0, failed_attempts - 1)))


def checked_arguments(task_name: str, kwargs: JsonDict) -> JsonDict:
    """The arguments as the job will see them, or ``TypeError`` if JSON would change them.

    Procrastinate stores arguments as JSON; checking at enqueue time (in the caller's code, not
    later in a worker) catches a UUID or datetime passed where a string id belongs.
    """
    try:
        encoded = json.dumps(kwargs, sort_keys=True)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"arguments of task {task_name!r} must be JSON values (pass ids as strings): {exc}"
        ) from exc
    decoded: JsonDict = json.loads(encoded)
    if decoded != kwargs:
        raise TypeError(f"arguments of task {task_name!r} do not survive JSON unchanged (tuples? int keys?)")
    return decoded


def job_key(task_name: str, kwargs: JsonDict) -> str:
    """Identical jobs (same task, same arguments) share this key and never run concurrently.

    That makes the usual idempotency check ("already sent? then stop") race-free without each
    task taking its own locks. Hashed so arguments never leak into lock names.
    """
    digest = hashlib.sha256(json.dumps(kwargs, sort_keys=True).encode()).hexdigest()[:32]
    return f"{task_name}:{digest}"
