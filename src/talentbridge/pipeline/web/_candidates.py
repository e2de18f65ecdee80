"""Adding a candidate to a job: find an existing person, then add them to the job's pipeline.

The person starts in the job's first applied stage; a person already in the pipeline, or a job
that has ended, is refused with the reason.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_recruiting_write
from talentbridge.errors import TalentBridgeError
from talentbridge.jobs import service as jobs_service
from talentbridge.jobs.lifecycle import ENDED_STATUSES
from talentbridge.jobs.web import PAGE_ERRORS, attach_errors, render
from talentbridge.people import service as people_service
from talentbridge.pipeline import service
from talentbridge.pipeline.models import Application
from talentbridge.pipeline.schemas import ApplicationCreate
from talentbridge.pipeline.web._messages import explain, say
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.schemas import SourceFilter
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FormState
from talentbridge.web.i18n import _
from talentbridge.web.urls import see_other, url_for

router = APIRouter()

SEARCH_LIMIT = 25


def _add_page(
    request: Request,
    session: DbSession,
    actor: Actor,
    job_id: uuid.UUID,
    form: FormState,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    job = jobs_service.get_job(session, actor, job_id)
    require_recruiting_write(actor)
    query = form.values.get("q", "")
    people = people_service.search_people(session, actor, query, limit=SEARCH_LIMIT) if query else []
    board = service.get_board(session, actor, job_id)
    in_pipeline = {card.person_id: column.name for column in board.columns for card in column.cards}
    sources = sourcing_service.list_sources(session, actor, SourceFilter(active=True))
    return render(
        request,
        "pipeline/add_candidate.html",
        actor,
        status_code=status_code,
        title=_("Add a candidate"),
        subtitle=_("to “%(title)s”") % {"title": job.title},
        job=job,
        job_closed=job.status in ENDED_STATUSES,
        form=form,
        query=query,
        people=people,
        in_pipeline=in_pipeline,
        source_choices=[("", _("Not recorded"))] + [(str(source.id), source.name) for source in sources],
        search_limit=SEARCH_LIMIT,
    )


@router.get("/jobs/{job_id}/candidates/add", name="job_add_candidate")
def add_candidate_page(
    request: Request, job_id: uuid.UUID, session: DbSession, actor: PageActor, q: str = ""
) -> HTMLResponse:
    """Find an existing person by name or e-mail and add them to the job's pipeline."""
    form = FormState(values={"q": q.strip()[:200], "person_id": "", "source_id": "", "note": ""})
    return _add_page(request, session, actor, job_id, form)


@router.post("/jobs/{job_id}/applications", name="job_application_create")
def application_create(
    request: Request, job_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Add the chosen person to the job (in its first applied stage)."""
    require_recruiting_write(actor)
    form = FormState.from_form(data, "q", "person_id", "source_id", "note")
    created: Application | None = None
    if not form.values["person_id"]:
        form.add_error("person_id", _("Choose a person from the search results."))
    else:
        try:
            payload = {
                name: form.values[name] for name in ("person_id", "source_id", "note") if form.values[name]
            }
            application_data = ApplicationCreate.model_validate({**payload, "job_id": str(job_id)})
        except ValidationError as exc:
            attach_errors(form, exc, explain)
        else:
            try:
                created = service.create_application(session, actor, application_data)
            except TalentBridgeError as exc:
                if exc.http_status in PAGE_ERRORS and exc.field != "person_id":
                    raise
                session.rollback()
                form.add_domain_error(exc, say(exc.message))
    if created is not None:
        flash(request, _("Candidate added to “%(stage)s”.") % {"stage": created.stage.name})
        return see_other(url_for(request, "job", job_id=job_id))
    return _add_page(request, session, actor, job_id, form, status_code=422)
