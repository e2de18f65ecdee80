"""Which jobs an actor may see and change.

Admins, recruiters and compliance officers see every job; hiring managers and interviewers see
only the jobs whose hiring team they are on. Unseen jobs answer 404, so their existence is not
revealed.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import sees_all_jobs
from talentbridge.errors import NotFound
from talentbridge.jobs.models import HiringTeamMember, Job


def visible_job_ids(session: Session, actor: Actor) -> set[uuid.UUID] | None:
    """The ids of jobs the actor may see, or None when they may see all jobs."""
    if sees_all_jobs(actor):
        return None
    if actor.user_id is None:
        return set()
    stmt = select(HiringTeamMember.job_id).where(HiringTeamMember.user_id == actor.user_id)
    return set(session.scalars(stmt).all())


def can_see_job(session: Session, actor: Actor, job_id: uuid.UUID) -> bool:
    """Whether the actor may see this job."""
    visible = visible_job_ids(session, actor)
    return visible is None or job_id in visible


def visible_job_or_404(session: Session, actor: Actor, job_id: uuid.UUID) -> Job:
    """The job (without relationships) if it exists and the actor may see it; otherwise NotFound.

    Other contexts (pipeline, interviews, offers) call this before touching anything of a job, so
    a job outside the actor's hiring teams looks exactly like one that does not exist.
    """
    job = session.get(Job, job_id)
    if job is None or not can_see_job(session, actor, job_id):
        raise NotFound("No such job.")
    return job
