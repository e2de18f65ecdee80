"""Use cases of the pipeline: applications and their moves, history, board and dashboard summary.

Every function takes the session, then the actor, then keyword-only options; it checks policy,
changes rows, flushes and records an audit event (application events carry ``person_id`` so they
show on the person's timeline). Nothing here commits. Jobs an actor may not see answer 404
(``jobs.policies.visible_job_or_404``); visible things the role may not change answer 403.
Whether a move is allowed is decided by the pure ``pipeline.workflow``.

The stage template, job stages and reasons live in ``pipeline._settings`` and are re-exported
here, so callers only ever import ``pipeline.service``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_pipeline_write, require_recruiting_write
from talentbridge.errors import Conflict, InvalidInput, NotFound, RuleViolation, StaleVersion
from talentbridge.jobs.lifecycle import ENDED_STATUSES, status_label
from talentbridge.jobs.policies import can_see_job, visible_job_ids, visible_job_or_404
from talentbridge.kit.clock import utc_now
from talentbridge.kit.pagination import next_cursor_for
from talentbridge.people.models import Person
from talentbridge.pipeline import repository
from talentbridge.pipeline._settings import (
    DEFAULT_REASONS,
    DEFAULT_STAGES,
    copy_template_to_job,
    create_reason,
    ensure_defaults,
    list_job_stages,
    list_reasons,
    list_stage_templates,
    replace_stage_templates,
    update_job_stages,
    update_reason,
)
from talentbridge.pipeline.enums import StageCategory
from talentbridge.pipeline.models import Application, RejectionReason, Stage, Transition
from talentbridge.pipeline.schemas import (
    ApplicationCreate,
    ApplicationFilter,
    CategoryCount,
    KanbanBoard,
    KanbanCard,
    KanbanColumn,
    PipelineSummary,
)
from talentbridge.pipeline.workflow import (
    ACTIVE_CATEGORIES,
    MoveDecision,
    ReasonFacts,
    Refusal,
    StageFacts,
    decide_entry,
    decide_move,
    entry_stage,
)
from talentbridge.sourcing.models import Source

__all__ = [
    "DEFAULT_REASONS",
    "DEFAULT_STAGES",
    "active_application_counts",
    "copy_template_to_job",
    "count_applications_for_job",
    "create_application",
    "create_reason",
    "ensure_defaults",
    "get_application",
    "get_board",
    "list_applications",
    "list_job_stages",
    "list_reasons",
    "list_stage_templates",
    "list_transitions",
    "move_application",
    "pipeline_summary",
    "replace_stage_templates",
    "update_job_stages",
    "update_reason",
]

_REFUSAL_FIELDS: dict[Refusal, str] = {
    Refusal.REASON_REQUIRED: "reason_id",
    Refusal.WRONG_REASON_KIND: "reason_id",
    Refusal.INACTIVE_REASON: "reason_id",
    Refusal.REASON_NOT_APPLICABLE: "reason_id",
    Refusal.NOT_AN_ENTRY_STAGE: "stage_id",
}


# --- applications ---------------------------------------------------------------------------------


def create_application(session: Session, actor: Actor, data: ApplicationCreate) -> Application:
    """Add a person to a job's pipeline (recruiters and admins); one application per person and job.

    It starts in the job's first applied stage, or in ``stage_id`` if that is an active stage of
    the job. Filled and closed jobs take no new applications. The creation is the first entry of
    the application's transition log.
    """
    require_recruiting_write(actor)
    job = visible_job_or_404(session, actor, data.job_id)
    if job.status in ENDED_STATUSES:
        raise RuleViolation(
            f"The job is {status_label(job.status)}; reopen it to add applications.", field="job_id"
        )
    _require_person_and_source(session, data.person_id, data.source_id)
    existing = repository.find_application(session, data.person_id, data.job_id)
    if existing is not None:
        raise Conflict(
            "This person has already applied to this job.",
            field="person_id",
            extra={"application_id": str(existing.id)},
        )
    stage = _starting_stage(session, data.job_id, data.stage_id)
    application = Application(
        person_id=data.person_id, job_id=data.job_id, stage_id=stage.id, source_id=data.source_id
    )
    application.stage = stage
    application.reason = None
    session.add(application)
    session.flush()
    _log_transition(session, actor, application, from_stage_id=None, note=data.note, sequence=1)
    audit.record(
        session,
        actor,
        "create",
        "application",
        application.id,
        person_id=application.person_id,
        summary=f"Added an application to job '{job.title}' in stage '{stage.name}'",
        changes={"job_id": job.id, "stage": stage.name, "source_id": data.source_id},
    )
    return application


def _require_person_and_source(session: Session, person_id: uuid.UUID, source_id: uuid.UUID | None) -> None:
    if session.get(Person, person_id) is None:
        raise InvalidInput("No such person.", field="person_id")
    if source_id is not None and session.get(Source, source_id) is None:
        raise InvalidInput("No such source.", field="source_id")


def _starting_stage(session: Session, job_id: uuid.UUID, stage_id: uuid.UUID | None) -> Stage:
    stages = repository.list_stages(session, job_id)
    by_id = {stage.id: stage for stage in stages}
    if stage_id is None:
        entry = entry_stage(_facts(stage) for stage in stages)
        if entry is None:
            raise RuleViolation("This job's pipeline has no applied stage to start in.", field="stage_id")
        return by_id[entry.id]
    stage = by_id.get(stage_id)
    if stage is None:
        raise InvalidInput("That stage is not part of this job's pipeline.", field="stage_id")
    _raise_if_refused(decide_entry(_facts(stage)))
    return stage


def get_application(session: Session, actor: Actor, application_id: uuid.UUID) -> Application:
    """An application (stage and reason loaded); 404 when it is on a job the actor cannot see."""
    application = repository.get_application(session, application_id)
    if application is None or not can_see_job(session, actor, application.job_id):
        raise NotFound("No such application.")
    return application


def list_applications(
    session: Session,
    actor: Actor,
    filters: ApplicationFilter,
    *,
    cursor: str | None = None,
    limit: int = 50,
) -> tuple[list[Application], str | None, int]:
    """Applications on the actor's visible jobs, newest first: ``(items, next_cursor, total)``."""
    visible = visible_job_ids(session, actor)
    rows = repository.list_applications_page(session, filters, visible, cursor=cursor, limit=limit)
    items, next_cursor = next_cursor_for(rows, limit, lambda app: app.applied_at, lambda app: app.id)
    return items, next_cursor, repository.count_applications(session, filters, visible)


def move_application(
    session: Session,
    actor: Actor,
    application_id: uuid.UUID,
    *,
    to_stage_id: uuid.UUID,
    expected_version: int,
    reason_id: uuid.UUID | None = None,
    note: str = "",
) -> Application:
    """Move an application to another stage of its job, appending to its transition log.

    Admins and recruiters may move any application; hiring managers only on jobs they are on;
    interviewers and compliance officers never (403). ``expected_version`` must match the
    application's version, and the version is checked again when the change is written, so two
    people moving the same candidate at once cannot silently overwrite each other (409).
    The rules (reasons, reactivation, same stage ...) are ``pipeline.workflow.decide_move``.
    """
    application = get_application(session, actor, application_id)
    require_pipeline_write(actor)
    if application.version != expected_version:
        raise _stale(application.version)
    target = repository.get_stage(session, to_stage_id)
    if target is None:
        raise InvalidInput("No such stage.", field="to_stage_id")
    reason = _reason_for_move(session, reason_id)
    current = application.stage
    decision = decide_move(
        _facts(current),
        _facts(target),
        current_reason_id=application.reason_id,
        reason=_reason_facts(reason) if reason is not None else None,
    )
    _raise_if_refused(decision)
    before_status = application.status
    sequence = repository.next_transition_sequence(session, application.id)
    _apply_move(session, application, target, reason, decision)
    _log_transition(session, actor, application, from_stage_id=current.id, note=note, sequence=sequence)
    audit.record(
        session,
        actor,
        "move",
        "application",
        application.id,
        person_id=application.person_id,
        summary=decision.explanation,
        changes={
            "stage": [current.name, target.name],
            "status": [before_status, decision.status],
            "reason_id": decision.reason_id,
        },
    )
    return application


def _reason_for_move(session: Session, reason_id: uuid.UUID | None) -> RejectionReason | None:
    if reason_id is None:
        return None
    reason = repository.get_reason(session, reason_id)
    if reason is None:
        raise InvalidInput("No such reason.", field="reason_id")
    return reason


def _apply_move(
    session: Session,
    application: Application,
    target: Stage,
    reason: RejectionReason | None,
    decision: MoveDecision,
) -> None:
    application.stage_id = target.id
    application.stage = target
    application.status = decision.status
    application.reason_id = decision.reason_id
    application.reason = reason if decision.reason_id is not None else None
    application.stage_entered_at = utc_now()
    try:
        session.flush()
    except StaleDataError as exc:
        raise _stale(None) from exc


def _log_transition(
    session: Session,
    actor: Actor,
    application: Application,
    *,
    from_stage_id: uuid.UUID | None,
    note: str,
    sequence: int,
) -> Transition:
    transition = Transition(
        application_id=application.id,
        from_stage_id=from_stage_id,
        to_stage_id=application.stage_id,
        actor_id=actor.user_id,
        reason_id=application.reason_id,
        note=note,
        sequence=sequence,
    )
    session.add(transition)
    session.flush()
    return transition


def list_transitions(session: Session, actor: Actor, application_id: uuid.UUID) -> Sequence[Transition]:
    """An application's history, oldest first (stages, reason and actor loaded)."""
    get_application(session, actor, application_id)
    return repository.list_transitions(session, application_id)


# --- board and dashboard --------------------------------------------------------------------------


def get_board(
    session: Session, actor: Actor, job_id: uuid.UUID, *, now: datetime | None = None
) -> KanbanBoard:
    """A job's pipeline as a kanban board: one column per stage, in order, with its cards.

    Loaded in a fixed number of queries whatever the number of applications (job, stages, cards
    with person and source), so the board stays fast on busy jobs.
    """
    job = visible_job_or_404(session, actor, job_id)
    now = now or utc_now()
    cards: dict[uuid.UUID, list[KanbanCard]] = {}
    for application, person, source_name in repository.board_rows(session, job_id):
        cards.setdefault(application.stage_id, []).append(
            KanbanCard(
                application_id=application.id,
                version=application.version,
                person_id=person.id,
                display_name=person.display_name,
                native_name=person.native_name,
                current_title=person.current_title,
                current_employer=person.current_employer,
                source_name=source_name,
                days_in_stage=max((now - application.stage_entered_at).days, 0),
                status=application.status,
            )
        )
    columns = [
        KanbanColumn(
            stage_id=stage.id,
            name=stage.name,
            category=stage.category,
            position=stage.position,
            count=len(cards.get(stage.id, [])),
            cards=cards.get(stage.id, []),
        )
        for stage in repository.list_stages(session, job_id)
    ]
    return KanbanBoard(
        job_id=job.id, job_title=job.title, columns=columns, total=sum(column.count for column in columns)
    )


def pipeline_summary(session: Session, actor: Actor) -> PipelineSummary:
    """Active applications per stage category across the jobs the actor can see (the dashboard)."""
    counts = repository.active_counts_by_category(session, visible_job_ids(session, actor))
    categories = [
        CategoryCount(category=category, count=counts.get(category, 0))
        for category in StageCategory
        if category in ACTIVE_CATEGORIES
    ]
    return PipelineSummary(categories=categories, active_total=sum(item.count for item in categories))


# --- helpers for the jobs context -----------------------------------------------------------------


def count_applications_for_job(session: Session, job_id: uuid.UUID) -> int:
    """How many applications a job has (``jobs.service`` refuses to delete a job that has any)."""
    return repository.count_applications_for_job(session, job_id)


def active_application_counts(session: Session, job_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Active applications per job for job lists (jobs with none are absent)."""
    return repository.active_counts_by_job(session, job_ids)


# --- shared helpers -------------------------------------------------------------------------------


def _facts(stage: Stage) -> StageFacts:
    return StageFacts(
        id=stage.id, job_id=stage.job_id, name=stage.name, category=stage.category, position=stage.position
    )


def _reason_facts(reason: RejectionReason) -> ReasonFacts:
    return ReasonFacts(id=reason.id, kind=reason.kind, label=reason.label, is_active=reason.is_active)


def _raise_if_refused(decision: MoveDecision) -> None:
    if decision.allowed or decision.refusal is None:
        return
    if decision.refusal is Refusal.SAME_STAGE:
        raise Conflict(decision.explanation, field="to_stage_id")
    raise RuleViolation(decision.explanation, field=_REFUSAL_FIELDS.get(decision.refusal, "to_stage_id"))


def _stale(current_version: int | None) -> StaleVersion:
    extra = {"current_version": current_version} if current_version is not None else None
    return StaleVersion(
        "Someone else changed this application since you loaded it; reload it and try again.", extra=extra
    )
