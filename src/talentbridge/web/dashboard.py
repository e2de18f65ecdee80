"""The dashboard: open jobs, active applications per stage category, and recent activity.

Each card comes from one service call; every service limits what it returns to what the viewer
may see (hiring managers and interviewers: their own jobs only).
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from talentbridge.api.deps import DbSession
from talentbridge.audit import service as audit_service
from talentbridge.audit.service import ActivityItem
from talentbridge.jobs import service as jobs_service
from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.schemas import JobFilter
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.enums import StageCategory
from talentbridge.pipeline.schemas import PipelineSummary
from talentbridge.web.deps import PageActor
from talentbridge.web.i18n import _
from talentbridge.web.labels import activity_sentence
from talentbridge.web.templating import render_page

router = APIRouter(include_in_schema=False)

OPEN_JOBS_SHOWN = 6
ACTIVITY_SHOWN = 12


@dataclass(frozen=True)
class Stat:
    """A headline number at the top of the dashboard."""

    label: str
    value: int


@dataclass(frozen=True)
class StageBar:
    """One row of the "applications per stage" card; ``percent`` is relative to the largest row."""

    category: StageCategory
    count: int
    percent: int


@dataclass(frozen=True)
class ActivityLine:
    """One line of the activity card."""

    sentence: str
    summary: str
    item: ActivityItem


def stage_bars(summary: PipelineSummary) -> list[StageBar]:
    """Rows for the categories with applications, in pipeline order, scaled for the bar chart."""
    counts = {row.category: row.count for row in summary.categories if row.count > 0}
    largest = max(counts.values(), default=0)
    return [
        StageBar(category, counts[category], round(100 * counts[category] / largest))
        for category in StageCategory
        if category in counts
    ]


def headline_stats(open_jobs: int, summary: PipelineSummary) -> list[Stat]:
    """Open jobs, active applications, and how many candidates are interviewing or at offer."""
    counts = {row.category: row.count for row in summary.categories}
    return [
        Stat(_("Open jobs"), open_jobs),
        Stat(_("Active applications"), summary.active_total),
        Stat(_("Interviewing"), counts.get(StageCategory.INTERVIEW, 0)),
        Stat(_("At offer"), counts.get(StageCategory.OFFER, 0)),
    ]


def activity_lines(items: list[ActivityItem]) -> list[ActivityLine]:
    """Readable lines for the activity card (the stored summary is shown as the detail)."""
    return [
        ActivityLine(
            activity_sentence(item.actor_name, item.event.action, item.event.entity_type),
            item.event.summary,
            item,
        )
        for item in items
    ]


@router.get("/", name="dashboard")
def dashboard(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The start page after sign-in."""
    jobs, _cursor, open_total = jobs_service.list_jobs(
        session, actor, JobFilter(status=JobStatus.OPEN), limit=OPEN_JOBS_SHOWN
    )
    summary = pipeline_service.pipeline_summary(session, actor)
    activity = audit_service.recent_activity(session, actor, limit=ACTIVITY_SHOWN)
    return render_page(
        request,
        "dashboard/index.html",
        actor,
        title=_("Dashboard"),
        subtitle=_("What is open, where candidates are, and what changed recently."),
        open_jobs=jobs,
        open_total=open_total,
        stats=headline_stats(open_total, summary),
        stage_bars=stage_bars(summary),
        activity=activity_lines(activity),
    )
