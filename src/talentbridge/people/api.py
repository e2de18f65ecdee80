"""JSON routes for people, their timeline and tags.

Optimistic concurrency uses HTTP preconditions: ``GET /people/{id}`` (and create/update) return
``ETag: "<version>"``; ``PATCH`` must send that version as ``expected_version`` or in ``If-Match``
(428 without it, 409 ``stale_version`` when someone else changed the person since). Fields the
caller's role may not see are omitted from person records and listed in ``redacted_fields``.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from talentbridge.api.concurrency import IfMatch, etag, required_version
from talentbridge.api.deps import ApiActor, DbSession
from talentbridge.files.api import AttachmentStoreDep
from talentbridge.kit.pagination import Page
from talentbridge.people import service
from talentbridge.people.models import Person
from talentbridge.people.schemas import (
    PersonCreate,
    PersonListParams,
    PersonRead,
    PersonSummary,
    PersonUpdate,
    TagRead,
    TimelineEntry,
)

router = APIRouter(tags=["people"])


def _etag(person: Person) -> str:
    return etag(person.version)


@router.get("/people", response_model=Page[PersonSummary])
def list_people(
    params: Annotated[PersonListParams, Query()], session: DbSession, actor: ApiActor
) -> Page[PersonSummary]:
    """People you may see, filtered and sorted; follow ``next_cursor`` for the next page."""
    return service.list_people(session, actor, params, cursor=params.cursor, limit=params.limit)


@router.post(
    "/people",
    response_model=PersonRead,
    response_model_exclude_unset=True,
    status_code=status.HTTP_201_CREATED,
)
def create_person(data: PersonCreate, response: Response, session: DbSession, actor: ApiActor) -> PersonRead:
    """Create a person (admins and recruiters); an e-mail held by another person answers 409."""
    person = service.create_person(session, actor, data)
    response.headers["ETag"] = _etag(person)
    return service.person_to_read(actor, person)


@router.get("/people/{person_id}", response_model=PersonRead, response_model_exclude_unset=True)
def read_person(person_id: uuid.UUID, response: Response, session: DbSession, actor: ApiActor) -> PersonRead:
    """A person's full record (recorded as a view in the audit log)."""
    person = service.get_person(session, actor, person_id)
    response.headers["ETag"] = _etag(person)
    return service.person_to_read(actor, person)


@router.patch(
    "/people/{person_id}",
    response_model=PersonRead,
    response_model_exclude_unset=True,
    responses={428: {"description": "No expected_version and no If-Match header"}},
)
def update_person(
    person_id: uuid.UUID,
    data: PersonUpdate,
    response: Response,
    session: DbSession,
    actor: ApiActor,
    if_match: IfMatch = None,
) -> PersonRead:
    """Change a person: absent fields stay, given lists replace, null clears optional fields."""
    person = service.update_person(
        session, actor, person_id, data, expected_version=required_version(data.expected_version, if_match)
    )
    response.headers["ETag"] = _etag(person)
    return service.person_to_read(actor, person)


@router.delete("/people/{person_id}", response_model=PersonSummary)
def delete_person(
    person_id: uuid.UUID, session: DbSession, actor: ApiActor, store: AttachmentStoreDep
) -> PersonSummary:
    """Delete a person with their applications, notes and attachments (admins and recruiters)."""
    return service.delete_person(session, actor, person_id, store=store)


@router.get("/people/{person_id}/timeline", response_model=list[TimelineEntry])
def read_timeline(
    person_id: uuid.UUID,
    session: DbSession,
    actor: ApiActor,
    include_views: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[TimelineEntry]:
    """The person's activity, newest first (views only with ``include_views=true``)."""
    return service.get_timeline(session, actor, person_id, include_views=include_views, limit=limit)


@router.get("/tags", response_model=list[TagRead])
def list_tags(session: DbSession, actor: ApiActor) -> list[TagRead]:
    """All tags by name."""
    return service.list_tags(session, actor)
