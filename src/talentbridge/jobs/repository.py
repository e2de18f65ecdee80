"""Every query of the jobs context (hubs, jobs, hiring teams).

Relationships are ``lazy="raise"``: each function says what it loads. ``visible`` arguments are
the result of ``jobs.policies.visible_job_ids`` (None means every job).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session, selectinload

from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.lifecycle import STATUS_ORDER
from talentbridge.jobs.models import HiringTeamMember, Hub, Job
from talentbridge.jobs.schemas import JobFilter, JobSort
from talentbridge.kit.pagination import apply_keyset

# --- hubs -----------------------------------------------------------------------------------------


def get_hub(session: Session, hub_id: uuid.UUID) -> Hub | None:
    """A hub by id."""
    return session.get(Hub, hub_id)


def find_hub_by_name(session: Session, name: str) -> Hub | None:
    """The hub with this name, ignoring case (names are unique to people, not only to bytes)."""
    return session.scalars(select(Hub).where(func.lower(Hub.name) == name.strip().lower())).first()


def list_hubs(session: Session, *, include_inactive: bool) -> Sequence[Hub]:
    """Hubs by name."""
    stmt = select(Hub).order_by(Hub.name, Hub.id)
    if not include_inactive:
        stmt = stmt.where(Hub.is_active.is_(True))
    return session.scalars(stmt).all()


def count_jobs_at_hub(session: Session, hub_id: uuid.UUID) -> int:
    """How many jobs (of any status) are at a hub."""
    return session.scalar(select(func.count()).select_from(Job).where(Job.hub_id == hub_id)) or 0


# --- jobs -----------------------------------------------------------------------------------------


def get_job_with_details(session: Session, job_id: uuid.UUID) -> Job | None:
    """A job with its hub, skills, languages and hiring team (with users) loaded."""
    stmt = (
        select(Job)
        .where(Job.id == job_id)
        .options(
            selectinload(Job.hub),
            selectinload(Job.skills),
            selectinload(Job.languages),
            selectinload(Job.team).selectinload(HiringTeamMember.user),
        )
        .execution_options(populate_existing=True)
    )
    return session.scalars(stmt).first()


def _sort_column(sort: JobSort) -> tuple[Any, bool]:
    if sort is JobSort.TITLE:
        return Job.title, False
    if sort is JobSort.STATUS:
        return case(STATUS_ORDER, value=Job.status), False
    return Job.created_at, True


def sort_value(job: Job, sort: JobSort) -> object:
    """The value of ``job`` in the sort column (what a cursor remembers)."""
    if sort is JobSort.TITLE:
        return job.title
    if sort is JobSort.STATUS:
        return STATUS_ORDER[job.status]
    return job.created_at


def _filtered(stmt: Select[Any], filters: JobFilter, visible: set[uuid.UUID] | None) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if visible is not None:
        conditions.append(Job.id.in_(visible))
    if filters.status is not None:
        conditions.append(Job.status == filters.status)
    if filters.role_family is not None:
        conditions.append(Job.role_family == filters.role_family)
    if filters.hub_id is not None:
        conditions.append(Job.hub_id == filters.hub_id)
    if filters.work_model is not None:
        conditions.append(Job.work_model == filters.work_model)
    if filters.level is not None:
        conditions.append(Job.level == filters.level)
    if filters.q and filters.q.strip():
        conditions.append(_title_contains(filters.q))
    return stmt.where(*conditions)


def _title_contains(text: str) -> ColumnElement[bool]:
    # lower() on both sides works the same on SQLite and PostgreSQL; autoescape makes % and _ literal.
    return func.lower(Job.title).contains(text.strip().lower(), autoescape=True)


def list_jobs_page(
    session: Session,
    filters: JobFilter,
    visible: set[uuid.UUID] | None,
    *,
    cursor: str | None,
    limit: int,
) -> Sequence[Job]:
    """One page (plus one row, to detect a next page) of jobs, with their hubs loaded."""
    column, descending = _sort_column(filters.sort)
    stmt = _filtered(select(Job).options(selectinload(Job.hub)), filters, visible)
    stmt = apply_keyset(stmt, column, Job.id, descending=descending, cursor=cursor, limit=limit)
    return session.scalars(stmt).all()


def count_jobs(session: Session, filters: JobFilter, visible: set[uuid.UUID] | None) -> int:
    """How many jobs match the filters (for the list total)."""
    stmt = _filtered(select(func.count()).select_from(Job), filters, visible)
    return session.scalar(stmt) or 0


def search_jobs(session: Session, q: str, visible: set[uuid.UUID] | None, *, limit: int) -> Sequence[Job]:
    """Jobs whose title contains ``q`` (any case), open ones first, then by title."""
    stmt = (
        select(Job)
        .options(selectinload(Job.hub))
        .where(_title_contains(q))
        .order_by(
            case({JobStatus.OPEN: 0}, value=Job.status, else_=1),
            case(STATUS_ORDER, value=Job.status),
            Job.title,
            Job.id,
        )
        .limit(limit)
    )
    if visible is not None:
        stmt = stmt.where(Job.id.in_(visible))
    return session.scalars(stmt).all()


def replace_children(session: Session, job: Job, collection: str, rows: Sequence[object]) -> None:
    """Swap one of a job's loaded child collections (skills, languages, team) for new rows.

    The old rows are deleted and flushed first, so a row re-added with the same unique key (a
    skill, a language, a team member) does not collide with the row it replaces.
    """
    setattr(job, collection, [])
    session.flush()
    setattr(job, collection, list(rows))
