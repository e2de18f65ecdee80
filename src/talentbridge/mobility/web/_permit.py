"""The "Work permit" tab on the person page and its forms (permit facts, offer terms).

The tab is registered with ``web.extensions``; the person page calls ``load_permit_tab`` and
includes ``mobility/_permit_tab.html``. Forms post here, call one use case and go back to the tab.
A refused form re-displays the person page with the tab open and the errors next to the fields
(the form state travels to the loader on ``request.state``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.errors import InvalidInput, NotFound
from talentbridge.mobility import service
from talentbridge.mobility.engine.types import VOCATIONAL_LEVELS
from talentbridge.mobility.models import OfferTerms, PermitFacts
from talentbridge.mobility.policies import can_edit_facts, can_open_cases
from talentbridge.mobility.schemas import OfferTermsIn, PermitFactsIn
from talentbridge.mobility.web import _labels as labels
from talentbridge.people.web._person import PersonPage, render_person_page
from talentbridge.pipeline import service as pipeline_service
from talentbridge.web import extensions
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FormState, translate_message
from talentbridge.web.i18n import _
from talentbridge.web.urls import see_other, url_for

router = APIRouter(include_in_schema=False)

TAB_KEY = "permit"
FORM_STATE_KEY = "mobility_forms"
FACT_FIELDS = ("vocational_level", "hsk_level", "relevant_experience_years", "years_worked_in_china")
FACT_FLAGS = (
    "former_chinese_national",
    "degree_taught_in_chinese",
    "top_university_graduate",
    "fortune500_experience",
    "has_patents",
)
OFFER_FIELDS = ("annual_salary_cny", "months_in_china_per_year", "work_city", "work_province")


@dataclass
class TabForms:
    """Form states of a refused submission (by form key), redisplayed on the tab."""

    forms: dict[str, FormState] = field(default_factory=dict)


def _number(value: object) -> str:
    if value is None:
        return ""
    text = f"{value}"
    return text[:-2] if text.endswith(".0") else text


def facts_form(facts: PermitFacts | None) -> FormState:
    """The permit-facts form filled from the stored facts."""
    values = dict.fromkeys((*FACT_FIELDS, *FACT_FLAGS), "")
    if facts is not None:
        values["vocational_level"] = facts.vocational_level or ""
        values["hsk_level"] = "" if facts.hsk_level is None else str(facts.hsk_level)
        values["relevant_experience_years"] = _number(facts.relevant_experience_years)
        values["years_worked_in_china"] = _number(facts.years_worked_in_china)
        for flag in FACT_FLAGS:
            values[flag] = "1" if getattr(facts, flag) else ""
        values["direct_criteria"] = ",".join(facts.direct_criteria)
    return FormState(values=values)


def offer_form(terms: OfferTerms | None) -> FormState:
    """An offer-terms form filled from the stored terms."""
    values = dict.fromkeys(OFFER_FIELDS, "")
    if terms is not None:
        values["annual_salary_cny"] = _number(terms.annual_salary_cny)
        values["months_in_china_per_year"] = _number(terms.months_in_china_per_year)
        values["work_city"] = terms.work_city or ""
        values["work_province"] = terms.work_province or ""
    return FormState(values=values)


def load_permit_tab(
    request: Request, session: Session, actor: Actor, person_id: uuid.UUID
) -> Mapping[str, Any]:
    """The tab's context: the overview, the forms and the labels."""
    overview = service.permit_overview(session, actor, person_id)
    refused: TabForms = getattr(request.state, FORM_STATE_KEY, TabForms())
    cases = {case.application_id: case for case in service.list_cases(session, actor, person_id=person_id)}
    return {
        "overview": overview,
        "facts_form": refused.forms.get("facts") or facts_form(overview.facts),
        "offer_forms": {
            str(section.application.id): refused.forms.get(str(section.application.id))
            or offer_form(section.terms)
            for section in overview.applications
        },
        "criteria": sorted(overview.rules.criteria.values(), key=lambda item: (item.category, item.id)),
        "selected_criteria": set(overview.facts.direct_criteria if overview.facts else ()),
        "vocational_choices": [("", _("Unknown"))]
        + [(level, labels.text(labels.VOCATIONAL, level)) for level in VOCATIONAL_LEVELS],
        "hsk_choices": [("", _("Unknown"))]
        + [
            (str(level), _("HSK %(level)d") % {"level": level} if level else _("None (no certificate)"))
            for level in range(7)
        ],
        "labels": labels,
        "can_edit": can_edit_facts(actor),
        "can_open_case": can_open_cases(actor),
        "cases": cases,
    }


def _redisplay(
    request: Request, session: Session, actor: Actor, person_id: uuid.UUID, key: str, form: FormState
) -> HTMLResponse:
    setattr(request.state, FORM_STATE_KEY, TabForms(forms={key: form}))
    page = PersonPage()
    page.extension = extensions.find_tab("person", TAB_KEY, actor)
    if page.extension is None:
        raise NotFound("No such page.")
    return render_person_page(request, session, actor, person_id, page, status_code=422)


def _tab_url(request: Request, person_id: uuid.UUID) -> str:
    return url_for(request, "person", person_id=person_id, query={"tab": TAB_KEY})


def _add_errors(form: FormState, exc: ValidationError) -> None:
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else "__form__"
        if name == "hsk_level":
            form.add_error(name, _("Choose an HSK level from 0 to 6."))
        elif name in ("relevant_experience_years", "years_worked_in_china"):
            form.add_error(name, _("Enter a number of years from 0 to 70."))
        elif name == "months_in_china_per_year":
            form.add_error(name, _("Enter a number of months from 0 to 12."))
        elif name == "annual_salary_cny":
            form.add_error(name, _("Enter an amount in CNY, without separators."))
        else:
            form.add_error(name, _("Enter a valid value."))


def _facts_payload(form_data: FormData, form: FormState) -> dict[str, Any]:
    payload: dict[str, Any] = {name: form.values[name] or None for name in FACT_FIELDS}
    for flag in FACT_FLAGS:
        payload[flag] = bool(form.values[flag])
    criteria = [item for item in form_data.getlist("direct_criteria") if isinstance(item, str)]
    payload["direct_criteria"] = criteria
    form.values["direct_criteria"] = ",".join(criteria)
    return payload


@router.post("/people/{person_id}/permit-facts", name="mobility_permit_facts_save")
def save_permit_facts(
    request: Request, person_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Save the person's permit facts and re-assess (recruiters and administrators)."""
    form = FormState.from_form(form_data, *FACT_FIELDS, *FACT_FLAGS)
    try:
        data = PermitFactsIn.model_validate(_facts_payload(form_data, form))
    except ValidationError as exc:
        _add_errors(form, exc)
        return _redisplay(request, session, actor, person_id, "facts", form)
    try:
        _facts, stored = service.save_permit_facts(session, actor, person_id, data)
    except InvalidInput as exc:
        form.add_domain_error(exc, translate_message(exc.message))
        return _redisplay(request, session, actor, person_id, "facts", form)
    flash(request, _category_message(stored.category, stored.row.points_total))
    return see_other(_tab_url(request, person_id))


def _category_message(category: str | None, points: int) -> str:
    if category is None:
        return _(
            "Permit facts saved. With what is known, no work-permit category is reached (%(points)d points)."
        ) % {"points": points}
    return _("Permit facts saved: category %(category)s, %(points)d points.") % {
        "category": category,
        "points": points,
    }


@router.post("/applications/{application_id}/offer-terms", name="mobility_offer_terms_save")
def save_offer_terms(
    request: Request,
    application_id: uuid.UUID,
    form_data: CsrfForm,
    session: DbSession,
    actor: PageActor,
) -> Response:
    """Save an application's offer terms and re-assess; warns when no category is reached."""
    application = pipeline_service.get_application(session, actor, application_id)
    form = FormState.from_form(form_data, *OFFER_FIELDS)
    try:
        data = OfferTermsIn.model_validate({name: form.values[name] or None for name in OFFER_FIELDS})
    except ValidationError as exc:
        _add_errors(form, exc)
        return _redisplay(request, session, actor, application.person_id, str(application_id), form)
    _terms, stored, warn = service.save_offer_terms(session, actor, application_id, data)
    if warn:
        flash(
            request,
            _("Offer terms saved, but with this offer the candidate reaches no work-permit category."),
            "error",
        )
    else:
        flash(
            request,
            _("Offer terms saved: category %(category)s, %(points)d points.")
            % {"category": stored.category, "points": stored.row.points_total},
        )
    return see_other(_tab_url(request, application.person_id))
