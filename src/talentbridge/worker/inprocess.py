"""The default backend: jobs run on a small thread pool inside this process.

It needs no service, so ``make demo`` and a single-process SQLite installation just work. Jobs
live in memory: a job still waiting when the process stops is lost, which is why production uses
procrastinate (ADR 0001). ``eager=True`` runs each job synchronously right after commit, with
retries but without backoff, so tests are deterministic.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from talentbridge.worker.backend import Backoff, JsonDict, job_key
from talentbridge.worker.registry import TaskSpec

log = logging.getLogger(__name__)

LOCK_STRIPES = 64
FAILED_JOBS_KEPT = 100


@dataclass(frozen=True)
class FailedJob:
    """A job that failed on every attempt (kept in memory for tests and diagnostics)."""

    task_name: str
    kwargs: JsonDict
    attempts: int
    error: str  # the exception type only: messages may contain personal data


class InProcessBackend:
    """Runs jobs on background threads, retrying failures with capped exponential backoff."""

    def __init__(
        self,
        *,
        default_max_attempts: int = 3,
        max_workers: int = 4,
        eager: bool = False,
        backoff: Backoff | None = None,
    ) -> None:
        self.default_max_attempts = default_max_attempts
        self.eager = eager
        self.backoff = backoff or Backoff()
        self.failed_jobs: deque[FailedJob] = deque(maxlen=FAILED_JOBS_KEPT)
        self._executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="talentbridge-job")
        self._pending = 0
        self._idle = threading.Condition()
        self._closing = threading.Event()
        # Striped re-entrant locks: identical jobs never overlap; an eager job may enqueue more.
        self._locks = [threading.RLock() for _ in range(LOCK_STRIPES)]

    def send(self, spec: TaskSpec, kwargs: JsonDict) -> None:
        """Run the job now (eager) or on the thread pool."""
        if self.eager:
            self._run(spec, kwargs)
            return
        self._track(+1)
        try:
            self._executor.submit(self._run_tracked, spec, kwargs)
        except RuntimeError:  # the pool was shut down
            self._track(-1)
            raise

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Wait until every job sent so far (and every job they enqueued) has finished."""
        with self._idle:
            if not self._idle.wait_for(lambda: self._pending == 0, timeout=timeout):
                raise TimeoutError(f"{self._pending} background job(s) still running after {timeout} s")

    def close(self) -> None:
        """Finish the jobs already sent (skipping backoff waits), then stop the threads."""
        self._closing.set()
        self._executor.shutdown(wait=True)

    @property
    def pending(self) -> int:
        """Jobs sent but not finished yet."""
        with self._idle:
            return self._pending

    def _track(self, delta: int) -> None:
        with self._idle:
            self._pending += delta
            self._idle.notify_all()

    def _run_tracked(self, spec: TaskSpec, kwargs: JsonDict) -> None:
        try:
            self._run(spec, kwargs)
        finally:
            self._track(-1)

    def _run(self, spec: TaskSpec, kwargs: JsonDict) -> None:
        attempts = spec.attempts(self.default_max_attempts)
        with self._locks[hash(job_key(spec.name, kwargs)) % LOCK_STRIPES]:
            for attempt in range(1, attempts + 1):
                error = _call(spec, kwargs)
                if error is None:
                    return
                # Tracebacks can quote personal data, so they are logged at DEBUG level only.
                log.debug("job %s%s traceback", spec.name, kwargs, exc_info=error)
                if attempt == attempts:
                    self._give_up(spec, kwargs, attempts, type(error).__name__)
                    return
                log.warning(
                    "job %s%s failed (%s), attempt %d of %d",
                    spec.name,
                    kwargs,
                    type(error).__name__,
                    attempt,
                    attempts,
                )
                if not self.eager:
                    self._closing.wait(self.backoff.delay(attempt))

    def _give_up(self, spec: TaskSpec, kwargs: JsonDict, attempts: int, error: str) -> None:
        log.error("job %s%s failed (%s) after %d attempt(s)", spec.name, kwargs, error, attempts)
        self.failed_jobs.append(FailedJob(spec.name, kwargs, attempts, error))


def _call(spec: TaskSpec, kwargs: JsonDict) -> Exception | None:
    """Run the task once; return its exception instead of raising (the backend decides what next)."""
    try:
        spec.func(**kwargs)
    except Exception as exc:
        return exc
    return None
