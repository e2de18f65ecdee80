"""The jobs list (``/jobs``): the jobs the viewer may see, filtered with the API's ``JobFilter``.

Filters, sort and cursor live in the URL, so a filtered list can be bookmarked and shared; an
invalid filter is explained and dropped while the others still apply.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from talentbridge.api.deps import DbSession
from talentbridge.auth.policies import require_recruiting_write
from talentbridge.jobs import service
from talentbridge.jobs.enums import JobLevel, JobStatus, RoleFamily, WorkModel
from talentbridge.jobs.schemas import JobFilter, JobSort
from talentbridge.jobs.web._choices import enum_choices
from talentbridge.jobs.web._messages import field_message
from talentbridge.jobs.web._pages import render
from talentbridge.web.deps import PageActor
from talentbridge.web.forms import FORM_ERROR, FormState
from talentbridge.web.i18n import _, ngettext
from talentbridge.web.navigation import allowed

router = APIRouter()

FILTER_FIELDS = ("status", "role_family", "hub_id", "work_model", "level", "q")
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def _read_filters(request: Request) -> tuple[JobFilter, FormState, int]:
    """The filters in the query string (blank ones ignored, invalid ones explained and dropped)."""
    params = request.query_params
    values = {name: params.get(name, "").strip() for name in (*FILTER_FIELDS, "sort")}
    state = FormState(values=values)
    data: dict[str, str] = {name: value for name, value in values.items() if value}
    try:
        filters = JobFilter.model_validate(data)
    except ValidationError as exc:
        # Fields are independent: explain and drop each invalid one, keep filtering by the rest.
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else FORM_ERROR
            state.add_error(name, field_message(error))
            data.pop(name, None)
        filters = JobFilter.model_validate(data)
    limit = _page_size(params.get("limit"))
    return filters, state, limit


def _page_size(raw: str | None) -> int:
    try:
        size = int(raw) if raw else PAGE_SIZE
    except ValueError:
        return PAGE_SIZE
    return min(max(size, 1), MAX_PAGE_SIZE)


@router.get("/jobs", name="jobs")
def jobs_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The jobs the viewer may see, filtered, sorted and paged (all kept in the URL)."""
    filters, filter_form, limit = _read_filters(request)
    cursor = request.query_params.get("cursor") or None
    jobs, next_cursor, total = service.list_jobs(session, actor, filters, cursor=cursor, limit=limit)
    hubs = service.list_hubs(session, actor)
    filtered = any(getattr(filters, name) not in (None, "") for name in FILTER_FIELDS)
    return render(
        request,
        "jobs/list.html",
        actor,
        status_code=422 if filter_form.errors else 200,
        title=_("Jobs"),
        subtitle=ngettext("%(num)d job", "%(num)d jobs", total) % {"num": total}
        if filtered
        else _("Every requisition you can see, from draft to filled."),
        jobs=jobs,
        next_cursor=next_cursor,
        total=total,
        filters=filters,
        filter_form=filter_form,
        filtered=filtered,
        sort=filters.sort.value,
        sort_choices=[
            (JobSort.CREATED_AT.value, _("Newest first")),
            (JobSort.TITLE.value, _("Title, A to Z")),
            (JobSort.STATUS.value, _("Status")),
        ],
        status_choices=enum_choices(JobStatus, blank=_("Any status")),
        role_family_choices=enum_choices(RoleFamily, blank=_("Any role family")),
        work_model_choices=enum_choices(WorkModel, blank=_("Any work model")),
        level_choices=enum_choices(JobLevel, blank=_("Any level")),
        hub_choices=[("", _("Any hub"))] + [(str(hub.id), hub.name) for hub in hubs],
        can_create=allowed(require_recruiting_write, actor),
    )
