"""Hubs in Settings (``/settings/hubs``, administrators): offices and hiring locations.

A hub has a country, a time zone and a currency. A hub that jobs use cannot be deleted; it is
deactivated instead, and then takes no new jobs.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_admin
from talentbridge.errors import Conflict, TalentBridgeError
from talentbridge.jobs import service
from talentbridge.jobs.models import Hub
from talentbridge.jobs.schemas import HubCreate, HubUpdate
from talentbridge.jobs.web._choices import country_choices, currency_choices
from talentbridge.jobs.web._messages import attach_errors, refusal_message
from talentbridge.jobs.web._pages import render
from talentbridge.web import formatting, labels
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FormState
from talentbridge.web.i18n import _, current_locale
from talentbridge.web.urls import see_other, url_for

router = APIRouter()

HUB_FIELDS = ("name", "city", "country", "timezone", "currency")


def _hub_form_page(
    request: Request, actor: Actor, form: FormState, *, hub: Hub | None = None, status_code: int = 200
) -> HTMLResponse:
    locale = current_locale()
    return render(
        request,
        "settings/hub_form.html",
        actor,
        status_code=status_code,
        title=hub.name if hub else _("New hub"),
        subtitle=_("An office or hiring location: its country, time zone and currency.")
        if hub is None
        else _("%(city)s, %(country)s") % {"city": hub.city, "country": formatting.country_name(hub.country)},
        form=form,
        hub=hub,
        country_choices=[("", _("Choose a country")), *country_choices(locale)],
        currency_choices=[("", _("Choose a currency")), *currency_choices(locale)],
        timezone_choices=[
            ("", _("Choose a time zone")),
            *labels.timezone_choices(form.values.get("timezone")),
        ],
    )


@router.get("/settings/hubs", name="settings_hubs")
def hubs_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """Every hub with its location, time zone, currency and status."""
    require_admin(actor)
    hubs = service.list_hubs(session, actor)
    return render(
        request,
        "settings/hubs.html",
        actor,
        title=_("Hubs"),
        subtitle=_("Offices and hiring locations. Each job belongs to one hub."),
        hubs=hubs,
    )


@router.get("/settings/hubs/new", name="settings_hub_new")
def hub_new_page(request: Request, actor: PageActor) -> HTMLResponse:
    """The form to add a hub."""
    require_admin(actor)
    return _hub_form_page(request, actor, FormState(values=dict.fromkeys(HUB_FIELDS, "")))


@router.post("/settings/hubs", name="settings_hubs_create")
def hub_create(request: Request, data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Add a hub; a taken name is explained next to the field."""
    require_admin(actor)
    form = FormState.from_form(data, *HUB_FIELDS)
    try:
        hub_data = HubCreate.model_validate({name: value for name, value in form.values.items() if value})
    except ValidationError as exc:
        attach_errors(form, exc)
        return _hub_form_page(request, actor, form, status_code=422)
    try:
        hub = service.create_hub(session, actor, hub_data)
    except TalentBridgeError as exc:
        session.rollback()
        form.add_domain_error(exc, refusal_message(exc))
        return _hub_form_page(request, actor, form, status_code=422)
    flash(request, _("Hub “%(name)s” added.") % {"name": hub.name})
    return see_other(url_for(request, "settings_hubs"))


@router.get("/settings/hubs/{hub_id}", name="settings_hub")
def hub_edit_page(request: Request, hub_id: uuid.UUID, session: DbSession, actor: PageActor) -> HTMLResponse:
    """One hub's details, its status and the way to delete it."""
    require_admin(actor)
    hub = service.get_hub(session, actor, hub_id)
    values = {name: str(getattr(hub, name)) for name in HUB_FIELDS}
    return _hub_form_page(request, actor, FormState(values=values), hub=hub)


@router.post("/settings/hubs/{hub_id}", name="settings_hub_update")
def hub_update(
    request: Request, hub_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Save a hub's details."""
    require_admin(actor)
    hub = service.get_hub(session, actor, hub_id)
    form = FormState.from_form(data, *HUB_FIELDS)
    for name in HUB_FIELDS:
        if not form.values[name]:
            form.add_error(name, _("This field is required."))
    changes: HubUpdate | None = None
    if form.ok:
        try:
            changes = HubUpdate.model_validate(form.values)
        except ValidationError as exc:
            attach_errors(form, exc)
    if changes is None:
        return _hub_form_page(request, actor, form, hub=hub, status_code=422)
    try:
        hub = service.update_hub(session, actor, hub_id, changes)
    except TalentBridgeError as exc:
        session.rollback()
        form.add_domain_error(exc, refusal_message(exc))
        return _hub_form_page(
            request, actor, form, hub=service.get_hub(session, actor, hub_id), status_code=422
        )
    flash(request, _("Changes to “%(name)s” saved.") % {"name": hub.name})
    return see_other(url_for(request, "settings_hubs"))


@router.post("/settings/hubs/{hub_id}/status", name="settings_hub_status")
def hub_status(
    request: Request, hub_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Deactivate a hub (it takes no new jobs; its jobs stay) or reactivate it."""
    active = data.get("is_active") == "true"
    hub = service.update_hub(session, actor, hub_id, HubUpdate(is_active=active))
    message = (
        _("“%(name)s” takes new jobs again.")
        if active
        else _("“%(name)s” is deactivated; it takes no new jobs.")
    )
    flash(request, message % {"name": hub.name})
    return see_other(url_for(request, "settings_hub", hub_id=hub_id))


@router.post("/settings/hubs/{hub_id}/delete", name="settings_hub_delete")
def hub_delete(
    request: Request, hub_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Delete an unused hub; a hub with jobs is refused with the reason (deactivate it instead)."""
    del data
    hub = service.get_hub(session, actor, hub_id)
    name = hub.name
    try:
        service.delete_hub(session, actor, hub_id)
    except Conflict as exc:
        session.rollback()
        flash(request, refusal_message(exc), "error")
        return see_other(url_for(request, "settings_hub", hub_id=hub_id))
    flash(request, _("Hub “%(name)s” deleted.") % {"name": name})
    return see_other(url_for(request, "settings_hubs"))
