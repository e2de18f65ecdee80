"""Use cases for sources: create, change, deactivate, delete (only when unused), list; their
kind-specific channel details; and tracked apply links.

A source is unique by kind and name (case-insensitive). A source that people or applications
point at cannot be deleted, since that would erase their attribution; deactivate it instead.
Channel details are validated against the model of the source's kind (``channel_details``);
changing a source's kind drops details that no longer fit it. A tracked link is unique per
channel and job; clicks and attributed applications are counted in the database.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.errors import Conflict, InvalidInput, NotFound
from talentbridge.jobs.models import Job
from talentbridge.kit.text import normalise_email
from talentbridge.people.models import Person
from talentbridge.pipeline.models import Application
from talentbridge.sourcing import repository
from talentbridge.sourcing.channel_details import ReferralDetails, validate_channel_details
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.models import Source, TrackedLink
from talentbridge.sourcing.policies import require_channel_read, require_source_write
from talentbridge.sourcing.schemas import (
    SourceCreate,
    SourceFilter,
    SourceUpdate,
    TrackedLinkCreate,
    TrackedLinkFilter,
)

AUDITED_FIELDS = (
    "kind",
    "name",
    "referrer_user_id",
    "referrer_name",
    "details",
    "is_active",
    "channel_details",
)
TOKEN_BYTES = 6  # 8 URL-safe characters: short enough to share, 2^48 values
CAREERS_SITE_SOURCE_NAME = "Careers site"


def get_source(session: Session, actor: Actor, source_id: uuid.UUID) -> Source:
    """One source (any signed-in user); NotFound if it does not exist."""
    del actor  # sources are visible to all staff
    source = repository.get_source(session, source_id)
    if source is None:
        raise NotFound("No such source.")
    return source


def list_sources(session: Session, actor: Actor, filters: SourceFilter | None = None) -> Sequence[Source]:
    """Sources by kind and name, optionally only one kind and/or only (in)active ones."""
    del actor  # sources are visible to all staff
    return repository.list_sources(session, filters or SourceFilter())


def create_source(session: Session, actor: Actor, data: SourceCreate) -> Source:
    """Add a channel. Admins and recruiters; the (kind, name) pair must be new (409 otherwise)."""
    require_source_write(actor)
    _check_referrer(session, data.kind, data.referrer_user_id, data.referrer_name)
    _check_name_free(session, data.kind, data.name, source_id=None)
    source = Source(**data.model_dump())
    session.add(source)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "source",
        source.id,
        summary=f"Created source '{source.name}' ({source.kind})",
    )
    return source


def update_source(session: Session, actor: Actor, source_id: uuid.UUID, data: SourceUpdate) -> Source:
    """Change a source; absent fields stay. The referral and uniqueness rules hold afterwards."""
    require_source_write(actor)
    source = get_source(session, actor, source_id)
    before = _snapshot(source)
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(source, field, value)
    if source.kind != before["kind"]:
        source.channel_details = _details_fitting(source.kind, source.channel_details)
    _check_referrer(session, source.kind, source.referrer_user_id, source.referrer_name)
    _check_name_free(session, source.kind, source.name, source_id=source.id)
    changes = audit.diff(before, _snapshot(source))
    if changes:
        session.flush()
        audit.record(
            session,
            actor,
            "update",
            "source",
            source.id,
            summary=f"Updated source '{source.name}'",
            changes=changes,
        )
    return source


def delete_source(session: Session, actor: Actor, source_id: uuid.UUID) -> Source:
    """Delete a source nobody points at; a used source answers 409 (deactivate it instead)."""
    require_source_write(actor)
    source = get_source(session, actor, source_id)
    people, applications = repository.usage(session, source.id)
    if people or applications:
        raise Conflict(
            f"This source is used by {people} people and {applications} applications, so it cannot be "
            "deleted; deactivate it instead (is_active: false).",
            extra={"people": people, "applications": applications},
        )
    session.delete(source)
    session.flush()
    audit.record(
        session,
        actor,
        "delete",
        "source",
        source.id,
        summary=f"Deleted source '{source.name}' ({source.kind})",
    )
    return source


def _check_referrer(
    session: Session, kind: SourceKind, referrer_user_id: uuid.UUID | None, referrer_name: str | None
) -> None:
    """Referrals name a referrer (an existing user or a name); other kinds have none."""
    if kind is not SourceKind.REFERRAL:
        if referrer_user_id is not None or referrer_name:
            field = "referrer_user_id" if referrer_user_id is not None else "referrer_name"
            raise InvalidInput("Only referral sources have a referrer.", field=field)
        return
    if referrer_user_id is None and not referrer_name:
        raise InvalidInput(
            "A referral names its referrer: give referrer_user_id or referrer_name.", field="referrer_user_id"
        )
    if referrer_user_id is not None and not repository.user_exists(session, referrer_user_id):
        raise InvalidInput("No user has this id.", field="referrer_user_id")


def _check_name_free(session: Session, kind: SourceKind, name: str, *, source_id: uuid.UUID | None) -> None:
    existing = repository.find_by_kind_and_name(session, kind, name)
    if existing is not None and existing.id != source_id:
        raise Conflict(
            f"A {kind.value.replace('_', ' ')} source named '{existing.name}' already exists.",
            field="name",
            extra={"existing_source_id": str(existing.id)},
        )


def _snapshot(source: Source) -> dict[str, object]:
    return {field: getattr(source, field) for field in AUDITED_FIELDS}


# --- channel details -------------------------------------------------------------------------------


def get_channel_details(session: Session, actor: Actor, source_id: uuid.UUID) -> Source:
    """A source with its kind-specific details (admins, recruiters, compliance: fees and bonuses)."""
    require_channel_read(actor)
    return get_source(session, actor, source_id)


def set_channel_details(session: Session, actor: Actor, source_id: uuid.UUID, raw: dict[str, Any]) -> Source:
    """Replace a channel's kind-specific details; they must fit the kind's model (422 per field)."""
    require_source_write(actor)
    source = get_source(session, actor, source_id)
    try:
        details = validate_channel_details(source.kind, raw)
    except ValidationError as exc:
        raise _invalid_details(exc) from exc
    referrer = details.get("referrer_person_id")
    if referrer is not None and not repository.person_exists(session, uuid.UUID(str(referrer))):
        raise InvalidInput("No person has this id.", field="referrer_person_id")
    changes = audit.diff({"channel_details": source.channel_details}, {"channel_details": details})
    source.channel_details = details
    session.flush()
    if changes:
        audit.record(
            session,
            actor,
            "update",
            "source",
            source.id,
            summary=f"Updated the channel details of '{source.name}'",
            changes=changes,
        )
    return source


def application_counts(session: Session, actor: Actor) -> dict[uuid.UUID, int]:
    """Applications credited to each channel (the channel list's column)."""
    require_channel_read(actor)
    return repository.application_counts_by_source(session)


def _details_fitting(kind: SourceKind, stored: dict[str, Any]) -> dict[str, Any]:
    try:
        return validate_channel_details(kind, stored)
    except ValidationError:
        return {}


def _invalid_details(exc: ValidationError) -> InvalidInput:
    errors = [
        {"field": ".".join(str(part) for part in error["loc"]) or "details", "message": error["msg"]}
        for error in exc.errors()
    ]
    first = errors[0] if errors else {"field": "details", "message": "Invalid details."}
    return InvalidInput(
        f"{first['field']}: {first['message']}", field=first["field"], extra={"errors": errors}
    )


def referrer_person_id(source: Source) -> uuid.UUID | None:
    """The person (not a user) who refers through a referral source, if one is recorded."""
    if source.kind is not SourceKind.REFERRAL or not source.channel_details:
        return None
    try:
        return ReferralDetails.model_validate(source.channel_details).referrer_person_id
    except ValidationError:
        return None


# --- tracked links ---------------------------------------------------------------------------------


def list_links(
    session: Session, actor: Actor, filters: TrackedLinkFilter | None = None
) -> Sequence[TrackedLink]:
    """Tracked links with their counts (admins, recruiters, compliance)."""
    require_channel_read(actor)
    return repository.list_links(session, filters or TrackedLinkFilter())


def get_link(session: Session, actor: Actor, token: str) -> TrackedLink:
    """One tracked link by its token (404 when unknown)."""
    require_channel_read(actor)
    link = repository.get_link_by_token(session, token)
    if link is None:
        raise NotFound("No tracked link has this token.")
    return link


def ensure_link(session: Session, actor: Actor, data: TrackedLinkCreate) -> tuple[TrackedLink, bool]:
    """The channel's link for the job, created if missing; returns (link, created).

    Admins and recruiters. The job must exist (the caller checks it is visible); the source must
    be active, since a link to a deactivated channel would attribute nothing useful.
    """
    require_source_write(actor)
    source = get_source(session, actor, data.source_id)
    if not source.is_active:
        raise InvalidInput("This source is deactivated; reactivate it first.", field="source_id")
    existing = repository.find_link(session, source.id, data.job_id)
    if existing is not None:
        return existing, False
    link = _new_link(session, source.id, data.job_id, actor)
    audit.record(
        session,
        actor,
        "create",
        "tracked_link",
        link.id,
        summary=f"Created a tracked link for '{source.name}'",
        changes={"job_id": data.job_id, "token": link.token},
    )
    return link, True


def feed_links(session: Session, source: Source, job_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Tokens of a board's links for these jobs, creating the missing ones (a feed pull)."""
    links = repository.links_for_source_and_jobs(session, source.id, job_ids)
    for job_id in job_ids:
        if job_id not in links:
            links[job_id] = _new_link(session, source.id, job_id, None)
    return {job_id: link.token for job_id, link in links.items()}


def find_feed_channel(session: Session, key: str) -> Source | None:
    """The active job board a feed is pulled for: its ``feed_key`` or its name (case-insensitive)."""
    wanted = key.strip().casefold()
    if not wanted:
        return None
    boards = repository.sources_of_kind(session, SourceKind.JOB_BOARD)
    for board in boards:
        if str(board.channel_details.get("feed_key", "")).casefold() == wanted:
            return board
    return next((board for board in boards if board.name.casefold() == wanted), None)


def record_click(session: Session, token: str, job_id: uuid.UUID) -> TrackedLink | None:
    """Count a visit through a tracked link; None when the token is unknown, for another job or
    its channel is deactivated (the visit then stays unattributed)."""
    link = repository.get_link_by_token(session, token)
    if link is None or (link.job_id is not None and link.job_id != job_id):
        return None
    source = repository.get_source(session, link.source_id)
    if source is None or not source.is_active:
        return None
    repository.count_click(session, link.id)
    return link


def attribute_application(session: Session, link: TrackedLink) -> None:
    """Count one application on a link."""
    repository.count_application(session, link.id)


def careers_site_source(session: Session) -> Source:
    """The channel of applications sent from the careers site without a tracked link.

    The first active careers-page source; one named "Careers site" is created on first use.
    """
    existing = repository.sources_of_kind(session, SourceKind.CAREERS_PAGE)
    if existing:
        return existing[0]
    found = repository.find_by_kind_and_name(session, SourceKind.CAREERS_PAGE, CAREERS_SITE_SOURCE_NAME)
    if found is not None:  # deactivated: applications are still attributed to it
        return found
    source = Source(
        kind=SourceKind.CAREERS_PAGE, name=CAREERS_SITE_SOURCE_NAME, details={}, channel_details={}
    )
    session.add(source)
    session.flush()
    return source


def _new_link(
    session: Session, source_id: uuid.UUID, job_id: uuid.UUID | None, actor: Actor | None
) -> TrackedLink:
    token = secrets.token_urlsafe(TOKEN_BYTES)
    while repository.get_link_by_token(session, token) is not None:  # pragma: no cover - 2^48 space
        token = secrets.token_urlsafe(TOKEN_BYTES)
    link = TrackedLink(
        token=token,
        source_id=source_id,
        job_id=job_id,
        clicks=0,
        applications=0,
        created_by_id=actor.user_id if actor else None,
    )
    session.add(link)
    session.flush()
    return link


# --- channel pages ----------------------------------------------------------------------------------


def recent_applications(
    session: Session, actor: Actor, source_id: uuid.UUID, *, limit: int = 20
) -> Sequence[tuple[Application, Person, Job]]:
    """The newest applications credited to a channel (channel readers see every job)."""
    require_channel_read(actor)
    get_source(session, actor, source_id)
    return repository.recent_applications(session, source_id, limit=limit)


def referrer_person(
    session: Session, actor: Actor, source: Source
) -> tuple[uuid.UUID, str, str | None] | None:
    """(id, name, e-mail) of a referral's referrer from the candidate database, if any."""
    require_channel_read(actor)
    person_id = referrer_person_id(source)
    if person_id is None:
        return None
    name = repository.person_name(session, person_id)
    if name is None:
        return None
    return person_id, name, repository.primary_email(session, person_id)


def person_id_for_email(session: Session, actor: Actor, email: str) -> uuid.UUID | None:
    """The person holding an e-mail address (to name a referrer by e-mail)."""
    require_channel_read(actor)
    return repository.person_id_by_email(session, normalise_email(email))


def jobs_for_links(session: Session, actor: Actor) -> Sequence[Job]:
    """Open jobs a channel's tracked link may point at."""
    require_channel_read(actor)
    return repository.open_jobs(session)
