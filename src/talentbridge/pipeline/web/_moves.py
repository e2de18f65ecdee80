"""Moving and rejecting a candidate: the move and reject pages and the move itself.

Every kanban card carries a small "Move to…" form that works without JavaScript;
``static/js/kanban.js`` adds drag and drop, which posts the same form with ``fetch`` (asking for
JSON) and falls back to the form when anything unexpected comes back. Rules (reasons, stale
versions, who may move) are ``pipeline.service``/``pipeline.workflow``; this module only explains
their answers.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import ValidationError

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_pipeline_write
from talentbridge.errors import Conflict, NotFound, StaleVersion, TalentBridgeError
from talentbridge.jobs.web import attach_errors, board_view, refuse_in_form, render
from talentbridge.pipeline import service
from talentbridge.pipeline.enums import ApplicationStatus, StageCategory
from talentbridge.pipeline.models import Application, RejectionReason
from talentbridge.pipeline.schemas import ApplicationMove, KanbanCard, KanbanColumn
from talentbridge.pipeline.web._messages import explain, say
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FormState
from talentbridge.web.i18n import _, ngettext
from talentbridge.web.labels import label, tone
from talentbridge.web.urls import safe_next, see_other, url_for

router = APIRouter()

MOVE_FIELDS = ("to_stage_id", "expected_version", "reason_id", "note", "next")


@dataclass(frozen=True)
class MoveContext:
    """The application being moved, its card and its job's columns (for the move page)."""

    application: Application
    card: KanbanCard
    columns: list[KanbanColumn]
    current: KanbanColumn
    rejection_reasons: list[RejectionReason]
    withdrawal_reasons: list[RejectionReason]


def _move_context(session: DbSession, actor: Actor, application_id: uuid.UUID) -> MoveContext:
    application = service.get_application(session, actor, application_id)
    view = board_view(session, actor, application.job_id)
    for column in view.board.columns:
        for card in column.cards:
            if card.application_id == application.id:
                return MoveContext(
                    application,
                    card,
                    view.board.columns,
                    column,
                    view.rejection_reasons,
                    view.withdrawal_reasons,
                )
    raise NotFound("No such application.")


def _move_page(
    request: Request,
    actor: Actor,
    context: MoveContext,
    form: FormState,
    *,
    rejecting: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "pipeline/move.html",
        actor,
        status_code=status_code,
        title=_("Reject %(name)s") % {"name": context.card.display_name}
        if rejecting
        else _("Move %(name)s") % {"name": context.card.display_name},
        subtitle=_("Now in “%(stage)s”, for %(days)s.")
        % {"stage": context.current.name, "days": _days(context.card.days_in_stage)},
        form=form,
        context=context,
        rejecting=rejecting,
        job_url=url_for(request, "job", job_id=context.application.job_id),
    )


def _days(days: int) -> str:
    if days == 0:
        return _("less than a day")
    return ngettext("%(num)d day", "%(num)d days", days) % {"num": days}


def _move_values(context: MoveContext, request: Request, to_stage: str = "") -> dict[str, str]:
    return {
        "to_stage_id": to_stage,
        "expected_version": str(context.card.version),
        "reason_id": "",
        "note": "",
        "next": url_for(request, "job", job_id=context.application.job_id),
    }


@router.get("/applications/{application_id}/move", name="application_move_page")
def move_page(
    request: Request, application_id: uuid.UUID, session: DbSession, actor: PageActor, to: str = ""
) -> HTMLResponse:
    """A page with the move form alone (the no-JavaScript way to choose a stage and a reason)."""
    context = _move_context(session, actor, application_id)
    require_pipeline_write(actor)
    return _move_page(request, actor, context, FormState(values=_move_values(context, request, to)))


@router.get("/applications/{application_id}/reject", name="application_reject")
def reject_page(
    request: Request, application_id: uuid.UUID, session: DbSession, actor: PageActor
) -> HTMLResponse:
    """Reject a candidate: the job's rejected stage, and a reason from the list."""
    context = _move_context(session, actor, application_id)
    require_pipeline_write(actor)
    rejected = next(
        (str(column.stage_id) for column in context.columns if column.category is StageCategory.REJECTED), ""
    )
    values = _move_values(context, request, rejected)
    return _move_page(request, actor, context, FormState(values=values), rejecting=True)


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _move_result(application: Application) -> str:
    category = application.stage.category
    reason = application.reason.label if application.reason is not None else ""
    if category is StageCategory.REJECTED:
        return _("Candidate rejected (%(reason)s).") % {"reason": reason}
    if category is StageCategory.WITHDRAWN:
        return _("Withdrawal recorded (%(reason)s).") % {"reason": reason}
    if category is StageCategory.HIRED:
        return _("Candidate moved to “%(stage)s” and marked as hired.") % {"stage": application.stage.name}
    return _("Candidate moved to “%(stage)s”.") % {"stage": application.stage.name}


@router.post("/applications/{application_id}/move", name="application_move")
def application_move(
    request: Request, application_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Move a candidate to another stage (a rejected or withdrawn stage needs a reason).

    Answers with a redirect and a flash message, or with JSON when the board's script asks for it.
    A move made on an outdated board is refused without change, and the board is shown afresh.
    """
    application = service.get_application(session, actor, application_id)
    require_pipeline_write(actor)
    form = FormState.from_form(data, *MOVE_FIELDS)
    job_url = url_for(request, "job", job_id=application.job_id)
    back = safe_next(form.values["next"], job_url)
    move: ApplicationMove | None = None
    if not form.values["to_stage_id"]:
        form.add_error("to_stage_id", _("Choose a stage."))
    else:
        try:
            move = ApplicationMove.model_validate(
                {
                    name: form.values[name]
                    for name in ("to_stage_id", "expected_version", "reason_id", "note")
                    if form.values[name]
                }
            )
        except ValidationError as exc:
            attach_errors(form, exc, explain)
    if move is not None and form.ok:
        try:
            moved = service.move_application(
                session,
                actor,
                application_id,
                to_stage_id=move.to_stage_id,
                expected_version=move.expected_version,
                reason_id=move.reason_id,
                note=move.note,
            )
        except StaleVersion:
            session.rollback()
            message = _("Someone else moved this candidate; the board is refreshed.")
            flash(request, message, "error")
            if _wants_json(request):
                return JSONResponse({"ok": False, "reload": True, "message": message}, status_code=409)
            return see_other(back)
        except Conflict as exc:
            session.rollback()
            message = say(exc.message)
            if _wants_json(request):
                return JSONResponse({"ok": False, "message": message}, status_code=409)
            flash(request, message, "info")
            return see_other(back)
        except TalentBridgeError as exc:
            refuse_in_form(session, form, exc, say(exc.message))
        else:
            message = _move_result(moved)
            if _wants_json(request):
                return JSONResponse(
                    {
                        "ok": True,
                        "message": message,
                        "version": moved.version,
                        "stage_id": str(moved.stage_id),
                        "status_label": label(moved.status),
                        "status_tone": tone(moved.status),
                        "active": moved.status is ApplicationStatus.ACTIVE,
                    }
                )
            flash(request, message)
            return see_other(back)
    if _wants_json(request):
        first = next(iter(form.errors.values()))
        return JSONResponse(
            {"ok": False, "message": first, "needs_reason": "reason_id" in form.errors}, status_code=422
        )
    context = _move_context(session, actor, application_id)
    rejecting = _is_rejected_stage(context, form.values["to_stage_id"])
    return _move_page(request, actor, context, form, rejecting=rejecting, status_code=422)


def _is_rejected_stage(context: MoveContext, stage_id: str) -> bool:
    return any(
        str(column.stage_id) == stage_id and column.category is StageCategory.REJECTED
        for column in context.columns
    )
