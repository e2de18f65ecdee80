"""Adding and changing a person: the form pages and their submissions.

A refused submission re-displays the form with the typed values and every problem next to its
field; an edit is saved only if nobody changed the person since the form was opened.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import (
    can_see_compensation,
    can_see_sensitive_personal_data,
    require_recruiting_write,
)
from talentbridge.errors import Conflict, InvalidInput
from talentbridge.people import service
from talentbridge.people.schemas import PersonCreate, PersonRead, PersonUpdate
from talentbridge.people.web._display import (
    LINK_KEYS,
    blank_choice,
    country_choices,
    currency_choices,
    degree_choices,
    language_choices,
    level_choices,
    link_label,
    period_choices,
    source_choices,
)
from talentbridge.people.web._forms import (
    PersonForm,
    add_refusal,
    blank_form,
    form_from_person,
    form_from_submission,
    form_labels,
    validate_form,
    wants_more_rows,
)
from talentbridge.sourcing import service as sourcing_service
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FORM_ERROR
from talentbridge.web.i18n import _
from talentbridge.web.labels import timezone_choices
from talentbridge.web.templating import render_page
from talentbridge.web.urls import see_other, url_for

router = APIRouter(include_in_schema=False)


def _form_page(
    request: Request,
    session: Session,
    actor: Actor,
    form: PersonForm,
    *,
    person: PersonRead | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    values = form.state.values
    sources = sourcing_service.list_sources(session, actor)
    row_languages = [values.get(f"languages-{index}-language", "") for index in form.row_range("languages")]
    row_countries = [
        values.get(f"{section}-{index}-country", "")
        for section in ("educations", "experiences")
        for index in form.row_range(section)
    ]
    return render_page(
        request,
        "people/form.html",
        actor,
        status_code=status_code,
        title=person.display_name if person else _("Add person"),
        subtitle=_("Edit the record. Fields left empty stay empty.")
        if person
        else _("Add someone to the talent pool. Only the first name is required."),
        form=form.state,
        person_form=form,
        person=person,
        labels=form_labels(form),
        show_dob=can_see_sensitive_personal_data(actor),
        show_salary=can_see_compensation(actor),
        link_keys=[(key, link_label(key)) for key in LINK_KEYS],
        countries=blank_choice() + country_choices(values.get("location_country", ""), *form.nationalities),
        row_countries=blank_choice() + country_choices(*row_countries),
        nationality_choices=country_choices(*form.nationalities),
        timezones=blank_choice() + timezone_choices(values.get("timezone") or None),
        language_options=blank_choice() + language_choices(*row_languages),
        levels=blank_choice() + level_choices(),
        degrees=blank_choice() + degree_choices(),
        currencies=blank_choice() + currency_choices(values.get("expected_salary_currency", "")),
        periods=blank_choice() + period_choices(),
        relocation=[("", _("Unknown")), ("yes", _("Yes")), ("no", _("No"))],
        sources=blank_choice(_("No source")) + source_choices(sources, values.get("source_id", "")),
        duplicate_url=url_for(request, "person", person_id=form.duplicate_of) if form.duplicate_of else None,
    )


def _refused(session: Session, form: PersonForm, exc: Conflict | InvalidInput) -> int:
    """Show the service's refusal on the form; the status to answer with."""
    # A refusal may come after the service changed the record: undo before re-showing.
    session.rollback()
    return add_refusal(form, exc)


@router.get("/people/new", name="person_new")
def person_new(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The form to add a person (recruiters and administrators)."""
    require_recruiting_write(actor)
    return _form_page(request, session, actor, blank_form())


@router.post("/people/new", name="person_create")
def person_create(request: Request, form_data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Create the person and open their page; problems are shown next to their fields."""
    require_recruiting_write(actor)
    form = form_from_submission(form_data)
    if wants_more_rows(form_data, form):
        return _form_page(request, session, actor, form)
    data = validate_form(form, actor)
    if not isinstance(data, PersonCreate):
        return _form_page(request, session, actor, form, status_code=422)
    try:
        person = service.create_person(session, actor, data)
    except (Conflict, InvalidInput) as exc:
        return _form_page(request, session, actor, form, status_code=_refused(session, form, exc))
    flash(request, _("%(name)s was added to the talent pool.") % {"name": person.display_name})
    return see_other(url_for(request, "person", person_id=person.id))


@router.get("/people/{person_id}/edit", name="person_edit")
def person_edit(request: Request, person_id: uuid.UUID, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The form to change a person, filled with the stored record."""
    person = service.person_to_read(actor, service.get_person(session, actor, person_id))
    require_recruiting_write(actor)
    return _form_page(request, session, actor, form_from_person(person), person=person)


@router.post("/people/{person_id}/edit", name="person_update")
def person_update(
    request: Request, person_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Save the changes unless someone else changed the person since the form was opened."""
    existing = service.person_to_read(actor, service.get_person(session, actor, person_id, record_view=False))
    require_recruiting_write(actor)
    form = form_from_submission(form_data)
    if wants_more_rows(form_data, form):
        return _form_page(request, session, actor, form, person=existing)
    version = form.state.values.get("expected_version", "")
    if not version.isdigit():
        form.state.add_error(
            FORM_ERROR, _("The form is incomplete. Open the person again and repeat your changes.")
        )
        return _form_page(request, session, actor, form, person=existing, status_code=422)
    data = validate_form(form, actor, existing=existing)
    if not isinstance(data, PersonUpdate):
        return _form_page(request, session, actor, form, person=existing, status_code=422)
    try:
        person = service.update_person(session, actor, person_id, data, expected_version=int(version))
    except (Conflict, InvalidInput) as exc:
        status = _refused(session, form, exc)
        return _form_page(request, session, actor, form, person=existing, status_code=status)
    flash(request, _("Changes to %(name)s saved.") % {"name": person.display_name})
    return see_other(url_for(request, "person", person_id=person.id))
