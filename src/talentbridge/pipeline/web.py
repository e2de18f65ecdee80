"""Pages for the pipeline: moving and rejecting candidates, adding one to a job, and the settings
for the default stages and the rejection and withdrawal reasons.

The kanban board itself is part of the job page (``jobs/web.py``, template ``pipeline/_board.html``).
Every card carries a small "Move to…" form that works without JavaScript; ``static/js/kanban.js``
adds drag and drop, which posts the same form with ``fetch`` (asking for JSON) and falls back to
the form when anything unexpected comes back. Rules (reasons, stale versions, who may move) are
``pipeline.service``/``pipeline.workflow``; this module only explains their answers.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_admin, require_pipeline_write, require_recruiting_write
from talentbridge.errors import Conflict, NotFound, StaleVersion, TalentBridgeError
from talentbridge.jobs import service as jobs_service
from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.lifecycle import ENDED_STATUSES
from talentbridge.jobs.web import (
    PAGE_ERRORS,
    Rule,
    board_view,
    enum_choices,
    field_message,
    render,
    rule,
    see_other,
    translate,
)
from talentbridge.people import service as people_service
from talentbridge.pipeline import service
from talentbridge.pipeline.enums import ApplicationStatus, ReasonKind, StageCategory
from talentbridge.pipeline.models import Application, RejectionReason, StageTemplate
from talentbridge.pipeline.schemas import (
    ApplicationCreate,
    ApplicationMove,
    KanbanCard,
    KanbanColumn,
    ReasonCreate,
    ReasonUpdate,
    StageTemplateIn,
    StageTemplateUpdate,
)
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.schemas import SourceFilter
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FORM_ERROR, FormState
from talentbridge.web.i18n import _, gettext, ngettext
from talentbridge.web.labels import label, tone
from talentbridge.web.urls import safe_next, url_for

router = APIRouter(include_in_schema=False)


def _category_words(values: str) -> str:
    words = []
    for value in values.split(", "):
        try:
            words.append(label(StageCategory(value.strip())))
        except ValueError:
            words.append(value)
    return gettext(", ").join(words)


def _kind_rule(reason: str, kind: str, stage: str) -> str:
    if kind == ReasonKind.WITHDRAWAL.value:
        text = _("“%(reason)s” is a withdrawal reason; moving to “%(stage)s” needs a rejection reason.")
    else:
        text = _("“%(reason)s” is a rejection reason; moving to “%(stage)s” needs a withdrawal reason.")
    return text % {"reason": reason, "stage": stage}


PIPELINE_RULES: list[Rule] = [
    rule(
        r"Moving to '(?P<stage>.+?)' needs a (?P<kind>rejection|withdrawal) reason\.",
        lambda m: (
            (
                _("Choose a rejection reason to move the candidate to “%(stage)s”.")
                if m["kind"] == "rejection"
                else _("Choose a withdrawal reason to move the candidate to “%(stage)s”.")
            )
            % {"stage": m["stage"]}
        ),
    ),
    rule(
        r"'(?P<reason>.+?)' is a (?P<kind>rejection|withdrawal) reason; moving to '(?P<stage>.+?)' needs a "
        r"(rejection|withdrawal) reason\.",
        lambda m: _kind_rule(m["reason"], m["kind"], m["stage"]),
    ),
    rule(
        r"The reason '(?P<reason>.+?)' is no longer in use; choose another\.",
        lambda m: _("The reason “%(reason)s” is no longer in use; choose another.") % {"reason": m["reason"]},
    ),
    rule(
        r"A reason is only recorded when rejecting or withdrawing; '(?P<stage>.+?)' is a [a-z]+ stage\.",
        lambda m: (
            _(
                "A reason is only recorded when rejecting or withdrawing; "
                "leave it empty to move to “%(stage)s”."
            )
            % {"stage": m["stage"]}
        ),
    ),
    rule(
        r"The application is already in '(?P<stage>.+?)'\.",
        lambda m: _("The candidate is already in “%(stage)s”.") % {"stage": m["stage"]},
    ),
    rule(
        r"A hired candidate cannot be rejected\. If they will not start, record a withdrawal; to correct a "
        r"mistaken hire, move them back to an active stage\.",
        lambda _m: _(
            "A hired candidate cannot be rejected. If they will not start, record a withdrawal; to correct "
            "a mistaken hire, move them back to an active stage."
        ),
    ),
    rule(
        r"This application is (rejected|withdrawn); move it back to an active stage before hiring\.",
        lambda _m: _("This application is closed; move it back to an active stage before hiring."),
    ),
    rule(
        r"That stage is not part of this job's pipeline\.",
        lambda _m: _("That stage is not part of this job's pipeline."),
    ),
    rule(r"No such stage\.", lambda _m: _("That stage does not exist any more; reload the page.")),
    rule(r"No such reason\.", lambda _m: _("That reason does not exist any more; reload the page.")),
    rule(r"No such person\.", lambda _m: _("This person does not exist any more.")),
    rule(r"No such source\.", lambda _m: _("This source does not exist any more.")),
    rule(
        r"The job is (?P<status>[a-z ]+); reopen it to add applications\.",
        lambda m: (
            _("The job is %(status)s; reopen it to add candidates.")
            % {"status": label(_job_status(m["status"]))}
        ),
    ),
    rule(
        r"This person has already applied to this job\.",
        lambda _m: _("This person is already in this job's pipeline."),
    ),
    rule(
        r"This job's pipeline has no applied stage to start in\.",
        lambda _m: _("This job's pipeline has no applied stage to start in."),
    ),
    rule(r"Every stage needs a name\.", lambda _m: _("Every stage needs a name.")),
    rule(
        r"The stage name '(?P<name>.+?)' is used twice\.",
        lambda m: _("The stage name “%(name)s” is used twice.") % {"name": m["name"]},
    ),
    rule(
        r"The pipeline needs at least one stage of each category: missing (?P<missing>[a-z, ]+)\.",
        lambda m: (
            _("The pipeline needs at least one stage of each of these categories: %(missing)s.")
            % {"missing": _category_words(m["missing"])}
        ),
    ),
    rule(
        r"There is already a (rejection|withdrawal) reason '(?P<label>.+?)'\.",
        lambda m: _("There is already a reason “%(label)s” in this list.") % {"label": m["label"]},
    ),
]


def _job_status(words: str) -> JobStatus:
    try:
        return JobStatus(words.replace(" ", "_"))
    except ValueError:
        return JobStatus.CLOSED


def _say(message: str) -> str:
    return translate(message, PIPELINE_RULES)


# =================================================================================================
# Moving and rejecting a candidate
# =================================================================================================

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
            for error in exc.errors():
                name = str(error["loc"][0]) if error["loc"] else FORM_ERROR
                form.add_error(name, field_message(error, PIPELINE_RULES))
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
            message = _say(exc.message)
            if _wants_json(request):
                return JSONResponse({"ok": False, "message": message}, status_code=409)
            flash(request, message, "info")
            return see_other(back)
        except TalentBridgeError as exc:
            if exc.http_status in PAGE_ERRORS:
                raise
            session.rollback()
            form.add_domain_error(exc, _say(exc.message))
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


# =================================================================================================
# Adding a candidate to a job
# =================================================================================================

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
            for error in exc.errors():
                name = str(error["loc"][0]) if error["loc"] else FORM_ERROR
                form.add_error(name, field_message(error, PIPELINE_RULES))
        else:
            try:
                created = service.create_application(session, actor, application_data)
            except TalentBridgeError as exc:
                if exc.http_status in PAGE_ERRORS and exc.field != "person_id":
                    raise
                session.rollback()
                form.add_domain_error(exc, _say(exc.message))
    if created is not None:
        flash(request, _("Candidate added to “%(stage)s”.") % {"stage": created.stage.name})
        return see_other(url_for(request, "job", job_id=job_id))
    return _add_page(request, session, actor, job_id, form, status_code=422)


# =================================================================================================
# Settings: the default stages
# =================================================================================================


@dataclass
class StageRow:
    """A stage of the default pipeline as shown in (and submitted from) the settings form."""

    name: str
    category: str


def _stage_rows(templates: Sequence[StageTemplate]) -> list[StageRow]:
    return [StageRow(template.name, template.category.value) for template in templates]


def _stages_page(
    request: Request, actor: Actor, rows: list[StageRow], form: FormState, *, status_code: int = 200
) -> HTMLResponse:
    hired = next(
        (index for index, row in enumerate(rows) if row.category == StageCategory.HIRED.value), len(rows)
    )
    if not form.values.get("new_position"):
        form.values["new_position"] = str(hired)
    return render(
        request,
        "settings/stages.html",
        actor,
        status_code=status_code,
        title=_("Stages"),
        subtitle=_("The default pipeline. New jobs copy it; existing jobs keep their own stages."),
        rows=rows,
        form=form,
        category_choices=enum_choices(StageCategory),
        position_choices=[
            (str(index), _("Before “%(name)s”") % {"name": row.name}) for index, row in enumerate(rows)
        ]
        + [(str(len(rows)), _("At the end"))],
    )


@router.get("/settings/stages", name="settings_stages")
def stages_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The default stages, in order, to rename, reorder, add and remove."""
    require_admin(actor)
    rows = _stage_rows(service.list_stage_templates(session, actor))
    form = FormState(
        values={"new_name": "", "new_category": StageCategory.INTERVIEW.value, "new_position": ""}
    )
    return _stages_page(request, actor, rows, form)


def _submitted_rows(data: FormData) -> list[StageRow]:
    count = data.get("count")
    try:
        total = min(max(int(count), 0), 100) if isinstance(count, str) else 0
    except ValueError:
        total = 0
    rows = []
    for index in range(total):
        name, category = data.get(f"name_{index}"), data.get(f"category_{index}")
        rows.append(
            StageRow(
                name.strip() if isinstance(name, str) else "", category if isinstance(category, str) else ""
            )
        )
    return rows


def _apply_stage_op(op: str, rows: list[StageRow], form: FormState) -> str | None:
    """Change ``rows`` as the pressed button asks; returns the confirmation, or None if invalid."""
    action, _sep, raw_index = op.partition(":")
    index = int(raw_index) if raw_index.isdigit() else -1
    if action == "add":
        name = form.values["new_name"]
        if not name:
            form.add_error("new_name", _("This field is required."))
            return None
        position = int(form.values["new_position"]) if form.values["new_position"].isdigit() else len(rows)
        rows.insert(min(position, len(rows)), StageRow(name, form.values["new_category"]))
        return _("Stage “%(name)s” added.") % {"name": name}
    if action == "save":
        return _("Default stages saved.")
    if not 0 <= index < len(rows):
        form.add_error(FORM_ERROR, _("The list changed; reload the page and try again."))
        return None
    if action == "remove":
        removed = rows.pop(index)
        return _("Stage “%(name)s” removed.") % {"name": removed.name}
    if action in ("up", "down"):
        other = index - 1 if action == "up" else index + 1
        if 0 <= other < len(rows):
            rows[index], rows[other] = rows[other], rows[index]
        return _("Stage “%(name)s” moved.") % {"name": rows[other if 0 <= other < len(rows) else index].name}
    form.add_error(FORM_ERROR, _("Choose one of the options."))
    return None


@router.post("/settings/stages", name="settings_stages_save")
def stages_save(request: Request, data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Apply one change (add, rename, reorder, remove) and save the whole list through the service."""
    require_admin(actor)
    rows = _submitted_rows(data)
    form = FormState.from_form(data, "new_name", "new_category", "new_position", "op")
    confirmation = _apply_stage_op(form.values["op"] or "save", rows, form)
    stages: list[StageTemplateIn] = []
    for index, row in enumerate(rows):
        try:
            stages.append(StageTemplateIn.model_validate({"name": row.name, "category": row.category}))
        except ValidationError as exc:
            for error in exc.errors():
                form.add_error(f"{error['loc'][0]}_{index}", field_message(error))
    if form.ok and confirmation is not None:
        try:
            update = StageTemplateUpdate(stages=stages)
            service.replace_stage_templates(session, actor, update.stages)
        except ValidationError:
            form.add_error(FORM_ERROR, _("Keep at least one stage, and at most forty."))
        except TalentBridgeError as exc:
            if exc.http_status in PAGE_ERRORS:
                raise
            session.rollback()
            form.add_domain_error(exc, _say(exc.message))
        else:
            flash(request, confirmation)
            return see_other(url_for(request, "settings_stages"))
    if form.errors.get("stages"):
        form.add_error(FORM_ERROR, form.errors.pop("stages"))
    return _stages_page(request, actor, rows, form, status_code=422)


# =================================================================================================
# Settings: rejection and withdrawal reasons
# =================================================================================================


def _reasons_page(
    request: Request, session: DbSession, actor: Actor, form: FormState, *, status_code: int = 200
) -> HTMLResponse:
    reasons = service.list_reasons(session, actor, include_inactive=True)
    groups = [
        (kind, [reason for reason in reasons if reason.kind is kind])
        for kind in (ReasonKind.REJECTION, ReasonKind.WITHDRAWAL)
    ]
    return render(
        request,
        "settings/reasons.html",
        actor,
        status_code=status_code,
        title=_("Rejection reasons"),
        subtitle=_("The reasons offered when a candidate is rejected or withdraws. Reports count them."),
        groups=groups,
        form=form,
        kind_help={
            ReasonKind.REJECTION: _("Why the company decided not to continue with a candidate."),
            ReasonKind.WITHDRAWAL: _("Why a candidate decided not to continue."),
        },
    )


@router.get("/settings/reasons", name="settings_rejection_reasons")
def reasons_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """Rejection and withdrawal reasons, in the order they are offered."""
    require_admin(actor)
    return _reasons_page(request, session, actor, FormState())


@router.post("/settings/reasons", name="settings_reasons_create")
def reason_create(request: Request, data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Add a reason at the end of its list."""
    require_admin(actor)
    kind = data.get("kind")
    key = f"new_{kind}" if kind in set(ReasonKind) else FORM_ERROR
    raw = data.get(key)
    form = FormState(values={key: raw.strip() if isinstance(raw, str) else ""})
    try:
        reason_data = ReasonCreate.model_validate({"kind": kind, "label": form.values[key]})
    except ValidationError as exc:
        form.add_error(key, field_message(exc.errors()[0]))
        return _reasons_page(request, session, actor, form, status_code=422)
    try:
        reason = service.create_reason(session, actor, reason_data)
    except Conflict as exc:
        session.rollback()
        form.add_error(key, _say(exc.message))
        return _reasons_page(request, session, actor, form, status_code=422)
    flash(request, _("Reason “%(label)s” added.") % {"label": reason.label})
    return see_other(url_for(request, "settings_rejection_reasons"))


@router.post("/settings/reasons/{reason_id}", name="settings_reason_update")
def reason_update(
    request: Request, reason_id: uuid.UUID, data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Rename, move up or down, deactivate or reactivate one reason."""
    require_admin(actor)
    reasons = service.list_reasons(session, actor, include_inactive=True)
    reason = next((item for item in reasons if item.id == reason_id), None)
    if reason is None:
        raise NotFound("No such reason.")
    siblings = [item for item in reasons if item.kind is reason.kind]
    index = siblings.index(reason)
    op = data.get("op")
    key = f"label_{reason_id}"
    raw = data.get("label")
    form = FormState(values={key: raw.strip() if isinstance(raw, str) else reason.label})
    changes: dict[str, Any]
    if op == "up":
        changes, done = {"position": max(index - 1, 0)}, _("Reason “%(label)s” moved up.")
    elif op == "down":
        changes, done = {"position": min(index + 1, len(siblings) - 1)}, _("Reason “%(label)s” moved down.")
    elif op == "deactivate":
        changes, done = {"is_active": False}, _("Reason “%(label)s” is no longer offered.")
    elif op == "activate":
        changes, done = {"is_active": True}, _("Reason “%(label)s” is offered again.")
    else:
        changes, done = {"label": form.values[key]}, _("Reason renamed to “%(label)s”.")
    try:
        update = ReasonUpdate.model_validate(changes)
    except ValidationError as exc:
        form.add_error(key, field_message(exc.errors()[0]))
        return _reasons_page(request, session, actor, form, status_code=422)
    try:
        reason = service.update_reason(session, actor, reason_id, update)
    except Conflict as exc:
        session.rollback()
        form.add_error(key, _say(exc.message))
        return _reasons_page(request, session, actor, form, status_code=422)
    flash(request, done % {"label": reason.label})
    return see_other(url_for(request, "settings_rejection_reasons"))
