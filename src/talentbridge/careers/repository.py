"""Every query of the careers context: open jobs as published, postings, questions, consents."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from talentbridge.careers.models import CareerPosting, CareersSubmission, ConsentRecord, ScreeningQuestion
from talentbridge.careers.schemas import ConsentFilter
from talentbridge.jobs.enums import JobStatus, RoleFamily
from talentbridge.jobs.models import Hub, Job
from talentbridge.people.models import PersonEmail

PublishedRow = tuple[Job, Hub, CareerPosting | None]


def _published() -> Select[Job, Hub, CareerPosting]:
    return (
        select(Job, Hub, CareerPosting)
        .join(Hub, Hub.id == Job.hub_id)
        .outerjoin(CareerPosting, CareerPosting.job_id == Job.id)
        .where(Job.status == JobStatus.OPEN)
        .where(or_(CareerPosting.id.is_(None), CareerPosting.listed.is_(True)))
    )


def published_jobs(
    session: Session, *, hub_id: uuid.UUID | None = None, role_family: RoleFamily | None = None
) -> list[PublishedRow]:
    """Open, listed jobs with their hub and posting settings, newest first."""
    stmt = _published()
    if hub_id is not None:
        stmt = stmt.where(Job.hub_id == hub_id)
    if role_family is not None:
        stmt = stmt.where(Job.role_family == role_family)
    stmt = stmt.order_by(Job.opened_at.desc(), Job.title, Job.id)
    return [(job, hub, posting) for job, hub, posting in session.execute(stmt).all()]


def published_job(session: Session, job_id: uuid.UUID) -> PublishedRow | None:
    """One open, listed job with its hub and posting settings."""
    stmt = _published().where(Job.id == job_id)
    row = session.execute(stmt).first()
    return None if row is None else (row[0], row[1], row[2])


def published_job_ids(session: Session) -> list[uuid.UUID]:
    """Ids of all open, listed jobs (to resolve a slug's id digits)."""
    stmt = (
        select(Job.id)
        .outerjoin(CareerPosting, CareerPosting.job_id == Job.id)
        .where(Job.status == JobStatus.OPEN)
        .where(or_(CareerPosting.id.is_(None), CareerPosting.listed.is_(True)))
    )
    return list(session.scalars(stmt))


def hubs_with_published_jobs(session: Session) -> Sequence[Hub]:
    """Hubs that have at least one published job (the location filter)."""
    ids = select(Job.hub_id).where(Job.status == JobStatus.OPEN)
    return session.scalars(select(Hub).where(Hub.id.in_(ids)).order_by(Hub.name)).all()


def get_posting(session: Session, job_id: uuid.UUID) -> CareerPosting | None:
    """A job's posting settings, if they were ever saved."""
    return session.scalars(select(CareerPosting).where(CareerPosting.job_id == job_id)).first()


def list_questions(session: Session, job_id: uuid.UUID) -> Sequence[ScreeningQuestion]:
    """A job's screening questions in order."""
    stmt = select(ScreeningQuestion).where(ScreeningQuestion.job_id == job_id)
    return session.scalars(stmt.order_by(ScreeningQuestion.position, ScreeningQuestion.id)).all()


def delete_questions(session: Session, job_id: uuid.UUID) -> None:
    """Remove a job's questions (before writing the new list); answers keep their prompts."""
    for question in list_questions(session, job_id):
        session.delete(question)
    session.flush()


def person_id_by_email(session: Session, normalized: str) -> uuid.UUID | None:
    """The person who holds this normalised e-mail address."""
    return session.scalar(select(PersonEmail.person_id).where(PersonEmail.normalized == normalized))


def list_consents(session: Session, filters: ConsentFilter) -> Sequence[ConsentRecord]:
    """Consent records, newest first."""
    stmt = select(ConsentRecord).order_by(ConsentRecord.given_at.desc(), ConsentRecord.id)
    if filters.purpose is not None:
        stmt = stmt.where(ConsentRecord.purpose == filters.purpose)
    if filters.jurisdiction is not None:
        stmt = stmt.where(ConsentRecord.jurisdiction == filters.jurisdiction)
    return session.scalars(stmt.limit(filters.limit)).all()


def consents_of_person(session: Session, person_id: uuid.UUID) -> Sequence[ConsentRecord]:
    """A person's consent records, newest first."""
    stmt = select(ConsentRecord).where(ConsentRecord.person_id == person_id)
    return session.scalars(stmt.order_by(ConsentRecord.given_at.desc(), ConsentRecord.id)).all()


def submissions_for_applications(
    session: Session, application_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, CareersSubmission]:
    """Careers-site submissions of these applications, by application id."""
    ids = list(application_ids)
    if not ids:
        return {}
    stmt = select(CareersSubmission).where(CareersSubmission.application_id.in_(ids))
    return {submission.application_id: submission for submission in session.scalars(stmt)}


def job_titles(session: Session, job_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Titles of these jobs, by id (one query)."""
    ids = list(set(job_ids))
    if not ids:
        return {}
    titles: dict[uuid.UUID, str] = {}
    for job_id, title in session.execute(select(Job.id, Job.title).where(Job.id.in_(ids))).all():
        titles[job_id] = title
    return titles
