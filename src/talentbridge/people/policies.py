"""Who may see which people, and which of their fields.

Admins, recruiters and compliance officers see every person. Hiring managers and interviewers see
only people with an application on a job whose hiring team they are on; anyone else answers 404,
exactly like a person who does not exist. Date of birth is shown only to roles that run hiring or
compliance, expected salary never to interviewers.

Other contexts (notes, files) call ``require_visible_person`` and ``require_application_of_person``
before touching anything that hangs off a person.
"""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import can_see_compensation, can_see_sensitive_personal_data
from talentbridge.errors import InvalidInput, NotFound
from talentbridge.jobs.policies import visible_job_ids
from talentbridge.people import repository
from talentbridge.people.models import Person

COMPENSATION_FIELDS = ("expected_salary_amount", "expected_salary_currency", "expected_salary_period")
SENSITIVE_PERSONAL_FIELDS = ("date_of_birth",)


def visible_people_condition(session: Session, actor: Actor) -> ColumnElement[bool] | None:
    """A SQL condition selecting the people the actor may see, or None when they see everyone."""
    job_ids = visible_job_ids(session, actor)
    if job_ids is None:
        return None
    return repository.has_application_on_jobs(job_ids)


def require_visible_person(session: Session, actor: Actor, person_id: uuid.UUID) -> Person:
    """The person (no children loaded) if the actor may see them; otherwise NotFound."""
    person = repository.get_person(session, person_id, visible=visible_people_condition(session, actor))
    if person is None:
        raise NotFound("No such person.")
    return person


def can_see_application(
    session: Session, actor: Actor, person_id: uuid.UUID, application_id: uuid.UUID
) -> bool:
    """Whether the application is this person's and on a job the actor may see."""
    job_id = repository.application_job_id(session, application_id, person_id=person_id)
    visible = visible_job_ids(session, actor)
    return job_id is not None and (visible is None or job_id in visible)


def require_application_of_person(
    session: Session, actor: Actor, person_id: uuid.UUID, application_id: uuid.UUID
) -> None:
    """Refuse an application id that is not this person's, or is on a job the actor cannot see.

    Both cases answer the same 422, so the message does not reveal applications the actor may not know.
    """
    if not can_see_application(session, actor, person_id, application_id):
        raise InvalidInput("No such application for this person.", field="application_id")


def redacted_fields(actor: Actor) -> tuple[str, ...]:
    """The fields of a person's record this actor's role may not see."""
    hidden: tuple[str, ...] = ()
    if not can_see_sensitive_personal_data(actor):
        hidden += SENSITIVE_PERSONAL_FIELDS
    if not can_see_compensation(actor):
        hidden += COMPENSATION_FIELDS
    return hidden
