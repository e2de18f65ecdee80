"""Every query of the pipeline context.

Relationships are ``lazy="raise"``; each function says what it loads. People and sources are
joined read-only for the board (their own contexts own every write). ``visible`` arguments are the
result of ``jobs.policies.visible_job_ids`` (None means every job).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, select
from sqlalchemy.orm import Session, selectinload

from talentbridge.kit.pagination import apply_keyset
from talentbridge.people.models import Person
from talentbridge.pipeline.enums import ApplicationStatus, ReasonKind, StageCategory
from talentbridge.pipeline.models import Application, RejectionReason, Stage, StageTemplate, Transition
from talentbridge.pipeline.schemas import ApplicationFilter
from talentbridge.sourcing.models import Source

# --- stage template -------------------------------------------------------------------------------


def count_stage_templates(session: Session) -> int:
    """How many stages the default pipeline has."""
    return session.scalar(select(func.count()).select_from(StageTemplate)) or 0


def list_stage_templates(session: Session) -> Sequence[StageTemplate]:
    """The default pipeline, in order."""
    return session.scalars(select(StageTemplate).order_by(StageTemplate.position, StageTemplate.name)).all()


def delete_stage_templates(session: Session) -> None:
    """Remove the whole default pipeline (before writing a new one)."""
    session.execute(delete(StageTemplate))


# --- job stages -----------------------------------------------------------------------------------


def list_stages(session: Session, job_id: uuid.UUID) -> Sequence[Stage]:
    """A job's stages, in pipeline order."""
    return session.scalars(
        select(Stage).where(Stage.job_id == job_id).order_by(Stage.position, Stage.id)
    ).all()


def get_stage(session: Session, stage_id: uuid.UUID) -> Stage | None:
    """A stage by id."""
    return session.get(Stage, stage_id)


def application_counts_by_stage(session: Session, job_id: uuid.UUID) -> dict[uuid.UUID, int]:
    """How many applications (any status) each stage of a job holds; empty stages are absent."""
    stmt = (
        select(Application.stage_id, func.count())
        .where(Application.job_id == job_id)
        .group_by(Application.stage_id)
    )
    return dict(session.execute(stmt).all())


def stages_in_history(session: Session, stage_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these stages any transition (past or present) entered or left."""
    ids = list(stage_ids)
    if not ids:
        return set()
    entered = select(Transition.to_stage_id).where(Transition.to_stage_id.in_(ids))
    left = select(Transition.from_stage_id).where(Transition.from_stage_id.in_(ids))
    return {stage_id for stage_id in session.scalars(entered.union(left)).all() if stage_id is not None}


# --- reasons --------------------------------------------------------------------------------------


def count_reasons(session: Session, kind: ReasonKind) -> int:
    """How many reasons of a kind exist (active or not)."""
    stmt = select(func.count()).select_from(RejectionReason).where(RejectionReason.kind == kind)
    return session.scalar(stmt) or 0


def list_reasons(
    session: Session, *, kind: ReasonKind | None, include_inactive: bool
) -> Sequence[RejectionReason]:
    """Reasons by kind, then in their chosen order."""
    stmt = select(RejectionReason).order_by(
        RejectionReason.kind, RejectionReason.position, RejectionReason.label
    )
    if kind is not None:
        stmt = stmt.where(RejectionReason.kind == kind)
    if not include_inactive:
        stmt = stmt.where(RejectionReason.is_active.is_(True))
    return session.scalars(stmt).all()


def get_reason(session: Session, reason_id: uuid.UUID) -> RejectionReason | None:
    """A reason by id."""
    return session.get(RejectionReason, reason_id)


def find_reason_by_label(session: Session, kind: ReasonKind, label: str) -> RejectionReason | None:
    """The reason of this kind with this label, ignoring case."""
    stmt = select(RejectionReason).where(
        RejectionReason.kind == kind, func.lower(RejectionReason.label) == label.strip().lower()
    )
    return session.scalars(stmt).first()


# --- applications ---------------------------------------------------------------------------------


def get_application(session: Session, application_id: uuid.UUID) -> Application | None:
    """An application with its stage and reason loaded (fresh from the database)."""
    stmt = (
        select(Application)
        .where(Application.id == application_id)
        .options(selectinload(Application.stage), selectinload(Application.reason))
        .execution_options(populate_existing=True)
    )
    return session.scalars(stmt).first()


def find_application(session: Session, person_id: uuid.UUID, job_id: uuid.UUID) -> Application | None:
    """The person's application to this job, if any."""
    stmt = select(Application).where(Application.person_id == person_id, Application.job_id == job_id)
    return session.scalars(stmt).first()


def _filtered(stmt: Select[Any], filters: ApplicationFilter, visible: set[uuid.UUID] | None) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if visible is not None:
        conditions.append(Application.job_id.in_(visible))
    if filters.job_id is not None:
        conditions.append(Application.job_id == filters.job_id)
    if filters.person_id is not None:
        conditions.append(Application.person_id == filters.person_id)
    if filters.stage_id is not None:
        conditions.append(Application.stage_id == filters.stage_id)
    if filters.status is not None:
        conditions.append(Application.status == filters.status)
    if filters.source_id is not None:
        conditions.append(Application.source_id == filters.source_id)
    return stmt.where(*conditions)


def list_applications_page(
    session: Session,
    filters: ApplicationFilter,
    visible: set[uuid.UUID] | None,
    *,
    cursor: str | None,
    limit: int,
) -> Sequence[Application]:
    """One page (plus one row) of applications, newest first, with stage and reason loaded."""
    stmt = _filtered(
        select(Application).options(selectinload(Application.stage), selectinload(Application.reason)),
        filters,
        visible,
    )
    stmt = apply_keyset(
        stmt, Application.applied_at, Application.id, descending=True, cursor=cursor, limit=limit
    )
    return session.scalars(stmt).all()


def count_applications(session: Session, filters: ApplicationFilter, visible: set[uuid.UUID] | None) -> int:
    """How many applications match the filters."""
    return session.scalar(_filtered(select(func.count()).select_from(Application), filters, visible)) or 0


def count_applications_for_job(session: Session, job_id: uuid.UUID) -> int:
    """How many applications (any status) a job has."""
    stmt = select(func.count()).select_from(Application).where(Application.job_id == job_id)
    return session.scalar(stmt) or 0


def active_counts_by_job(session: Session, job_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Active applications per job, for the given jobs (absent when zero)."""
    ids = list(job_ids)
    if not ids:
        return {}
    stmt = (
        select(Application.job_id, func.count())
        .where(Application.job_id.in_(ids), Application.status == ApplicationStatus.ACTIVE)
        .group_by(Application.job_id)
    )
    return dict(session.execute(stmt).all())


def active_counts_by_category(session: Session, visible: set[uuid.UUID] | None) -> dict[StageCategory, int]:
    """Active applications per stage category across the visible jobs (absent when zero)."""
    stmt = (
        select(Stage.category, func.count())
        .select_from(Application)
        .join(Stage, Stage.id == Application.stage_id)
        .where(Application.status == ApplicationStatus.ACTIVE)
        .group_by(Stage.category)
    )
    if visible is not None:
        stmt = stmt.where(Application.job_id.in_(visible))
    return dict(session.execute(stmt).all())


def board_rows(session: Session, job_id: uuid.UUID) -> Sequence[tuple[Application, Person, str | None]]:
    """Every application of a job with its person and source name, in one query."""
    stmt = (
        select(Application, Person, Source.name)
        .join(Person, Person.id == Application.person_id)
        .outerjoin(Source, Source.id == Application.source_id)
        .where(Application.job_id == job_id)
        .order_by(Application.stage_entered_at, Application.id)
    )
    return session.execute(stmt).all()


# --- transitions ----------------------------------------------------------------------------------


def next_transition_sequence(session: Session, application_id: uuid.UUID) -> int:
    """The sequence number the application's next transition gets."""
    stmt = select(func.max(Transition.sequence)).where(Transition.application_id == application_id)
    return (session.scalar(stmt) or 0) + 1


def list_transitions(session: Session, application_id: uuid.UUID) -> Sequence[Transition]:
    """An application's history, oldest first, with stages, reason and actor loaded."""
    stmt = (
        select(Transition)
        .where(Transition.application_id == application_id)
        .options(
            selectinload(Transition.from_stage),
            selectinload(Transition.to_stage),
            selectinload(Transition.reason),
            selectinload(Transition.actor),
        )
        .order_by(Transition.sequence)
    )
    return session.scalars(stmt).all()
