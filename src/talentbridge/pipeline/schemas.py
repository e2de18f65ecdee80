"""API contracts of the pipeline: stage templates, job stages, reasons, applications, moves, boards."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from talentbridge.pipeline.enums import ApplicationStatus, ReasonKind, StageCategory
from talentbridge.pipeline.models import Application, Transition

StageName = Annotated[str, Field(min_length=1, max_length=100)]
Note = Annotated[str, Field(max_length=5000)]
MAX_STAGES = 40


class _Input(BaseModel):
    """Request bodies: unknown fields are an error, surrounding spaces are dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# --- stages ---------------------------------------------------------------------------------------


class StageTemplateIn(_Input):
    """One stage of the default pipeline."""

    name: StageName
    category: StageCategory


class StageTemplateUpdate(_Input):
    """The complete new default pipeline, in order. New jobs copy it; existing jobs keep theirs."""

    stages: list[StageTemplateIn] = Field(min_length=1, max_length=MAX_STAGES)


class StageTemplateRead(BaseModel):
    """A stage of the default pipeline."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    category: StageCategory
    position: int


class JobStageIn(_Input):
    """A stage of one job's pipeline: ``id`` keeps (and may rename) a stage, no ``id`` adds one."""

    id: uuid.UUID | None = None
    name: StageName
    category: StageCategory


class JobStagesUpdate(_Input):
    """A job's complete new pipeline, in order; stages left out are removed."""

    stages: list[JobStageIn] = Field(min_length=1, max_length=MAX_STAGES)


class StageRead(BaseModel):
    """A stage of a job's pipeline."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    job_id: uuid.UUID
    name: str
    category: StageCategory
    position: int


# --- reasons --------------------------------------------------------------------------------------


class ReasonCreate(_Input):
    """A new rejection or withdrawal reason (added at the end of its list)."""

    kind: ReasonKind
    label: str = Field(min_length=1, max_length=200)


class ReasonUpdate(_Input):
    """Rename, deactivate/reactivate or move a reason (``position`` is its new 0-based place)."""

    label: str | None = Field(default=None, min_length=1, max_length=200)
    is_active: bool | None = None
    position: int | None = Field(default=None, ge=0)


class ReasonRead(BaseModel):
    """A rejection or withdrawal reason."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: ReasonKind
    label: str
    is_active: bool
    position: int


# --- applications ---------------------------------------------------------------------------------


class ApplicationCreate(_Input):
    """A person applying to (or being added to) a job; starts in the job's first applied stage
    unless ``stage_id`` names another active stage of that job."""

    person_id: uuid.UUID
    job_id: uuid.UUID
    stage_id: uuid.UUID | None = None
    source_id: uuid.UUID | None = None
    note: Note = ""


class ApplicationMove(_Input):
    """Move an application to another stage of its job.

    ``expected_version`` is the ``version`` the client last read: a move made on stale data is
    refused with 409. Rejecting or withdrawing needs ``reason_id`` of the matching kind.
    """

    to_stage_id: uuid.UUID
    expected_version: int = Field(ge=1)
    reason_id: uuid.UUID | None = None
    note: Note = ""


class ApplicationFilter(BaseModel):
    """Which applications to list; criteria combine with AND."""

    model_config = ConfigDict(extra="forbid")

    job_id: uuid.UUID | None = None
    person_id: uuid.UUID | None = None
    stage_id: uuid.UUID | None = None
    status: ApplicationStatus | None = None
    source_id: uuid.UUID | None = None


class ApplicationRead(BaseModel):
    """An application with its current stage and (when rejected or withdrawn) its reason."""

    id: uuid.UUID
    person_id: uuid.UUID
    job_id: uuid.UUID
    stage_id: uuid.UUID
    stage_name: str
    stage_category: StageCategory
    status: ApplicationStatus
    source_id: uuid.UUID | None
    reason_id: uuid.UUID | None
    reason_label: str | None
    applied_at: datetime
    stage_entered_at: datetime
    created_at: datetime
    updated_at: datetime
    version: int

    @classmethod
    def from_model(cls, application: Application) -> ApplicationRead:
        """Build from an application whose ``stage`` and ``reason`` are loaded."""
        return cls(
            id=application.id,
            person_id=application.person_id,
            job_id=application.job_id,
            stage_id=application.stage_id,
            stage_name=application.stage.name,
            stage_category=application.stage.category,
            status=application.status,
            source_id=application.source_id,
            reason_id=application.reason_id,
            reason_label=application.reason.label if application.reason is not None else None,
            applied_at=application.applied_at,
            stage_entered_at=application.stage_entered_at,
            created_at=application.created_at,
            updated_at=application.updated_at,
            version=application.version,
        )


class TransitionRead(BaseModel):
    """One entry of an application's history (the first has no ``from_stage``: the creation)."""

    id: uuid.UUID
    sequence: int
    at: datetime
    from_stage_id: uuid.UUID | None
    from_stage_name: str | None
    to_stage_id: uuid.UUID
    to_stage_name: str
    to_stage_category: StageCategory
    actor_id: uuid.UUID | None
    actor_name: str
    reason_id: uuid.UUID | None
    reason_label: str | None
    note: str

    @classmethod
    def from_model(cls, transition: Transition) -> TransitionRead:
        """Build from a transition whose stages, reason and actor are loaded."""
        return cls(
            id=transition.id,
            sequence=transition.sequence,
            at=transition.at,
            from_stage_id=transition.from_stage_id,
            from_stage_name=transition.from_stage.name if transition.from_stage is not None else None,
            to_stage_id=transition.to_stage_id,
            to_stage_name=transition.to_stage.name,
            to_stage_category=transition.to_stage.category,
            actor_id=transition.actor_id,
            actor_name=transition.actor.full_name if transition.actor is not None else "System",
            reason_id=transition.reason_id,
            reason_label=transition.reason.label if transition.reason is not None else None,
            note=transition.note,
        )


# --- board and dashboard --------------------------------------------------------------------------


class KanbanCard(BaseModel):
    """One application on a job's board (``version`` is what a drag-and-drop move must send)."""

    application_id: uuid.UUID
    version: int
    person_id: uuid.UUID
    display_name: str
    native_name: str | None
    current_title: str | None
    current_employer: str | None
    source_name: str | None
    days_in_stage: int
    status: ApplicationStatus


class KanbanColumn(BaseModel):
    """A stage with its applications, longest-waiting first."""

    stage_id: uuid.UUID
    name: str
    category: StageCategory
    position: int
    count: int
    cards: list[KanbanCard]


class KanbanBoard(BaseModel):
    """A job's pipeline as columns of cards."""

    job_id: uuid.UUID
    job_title: str
    columns: list[KanbanColumn]
    total: int


class CategoryCount(BaseModel):
    """How many active applications are in stages of one category."""

    category: StageCategory
    count: int


class PipelineSummary(BaseModel):
    """Active applications per stage category across the jobs the actor can see (dashboard)."""

    categories: list[CategoryCount]
    active_total: int


class ApplicationListQuery(ApplicationFilter):
    """The query string of ``GET /applications``: filters plus the page (unknown keys are 422)."""

    cursor: str | None = Field(default=None, max_length=500, description="next_cursor of the previous page")
    limit: int = Field(default=50, ge=1, le=200, description="page size")

    def filters(self) -> ApplicationFilter:
        """The filter part, as the service takes it."""
        return ApplicationFilter.model_validate(self.model_dump(exclude={"cursor", "limit"}))
