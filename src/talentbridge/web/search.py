"""Global search (the box in the top bar): people by name, e-mail or skill, and jobs by title.

Both lists come from their context's search use case, which only returns what the viewer may
see; they are shown grouped, each with a way on to the full, filterable list.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from talentbridge.api.deps import DbSession
from talentbridge.jobs import service as jobs_service
from talentbridge.people import service as people_service
from talentbridge.web.deps import PageActor
from talentbridge.web.i18n import _
from talentbridge.web.templating import SEARCH_PATH, render_page

router = APIRouter(include_in_schema=False)

PEOPLE_SHOWN = 25
JOBS_SHOWN = 10
MAX_QUERY_LENGTH = 200


@router.get(SEARCH_PATH, name="search")
def search_page(request: Request, session: DbSession, actor: PageActor, q: str = "") -> HTMLResponse:
    """People and jobs matching ``q``; an empty query shows what can be searched for."""
    query = " ".join(q.split())[:MAX_QUERY_LENGTH]
    people = people_service.search_people(session, actor, query, limit=PEOPLE_SHOWN) if query else []
    jobs = jobs_service.search_jobs(session, actor, query, limit=JOBS_SHOWN) if query else []
    subtitle = _("Results for “%(query)s”") % {"query": query} if query else _("Find people and jobs.")
    return render_page(
        request,
        "search/results.html",
        actor,
        title=_("Search"),
        subtitle=subtitle,
        query=query,
        people=people,
        jobs=jobs,
        people_limit=PEOPLE_SHOWN,
        jobs_limit=JOBS_SHOWN,
    )
