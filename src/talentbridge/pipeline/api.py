"""JSON routes for pipelines: job stages and boards, applications and moves, the stage template,
rejection/withdrawal reasons and the dashboard summary. Each route calls one service function."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from talentbridge.api.deps import ApiActor, DbSession
from talentbridge.kit.pagination import Page
from talentbridge.pipeline import service
from talentbridge.pipeline.enums import ReasonKind
from talentbridge.pipeline.schemas import (
    ApplicationCreate,
    ApplicationListQuery,
    ApplicationMove,
    ApplicationRead,
    JobStagesUpdate,
    KanbanBoard,
    PipelineSummary,
    ReasonCreate,
    ReasonRead,
    ReasonUpdate,
    StageRead,
    StageTemplateRead,
    StageTemplateUpdate,
    TransitionRead,
)

router = APIRouter()

# --- job stages and board -------------------------------------------------------------------------


@router.get("/jobs/{job_id}/stages", response_model=list[StageRead], tags=["pipeline"])
def list_job_stages(job_id: uuid.UUID, session: DbSession, actor: ApiActor) -> list[StageRead]:
    """The job's stages in pipeline order."""
    return [StageRead.model_validate(stage) for stage in service.list_job_stages(session, actor, job_id)]


@router.put("/jobs/{job_id}/stages", response_model=list[StageRead], tags=["pipeline"])
def update_job_stages(
    job_id: uuid.UUID, data: JobStagesUpdate, session: DbSession, actor: ApiActor
) -> list[StageRead]:
    """Replace the job's stage list (admin): keep stages by id, add new ones, leave out to remove."""
    stages = service.update_job_stages(session, actor, job_id, data.stages)
    return [StageRead.model_validate(stage) for stage in stages]


@router.get("/jobs/{job_id}/board", response_model=KanbanBoard, tags=["pipeline"])
def read_board(job_id: uuid.UUID, session: DbSession, actor: ApiActor) -> KanbanBoard:
    """The job's kanban board: a column per stage with its applications."""
    return service.get_board(session, actor, job_id)


# --- applications ---------------------------------------------------------------------------------


@router.get("/applications", response_model=Page[ApplicationRead], tags=["applications"])
def list_applications(
    session: DbSession, actor: ApiActor, query: Annotated[ApplicationListQuery, Query()]
) -> Page[ApplicationRead]:
    """Applications on the jobs you can see, newest first."""
    items, next_cursor, total = service.list_applications(
        session, actor, query.filters(), cursor=query.cursor, limit=query.limit
    )
    return Page[ApplicationRead](
        items=[ApplicationRead.from_model(item) for item in items], next_cursor=next_cursor, total=total
    )


@router.post(
    "/applications",
    response_model=ApplicationRead,
    status_code=status.HTTP_201_CREATED,
    tags=["applications"],
)
def create_application(data: ApplicationCreate, session: DbSession, actor: ApiActor) -> ApplicationRead:
    """Add a person to a job's pipeline (409 if they already applied)."""
    return ApplicationRead.from_model(service.create_application(session, actor, data))


@router.get("/applications/{application_id}", response_model=ApplicationRead, tags=["applications"])
def read_application(application_id: uuid.UUID, session: DbSession, actor: ApiActor) -> ApplicationRead:
    """One application."""
    return ApplicationRead.from_model(service.get_application(session, actor, application_id))


@router.post("/applications/{application_id}/move", response_model=ApplicationRead, tags=["applications"])
def move_application(
    application_id: uuid.UUID, data: ApplicationMove, session: DbSession, actor: ApiActor
) -> ApplicationRead:
    """Move an application to another stage (409 when ``expected_version`` is stale)."""
    application = service.move_application(
        session,
        actor,
        application_id,
        to_stage_id=data.to_stage_id,
        expected_version=data.expected_version,
        reason_id=data.reason_id,
        note=data.note,
    )
    return ApplicationRead.from_model(application)


@router.get(
    "/applications/{application_id}/transitions", response_model=list[TransitionRead], tags=["applications"]
)
def list_transitions(application_id: uuid.UUID, session: DbSession, actor: ApiActor) -> list[TransitionRead]:
    """The application's history, oldest first."""
    transitions = service.list_transitions(session, actor, application_id)
    return [TransitionRead.from_model(transition) for transition in transitions]


# --- settings -------------------------------------------------------------------------------------


@router.get("/settings/stage-template", response_model=list[StageTemplateRead], tags=["settings"])
def read_stage_template(session: DbSession, actor: ApiActor) -> list[StageTemplateRead]:
    """The default pipeline new jobs copy."""
    return [StageTemplateRead.model_validate(stage) for stage in service.list_stage_templates(session, actor)]


@router.put("/settings/stage-template", response_model=list[StageTemplateRead], tags=["settings"])
def replace_stage_template(
    data: StageTemplateUpdate, session: DbSession, actor: ApiActor
) -> list[StageTemplateRead]:
    """Replace the default pipeline (admin only)."""
    stages = service.replace_stage_templates(session, actor, data.stages)
    return [StageTemplateRead.model_validate(stage) for stage in stages]


@router.get("/rejection-reasons", response_model=list[ReasonRead], tags=["settings"])
def list_reasons(
    session: DbSession, actor: ApiActor, kind: ReasonKind | None = None, include_inactive: bool = False
) -> list[ReasonRead]:
    """Rejection and withdrawal reasons, in their chosen order."""
    reasons = service.list_reasons(session, actor, kind=kind, include_inactive=include_inactive)
    return [ReasonRead.model_validate(reason) for reason in reasons]


@router.post(
    "/rejection-reasons", response_model=ReasonRead, status_code=status.HTTP_201_CREATED, tags=["settings"]
)
def create_reason(data: ReasonCreate, session: DbSession, actor: ApiActor) -> ReasonRead:
    """Add a reason (admin only)."""
    return ReasonRead.model_validate(service.create_reason(session, actor, data))


@router.patch("/rejection-reasons/{reason_id}", response_model=ReasonRead, tags=["settings"])
def update_reason(
    reason_id: uuid.UUID, data: ReasonUpdate, session: DbSession, actor: ApiActor
) -> ReasonRead:
    """Rename, (de)activate or move a reason (admin only)."""
    return ReasonRead.model_validate(service.update_reason(session, actor, reason_id, data))


# --- dashboard ------------------------------------------------------------------------------------


@router.get("/pipeline/summary", response_model=PipelineSummary, tags=["pipeline"])
def read_pipeline_summary(session: DbSession, actor: ApiActor) -> PipelineSummary:
    """Active applications per stage category across the jobs you can see."""
    return service.pipeline_summary(session, actor)
