"""Background work: ``@task`` declares a job, ``enqueue`` starts one after commit.

Jobs run in-process by default (nothing else to install) and on procrastinate (PostgreSQL) in
production; see docs/dev/decisions/0001-job-queue.md.
"""

from talentbridge.worker.backend import Backoff, QueueBackend
from talentbridge.worker.enqueue import enqueue
from talentbridge.worker.inprocess import InProcessBackend
from talentbridge.worker.procrastinate_backend import ProcrastinateBackend
from talentbridge.worker.registry import TaskSpec, UnknownTask, get_task, task
from talentbridge.worker.runtime import (
    QueueNotConfigured,
    configure_queue,
    current_settings,
    install_backend,
    max_attempts,
    shutdown_queue,
    task_session,
    wait_idle,
)

__all__ = [
    "Backoff",
    "InProcessBackend",
    "ProcrastinateBackend",
    "QueueBackend",
    "QueueNotConfigured",
    "TaskSpec",
    "UnknownTask",
    "configure_queue",
    "current_settings",
    "enqueue",
    "get_task",
    "install_backend",
    "max_attempts",
    "shutdown_queue",
    "task",
    "task_session",
    "wait_idle",
]
