"""JSON routes for sources.

The careers context's routes (channel details, tracked links, postings, screening questions,
consent records) are included here, so they are served under /api/v1 with the sources.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from talentbridge.api.deps import ApiActor, DbSession
from talentbridge.careers import api as careers_api
from talentbridge.sourcing import service
from talentbridge.sourcing.schemas import SourceCreate, SourceFilter, SourceRead, SourceUpdate

router = APIRouter(tags=["sources"])


@router.get("/sources", response_model=list[SourceRead])
def list_sources(
    filters: Annotated[SourceFilter, Query()], session: DbSession, actor: ApiActor
) -> list[SourceRead]:
    """Sources by kind and name; filter with ``kind`` and ``active``."""
    return [SourceRead.model_validate(source) for source in service.list_sources(session, actor, filters)]


@router.post("/sources", response_model=SourceRead, status_code=status.HTTP_201_CREATED)
def create_source(data: SourceCreate, session: DbSession, actor: ApiActor) -> SourceRead:
    """Add a source (admins and recruiters); a duplicate kind and name answers 409."""
    return SourceRead.model_validate(service.create_source(session, actor, data))


@router.get("/sources/{source_id}", response_model=SourceRead)
def read_source(source_id: uuid.UUID, session: DbSession, actor: ApiActor) -> SourceRead:
    """One source."""
    return SourceRead.model_validate(service.get_source(session, actor, source_id))


@router.patch("/sources/{source_id}", response_model=SourceRead)
def update_source(
    source_id: uuid.UUID, data: SourceUpdate, session: DbSession, actor: ApiActor
) -> SourceRead:
    """Change or deactivate a source (admins and recruiters)."""
    return SourceRead.model_validate(service.update_source(session, actor, source_id, data))


@router.delete("/sources/{source_id}", response_model=SourceRead)
def delete_source(source_id: uuid.UUID, session: DbSession, actor: ApiActor) -> SourceRead:
    """Delete an unused source; one that people or applications use answers 409."""
    return SourceRead.model_validate(service.delete_source(session, actor, source_id))


router.include_router(careers_api.router)
