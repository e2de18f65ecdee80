"""JSON routes for channels and the careers site: channel details, tracked links, posting
settings and screening questions per job, consent records.

Permission checks that do not need the body run as route dependencies, so a caller without the
right role is refused (403, or 404 for a job they cannot see) before their body is validated.
Mounted under /api/v1 through the sourcing router (see ``sourcing.api``).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Response, status

from talentbridge.api.deps import ApiActor, DbSession
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_recruiting_write
from talentbridge.careers import publishing, service
from talentbridge.careers.schemas import (
    ConsentFilter,
    ConsentRecordRead,
    PostingRead,
    PostingUpdate,
    ScreeningQuestionRead,
    ScreeningQuestionsUpdate,
)
from talentbridge.jobs.policies import visible_job_or_404
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.models import TrackedLink
from talentbridge.sourcing.policies import require_channel_read, require_source_write
from talentbridge.sourcing.schemas import (
    ChannelDetailsRead,
    TrackedLinkCreate,
    TrackedLinkFilter,
    TrackedLinkRead,
)

router = APIRouter(tags=["channels and careers"])


def _channel_reader(actor: ApiActor) -> Actor:
    require_channel_read(actor)
    return actor


def _channel_writer(actor: ApiActor) -> Actor:
    require_source_write(actor)
    return actor


def _consent_reader(actor: ApiActor) -> Actor:
    service.require_consent_read(actor)
    return actor


def _job_writer(job_id: uuid.UUID, session: DbSession, actor: ApiActor) -> Actor:
    visible_job_or_404(session, actor, job_id)
    require_recruiting_write(actor)
    return actor


ChannelReader = Annotated[Actor, Depends(_channel_reader)]
ChannelWriter = Annotated[Actor, Depends(_channel_writer)]
ConsentReader = Annotated[Actor, Depends(_consent_reader)]
JobWriter = Annotated[Actor, Depends(_job_writer)]


def _details_read(source_id: uuid.UUID, kind: Any, details: dict[str, Any]) -> ChannelDetailsRead:
    return ChannelDetailsRead(source_id=source_id, kind=kind, details=details)


@router.get("/sources/{source_id}/channel-details", response_model=ChannelDetailsRead)
def read_channel_details(
    source_id: uuid.UUID, session: DbSession, actor: ChannelReader
) -> ChannelDetailsRead:
    """A channel's kind-specific details (admins, recruiters, compliance)."""
    source = sourcing_service.get_channel_details(session, actor, source_id)
    return _details_read(source.id, source.kind, source.channel_details)


@router.put("/sources/{source_id}/channel-details", response_model=ChannelDetailsRead)
def replace_channel_details(
    source_id: uuid.UUID,
    session: DbSession,
    actor: ChannelWriter,
    details: Annotated[dict[str, Any], Body()],
) -> ChannelDetailsRead:
    """Replace a channel's details; they must fit its kind (422 naming the field otherwise)."""
    source = sourcing_service.set_channel_details(session, actor, source_id, details)
    return _details_read(source.id, source.kind, source.channel_details)


def _link_reads(session: DbSession, links: list[TrackedLink]) -> list[TrackedLinkRead]:
    paths = service.link_paths(session, links)
    return [
        TrackedLinkRead.model_validate(link).model_copy(update={"path": paths[link.id]}) for link in links
    ]


@router.get("/tracked-links", response_model=list[TrackedLinkRead])
def list_tracked_links(
    filters: Annotated[TrackedLinkFilter, Query()], session: DbSession, actor: ChannelReader
) -> list[TrackedLinkRead]:
    """Tracked apply links with clicks and attributed applications; filter by source or job."""
    return _link_reads(session, list(sourcing_service.list_links(session, actor, filters)))


@router.post("/tracked-links", response_model=TrackedLinkRead, status_code=status.HTTP_201_CREATED)
def create_tracked_link(
    data: TrackedLinkCreate, session: DbSession, actor: ChannelWriter, response: Response
) -> TrackedLinkRead:
    """The channel's link for a job (or the whole site); 201 when new, 200 when it existed."""
    if data.job_id is not None:
        visible_job_or_404(session, actor, data.job_id)
    link, created = sourcing_service.ensure_link(session, actor, data)
    if not created:
        response.status_code = status.HTTP_200_OK
    return _link_reads(session, [link])[0]


@router.get("/tracked-links/{token}", response_model=TrackedLinkRead)
def read_tracked_link(token: str, session: DbSession, actor: ChannelReader) -> TrackedLinkRead:
    """One tracked link by its token."""
    return _link_reads(session, [sourcing_service.get_link(session, actor, token)])[0]


@router.get("/jobs/{job_id}/posting", response_model=PostingRead)
def read_posting(job_id: uuid.UUID, session: DbSession, actor: ApiActor) -> PostingRead:
    """How the job appears on the careers site and in feeds."""
    return publishing.get_posting(session, actor, job_id)


@router.patch("/jobs/{job_id}/posting", response_model=PostingRead)
def update_posting(
    job_id: uuid.UUID, data: PostingUpdate, session: DbSession, actor: JobWriter
) -> PostingRead:
    """List or hide the job, set its employment type, end date, salary visibility, work rights."""
    return publishing.update_posting(session, actor, job_id, data)


@router.get("/jobs/{job_id}/screening-questions", response_model=list[ScreeningQuestionRead])
def read_questions(job_id: uuid.UUID, session: DbSession, actor: ApiActor) -> list[ScreeningQuestionRead]:
    """The questions the job's application form asks, in order."""
    return [
        ScreeningQuestionRead.model_validate(q) for q in publishing.list_questions(session, actor, job_id)
    ]


@router.put("/jobs/{job_id}/screening-questions", response_model=list[ScreeningQuestionRead])
def replace_questions(
    job_id: uuid.UUID, data: ScreeningQuestionsUpdate, session: DbSession, actor: JobWriter
) -> list[ScreeningQuestionRead]:
    """Replace the job's screening questions (recruiters and admins)."""
    questions = publishing.replace_questions(session, actor, job_id, data)
    return [ScreeningQuestionRead.model_validate(question) for question in questions]


@router.get("/consent-records", response_model=list[ConsentRecordRead])
def list_consent_records(
    filters: Annotated[ConsentFilter, Query()], session: DbSession, actor: ConsentReader
) -> list[ConsentRecordRead]:
    """Consent records, newest first (compliance officers and admins)."""
    return [ConsentRecordRead.model_validate(r) for r in service.list_consents(session, actor, filters)]


@router.get("/people/{person_id}/consent-records", response_model=list[ConsentRecordRead])
def person_consent_records(
    person_id: uuid.UUID, session: DbSession, actor: ConsentReader
) -> list[ConsentRecordRead]:
    """One person's consent records (compliance officers and admins)."""
    return [
        ConsentRecordRead.model_validate(r) for r in service.consents_of_person(session, actor, person_id)
    ]
