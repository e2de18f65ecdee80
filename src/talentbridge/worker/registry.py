"""The task registry: one ``@task`` declaration feeds every queue backend.

A task is a plain synchronous function taking JSON-serialisable keyword arguments (ids as
strings, never objects or personal data: arguments are stored in the queue and appear in logs).
It opens its own unit of work with ``worker.task_session()`` and must be idempotent, because
every backend delivers *at least* once (retries, a worker killed mid-job, a duplicate enqueue).
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

DEFAULT_QUEUE = "default"
TASK_MODULE = "tasks"  # every context keeps its background jobs in ``<context>/tasks.py``

TaskFunc = TypeVar("TaskFunc", bound=Callable[..., None])


class UnknownTask(LookupError):
    """No task is registered under this name (or the function was never decorated)."""


@dataclass(frozen=True)
class TaskSpec:
    """What every backend needs to know about a task."""

    name: str
    func: Callable[..., None]
    max_attempts: int | None = None  # None: the settings' ``job_max_attempts``
    queue: str = DEFAULT_QUEUE
    cron: str | None = None  # periodic schedule (procrastinate workers only)

    def attempts(self, default: int) -> int:
        """How many times a failing job of this task runs before it is marked failed."""
        return max(1, self.max_attempts if self.max_attempts is not None else default)


_tasks: dict[str, TaskSpec] = {}
_names_by_func: dict[object, str] = {}


def task(
    *, name: str, max_attempts: int | None = None, queue: str = DEFAULT_QUEUE, cron: str | None = None
) -> Callable[[TaskFunc], TaskFunc]:
    """Register a background task under a stable ``name`` (queued jobs refer to it by name).

    ``cron`` makes the task periodic on procrastinate workers; the in-process backend only runs
    jobs that are enqueued explicitly. The function is returned unchanged, so it stays callable.
    """

    def register(func: TaskFunc) -> TaskFunc:
        _check_unique(name, func)
        _tasks[name] = TaskSpec(name=name, func=func, max_attempts=max_attempts, queue=queue, cron=cron)
        _names_by_func[func] = name
        return func

    return register


def _check_unique(name: str, func: Callable[..., None]) -> None:
    # Re-importing the same module (e.g. a reload) re-registers the same function: allowed.
    existing = _tasks.get(name)
    if existing is not None and _qualified(existing.func) != _qualified(func):
        raise ValueError(f"task name {name!r} is already used by {_qualified(existing.func)}")


def _qualified(func: Callable[..., None]) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def get_task(task_or_name: str | Callable[..., object]) -> TaskSpec:
    """The registered task for a name or a decorated function.

    An unknown name triggers task discovery once, so enqueueing by name works before any
    ``tasks.py`` module has been imported.
    """
    name = task_or_name if isinstance(task_or_name, str) else _names_by_func.get(task_or_name)
    if isinstance(task_or_name, str) and name not in _tasks:
        import_task_modules()
    if name is None or name not in _tasks:
        raise UnknownTask(f"not a registered task: {task_or_name!r}; decorate it with @worker.task")
    return _tasks[name]


def all_tasks() -> list[TaskSpec]:
    """Every registered task, sorted by name."""
    return [_tasks[name] for name in sorted(_tasks)]


def import_task_modules(package: str = "talentbridge") -> list[str]:
    """Import every ``<context>/tasks.py`` so a worker knows all tasks; returns the module names.

    Discovery by convention means a new context's tasks need no central list to be registered.
    """
    root = importlib.import_module(package)
    imported = []
    for info in pkgutil.iter_modules(root.__path__):
        if not info.ispkg:
            continue
        module_name = f"{package}.{info.name}.{TASK_MODULE}"
        if importlib.util.find_spec(module_name) is not None:
            importlib.import_module(module_name)
            imported.append(module_name)
    return imported
