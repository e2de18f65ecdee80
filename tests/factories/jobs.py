"""Builders for the jobs and pipeline contexts: payloads, hubs, jobs, applications.

Hubs, jobs and applications go through the services (so tests exercise the real rules). People
and sources belong to other contexts; pipeline tests only need rows to point at, so
``make_person`` and ``make_source`` insert minimal rows directly with the ORM.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.jobs import service as jobs_service
from talentbridge.jobs.enums import HiringTeamRole
from talentbridge.jobs.models import Hub, Job
from talentbridge.jobs.schemas import HiringTeamMemberIn, HubCreate, JobCreate
from talentbridge.people.models import Person
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.enums import ReasonKind
from talentbridge.pipeline.models import Application, RejectionReason, Stage
from talentbridge.pipeline.schemas import ApplicationCreate
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.models import Source


def _suffix() -> str:
    return uuid.uuid4().hex[:8]


def hub_payload(**overrides: Any) -> dict[str, Any]:
    """A valid HubCreate body with a unique name."""
    payload: dict[str, Any] = {
        "name": f"Shenzhen R&D {_suffix()}",
        "city": "Shenzhen",
        "country": "CN",
        "timezone": "Asia/Shanghai",
        "currency": "CNY",
    }
    payload.update(overrides)
    return payload


def job_payload(hub_id: uuid.UUID | str, **overrides: Any) -> dict[str, Any]:
    """A valid, fully filled JobCreate body (JSON-ready) for a senior ML engineer."""
    payload: dict[str, Any] = {
        "title": "Senior Machine Learning Engineer",
        "role_family": "algorithm_ml",
        "level": "senior",
        "hub_id": str(hub_id),
        "work_model": "hybrid",
        "applicant_countries": ["DE", "GB", "SG"],
        "headcount": 2,
        "required_skills": [{"name": "PyTorch", "weight": 8}, {"name": "Python", "weight": 6}],
        "preferred_skills": [{"name": "CUDA", "weight": 3}],
        "languages": [
            {"language": "en", "min_level": "B2"},
            {"language": "zh", "min_level": "HSK4", "required": False},
        ],
        "min_education": "master",
        "min_years_experience": 5,
        "salary_currency": "CNY",
        "salary_min": "600000.00",
        "salary_max": "900000.00",
        "salary_period": "year",
        "description_md": "## About the role\n\nTrain **large** models.",
    }
    payload.update(overrides)
    return payload


def make_hub(session: Session, actor: Actor | None = None, **overrides: Any) -> Hub:
    """A hub created through the service (flushed, not committed)."""
    return jobs_service.create_hub(session, actor or Actor.system(), HubCreate(**hub_payload(**overrides)))


def make_job(
    session: Session,
    actor: Actor | None = None,
    *,
    hub: Hub | None = None,
    team: Sequence[tuple[uuid.UUID, HiringTeamRole]] = (),
    **overrides: Any,
) -> Job:
    """A job (with its copied pipeline) created through the service; ``team`` is (user id, role)."""
    hub = hub or make_hub(session)
    payload = job_payload(hub.id, **overrides)
    payload["team"] = [HiringTeamMemberIn(user_id=user_id, role=role).model_dump() for user_id, role in team]
    return jobs_service.create_job(session, actor or Actor.system(), JobCreate.model_validate(payload))


def make_person(session: Session, **overrides: Any) -> Person:
    """A minimal person row (inserted directly; the people context owns the real use cases)."""
    values: dict[str, Any] = {
        "first_name": "Anna",
        "last_name": f"Schmidt-{_suffix()}",
        "native_name": None,
        "current_title": "ML Engineer",
        "current_employer": "Example GmbH",
    }
    values.update(overrides)
    person = Person(**values)
    session.add(person)
    session.flush()
    return person


def make_source(session: Session, name: str | None = None, kind: SourceKind = SourceKind.JOB_BOARD) -> Source:
    """A minimal source row (inserted directly; the sourcing context owns the real use cases)."""
    source = Source(kind=kind, name=name or f"LinkedIn {_suffix()}")
    session.add(source)
    session.flush()
    return source


def make_application(
    session: Session,
    *,
    job: Job,
    person: Person | None = None,
    actor: Actor | None = None,
    stage: Stage | None = None,
    source: Source | None = None,
) -> Application:
    """An application created through the service (in the job's first applied stage by default)."""
    person = person or make_person(session)
    data = ApplicationCreate(
        person_id=person.id,
        job_id=job.id,
        stage_id=stage.id if stage is not None else None,
        source_id=source.id if source is not None else None,
    )
    return pipeline_service.create_application(session, actor or Actor.system(), data)


def stage_named(session: Session, job_id: uuid.UUID, name: str) -> Stage:
    """The job's stage with this name."""
    return session.scalars(select(Stage).where(Stage.job_id == job_id, Stage.name == name)).one()


def reason_labelled(session: Session, label: str, kind: ReasonKind | None = None) -> RejectionReason:
    """A seeded (or created) reason by label."""
    pipeline_service.ensure_defaults(session)
    stmt = select(RejectionReason).where(RejectionReason.label == label)
    if kind is not None:
        stmt = stmt.where(RejectionReason.kind == kind)
    return session.scalars(stmt).one()
