"""Pipeline settings: the default stage template, each job's own stages, and the reasons lists.

Private part of ``pipeline.service`` (which re-exports every public name here); split out so each
file stays readable. Same conventions: session, then actor, then keyword-only options; policy
checked, rows changed, flushed, audited; nothing committed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_admin
from talentbridge.errors import Conflict, InvalidInput, NotFound
from talentbridge.jobs.policies import visible_job_or_404
from talentbridge.pipeline import repository
from talentbridge.pipeline.enums import ReasonKind, StageCategory
from talentbridge.pipeline.models import RejectionReason, Stage, StageTemplate
from talentbridge.pipeline.schemas import JobStageIn, ReasonCreate, ReasonUpdate, StageTemplateIn
from talentbridge.pipeline.workflow import pipeline_problems

DEFAULT_STAGES: tuple[tuple[str, StageCategory], ...] = (
    ("Applied", StageCategory.APPLIED),
    ("Screen", StageCategory.SCREEN),
    ("Assessment", StageCategory.ASSESSMENT),
    ("Hiring manager interview", StageCategory.INTERVIEW),
    ("Final interview", StageCategory.INTERVIEW),
    ("Offer", StageCategory.OFFER),
    ("Hired", StageCategory.HIRED),
    ("Rejected", StageCategory.REJECTED),
    ("Withdrawn", StageCategory.WITHDRAWN),
)
"""The pipeline a fresh installation starts with (admins can replace it)."""

DEFAULT_REASONS: dict[ReasonKind, tuple[str, ...]] = {
    ReasonKind.REJECTION: (
        "Skills do not match",
        "Insufficient experience",
        "Language requirement not met",
        "Work authorisation not feasible",
        "Salary expectations too high",
        "Position filled",
        "Failed assessment",
        "Not a culture add",
    ),
    ReasonKind.WITHDRAWAL: (
        "Accepted another offer",
        "Compensation",
        "Relocation concerns",
        "Personal reasons",
        "No response",
    ),
}
"""Rejection and withdrawal reasons a fresh installation starts with."""


# --- defaults and the stage template --------------------------------------------------------------


def ensure_defaults(session: Session) -> None:
    """Seed the default stage template and reasons where their tables are empty (idempotent).

    Safe to call on every start and before any use: it only writes into an empty table, so an
    admin's edits are never overwritten.
    """
    seeded: list[str] = []
    if repository.count_stage_templates(session) == 0:
        for position, (name, category) in enumerate(DEFAULT_STAGES):
            session.add(StageTemplate(name=name, category=category, position=position))
        seeded.append("stage template")
    for kind, labels in DEFAULT_REASONS.items():
        if repository.count_reasons(session, kind) == 0:
            for position, label in enumerate(labels):
                session.add(RejectionReason(kind=kind, label=label, position=position))
            seeded.append(f"{kind.value} reasons")
    if seeded:
        session.flush()
        audit.record(
            session, Actor.system(), "seed", "pipeline_defaults", None, summary=f"Seeded {', '.join(seeded)}"
        )


def list_stage_templates(session: Session, actor: Actor) -> Sequence[StageTemplate]:
    """The default pipeline new jobs copy, in order (any signed-in user may read it)."""
    del actor
    ensure_defaults(session)
    return repository.list_stage_templates(session)


def replace_stage_templates(
    session: Session, actor: Actor, stages: Sequence[StageTemplateIn]
) -> Sequence[StageTemplate]:
    """Replace the default pipeline (admin only). Existing jobs keep their own stages.

    The list must name each stage once and contain at least one applied, hired, rejected and
    withdrawn stage, so every job created from it can take, hire, reject and close applications.
    """
    require_admin(actor)
    _refuse_bad_pipeline([(stage.name, stage.category) for stage in stages])
    before = [template.name for template in list_stage_templates(session, actor)]
    repository.delete_stage_templates(session)
    session.flush()
    for position, stage in enumerate(stages):
        session.add(StageTemplate(name=stage.name, category=stage.category, position=position))
    session.flush()
    after = [stage.name for stage in stages]
    audit.record(
        session,
        actor,
        "update",
        "stage_template",
        None,
        summary=f"Replaced the default pipeline ({len(after)} stages)",
        changes={"stages": [before, after]},
    )
    return repository.list_stage_templates(session)


def copy_template_to_job(session: Session, job_id: uuid.UUID) -> list[Stage]:
    """Give a new job its own stages, copied from the template (called by ``jobs.service``)."""
    ensure_defaults(session)
    stages = [
        Stage(job_id=job_id, name=template.name, category=template.category, position=template.position)
        for template in repository.list_stage_templates(session)
    ]
    session.add_all(stages)
    session.flush()
    return stages


# --- job stages -----------------------------------------------------------------------------------


def list_job_stages(session: Session, actor: Actor, job_id: uuid.UUID) -> Sequence[Stage]:
    """A job's stages in pipeline order."""
    visible_job_or_404(session, actor, job_id)
    return repository.list_stages(session, job_id)


def update_job_stages(
    session: Session, actor: Actor, job_id: uuid.UUID, stages: Sequence[JobStageIn]
) -> Sequence[Stage]:
    """Add, rename, reorder and remove a job's stages (admin only), given the complete new list.

    A stage that holds applications cannot be removed or change category (its applications'
    status follows the category), and a stage that any application ever passed through cannot
    be removed (the history must keep pointing at it); both answer 409.
    """
    job = visible_job_or_404(session, actor, job_id)
    require_admin(actor)
    existing = {stage.id: stage for stage in repository.list_stages(session, job_id)}
    _refuse_unknown_stage_ids(stages, existing)
    _refuse_bad_pipeline([(stage.name, stage.category) for stage in stages])
    kept_ids = {stage.id for stage in stages if stage.id is not None}
    removed = [stage for stage_id, stage in existing.items() if stage_id not in kept_ids]
    counts = repository.application_counts_by_stage(session, job_id)
    _refuse_unsafe_stage_changes(session, stages, existing, removed, counts)
    before = [stage.name for stage in sorted(existing.values(), key=lambda stage: stage.position)]
    _apply_stage_list(session, job_id, stages, existing, removed)
    audit.record(
        session,
        actor,
        "update",
        "job_stages",
        job_id,
        summary=f"Changed the pipeline of job '{job.title}'",
        changes={"stages": [before, [stage.name for stage in stages]]},
    )
    return repository.list_stages(session, job_id)


def _refuse_unknown_stage_ids(stages: Sequence[JobStageIn], existing: dict[uuid.UUID, Stage]) -> None:
    ids = [stage.id for stage in stages if stage.id is not None]
    if len(ids) != len(set(ids)):
        raise InvalidInput("A stage is listed twice.", field="stages")
    if any(stage_id not in existing for stage_id in ids):
        raise InvalidInput("A listed stage id is not a stage of this job.", field="stages")


def _refuse_bad_pipeline(stages: list[tuple[str, StageCategory]]) -> None:
    problems = pipeline_problems(stages)
    if problems:
        raise InvalidInput(" ".join(problems), field="stages")


def _refuse_unsafe_stage_changes(
    session: Session,
    stages: Sequence[JobStageIn],
    existing: dict[uuid.UUID, Stage],
    removed: list[Stage],
    counts: dict[uuid.UUID, int],
) -> None:
    for stage in removed:
        if counts.get(stage.id):
            raise Conflict(
                f"The stage '{stage.name}' holds {counts[stage.id]} application(s); move them to another "
                "stage before removing it.",
                field="stages",
            )
    in_history = repository.stages_in_history(session, [stage.id for stage in removed])
    if in_history:
        name = existing[min(in_history)].name
        raise Conflict(
            f"Applications have passed through the stage '{name}', so their history refers to it; "
            "it cannot be removed (rename it instead).",
            field="stages",
        )
    for wanted in stages:
        current = existing.get(wanted.id) if wanted.id is not None else None
        if current is not None and current.category is not wanted.category and counts.get(current.id):
            raise Conflict(
                f"The stage '{current.name}' holds applications, so its category cannot change; move "
                "them first.",
                field="stages",
            )


def _apply_stage_list(
    session: Session,
    job_id: uuid.UUID,
    stages: Sequence[JobStageIn],
    existing: dict[uuid.UUID, Stage],
    removed: list[Stage],
) -> None:
    for stage in removed:
        session.delete(stage)
    # Names are unique per job; park renamed stages on a unique placeholder first, so that swapping
    # two names never collides halfway through the flush.
    renamed = [existing[s.id] for s in stages if s.id is not None and existing[s.id].name != s.name]
    for stage in renamed:
        stage.name = f"~{stage.id.hex}"
    session.flush()
    for position, wanted in enumerate(stages):
        if wanted.id is None:
            session.add(Stage(job_id=job_id, name=wanted.name, category=wanted.category, position=position))
            continue
        stage = existing[wanted.id]
        stage.name, stage.category, stage.position = wanted.name, wanted.category, position
    session.flush()


# --- reasons --------------------------------------------------------------------------------------


def list_reasons(
    session: Session, actor: Actor, *, kind: ReasonKind | None = None, include_inactive: bool = False
) -> Sequence[RejectionReason]:
    """Rejection and withdrawal reasons in their chosen order (any signed-in user may read them)."""
    del actor
    ensure_defaults(session)
    return repository.list_reasons(session, kind=kind, include_inactive=include_inactive)


def create_reason(session: Session, actor: Actor, data: ReasonCreate) -> RejectionReason:
    """Add a reason at the end of its kind's list (admin only); labels are unique per kind."""
    require_admin(actor)
    ensure_defaults(session)
    _refuse_duplicate_label(session, data.kind, data.label, keep=None)
    position = len(repository.list_reasons(session, kind=data.kind, include_inactive=True))
    reason = RejectionReason(kind=data.kind, label=data.label, position=position)
    session.add(reason)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "rejection_reason",
        reason.id,
        summary=f"Added {data.kind.value} reason '{data.label}'",
    )
    return reason


def update_reason(
    session: Session, actor: Actor, reason_id: uuid.UUID, data: ReasonUpdate
) -> RejectionReason:
    """Rename, deactivate or reactivate, or move a reason within its list (admin only).

    Reasons are never deleted: past rejections keep pointing at them. A deactivated reason is no
    longer offered for new moves.
    """
    require_admin(actor)
    reason = repository.get_reason(session, reason_id)
    if reason is None:
        raise NotFound("No such reason.")
    changes: dict[str, object] = {}
    if data.label is not None and data.label != reason.label:
        _refuse_duplicate_label(session, reason.kind, data.label, keep=reason.id)
        changes["label"] = [reason.label, data.label]
        reason.label = data.label
    if data.is_active is not None and data.is_active != reason.is_active:
        changes["is_active"] = [reason.is_active, data.is_active]
        reason.is_active = data.is_active
    if data.position is not None and data.position != reason.position:
        changes["position"] = [reason.position, data.position]
        _move_reason(session, reason, data.position)
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "rejection_reason",
        reason.id,
        summary=f"Changed {reason.kind.value} reason '{reason.label}'",
        changes=changes,
    )
    return reason


def _refuse_duplicate_label(
    session: Session, kind: ReasonKind, label: str, *, keep: uuid.UUID | None
) -> None:
    existing = repository.find_reason_by_label(session, kind, label)
    if existing is not None and existing.id != keep:
        raise Conflict(f"There is already a {kind.value} reason '{existing.label}'.", field="label")


def _move_reason(session: Session, reason: RejectionReason, position: int) -> None:
    siblings = [
        other
        for other in repository.list_reasons(session, kind=reason.kind, include_inactive=True)
        if other.id != reason.id
    ]
    siblings.insert(min(position, len(siblings)), reason)
    for index, sibling in enumerate(siblings):
        sibling.position = index
