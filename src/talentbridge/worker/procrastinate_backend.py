"""The production backend: procrastinate on PostgreSQL (ADR 0001).

Jobs are rows in procrastinate's tables, so they survive restarts and need no broker service.
The web process only defers jobs; ``talentbridge worker`` runs them. Both apply procrastinate's
schema on start-up when it is missing, so ``talentbridge db upgrade`` does not depend on the queue.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import procrastinate
import psycopg
from procrastinate.jobs import Job
from procrastinate.manager import JobManager
from procrastinate.schema import SchemaManager
from procrastinate.tasks import Task

from talentbridge.config import ConfigurationError, Settings
from talentbridge.kit.clock import utc_now
from talentbridge.worker.backend import Backoff, JsonDict, job_key
from talentbridge.worker.registry import TaskSpec, all_tasks, import_task_modules

log = logging.getLogger(__name__)

# Worker heartbeats every 10 s; after this long without one its running jobs count as stalled.
STALLED_WORKER_SECONDS = 30.0
STALLED_JOBS_CRON = "*/5 * * * *"
CLEANUP_CRON = "17 3 * * *"  # daily, off-peak: delete finished jobs after a week
FINISHED_JOBS_KEPT_HOURS = 7 * 24
PRODUCTION_BACKOFF = Backoff(base=5.0, cap=600.0)
SCHEMA_LOCK_ID = 74_726_101  # pg_advisory_xact_lock key: two processes never apply the schema twice


def postgres_conninfo(settings: Settings) -> str:
    """The queue's PostgreSQL URL (libpq form); SQLite cannot host procrastinate."""
    url = settings.queue_database_url or settings.effective_database_url
    scheme, _, rest = url.partition("://")
    if scheme.split("+", 1)[0] not in {"postgresql", "postgres"} or not rest:
        raise ConfigurationError(
            "TALENTBRIDGE_QUEUE_BACKEND=procrastinate needs PostgreSQL: set TALENTBRIDGE_QUEUE_DATABASE_URL "
            "(or a PostgreSQL TALENTBRIDGE_DATABASE_URL); SQLite cannot host the job queue."
        )
    return f"postgresql://{rest}"


def ensure_schema(conninfo: str) -> bool:
    """Apply procrastinate's schema if its tables are absent; return whether it was applied."""
    with psycopg.connect(conninfo) as conn:  # one transaction, committed on exit
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK_ID,))
        row = conn.execute("SELECT to_regclass('procrastinate_jobs')").fetchone()
        if row is not None and row[0] is not None:
            return False
        conn.execute(SchemaManager.get_schema())
    log.info("applied procrastinate's queue schema")
    return True


async def retry_stalled_jobs(
    job_manager: JobManager, *, seconds_since_heartbeat: float = STALLED_WORKER_SECONDS
) -> list[int]:
    """Put jobs of dead workers (no heartbeat) back in the queue; return their ids.

    A worker killed hard (SIGKILL, OOM, lost machine) leaves its jobs ``doing`` forever, and with
    them every job sharing their lock. Procrastinate detects such workers by heartbeat but only
    offers the repair as an API, so a periodic task calls it (ADR 0001).
    """
    stalled: list[Job] = list(
        await job_manager.get_stalled_jobs(seconds_since_heartbeat=seconds_since_heartbeat)
    )
    for job in stalled:
        log.warning("retrying stalled job %s[%s]", job.task_name, job.id)
        await job_manager.retry_job(job)
    return [job.id for job in stalled if job.id is not None]


class _Retry(procrastinate.BaseRetryStrategy):
    """Retry until ``attempts`` runs in total, waiting per the shared backoff."""

    def __init__(self, attempts: int, backoff: Backoff) -> None:
        self.attempts = attempts
        self.backoff = backoff

    def get_retry_decision(self, *, exception: BaseException, job: Job) -> procrastinate.RetryDecision | None:
        del exception
        failed = job.attempts + 1  # procrastinate counts earlier attempts only
        if failed >= self.attempts:
            return None
        return procrastinate.RetryDecision(retry_at=utc_now() + timedelta(seconds=self.backoff.delay(failed)))


class ProcrastinateBackend:
    """Defers jobs to procrastinate; ``run_worker`` executes them."""

    def __init__(
        self, conninfo: str, *, default_max_attempts: int = 3, backoff: Backoff = PRODUCTION_BACKOFF
    ) -> None:
        self.conninfo = conninfo
        self.default_max_attempts = default_max_attempts
        self.backoff = backoff
        self._app: procrastinate.App | None = None
        self._lock = threading.RLock()
        self._in_worker = False

    @property
    def app(self) -> procrastinate.App:
        """The procrastinate app, created on first use with every registered task."""
        with self._lock:
            if self._app is None:
                self._app = procrastinate.App(
                    connector=procrastinate.PsycopgConnector(conninfo=self.conninfo, min_size=1, max_size=4)
                )
                _register_maintenance(self._app)
            for spec in all_tasks():
                self._task(self._app, spec)
            return self._app

    def start(self) -> None:
        """Make sure the queue's tables exist (idempotent; safe when several processes start)."""
        ensure_schema(self.conninfo)

    def send(self, spec: TaskSpec, kwargs: JsonDict) -> None:
        """Insert the job; identical jobs share a procrastinate lock so they never overlap."""
        with self._lock:
            task = self._task(self.app, spec)
            if not self._in_worker:  # a worker defers through its own (async) pool
                self.app.open()
        task.configure(lock=job_key(spec.name, kwargs)).defer(**kwargs)

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Nothing to wait for: jobs run in worker processes, not in this one."""
        del timeout

    def close(self) -> None:
        """Close the connection pool used for deferring."""
        with self._lock:
            if self._app is not None and not self._in_worker:
                self._app.close()

    def run_worker(
        self,
        *,
        queues: list[str] | None = None,
        concurrency: int = 1,
        wait: bool = True,
        install_signal_handlers: bool = True,
    ) -> None:
        """Run jobs until stopped (``wait=False``: until the queue is empty)."""
        self.start()
        import_task_modules()  # a worker must know every task, including ones nobody enqueued here
        app = self.app
        # Each running job, the notification listener and the heartbeat need a connection.
        pool = procrastinate.PsycopgConnector(conninfo=self.conninfo, min_size=1, max_size=concurrency + 4)
        with self._lock:
            self._in_worker = True
        try:
            with app.replace_connector(pool):
                app.run_worker(
                    name="talentbridge",
                    queues=queues,
                    concurrency=concurrency,
                    wait=wait,
                    install_signal_handlers=install_signal_handlers,
                    stalled_worker_timeout=STALLED_WORKER_SECONDS,
                )
        finally:
            with self._lock:
                self._in_worker = False

    def _task(self, app: procrastinate.App, spec: TaskSpec) -> Task[Any, Any, Any]:
        existing: Task[Any, Any, Any] | None = app.tasks.get(spec.name)
        if existing is not None:
            return existing
        func = _drop_timestamp(spec.func) if spec.cron else spec.func
        retry = _Retry(spec.attempts(self.default_max_attempts), self.backoff)
        task: Task[Any, Any, Any] = app.task(name=spec.name, queue=spec.queue, retry=retry)(func)
        if spec.cron:
            app.periodic(cron=spec.cron, periodic_id=spec.name)(task)
        return task


def _drop_timestamp(func: Callable[..., None]) -> Callable[..., None]:
    """Periodic jobs receive the schedule's ``timestamp``; our tasks take no such argument."""

    @functools.wraps(func)
    def periodic(*, timestamp: int) -> None:
        del timestamp
        func()

    return periodic


def _register_maintenance(app: procrastinate.App) -> None:
    """Queue housekeeping every worker schedules: stalled-job repair and old-job cleanup."""

    @app.periodic(cron=STALLED_JOBS_CRON, periodic_id="talentbridge")
    @app.task(name="talentbridge.retry_stalled_jobs", pass_context=True)
    async def retry_stalled(context: procrastinate.JobContext, timestamp: int) -> None:
        del timestamp
        await retry_stalled_jobs(context.app.job_manager)

    # The alias, because procrastinate re-prefixes the namespaced name for every App created.
    cleanup = app.tasks["procrastinate.builtin_tasks.remove_old_jobs"]
    app.periodic(
        cron=CLEANUP_CRON, periodic_id="talentbridge", task_kwargs={"max_hours": FINISHED_JOBS_KEPT_HOURS}
    )(cleanup)
