"""``enqueue``: the one way to start background work, sent only once the transaction commits."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ParamSpec, overload

from sqlalchemy.orm import Session

from talentbridge.db.session import after_commit
from talentbridge.worker.backend import JsonDict, checked_arguments
from talentbridge.worker.registry import TaskSpec, get_task
from talentbridge.worker.runtime import current_backend

log = logging.getLogger(__name__)

P = ParamSpec("P")


@overload
def enqueue(session: Session, task: Callable[P, None], /, *args: P.args, **kwargs: P.kwargs) -> None: ...


@overload
def enqueue(session: Session, task: str, /, *args: Any, **kwargs: Any) -> None: ...


def enqueue(session: Session, task: str | Callable[..., None], /, *args: Any, **kwargs: Any) -> None:
    """Run ``task(**kwargs)`` in the background after ``session`` commits; never if it rolls back.

    Arguments are checked now (JSON values only: pass ids as strings), so a mistake fails in the
    caller's transaction instead of in a worker later. Passing the decorated function lets mypy
    check the keyword arguments against its signature.
    """
    if args:
        raise TypeError("background tasks take keyword arguments only")
    spec = get_task(task)
    arguments = checked_arguments(spec.name, kwargs)
    after_commit(session, lambda: _send(spec, arguments))


def _send(spec: TaskSpec, arguments: JsonDict) -> None:
    """Hand the job to the backend; a failure is logged, not raised, because the data is committed.

    Raising here would turn a successful, committed request into an error response and skip the
    transaction's other after-commit callbacks. Outbox-based work (mail) is swept up again later.
    """
    backend = current_backend()
    try:
        backend.send(spec, arguments)
    except Exception:
        log.error("could not enqueue job %s%s after commit", spec.name, arguments, exc_info=True)
