"""Settings pages for sources: the channels candidates come from, grouped by kind.

Everyone signed in may read the list (a person's record names its channel); recruiters and
administrators add, change, deactivate and delete sources, as ``sourcing.service`` allows. Forms
validate with the API's ``SourceCreate`` / ``SourceUpdate``. A source still used by people or
applications cannot be deleted: the page says so and offers deactivation instead.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from babel.support import LazyProxy
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from pydantic_core import ErrorDetails
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from talentbridge.api.deps import DbSession
from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import WRITE_ROLES
from talentbridge.errors import Conflict, InvalidInput
from talentbridge.sourcing import service
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.models import Source
from talentbridge.sourcing.policies import require_source_write
from talentbridge.sourcing.schemas import DetailValue, SourceCreate, SourceUpdate
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FORM_ERROR, FormState, validation_message
from talentbridge.web.i18n import _, lazy_gettext, ngettext
from talentbridge.web.templating import render_page
from talentbridge.web.urls import url_for

router = APIRouter(include_in_schema=False)

_KIND_LABELS: dict[SourceKind, LazyProxy] = {
    SourceKind.JOB_BOARD: lazy_gettext("Job board"),
    SourceKind.UNIVERSITY: lazy_gettext("University"),
    SourceKind.REFERRAL: lazy_gettext("Referral"),
    SourceKind.TALENT_PROGRAMME: lazy_gettext("Talent programme"),
    SourceKind.AGENCY: lazy_gettext("Agency"),
    SourceKind.CAREERS_PAGE: lazy_gettext("Careers page"),
    SourceKind.SOURCED: lazy_gettext("Sourced by the team"),
    SourceKind.OTHER: lazy_gettext("Other"),
}
MIN_DETAIL_ROWS = 3
MAX_DETAIL_ROWS = 30
_DETAIL_KEY = re.compile(r"^detail-(\d+)-(key|value)$")


def kind_label(kind: SourceKind | str) -> str:
    """A source kind in the viewer's language ("Job board", "招聘网站")."""
    return str(_KIND_LABELS[SourceKind(kind)])


def kind_choices() -> list[tuple[str, str]]:
    """Source kinds for a ``<select>``."""
    return [(kind.value, kind_label(kind)) for kind in SourceKind]


@dataclass(frozen=True)
class KindGroup:
    """The sources of one kind, as one card of the list."""

    kind: SourceKind
    label: str
    sources: list[Source]


@dataclass
class SourceForm:
    """The source form as shown: values and errors, and how many detail rows it has."""

    state: FormState
    detail_rows: int = MIN_DETAIL_ROWS
    detail_keys: list[int] = field(default_factory=list)

    def rows(self) -> range:
        """Indexes of the detail rows (for the template)."""
        return range(self.detail_rows)


def group_by_kind(sources: Sequence[Source]) -> list[KindGroup]:
    """Sources in one card per kind, in the kinds' order; kinds without sources are left out."""
    groups = []
    for kind in SourceKind:
        members = [source for source in sources if source.kind is kind]
        if members:
            groups.append(KindGroup(kind, kind_label(kind), members))
    return groups


def detail_text(value: object) -> str:
    """A detail value as typed in the form (booleans and numbers as they were written)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def form_from_source(source: Source) -> SourceForm:
    """The form filled with a stored source."""
    values = {
        "kind": source.kind.value,
        "name": source.name,
        "referrer_user_id": str(source.referrer_user_id) if source.referrer_user_id else "",
        "referrer_name": source.referrer_name or "",
    }
    for index, (key, value) in enumerate(source.details.items()):
        values[f"detail-{index}-key"] = key
        values[f"detail-{index}-value"] = detail_text(value)
    rows = max(MIN_DETAIL_ROWS, len(source.details) + 1)
    return SourceForm(FormState(values=values), detail_rows=rows)


def form_from_submission(form_data: FormData) -> SourceForm:
    """The submitted form (values stripped), with its detail rows counted."""
    state = FormState.from_form(form_data, "kind", "name", "referrer_user_id", "referrer_name")
    rows = 0
    for key, raw in form_data.multi_items():
        match = _DETAIL_KEY.match(key)
        if match and isinstance(raw, str):
            state.values[key] = raw.strip()
            rows = max(rows, int(match.group(1)) + 1)
    form = SourceForm(state, detail_rows=min(MAX_DETAIL_ROWS, max(rows, 1)))
    if form_data.get("add_row") == "details":
        form.detail_rows = min(MAX_DETAIL_ROWS, form.detail_rows + 1)
    return form


def details_from_form(form: SourceForm, stored: dict[str, Any] | None = None) -> dict[str, DetailValue]:
    """The details typed in the form; a value left as it was keeps its stored type (number, yes/no)."""
    values = form.state.values
    details: dict[str, DetailValue] = {}
    for index in form.rows():
        key = values.get(f"detail-{index}-key", "")
        value = values.get(f"detail-{index}-value", "")
        if not key and not value:
            continue
        if not key:
            form.state.add_error(f"detail-{index}-key", _("Name the field, or clear its value."))
            continue
        if key in details:
            form.state.add_error(f"detail-{index}-key", _("Each detail may be listed once."))
            continue
        previous = (stored or {}).get(key)
        details[key] = previous if previous is not None and detail_text(previous) == value else value
        form.detail_keys.append(index)
    return details


def _source_data(form: SourceForm, *, stored: Source | None) -> dict[str, Any]:
    values = form.state.values
    kind = values.get("kind", "")
    referral = kind == SourceKind.REFERRAL.value
    return {
        "kind": kind,
        "name": values.get("name", ""),
        "referrer_user_id": (values.get("referrer_user_id") or None) if referral else None,
        "referrer_name": (values.get("referrer_name") or None) if referral else None,
        "details": details_from_form(form, stored.details if stored else None),
    }


def _message(name: str, error: ErrorDetails) -> str:
    if name == "kind":
        return _("Choose the kind of source.")
    if name == "details" and error["type"] == "too_long":
        return _("Too many details; keep at most 30.")
    return validation_message(error)


def _attach_errors(form: SourceForm, exc: ValidationError, details: dict[str, Any]) -> None:
    keys = list(details)
    for error in exc.errors():
        loc = error["loc"]
        name = str(loc[0]) if loc else FORM_ERROR
        if name == "details" and len(loc) >= 2 and str(loc[1]) in keys:
            row = form.detail_keys[keys.index(str(loc[1]))]
            name = f"detail-{row}-key" if loc[-1] == "[key]" else f"detail-{row}-value"
        form.state.add_error(name, _message(name, error))


def _attach_refusal(form: SourceForm, exc: InvalidInput | Conflict) -> None:
    if isinstance(exc, Conflict):
        form.state.add_error("name", _("A source of this kind with this name already exists."))
    elif exc.field in {"referrer_user_id", "referrer_name"} and "Only referral" in exc.message:
        form.state.add_error(exc.field, _("Only referrals have a referrer."))
    elif exc.field == "referrer_user_id" and "No user" in exc.message:
        form.state.add_error("referrer_user_id", _("Choose a colleague from the list."))
    elif exc.field == "referrer_user_id":
        form.state.add_error(
            "referrer_user_id", _("Choose the colleague who referred them, or enter the referrer's name.")
        )
    else:
        form.state.add_domain_error(exc)


def _labels(form: SourceForm) -> dict[str, str]:
    labels = {
        "kind": _("Kind"),
        "name": _("Source name"),
        "referrer_user_id": _("Referred by a colleague"),
        "referrer_name": _("Referrer's name"),
        "details": _("Details"),
    }
    for index in form.rows():
        labels[f"detail-{index}-key"] = _("Detail %(num)d · field") % {"num": index + 1}
        labels[f"detail-{index}-value"] = _("Detail %(num)d · value") % {"num": index + 1}
    return labels


def _user_names(session: Session, actor: Actor) -> dict[uuid.UUID, str]:
    return {user.id: user.full_name for user in auth_service.list_assignable_users(session, actor)}


def _form_page(
    request: Request,
    session: Session,
    actor: Actor,
    form: SourceForm,
    *,
    source: Source | None = None,
    status_code: int = 200,
    usage_message: str | None = None,
) -> HTMLResponse:
    users = sorted(_user_names(session, actor).items(), key=lambda item: item[1].casefold())
    current = form.state.values.get("referrer_user_id", "")
    user_choices = [(str(user_id), name) for user_id, name in users]
    if current and current not in {value for value, _label in user_choices}:
        user_choices.insert(0, (current, _("A former colleague")))
    return render_page(
        request,
        "settings/sources_form.html",
        actor,
        status_code=status_code,
        title=source.name if source else _("Add source"),
        subtitle=kind_label(source.kind)
        if source
        else _("A channel people and applications are attributed to."),
        form=form.state,
        source_form=form,
        source=source,
        labels=_labels(form),
        kinds=[("", "—"), *kind_choices()],
        users=[("", _("Nobody chosen")), *user_choices],
        usage_message=usage_message,
    )


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/settings/sources", name="settings_sources")
def sources_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """All sources, one card per kind; recruiters and administrators may change them."""
    sources = service.list_sources(session, actor)
    active = sum(1 for source in sources if source.is_active)
    return render_page(
        request,
        "settings/sources.html",
        actor,
        title=_("Sources"),
        subtitle=ngettext("%(num)d active source", "%(num)d active sources", active) % {"num": active},
        groups=group_by_kind(sources),
        users=_user_names(session, actor) if any(source.referrer_user_id for source in sources) else {},
        can_write=actor.role in WRITE_ROLES,
        detail_text=detail_text,
    )


@router.get("/settings/sources/new", name="settings_source_new")
def source_new(request: Request, session: DbSession, actor: PageActor, kind: str = "") -> HTMLResponse:
    """The form to add a source (``?kind=referral`` preselects a kind)."""
    require_source_write(actor)
    values = {"kind": kind if kind in {item.value for item in SourceKind} else ""}
    return _form_page(request, session, actor, SourceForm(FormState(values=values)))


@router.post("/settings/sources", name="settings_sources_create")
def source_create(request: Request, form_data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Add a source; problems are explained next to their fields."""
    require_source_write(actor)
    form = form_from_submission(form_data)
    if form_data.get("add_row") == "details":
        return _form_page(request, session, actor, form)
    data = _source_data(form, stored=None)
    try:
        create = SourceCreate.model_validate(data)
    except ValidationError as exc:
        _attach_errors(form, exc, data["details"])
        return _form_page(request, session, actor, form, status_code=422)
    if not form.state.ok:
        return _form_page(request, session, actor, form, status_code=422)
    try:
        source = service.create_source(session, actor, create)
    except (InvalidInput, Conflict) as exc:
        _attach_refusal(form, exc)
        return _form_page(
            request, session, actor, form, status_code=409 if isinstance(exc, Conflict) else 422
        )
    flash(request, _("Source “%(name)s” added.") % {"name": source.name})
    return _see_other(url_for(request, "settings_sources"))


@router.get("/settings/sources/{source_id}", name="settings_source")
def source_edit(request: Request, source_id: uuid.UUID, session: DbSession, actor: PageActor) -> HTMLResponse:
    """One source's form, with deactivation and deletion."""
    source = service.get_source(session, actor, source_id)
    require_source_write(actor)
    return _form_page(request, session, actor, form_from_source(source), source=source)


@router.post("/settings/sources/{source_id}", name="settings_source_update")
def source_update(
    request: Request, source_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Save changes to a source."""
    source = service.get_source(session, actor, source_id)
    require_source_write(actor)
    form = form_from_submission(form_data)
    if form_data.get("add_row") == "details":
        return _form_page(request, session, actor, form, source=source)
    data = _source_data(form, stored=source)
    try:
        update = SourceUpdate.model_validate(data)
    except ValidationError as exc:
        _attach_errors(form, exc, data["details"])
        return _form_page(request, session, actor, form, source=source, status_code=422)
    if not form.state.ok:
        return _form_page(request, session, actor, form, source=source, status_code=422)
    try:
        source = service.update_source(session, actor, source_id, update)
    except (InvalidInput, Conflict) as exc:
        session.rollback()
        source = service.get_source(session, actor, source_id)
        _attach_refusal(form, exc)
        status = 409 if isinstance(exc, Conflict) else 422
        return _form_page(request, session, actor, form, source=source, status_code=status)
    flash(request, _("Changes to “%(name)s” saved.") % {"name": source.name})
    return _see_other(url_for(request, "settings_sources"))


@router.post("/settings/sources/{source_id}/status", name="settings_source_status")
def source_status(
    request: Request, source_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Deactivate a source (it is no longer offered, history keeps it) or reactivate it."""
    active = form_data.get("is_active") == "true"
    source = service.update_source(session, actor, source_id, SourceUpdate(is_active=active))
    message = (
        _("“%(name)s” is offered again.") if active else _("“%(name)s” is deactivated and no longer offered.")
    )
    flash(request, message % {"name": source.name})
    return _see_other(url_for(request, "settings_sources"))


@router.post("/settings/sources/{source_id}/delete", name="settings_source_delete")
def source_delete(
    request: Request, source_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Delete an unused source; one still in use is explained, with deactivation offered instead."""
    del form_data
    try:
        source = service.delete_source(session, actor, source_id)
    except Conflict as exc:
        source = service.get_source(session, actor, source_id)
        people = int(exc.extra.get("people", 0))
        applications = int(exc.extra.get("applications", 0))
        message = _(
            "“%(name)s” cannot be deleted: %(people)s and %(applications)s are attributed to it. "
            "Deactivate it instead; the history keeps it."
        ) % {
            "name": source.name,
            "people": ngettext("%(num)d person", "%(num)d people", people) % {"num": people},
            "applications": ngettext("%(num)d application", "%(num)d applications", applications)
            % {"num": applications},
        }
        return _form_page(
            request,
            session,
            actor,
            form_from_source(source),
            source=source,
            status_code=409,
            usage_message=message,
        )
    flash(request, _("Source “%(name)s” deleted.") % {"name": source.name})
    return _see_other(url_for(request, "settings_sources"))


# The channel pages (details, tracked links, applications per channel) share this router.
from talentbridge.sourcing import _channel_pages  # noqa: E402 - after the routes above, by design

router.include_router(_channel_pages.router)
