"""The job life cycle as a pure rule: which status changes are allowed, and what they do to dates.

A requisition starts as a draft (or straight away open), is opened, may be put on hold, and ends
filled or closed; filled and closed jobs can be reopened. Anything else is refused with a message
that says what the job can become instead. No database or web imports: the service applies the
result, tests check every pair of statuses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from talentbridge.jobs.enums import JobStatus

ALLOWED_STATUS_CHANGES: dict[JobStatus, frozenset[JobStatus]] = {
    JobStatus.DRAFT: frozenset({JobStatus.OPEN, JobStatus.CLOSED}),
    JobStatus.OPEN: frozenset({JobStatus.ON_HOLD, JobStatus.FILLED, JobStatus.CLOSED}),
    JobStatus.ON_HOLD: frozenset({JobStatus.OPEN, JobStatus.CLOSED}),
    JobStatus.FILLED: frozenset({JobStatus.OPEN}),
    JobStatus.CLOSED: frozenset({JobStatus.OPEN}),
}
"""For each status, the statuses a job may move to next."""

INITIAL_STATUSES = frozenset({JobStatus.DRAFT, JobStatus.OPEN})
"""A new job is a draft, or is opened as it is created."""

ENDED_STATUSES = frozenset({JobStatus.FILLED, JobStatus.CLOSED})
"""No longer hiring: new applications are refused until the job is reopened."""

STATUS_ORDER: dict[JobStatus, int] = {status: index for index, status in enumerate(JobStatus)}
"""Life-cycle order (draft, open, on hold, filled, closed), used to sort job lists by status."""

_LABELS = {
    JobStatus.DRAFT: "draft",
    JobStatus.OPEN: "open",
    JobStatus.ON_HOLD: "on hold",
    JobStatus.FILLED: "filled",
    JobStatus.CLOSED: "closed",
}

# Refusals common enough to deserve a specific hint instead of the generic list of options.
_HINTS: dict[tuple[JobStatus, JobStatus], str] = {
    (JobStatus.CLOSED, JobStatus.FILLED): (
        "A closed job cannot be marked filled; reopen it first, then mark it filled when the hire is made."
    ),
    (JobStatus.ON_HOLD, JobStatus.FILLED): "A job on hold cannot be filled; reopen it first.",
    (JobStatus.DRAFT, JobStatus.FILLED): "A draft job cannot be filled; open it first.",
    (JobStatus.DRAFT, JobStatus.ON_HOLD): "A draft job is not yet hiring; open it, or keep it as a draft.",
}


@dataclass(frozen=True)
class StatusChange:
    """The verdict on a status change, with the dates the job has afterwards when it is allowed."""

    allowed: bool
    explanation: str
    opened_at: datetime | None
    closed_at: datetime | None


def status_label(status: JobStatus) -> str:
    """The status as words ("on hold")."""
    return _LABELS[status]


def decide_status_change(
    current: JobStatus,
    target: JobStatus,
    *,
    opened_at: datetime | None,
    closed_at: datetime | None,
    now: datetime,
) -> StatusChange:
    """Whether a job may go from ``current`` to ``target``, and its opened/closed dates after.

    ``opened_at`` is set the first time the job opens and never moved later (time-to-fill counts
    from it); ``closed_at`` is set when the job is filled or closed and cleared when it reopens.
    """
    if target is current:
        return StatusChange(False, f"The job is already {status_label(current)}.", opened_at, closed_at)
    if target not in ALLOWED_STATUS_CHANGES[current]:
        return StatusChange(False, _refusal(current, target), opened_at, closed_at)
    if target is JobStatus.OPEN:
        reopened = current in ENDED_STATUSES or current is JobStatus.ON_HOLD
        verb = "Reopened" if reopened else "Opened"
        return StatusChange(True, f"{verb} the job.", opened_at or now, None)
    if target in ENDED_STATUSES:
        return StatusChange(True, f"The job is now {status_label(target)}.", opened_at, now)
    return StatusChange(True, f"The job is now {status_label(target)}.", opened_at, closed_at)


def initial_dates(status: JobStatus, *, now: datetime) -> tuple[datetime | None, datetime | None]:
    """``(opened_at, closed_at)`` of a job created with ``status`` (which must be an initial one)."""
    if status not in INITIAL_STATUSES:
        raise ValueError(f"A new job must be a draft or open, not {status_label(status)}.")
    return (now if status is JobStatus.OPEN else None), None


def _refusal(current: JobStatus, target: JobStatus) -> str:
    hint = _HINTS.get((current, target))
    if hint is not None:
        return hint
    if target is JobStatus.DRAFT:
        return "A job cannot go back to draft once it has been opened or closed."
    options = [status_label(status) for status in JobStatus if status in ALLOWED_STATUS_CHANGES[current]]
    choices = options[0] if len(options) == 1 else f"{', '.join(options[:-1])} or {options[-1]}"
    return f"A {status_label(current)} job cannot become {status_label(target)}; it can become {choices}."
