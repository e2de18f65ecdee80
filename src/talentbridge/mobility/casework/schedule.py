"""Dates of a case from its checklist: when each step is due, when a document expires, and which
reminders are due on a given day. Pure functions over dates, so the rules are tested without a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from talentbridge.mobility.casework.checklist import DocumentRule, StepRule
from talentbridge.mobility.enums import StepKind

ItemKind = Literal["step", "document", "permit"]
OVERDUE = 0  # the threshold recorded for "due today or overdue": sent once per item and date


def step_due_on(
    rule: StepRule,
    *,
    opened_on: date,
    entry_date: date | None,
    completed_on: Mapping[StepKind, date | None],
) -> date | None:
    """When a step is due: ``days`` after its start event, or None while that event has not happened.

    E.g. the residence permit is due 30 days after entry; before the entry date is known it has no date.
    """
    if rule.due.start == "case_opened":
        start: date | None = opened_on
    elif rule.due.start == "entry":
        start = entry_date
    else:
        start = completed_on.get(rule.due.after_step) if rule.due.after_step is not None else None
    return start + timedelta(days=rule.due.days) if start is not None else None


def document_expires_on(
    rule: DocumentRule | None, *, issued_on: date | None, stated: date | None
) -> date | None:
    """A document's expiry: the date stated on it, else issue date + the checklist's validity window.

    A criminal-record certificate issued on 2026-01-10 with a 180-day window expires on 2026-07-09.
    """
    if stated is not None:
        return stated
    if rule is None or rule.validity_days is None or issued_on is None:
        return None
    return issued_on + timedelta(days=rule.validity_days)


@dataclass(frozen=True)
class DueItem:
    """Something of a case with a date the owners must act by."""

    key: str  # stable within the case, e.g. "step:residence_permit", "document:<id>", "permit:residence"
    kind: ItemKind
    label: str
    due_on: date


@dataclass(frozen=True)
class ReminderDue:
    """A reminder to send today: the item, the threshold crossed and the days left (negative: overdue)."""

    item: DueItem
    threshold_days: int
    days_left: int


def reminder_threshold(days_left: int, thresholds: Iterable[int]) -> int | None:
    """The tightest threshold the item has crossed, or None when no reminder is due yet.

    With thresholds (7, 3, 1): 8 days left -> None, 7 -> 7, 5 -> 7, 2 -> 3, 1 -> 1, 0 or overdue ->
    ``OVERDUE``. Sending at most one reminder per threshold (the caller records it) means a daily scan
    sends one reminder at each threshold, and a scan that missed days sends one, not a burst.
    """
    if days_left <= 0:
        return OVERDUE
    crossed = [threshold for threshold in thresholds if threshold > 0 and days_left <= threshold]
    return min(crossed) if crossed else None


def reminders_due(
    items: Iterable[DueItem], today: date, thresholds: Mapping[ItemKind, Iterable[int]]
) -> list[ReminderDue]:
    """The reminders due today for these items (before deduplication against those already sent)."""
    due = []
    for item in items:
        days_left = (item.due_on - today).days
        threshold = reminder_threshold(days_left, tuple(thresholds.get(item.kind, ())))
        if threshold is not None:
            due.append(ReminderDue(item=item, threshold_days=threshold, days_left=days_left))
    return due
