"""Channel pages (staff): every channel with its applications and clicks, one channel's details,
tracked links and recent applications, and the form for its kind-specific details.

Admins, recruiters and compliance officers see them (fees and bonuses are commercial facts);
admins and recruiters edit details and create links. The settings pages (``sourcing.web``) keep
the name, kind, referrer and free-form facts.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import WRITE_ROLES
from talentbridge.careers import service as careers_service
from talentbridge.errors import InvalidInput
from talentbridge.sourcing import service
from talentbridge.sourcing._channel_form import all_field_names, fields_for, form_values, raw_details
from talentbridge.sourcing.channel_details import parse_channel_details
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.models import Source
from talentbridge.sourcing.policies import require_channel_read, require_source_write
from talentbridge.sourcing.schemas import TrackedLinkCreate, TrackedLinkFilter
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FORM_ERROR, FormState, translate_message
from talentbridge.web.i18n import _
from talentbridge.web.templating import render_page
from talentbridge.web.urls import url_for

router = APIRouter(include_in_schema=False)


def _kind_label(kind: SourceKind) -> str:
    from talentbridge.sourcing.web import kind_label

    return kind_label(kind)


@router.get("/channels", name="channels")
def channels_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """Every channel with applications credited, tracked links and their clicks."""
    require_channel_read(actor)
    sources = service.list_sources(session, actor)
    counts = service.application_counts(session, actor)
    links = service.list_links(session, actor)
    clicks: dict[uuid.UUID, int] = {}
    link_counts: dict[uuid.UUID, int] = {}
    for link in links:
        clicks[link.source_id] = clicks.get(link.source_id, 0) + link.clicks
        link_counts[link.source_id] = link_counts.get(link.source_id, 0) + 1
    return render_page(
        request,
        "sourcing/channels.html",
        actor,
        title=_("Channels"),
        subtitle=_("Where applicants come from, and how many each channel brings."),
        sources=sources,
        counts=counts,
        clicks=clicks,
        link_counts=link_counts,
        kind_label=_kind_label,
        can_write=actor.role in WRITE_ROLES,
    )


@router.get("/channels/{source_id}", name="channel")
def channel_page(
    request: Request, source_id: uuid.UUID, session: DbSession, actor: PageActor
) -> HTMLResponse:
    """One channel: its details, tracked links with counts, and recent applications."""
    source = service.get_channel_details(session, actor, source_id)
    links = list(service.list_links(session, actor, TrackedLinkFilter(source_id=source.id)))
    return render_page(
        request,
        "sourcing/channel.html",
        actor,
        title=source.name,
        subtitle=_kind_label(source.kind),
        source=source,
        details=parse_channel_details(source.kind, source.channel_details),
        fact_labels={spec.name: str(spec.label) for spec in fields_for(source.kind)},
        referrer=service.referrer_person(session, actor, source),
        links=links,
        link_paths=careers_service.link_paths(session, links),
        job_titles={job.id: job.title for job in service.jobs_for_links(session, actor)},
        applications=service.recent_applications(session, actor, source.id),
        can_write=actor.role in WRITE_ROLES,
    )


def _form_page(
    request: Request, actor: Actor, source: Source, form: FormState, *, status_code: int = 200
) -> HTMLResponse:
    specs = fields_for(source.kind)
    return render_page(
        request,
        "sourcing/channel_form.html",
        actor,
        status_code=status_code,
        title=_("Channel details"),
        subtitle=f"{source.name} · {_kind_label(source.kind)}",
        source=source,
        specs=specs,
        form=form,
        labels={spec.name: str(spec.label) for spec in specs},
    )


@router.get("/channels/{source_id}/details", name="channel_details_edit")
def channel_details_edit(
    request: Request, source_id: uuid.UUID, session: DbSession, actor: PageActor
) -> HTMLResponse:
    """The form for a channel's kind-specific details."""
    source = service.get_channel_details(session, actor, source_id)
    require_source_write(actor)
    referrer = service.referrer_person(session, actor, source)
    values = form_values(source.kind, source.channel_details, referrer[2] if referrer else None)
    return _form_page(request, actor, source, FormState(values=values))


@router.post("/channels/{source_id}/details", name="channel_details_save")
def channel_details_save(
    request: Request, source_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Save a channel's details; problems are shown next to their fields."""
    source = service.get_channel_details(session, actor, source_id)
    require_source_write(actor)
    form = _submitted(form_data)
    raw = raw_details(source.kind, form.values)
    email = form.values.get("referrer_person_email", "")
    if source.kind is SourceKind.REFERRAL and email:
        person_id = service.person_id_for_email(session, actor, email)
        if person_id is None:
            form.add_error("referrer_person_email", _("Nobody in the candidate database has this e-mail."))
            return _form_page(request, actor, source, form, status_code=422)
        raw["referrer_person_id"] = str(person_id)
    try:
        service.set_channel_details(session, actor, source.id, raw)
    except InvalidInput as exc:
        session.rollback()
        source = service.get_channel_details(session, actor, source_id)
        _attach(form, exc)
        return _form_page(request, actor, source, form, status_code=422)
    flash(request, _("Channel details saved."))
    return RedirectResponse(url_for(request, "channel", source_id=source_id), status_code=303)


@router.post("/channels/{source_id}/links", name="channel_link_create")
def channel_link_create(
    request: Request, source_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Create the channel's tracked link for a job (or the whole careers site)."""
    raw_job = str(form_data.get("job_id") or "")
    try:
        job_id = uuid.UUID(raw_job) if raw_job else None
        if job_id is not None and job_id not in {job.id for job in service.jobs_for_links(session, actor)}:
            raise InvalidInput("Not an open job.", field="job_id")
        service.ensure_link(session, actor, TrackedLinkCreate(source_id=source_id, job_id=job_id))
    except (ValueError, InvalidInput):
        flash(request, _("Choose an open job for the link, and make sure the channel is active."), "error")
    else:
        flash(request, _("Tracked link created."))
    return RedirectResponse(url_for(request, "channel", source_id=source_id), status_code=303)


def _submitted(form_data: FormData) -> FormState:
    return FormState.from_form(form_data, *all_field_names())


def _attach(form: FormState, exc: InvalidInput) -> None:
    errors: list[dict[str, Any]] = list(exc.extra.get("errors") or [])
    if not errors:
        form.add_error(exc.field or FORM_ERROR, translate_message(exc.message))
        return
    for error in errors:
        path = str(error.get("field") or "")
        name = path.split(".")[0] or FORM_ERROR
        if name == "contact":
            name = "contact_email" if path.endswith("email") else "contact_name"
        if name == "referrer_person_id":
            name = "referrer_person_email"
        parts = path.split(".")
        if len(parts) > 1 and parts[1].isdigit():
            form.add_error(
                name, _("Line %(num)d: %(message)s") % {"num": int(parts[1]) + 1, "message": _message(error)}
            )
        else:
            form.add_error(name, _message(error))


def _message(error: dict[str, Any]) -> str:
    message = str(error.get("message") or "")
    if "date" in message.lower():
        return _("Enter a date as YYYY-MM-DD.")
    if "currency" in message.lower() and "required" in message.lower():
        return _("Give the currency of the amount.")
    if "agreement_end" in message:
        return _("The agreement cannot end before it starts.")
    return _("Enter a valid value.")
