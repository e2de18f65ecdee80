"""JSON routes of the matching context under /api/v1: rankings and recruiters' overrides."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query

from talentbridge.api.deps import ApiActor, DbSession, get_settings
from talentbridge.config import Settings
from talentbridge.matching import service
from talentbridge.matching.index_store import index_directory
from talentbridge.matching.presenters import job_match_read, match_read, override_read
from talentbridge.matching.schemas import (
    JobMatchesRead,
    JobMatchQuery,
    MatchQuery,
    OverrideIn,
    OverrideRead,
    PersonJobMatchesRead,
)

router = APIRouter(tags=["matching"])
AppSettings = Annotated[Settings, Depends(get_settings)]


@router.get("/jobs/{job_id}/matches", response_model=JobMatchesRead)
def job_matches(
    job_id: uuid.UUID,
    query: Annotated[MatchQuery, Query()],
    session: DbSession,
    actor: ApiActor,
    settings: AppSettings,
) -> JobMatchesRead:
    """The people who fit the job best, with explanations; pinned first, excluded listed apart."""
    result = service.job_matches(session, actor, job_id, query, directory=index_directory(settings.data_dir))
    return JobMatchesRead(
        job_id=job_id,
        weights=service.weights_as_dict(result.weights),
        indexed_people=result.indexed_people,
        considered_people=result.considered_people,
        semantic=result.semantic,
        building=result.building,
        items=[match_read(position, item) for position, item in enumerate(result.items, start=1)],
        excluded=[match_read(position, item) for position, item in enumerate(result.excluded, start=1)],
    )


@router.get("/people/{person_id}/job-matches", response_model=PersonJobMatchesRead)
def person_job_matches(
    person_id: uuid.UUID, query: Annotated[JobMatchQuery, Query()], session: DbSession, actor: ApiActor
) -> PersonJobMatchesRead:
    """The jobs (not filled or closed) the person fits best, with explanations."""
    result = service.person_job_matches(session, actor, person_id, query)
    return PersonJobMatchesRead(
        person_id=person_id,
        items=[job_match_read(position, item) for position, item in enumerate(result.items, start=1)],
    )


@router.put("/jobs/{job_id}/matches/{person_id}/override", response_model=OverrideRead)
def set_override(
    job_id: uuid.UUID,
    person_id: uuid.UUID,
    session: DbSession,
    actor: ApiActor,
    data: Annotated[OverrideIn | None, Body()] = None,
) -> OverrideRead:
    """Pin the person to the top of the job's matches or exclude them (recruiters and admins)."""
    return override_read(service.set_override(session, actor, job_id, person_id, data))


@router.delete("/jobs/{job_id}/matches/{person_id}/override", response_model=OverrideRead)
def remove_override(
    job_id: uuid.UUID, person_id: uuid.UUID, session: DbSession, actor: ApiActor
) -> OverrideRead:
    """Undo a pin or exclusion; answers what was undone (404 when there was none)."""
    return override_read(service.remove_override(session, actor, job_id, person_id))
