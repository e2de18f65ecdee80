"""The job form pages: ``/jobs/new`` and ``/jobs/{id}/edit`` (recruiters and administrators).

The form validates with ``JobCreate`` / ``JobUpdate`` (see ``_form``); errors are shown next to
each field and summarised at the top, and nothing is written unless everything is valid. Editing
sends the version that was read: a stale edit is refused (409) and explained.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from talentbridge.api.deps import DbSession
from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_recruiting_write
from talentbridge.errors import StaleVersion, TalentBridgeError
from talentbridge.jobs import service
from talentbridge.jobs.enums import (
    DegreeLevel,
    HiringTeamRole,
    JobLevel,
    JobStatus,
    RoleFamily,
    SalaryPeriod,
    WorkModel,
)
from talentbridge.jobs.lifecycle import INITIAL_STATUSES
from talentbridge.jobs.schemas import HiringTeamMemberIn, HiringTeamUpdate, JobCreate, JobRead, JobUpdate
from talentbridge.jobs.web._choices import (
    country_choices,
    currency_choices,
    enum_choices,
    enum_label,
    language_choices,
)
from talentbridge.jobs.web._form import (
    ADD_LANGUAGE_ROW,
    EMPTY_LANGUAGE_ROWS,
    JobForm,
    attach_job_errors,
    blank_form,
    form_from_job,
    job_payload,
    read_job_form,
    team_payload,
)
from talentbridge.jobs.web._messages import field_message, refusal_message
from talentbridge.jobs.web._pages import refuse_in_form, render
from talentbridge.kit.levels import LanguageLevel
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FORM_ERROR
from talentbridge.web.i18n import _, current_locale
from talentbridge.web.urls import see_other, url_for

router = APIRouter()


def _job_form_page(
    request: Request,
    session: DbSession,
    actor: Actor,
    form: JobForm,
    *,
    job: JobRead | None = None,
    status_code: int = 200,
    conflict: bool = False,
) -> HTMLResponse:
    hubs = service.list_hubs(session, actor)
    current_hub = form.state.values.get("hub_id")
    users = auth_service.list_assignable_users(session, actor)
    locale = current_locale()
    statuses = INITIAL_STATUSES if job is None else {job.status}
    return render(
        request,
        "jobs/form.html",
        actor,
        status_code=status_code,
        title=job.title if job else _("New job"),
        subtitle=_("Change the requisition; the pipeline and its candidates stay as they are.")
        if job
        else _("Describe the opening; its pipeline is copied from the default stages."),
        form=form.state,
        job_form=form,
        job=job,
        conflict=conflict,
        hub_choices=[("", _("Choose a hub"))]
        + [
            (str(hub.id), hub.name if hub.is_active else _("%(name)s (inactive)") % {"name": hub.name})
            for hub in hubs
            if hub.is_active or str(hub.id) == current_hub
        ],
        role_family_choices=enum_choices(RoleFamily, blank=_("Choose a role family")),
        level_choices=enum_choices(JobLevel, blank=_("Choose a level")),
        work_model_choices=enum_choices(WorkModel, blank=_("Choose a work model")),
        status_choices=[(status.value, enum_label(status)) for status in JobStatus if status in statuses],
        education_choices=enum_choices(DegreeLevel, blank=_("Not specified")),
        period_choices=enum_choices(SalaryPeriod, blank=_("Choose a period")),
        currency_choices=[("", _("Choose a currency")), *currency_choices(locale)],
        country_choices=country_choices(locale),
        language_choices=[("", _("Choose a language")), *language_choices(locale)],
        level_options=[
            ("", _("Minimum level")),
            *((level.value, enum_label(level)) for level in LanguageLevel),
        ],
        team_users=users,
        team_role_choices=enum_choices(HiringTeamRole, blank=_("Not on the team")),
    )


@router.get("/jobs/new", name="job_new")
def job_new_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The form for a new job (recruiters and administrators)."""
    require_recruiting_write(actor)
    return _job_form_page(request, session, actor, blank_form(service.list_hubs(session, actor)))


@router.post("/jobs", name="job_create")
def job_create(request: Request, data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Create the job, or show the form again with every problem next to its field (422)."""
    require_recruiting_write(actor)
    form = read_job_form(data, auth_service.list_assignable_users(session, actor))
    if data.get("action") == ADD_LANGUAGE_ROW:
        return _job_form_page(request, session, actor, form.padded(EMPTY_LANGUAGE_ROWS + 1))
    payload = job_payload(form, creating=True)
    job_data: JobCreate | None = None
    try:
        job_data = JobCreate.model_validate(payload)
    except ValidationError as exc:
        attach_job_errors(form, exc)
    if form.ok and job_data is not None:
        try:
            job = service.create_job(session, actor, job_data)
        except TalentBridgeError as exc:
            refuse_in_form(session, form.state, exc, refusal_message(exc, form.state.values))
        else:
            flash(request, _("Job “%(title)s” created.") % {"title": job.title})
            return see_other(url_for(request, "job", job_id=job.id))
    return _job_form_page(request, session, actor, form.padded(), status_code=422)


@router.get("/jobs/{job_id}/edit", name="job_edit")
def job_edit_page(request: Request, job_id: uuid.UUID, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The job form filled with the job as it is now (and its version)."""
    job = service.get_job(session, actor, job_id)
    require_recruiting_write(actor)
    read = service.job_to_read(actor, job)
    return _job_form_page(request, session, actor, form_from_job(read), job=read)


@router.post("/jobs/{job_id}/edit", name="job_update")
def job_update(
    request: Request, job_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Save the job and its hiring team in one transaction; a stale version is a clear 409."""
    job = service.job_to_read(actor, service.get_job(session, actor, job_id))
    require_recruiting_write(actor)
    form = read_job_form(data, auth_service.list_assignable_users(session, actor))
    if data.get("action") == ADD_LANGUAGE_ROW:
        return _job_form_page(request, session, actor, form.padded(EMPTY_LANGUAGE_ROWS + 1), job=job)
    payload = job_payload(form, creating=False)
    changes: JobUpdate | None = None
    team: HiringTeamUpdate | None = None
    try:
        changes = JobUpdate.model_validate(payload)
    except ValidationError as exc:
        attach_job_errors(form, exc)
    try:
        team = HiringTeamUpdate.model_validate({"members": team_payload(form)})
    except ValidationError as exc:
        form.state.add_error("team", field_message(exc.errors()[0]))
    if form.ok and changes is not None and team is not None:
        try:
            updated = service.update_job(session, actor, job_id, changes)
            if _team_changed(job, team.members):
                updated = service.set_hiring_team(session, actor, job_id, team.members)
        except StaleVersion:
            session.rollback()
            form.state.add_error(FORM_ERROR, _stale_job_message())
            return _job_form_page(
                request, session, actor, form.padded(), job=job, status_code=409, conflict=True
            )
        except TalentBridgeError as exc:
            refuse_in_form(session, form.state, exc, refusal_message(exc, form.state.values))
        else:
            flash(request, _("Changes to “%(title)s” saved.") % {"title": updated.title})
            return see_other(url_for(request, "job", job_id=job_id, query={"tab": "details"}))
    return _job_form_page(request, session, actor, form.padded(), job=job, status_code=422)


def _stale_job_message() -> str:
    return _(
        "Someone else changed this job while you were editing it, so your changes were not saved. "
        "Open the current version, then make your changes again."
    )


def _team_changed(job: JobRead, members: Sequence[HiringTeamMemberIn]) -> bool:
    before = {(member.user_id, member.role) for member in job.team}
    return before != {(member.user_id, member.role) for member in members}
