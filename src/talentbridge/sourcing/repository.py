"""Every query about sources, including how often people and applications point at one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from talentbridge.auth.models import User
from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.models import Job
from talentbridge.kit.clock import utc_now
from talentbridge.people.models import Person, PersonEmail
from talentbridge.pipeline.models import Application
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.models import Source, TrackedLink
from talentbridge.sourcing.schemas import SourceFilter, TrackedLinkFilter


def get_source(session: Session, source_id: uuid.UUID) -> Source | None:
    """A source by id."""
    return session.get(Source, source_id)


def find_by_kind_and_name(session: Session, kind: SourceKind, name: str) -> Source | None:
    """The source of this kind with this name, compared case-insensitively."""
    stmt = select(Source).where(Source.kind == kind, func.lower(Source.name) == name.lower())
    return session.scalars(stmt).first()


def list_sources(session: Session, filters: SourceFilter) -> Sequence[Source]:
    """Sources by kind, then name."""
    stmt = select(Source).order_by(Source.kind, Source.name, Source.id)
    if filters.kind is not None:
        stmt = stmt.where(Source.kind == filters.kind)
    if filters.active is not None:
        stmt = stmt.where(Source.is_active.is_(filters.active))
    return session.scalars(stmt).all()


def usage(session: Session, source_id: uuid.UUID) -> tuple[int, int]:
    """How many people and how many applications are attributed to the source."""
    people = session.scalar(select(func.count(Person.id)).where(Person.source_id == source_id)) or 0
    applications = (
        session.scalar(select(func.count(Application.id)).where(Application.source_id == source_id)) or 0
    )
    return people, applications


def user_exists(session: Session, user_id: uuid.UUID) -> bool:
    """Whether a user account with this id exists (a referral's referrer)."""
    return session.scalar(select(User.id).where(User.id == user_id)) is not None


def person_exists(session: Session, person_id: uuid.UUID) -> bool:
    """Whether a person with this id exists (a referral's referrer from the candidate database)."""
    return session.scalar(select(Person.id).where(Person.id == person_id)) is not None


def application_counts_by_source(session: Session) -> dict[uuid.UUID, int]:
    """How many applications each source is credited with (one query for the channel list)."""
    stmt = (
        select(Application.source_id, func.count(Application.id))
        .where(Application.source_id.is_not(None))
        .group_by(Application.source_id)
    )
    return {source_id: count for source_id, count in session.execute(stmt).all() if source_id is not None}


def sources_of_kind(session: Session, kind: SourceKind, *, active_only: bool = True) -> Sequence[Source]:
    """The sources of one kind (job boards for feeds), by name."""
    stmt = select(Source).where(Source.kind == kind).order_by(Source.name, Source.id)
    if active_only:
        stmt = stmt.where(Source.is_active.is_(True))
    return session.scalars(stmt).all()


def get_link_by_token(session: Session, token: str) -> TrackedLink | None:
    """A tracked link by its token."""
    return session.scalars(select(TrackedLink).where(TrackedLink.token == token)).first()


def find_link(session: Session, source_id: uuid.UUID, job_id: uuid.UUID | None) -> TrackedLink | None:
    """The link of a channel for a job (or its site-wide link when ``job_id`` is None)."""
    condition = TrackedLink.job_id.is_(None) if job_id is None else TrackedLink.job_id == job_id
    stmt = select(TrackedLink).where(TrackedLink.source_id == source_id, condition)
    return session.scalars(stmt).first()


def links_for_source_and_jobs(
    session: Session, source_id: uuid.UUID, job_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, TrackedLink]:
    """A channel's links for these jobs, by job id (one query for a whole feed)."""
    if not job_ids:
        return {}
    stmt = select(TrackedLink).where(TrackedLink.source_id == source_id, TrackedLink.job_id.in_(job_ids))
    return {link.job_id: link for link in session.scalars(stmt) if link.job_id is not None}


def list_links(session: Session, filters: TrackedLinkFilter) -> Sequence[TrackedLink]:
    """Tracked links, most clicked first."""
    stmt = select(TrackedLink).order_by(TrackedLink.clicks.desc(), TrackedLink.created_at, TrackedLink.id)
    if filters.source_id is not None:
        stmt = stmt.where(TrackedLink.source_id == filters.source_id)
    if filters.job_id is not None:
        stmt = stmt.where(TrackedLink.job_id == filters.job_id)
    return session.scalars(stmt).all()


def count_click(session: Session, link_id: uuid.UUID) -> None:
    """Add one click in the database itself, so concurrent visits are all counted."""
    stmt = (
        update(TrackedLink)
        .where(TrackedLink.id == link_id)
        .values(clicks=TrackedLink.clicks + 1, last_click_at=utc_now())
        .execution_options(synchronize_session=False)
    )
    session.execute(stmt)


def count_application(session: Session, link_id: uuid.UUID) -> None:
    """Add one attributed application to a link (in the database, like clicks)."""
    stmt = (
        update(TrackedLink)
        .where(TrackedLink.id == link_id)
        .values(applications=TrackedLink.applications + 1)
        .execution_options(synchronize_session=False)
    )
    session.execute(stmt)


def person_id_by_email(session: Session, normalized: str) -> uuid.UUID | None:
    """The person holding a normalised e-mail address (a referrer from the candidate database)."""
    return session.scalar(select(PersonEmail.person_id).where(PersonEmail.normalized == normalized))


def primary_email(session: Session, person_id: uuid.UUID) -> str | None:
    """A person's first e-mail address."""
    stmt = select(PersonEmail.email).where(PersonEmail.person_id == person_id).order_by(PersonEmail.position)
    return session.scalars(stmt).first()


def person_name(session: Session, person_id: uuid.UUID) -> str | None:
    """A person's display name."""
    row = session.execute(select(Person.first_name, Person.last_name).where(Person.id == person_id)).first()
    return None if row is None else " ".join(part for part in row if part)


def recent_applications(
    session: Session, source_id: uuid.UUID, *, limit: int = 20
) -> Sequence[tuple[Application, Person, Job]]:
    """The newest applications credited to a channel, with their person and job."""
    stmt = (
        select(Application, Person, Job)
        .join(Person, Person.id == Application.person_id)
        .join(Job, Job.id == Application.job_id)
        .where(Application.source_id == source_id)
        .order_by(Application.created_at.desc(), Application.id)
        .limit(limit)
    )
    return [(application, person, job) for application, person, job in session.execute(stmt).all()]


def open_jobs(session: Session) -> Sequence[Job]:
    """Open jobs by title (the tracked-link job choice)."""
    return session.scalars(select(Job).where(Job.status == JobStatus.OPEN).order_by(Job.title, Job.id)).all()
