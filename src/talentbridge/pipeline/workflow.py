"""The pipeline's transition rules, as pure functions over small frozen dataclasses.

Whether an application may move from one stage to another depends only on the two stages'
categories and on the reason given, so the rules live here, free of the database and the web,
and every verdict carries a sentence a recruiter can read. ``pipeline.service`` turns a refusal
into an error and an allowed move into rows; tests check every pair of categories.

The rules:

* An application's status follows the category of its stage: hired, rejected, withdrawn, or
  active for every other category.
* Moving to a rejected stage needs an active rejection reason; moving to a withdrawn stage needs
  an active withdrawal reason. No other move takes a reason, and leaving a rejected or withdrawn
  stage clears the reason (the transition log keeps it).
* Moving to the stage the application is already in is refused (usually a double submit).
* A rejected or withdrawn application must be reactivated to an active stage before it is hired.
* A hired candidate is not rejected: if they will not start, that is a withdrawal; a mistaken
  hire is undone by moving back to an active stage.
* Stages belong to one job; an application never moves to another job's stage.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from talentbridge.kit.text import normalise_key
from talentbridge.pipeline.enums import (
    TERMINAL_CATEGORIES,
    ApplicationStatus,
    ReasonKind,
    StageCategory,
)

ACTIVE_CATEGORIES = frozenset(set(StageCategory) - TERMINAL_CATEGORIES)
"""Categories in which an application is still moving."""

CLOSED_CATEGORIES = frozenset({StageCategory.REJECTED, StageCategory.WITHDRAWN})
"""Categories that end an application without a hire."""

REQUIRED_PIPELINE_CATEGORIES: tuple[StageCategory, ...] = (
    StageCategory.APPLIED,
    StageCategory.HIRED,
    StageCategory.REJECTED,
    StageCategory.WITHDRAWN,
)
"""Every pipeline needs somewhere to start, to hire, to reject and to record a withdrawal."""

REASON_KIND_FOR_CATEGORY: dict[StageCategory, ReasonKind] = {
    StageCategory.REJECTED: ReasonKind.REJECTION,
    StageCategory.WITHDRAWN: ReasonKind.WITHDRAWAL,
}

_STATUS_FOR_CATEGORY: dict[StageCategory, ApplicationStatus] = {
    StageCategory.HIRED: ApplicationStatus.HIRED,
    StageCategory.REJECTED: ApplicationStatus.REJECTED,
    StageCategory.WITHDRAWN: ApplicationStatus.WITHDRAWN,
}


class Refusal(StrEnum):
    """Why a move was refused; the service maps ``SAME_STAGE`` to 409 and the rest to 422."""

    SAME_STAGE = "same_stage"
    OTHER_JOB = "other_job"
    REASON_REQUIRED = "reason_required"
    WRONG_REASON_KIND = "wrong_reason_kind"
    INACTIVE_REASON = "inactive_reason"
    REASON_NOT_APPLICABLE = "reason_not_applicable"
    HIRE_WHILE_CLOSED = "hire_while_closed"
    REJECT_AFTER_HIRE = "reject_after_hire"
    NOT_AN_ENTRY_STAGE = "not_an_entry_stage"


@dataclass(frozen=True)
class StageFacts:
    """What the rules need to know about a stage."""

    id: uuid.UUID
    job_id: uuid.UUID
    name: str
    category: StageCategory
    position: int = 0


@dataclass(frozen=True)
class ReasonFacts:
    """What the rules need to know about a rejection or withdrawal reason."""

    id: uuid.UUID
    kind: ReasonKind
    label: str
    is_active: bool = True


@dataclass(frozen=True)
class MoveDecision:
    """A verdict on a move.

    When ``allowed``, ``status`` and ``reason_id`` are what the application has after the move;
    when refused, they are what it keeps. ``explanation`` is a sentence for people either way.
    """

    allowed: bool
    status: ApplicationStatus
    reason_id: uuid.UUID | None
    explanation: str
    refusal: Refusal | None = None


@dataclass(frozen=True)
class LoggedMove:
    """One entry of an application's transition log (the creation entry has no ``from_stage_id``)."""

    from_stage_id: uuid.UUID | None
    to_stage_id: uuid.UUID


def status_for_category(category: StageCategory) -> ApplicationStatus:
    """The application status that a stage of this category implies."""
    return _STATUS_FOR_CATEGORY.get(category, ApplicationStatus.ACTIVE)


def decide_move(
    current: StageFacts,
    target: StageFacts,
    *,
    current_reason_id: uuid.UUID | None = None,
    reason: ReasonFacts | None = None,
) -> MoveDecision:
    """Whether an application in ``current`` may move to ``target`` with ``reason``, and the result."""
    refusal = _refusal(current, target, reason)
    if refusal is not None:
        kind, explanation = refusal
        status = status_for_category(current.category)
        return MoveDecision(False, status, current_reason_id, explanation, kind)
    reason_id = reason.id if reason is not None else None
    return MoveDecision(
        True, status_for_category(target.category), reason_id, _explain(current, target, reason)
    )


def decide_entry(stage: StageFacts) -> MoveDecision:
    """Whether a new application may start in ``stage``.

    Applications start in an active stage; hiring, rejecting and withdrawing are moves, so the log
    records who decided and why.
    """
    if stage.category in TERMINAL_CATEGORIES:
        return MoveDecision(
            False,
            ApplicationStatus.ACTIVE,
            None,
            f"A new application cannot start in '{stage.name}' ({stage.category.value}); add it to an "
            "active stage, then move it.",
            Refusal.NOT_AN_ENTRY_STAGE,
        )
    return MoveDecision(True, ApplicationStatus.ACTIVE, None, f"Added to '{stage.name}'.")


def entry_stage(stages: Iterable[StageFacts]) -> StageFacts | None:
    """Where new applications start by default: the first ``applied`` stage in pipeline order."""
    applied = [stage for stage in stages if stage.category is StageCategory.APPLIED]
    return min(applied, key=lambda stage: stage.position) if applied else None


def replay(log: Sequence[LoggedMove]) -> uuid.UUID:
    """The stage an application is in after its transition log, checking the log is unbroken.

    Raises ValueError when the log is empty, does not start with a creation entry, or an entry
    does not start where the previous one ended (which would mean a lost or forged move).
    """
    if not log:
        raise ValueError("The transition log is empty.")
    if log[0].from_stage_id is not None:
        raise ValueError("The transition log does not start with the application's creation.")
    current = log[0].to_stage_id
    for index, move in enumerate(log[1:], start=2):
        if move.from_stage_id != current:
            raise ValueError(f"Entry {index} starts in another stage than entry {index - 1} ended.")
        current = move.to_stage_id
    return current


def pipeline_problems(stages: Sequence[tuple[str, StageCategory]]) -> list[str]:
    """What is wrong with a pipeline given as ordered ``(name, category)`` pairs (empty when fine).

    Names must be present and unique (ignoring case and accents), and the pipeline must contain
    at least one stage of each category in ``REQUIRED_PIPELINE_CATEGORIES``.
    """
    problems: list[str] = []
    seen: set[str] = set()
    for name, _category in stages:
        key = normalise_key(name)
        if not key:
            problems.append("Every stage needs a name.")
        elif key in seen:
            problems.append(f"The stage name '{name.strip()}' is used twice.")
        seen.add(key)
    present = {category for _name, category in stages}
    missing = [category.value for category in REQUIRED_PIPELINE_CATEGORIES if category not in present]
    if missing:
        problems.append(
            f"The pipeline needs at least one stage of each category: missing {', '.join(missing)}."
        )
    return problems


def _refusal(
    current: StageFacts, target: StageFacts, reason: ReasonFacts | None
) -> tuple[Refusal, str] | None:
    if target.job_id != current.job_id:
        # Not named: the actor may not be allowed to see the other job.
        return Refusal.OTHER_JOB, "That stage is not part of this job's pipeline."
    if target.id == current.id:
        return Refusal.SAME_STAGE, f"The application is already in '{current.name}'."
    if current.category is StageCategory.HIRED and target.category is StageCategory.REJECTED:
        return Refusal.REJECT_AFTER_HIRE, (
            "A hired candidate cannot be rejected. If they will not start, record a withdrawal; "
            "to correct a mistaken hire, move them back to an active stage."
        )
    if current.category in CLOSED_CATEGORIES and target.category is StageCategory.HIRED:
        return Refusal.HIRE_WHILE_CLOSED, (
            f"This application is {current.category.value}; move it back to an active stage before hiring."
        )
    return _reason_refusal(target, reason)


def _reason_refusal(target: StageFacts, reason: ReasonFacts | None) -> tuple[Refusal, str] | None:
    needed = REASON_KIND_FOR_CATEGORY.get(target.category)
    if needed is None:
        if reason is None:
            return None
        return Refusal.REASON_NOT_APPLICABLE, (
            f"A reason is only recorded when rejecting or withdrawing; '{target.name}' is a "
            f"{target.category.value} stage."
        )
    if reason is None:
        return Refusal.REASON_REQUIRED, f"Moving to '{target.name}' needs a {needed.value} reason."
    if reason.kind is not needed:
        return Refusal.WRONG_REASON_KIND, (
            f"'{reason.label}' is a {reason.kind.value} reason; moving to '{target.name}' needs a "
            f"{needed.value} reason."
        )
    if not reason.is_active:
        return Refusal.INACTIVE_REASON, f"The reason '{reason.label}' is no longer in use; choose another."
    return None


def _explain(current: StageFacts, target: StageFacts, reason: ReasonFacts | None) -> str:
    route = f"from '{current.name}' to '{target.name}'"
    if target.category in CLOSED_CATEGORIES and reason is not None:
        verb = "Rejected" if target.category is StageCategory.REJECTED else "Withdrawn"
        return f"{verb}: moved {route}; reason: {reason.label}."
    if target.category is StageCategory.HIRED:
        return f"Hired: moved {route}."
    if current.category in CLOSED_CATEGORIES:
        cleared = REASON_KIND_FOR_CATEGORY[current.category].value
        return f"Reactivated: moved {route}; the {cleared} reason is cleared."
    if current.category is StageCategory.HIRED:
        return f"Hire undone: moved {route}; the application is active again."
    direction = "back " if target.position < current.position else ""
    return f"Moved {direction}{route}."
