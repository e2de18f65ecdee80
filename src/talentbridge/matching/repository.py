"""Every query of the matching context: people and jobs loaded for matching, overrides.

People are read in id-ordered chunks with their skills, languages, education and experience
loaded in one ``selectin`` query per collection, so building the index costs a handful of
queries per thousand people, never one per person.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator, Sequence

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.models import Job
from talentbridge.kit.levels import LanguageLevel
from talentbridge.matching.models import MatchOverride
from talentbridge.people.models import Person, PersonLanguage
from talentbridge.pipeline.models import Application

MATCHING_RECORD = (
    selectinload(Person.skills),
    selectinload(Person.languages),
    selectinload(Person.educations),
    selectinload(Person.experiences),
)
JOB_REQUIREMENTS = (selectinload(Job.hub), selectinload(Job.skills), selectinload(Job.languages))
MATCHABLE_JOB_STATUSES = (JobStatus.OPEN, JobStatus.ON_HOLD, JobStatus.DRAFT)


def person_versions(session: Session) -> dict[str, int]:
    """Every person's id and record version (what a fresh index must hold)."""
    return {
        str(person_id): version for person_id, version in session.execute(select(Person.id, Person.version))
    }


def count_people(session: Session) -> int:
    """How many people there are (to decide whether a request may build the index itself)."""
    return int(session.scalar(select(func.count()).select_from(Person)) or 0)


def iter_people_for_matching(
    session: Session, *, chunk_size: int = 500, release: bool = False
) -> Iterator[list[Person]]:
    """All people with their matching record loaded, in id order, ``chunk_size`` at a time.

    With ``release`` each chunk leaves the session once the caller asks for the next, so memory
    stays flat on large databases (use it only when nothing else holds those rows).
    """
    after: uuid.UUID | None = None
    while True:
        stmt = select(Person).order_by(Person.id).limit(chunk_size).options(*MATCHING_RECORD)
        if after is not None:
            stmt = stmt.where(Person.id > after)
        chunk = list(session.scalars(stmt))
        if not chunk:
            return
        yield chunk
        after = chunk[-1].id
        if release:
            for person in chunk:
                session.expunge(person)


def people_for_matching(session: Session, person_ids: Collection[uuid.UUID]) -> list[Person]:
    """These people with their matching record loaded (unknown ids are left out)."""
    if not person_ids:
        return []
    stmt = select(Person).where(Person.id.in_(list(person_ids))).options(*MATCHING_RECORD)
    return list(session.scalars(stmt))


def visible_person_ids(session: Session, condition: ColumnElement[bool]) -> set[str]:
    """Ids of the people matching a visibility condition (for actors who see only some people)."""
    return {str(person_id) for person_id in session.scalars(select(Person.id).where(condition))}


def person_ids_in_country(session: Session, country: str) -> set[str]:
    """Ids of the people living in a country (ISO 3166-1 alpha-2)."""
    return {str(pid) for pid in session.scalars(select(Person.id).where(Person.location_country == country))}


def language_levels(session: Session, language: str) -> list[tuple[uuid.UUID, LanguageLevel]]:
    """Who speaks a language, at which level."""
    stmt = select(PersonLanguage.person_id, PersonLanguage.level).where(PersonLanguage.language == language)
    return [(person_id, level) for person_id, level in session.execute(stmt)]


def people_by_id(session: Session, person_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Person]:
    """People (no children) by id, for list rows."""
    if not person_ids:
        return {}
    return {
        person.id: person for person in session.scalars(select(Person).where(Person.id.in_(list(person_ids))))
    }


def job_for_matching(session: Session, job_id: uuid.UUID) -> Job | None:
    """A job with hub, skills and languages loaded."""
    stmt = select(Job).where(Job.id == job_id).options(*JOB_REQUIREMENTS)
    return session.scalars(stmt).first()


def matchable_jobs(session: Session, visible: set[uuid.UUID] | None) -> list[Job]:
    """Jobs a person can still be matched to (not filled or closed), requirements loaded, by title."""
    stmt = select(Job).where(Job.status.in_(MATCHABLE_JOB_STATUSES)).options(*JOB_REQUIREMENTS)
    if visible is not None:
        stmt = stmt.where(Job.id.in_(list(visible)))
    return list(session.scalars(stmt.order_by(Job.title, Job.id)))


def applied_person_ids(session: Session, job_id: uuid.UUID) -> set[uuid.UUID]:
    """People who already have an application on the job."""
    return set(session.scalars(select(Application.person_id).where(Application.job_id == job_id)))


def applied_job_ids(session: Session, person_id: uuid.UUID) -> set[uuid.UUID]:
    """Jobs the person already has an application on."""
    return set(session.scalars(select(Application.job_id).where(Application.person_id == person_id)))


def get_override(session: Session, job_id: uuid.UUID, person_id: uuid.UUID) -> MatchOverride | None:
    """The override of one person for one job, if any."""
    stmt = select(MatchOverride).where(MatchOverride.job_id == job_id, MatchOverride.person_id == person_id)
    return session.scalars(stmt).first()


def overrides_for_job(session: Session, job_id: uuid.UUID) -> Sequence[MatchOverride]:
    """Every override of the job, oldest first."""
    stmt = select(MatchOverride).where(MatchOverride.job_id == job_id).order_by(MatchOverride.created_at)
    return session.scalars(stmt).all()


def overrides_for_person(session: Session, person_id: uuid.UUID) -> Sequence[MatchOverride]:
    """Every override about the person, across jobs."""
    return session.scalars(select(MatchOverride).where(MatchOverride.person_id == person_id)).all()
