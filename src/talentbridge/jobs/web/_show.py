"""The job page (``/jobs/{id}``) and its status changes.

The page shows the job's key facts, then its pipeline as a kanban board (``templates/pipeline``)
or its details (rendered Markdown, requirements, the salary band unless the role may not see it,
the hiring team). ``board_view`` is shared with the pipeline pages.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_pipeline_write, require_recruiting_write
from talentbridge.errors import StaleVersion, TalentBridgeError
from talentbridge.jobs import service
from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.lifecycle import ALLOWED_STATUS_CHANGES, ENDED_STATUSES
from talentbridge.jobs.schemas import JobRead
from talentbridge.jobs.web._choices import enum_label
from talentbridge.jobs.web._messages import refusal_message
from talentbridge.jobs.web._pages import PAGE_ERRORS, bounded_int, render, text
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.enums import ApplicationStatus, ReasonKind, StageCategory
from talentbridge.pipeline.models import RejectionReason
from talentbridge.pipeline.schemas import KanbanBoard
from talentbridge.web import extensions, formatting
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.i18n import _, current_locale
from talentbridge.web.navigation import allowed
from talentbridge.web.urls import see_other, url_for

router = APIRouter()

TABS = ("pipeline", "details")
CLOSED_CATEGORIES = frozenset({StageCategory.REJECTED, StageCategory.WITHDRAWN})


@dataclass(frozen=True)
class StatusAction:
    """A status change offered in the job's status menu."""

    status: JobStatus
    label: str


def status_actions(status: JobStatus) -> list[StatusAction]:
    """The changes ``jobs.lifecycle`` allows from ``status``, worded as actions, in life-cycle order."""
    reopening = status in ENDED_STATUSES or status is JobStatus.ON_HOLD
    words = {
        JobStatus.OPEN: _("Reopen job") if reopening else _("Open job"),
        JobStatus.ON_HOLD: _("Put on hold"),
        JobStatus.FILLED: _("Mark as filled"),
        JobStatus.CLOSED: _("Close job"),
    }
    return [
        StatusAction(target, words[target])
        for target in JobStatus
        if target in ALLOWED_STATUS_CHANGES[status] and target in words
    ]


@dataclass(frozen=True)
class BoardView:
    """What the kanban template needs besides the board: reasons and what the viewer may do."""

    board: KanbanBoard
    rejection_reasons: list[RejectionReason]
    withdrawal_reasons: list[RejectionReason]
    can_move: bool
    closed_categories: frozenset[StageCategory] = CLOSED_CATEGORIES
    badges: Mapping[uuid.UUID, list[Markup]] = field(default_factory=dict)


def board_view(session: DbSession, actor: Actor, job_id: uuid.UUID) -> BoardView:
    """The job's board with the active reasons (both pipeline service calls the board needs)."""
    board = pipeline_service.get_board(session, actor, job_id)
    reasons = pipeline_service.list_reasons(session, actor)
    refs = [
        extensions.ApplicationRef(card.application_id, card.person_id, job_id)
        for column in board.columns
        for card in column.cards
    ]
    return BoardView(
        board=board,
        rejection_reasons=[reason for reason in reasons if reason.kind is ReasonKind.REJECTION],
        withdrawal_reasons=[reason for reason in reasons if reason.kind is ReasonKind.WITHDRAWAL],
        can_move=allowed(require_pipeline_write, actor),
        badges=extensions.application_badges(session, actor, refs),
    )


def _salary_band(job: JobRead) -> str | None:
    if not job.salary_visible or job.salary_min is None or job.salary_max is None or not job.salary_currency:
        return None
    band = _("%(min)s – %(max)s") % {  # noqa: RUF001 - an en dash between two amounts
        "min": whole_money(job.salary_min, job.salary_currency),
        "max": whole_money(job.salary_max, job.salary_currency),
    }
    return f"{band} {enum_label(job.salary_period)}" if job.salary_period else band


def whole_money(amount: Decimal, currency: str) -> str:
    """Money the viewer's way in its own currency, without ".00" when the amount is whole."""
    if amount != amount.to_integral():
        return formatting.format_money(amount, currency)
    pattern = Locale.parse(current_locale()).currency_formats["standard"].pattern
    whole_pattern = re.sub(r"\.0+", "", pattern.split(";")[0])
    return format_currency(
        amount, currency, format=whole_pattern, locale=current_locale(), currency_digits=False
    )


@router.get("/jobs/{job_id}", name="job")
def job_page(
    request: Request, job_id: uuid.UUID, session: DbSession, actor: PageActor, tab: str = "pipeline"
) -> HTMLResponse:
    """The job: title and key facts, then its pipeline (kanban) or its details."""
    job = service.job_to_read(actor, service.get_job(session, actor, job_id))
    extension = extensions.find_tab("job", tab, actor)
    tab = tab if tab in TABS or extension is not None else "pipeline"
    view = board_view(session, actor, job_id)
    extension_context = extension.loader(request, session, actor, job_id) if extension else {}
    return render(
        request,
        "jobs/show.html",
        actor,
        title=job.title,
        job=job,
        tab=tab,
        view=view,
        extension=extension,
        extension_context=extension_context,
        extension_tabs=extensions.tabs_for("job", actor),
        salary_band=_salary_band(job),
        can_edit=allowed(require_recruiting_write, actor),
        can_add=allowed(require_recruiting_write, actor) and job.status not in ENDED_STATUSES,
        status_actions=status_actions(job.status),
        active_total=sum(
            1
            for column in view.board.columns
            for card in column.cards
            if card.status is ApplicationStatus.ACTIVE
        ),
    )


@router.post("/jobs/{job_id}/status", name="job_status")
def job_status(
    request: Request, job_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Open, hold, fill, close or reopen the job; a refusal or a stale page is explained."""
    target_raw = text(data.get("status"))
    version = bounded_int(data.get("expected_version"), 2**31 - 1) or None
    back = url_for(request, "job", job_id=job_id)
    try:
        target = JobStatus(target_raw)
    except ValueError:
        flash(request, _("Choose one of the options."), "error")
        return see_other(back)
    try:
        job = service.change_job_status(session, actor, job_id, target, expected_version=version)
    except StaleVersion:
        session.rollback()
        flash(request, _("Someone else changed this job in the meantime; the page is refreshed."), "error")
        return see_other(back)
    except TalentBridgeError as exc:
        if exc.http_status in PAGE_ERRORS:
            raise
        session.rollback()
        current = service.get_job(session, actor, job_id).status
        flash(request, refusal_message(exc, {"current": current.value, "target": target.value}), "error")
        return see_other(back)
    flash(
        request, _("“%(title)s” is now %(status)s.") % {"title": job.title, "status": enum_label(job.status)}
    )
    return see_other(back)
