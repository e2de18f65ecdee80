"""JSON routes for hubs and jobs. Each route parses input, calls one service function, renders."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from talentbridge.api.concurrency import IfMatch, required_version
from talentbridge.api.deps import ApiActor, DbSession
from talentbridge.jobs import service
from talentbridge.jobs.schemas import (
    Deleted,
    HiringTeamUpdate,
    HubCreate,
    HubRead,
    HubUpdate,
    JobCreate,
    JobListQuery,
    JobRead,
    JobStatusChange,
    JobSummary,
    JobUpdate,
)
from talentbridge.kit.pagination import Page

router = APIRouter()

# --- hubs -----------------------------------------------------------------------------------------


@router.get("/hubs", response_model=list[HubRead], tags=["hubs"])
def list_hubs(session: DbSession, actor: ApiActor, include_inactive: bool = True) -> list[HubRead]:
    """All hubs by name (any signed-in user)."""
    hubs = service.list_hubs(session, actor, include_inactive=include_inactive)
    return [HubRead.model_validate(hub) for hub in hubs]


@router.post("/hubs", response_model=HubRead, status_code=status.HTTP_201_CREATED, tags=["hubs"])
def create_hub(data: HubCreate, session: DbSession, actor: ApiActor) -> HubRead:
    """Add a hub (admin only); a duplicate name is 409."""
    return HubRead.model_validate(service.create_hub(session, actor, data))


@router.get("/hubs/{hub_id}", response_model=HubRead, tags=["hubs"])
def read_hub(hub_id: uuid.UUID, session: DbSession, actor: ApiActor) -> HubRead:
    """One hub."""
    return HubRead.model_validate(service.get_hub(session, actor, hub_id))


@router.patch("/hubs/{hub_id}", response_model=HubRead, tags=["hubs"])
def update_hub(hub_id: uuid.UUID, data: HubUpdate, session: DbSession, actor: ApiActor) -> HubRead:
    """Change or (de)activate a hub (admin only)."""
    return HubRead.model_validate(service.update_hub(session, actor, hub_id, data))


@router.delete("/hubs/{hub_id}", response_model=Deleted, tags=["hubs"])
def delete_hub(hub_id: uuid.UUID, session: DbSession, actor: ApiActor) -> Deleted:
    """Delete a hub no job uses (admin only); otherwise 409 — deactivate it instead."""
    service.delete_hub(session, actor, hub_id)
    return Deleted(id=hub_id)


# --- jobs -----------------------------------------------------------------------------------------


@router.get("/jobs", response_model=Page[JobSummary], tags=["jobs"])
def list_jobs(
    session: DbSession, actor: ApiActor, query: Annotated[JobListQuery, Query()]
) -> Page[JobSummary]:
    """Jobs you can see, filtered and sorted, one page at a time."""
    items, next_cursor, total = service.list_jobs(
        session, actor, query.filters(), cursor=query.cursor, limit=query.limit
    )
    return Page[JobSummary](items=items, next_cursor=next_cursor, total=total)


@router.post("/jobs", response_model=JobRead, status_code=status.HTTP_201_CREATED, tags=["jobs"])
def create_job(data: JobCreate, session: DbSession, actor: ApiActor) -> JobRead:
    """Create a job (recruiters and admins); its pipeline is copied from the stage template."""
    return service.job_to_read(actor, service.create_job(session, actor, data))


@router.get("/jobs/{job_id}", response_model=JobRead, tags=["jobs"])
def read_job(job_id: uuid.UUID, session: DbSession, actor: ApiActor) -> JobRead:
    """One job (salary band hidden from interviewers)."""
    return service.job_to_read(actor, service.get_job(session, actor, job_id))


@router.patch(
    "/jobs/{job_id}",
    response_model=JobRead,
    tags=["jobs"],
    responses={428: {"description": "No expected_version and no If-Match header"}},
)
def update_job(
    job_id: uuid.UUID, data: JobUpdate, session: DbSession, actor: ApiActor, if_match: IfMatch = None
) -> JobRead:
    """Change a job; send the version you read as ``expected_version`` or ``If-Match`` (409 if stale)."""
    version = required_version(data.expected_version, if_match)
    data = data.model_copy(update={"expected_version": version})
    return service.job_to_read(actor, service.update_job(session, actor, job_id, data))


@router.delete("/jobs/{job_id}", response_model=Deleted, tags=["jobs"])
def delete_job(job_id: uuid.UUID, session: DbSession, actor: ApiActor) -> Deleted:
    """Delete a job without applications; otherwise 409 — close it instead."""
    service.delete_job(session, actor, job_id)
    return Deleted(id=job_id)


@router.post("/jobs/{job_id}/status", response_model=JobRead, tags=["jobs"])
def change_job_status(
    job_id: uuid.UUID, data: JobStatusChange, session: DbSession, actor: ApiActor
) -> JobRead:
    """Open, hold, fill, close or reopen a job (422 with the reason when not allowed)."""
    job = service.change_job_status(
        session, actor, job_id, data.status, expected_version=data.expected_version
    )
    return service.job_to_read(actor, job)


@router.put("/jobs/{job_id}/team", response_model=JobRead, tags=["jobs"])
def set_hiring_team(
    job_id: uuid.UUID, data: HiringTeamUpdate, session: DbSession, actor: ApiActor
) -> JobRead:
    """Replace the job's hiring team."""
    return service.job_to_read(actor, service.set_hiring_team(session, actor, job_id, data.members))
