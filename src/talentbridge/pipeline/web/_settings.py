"""Pipeline settings (administrators): the default stages and the rejection and withdrawal reasons.

New jobs copy the default stages; existing jobs keep their own. Each button of the stages form
changes the submitted list (add, reorder, remove) and the whole list is saved through the service,
which checks the pipeline still has a stage of every category.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_admin
from talentbridge.errors import Conflict, NotFound, TalentBridgeError
from talentbridge.jobs.web import enum_choices, field_message, refuse_in_form, render
from talentbridge.pipeline import service
from talentbridge.pipeline.enums import ReasonKind, StageCategory
from talentbridge.pipeline.models import StageTemplate
from talentbridge.pipeline.schemas import ReasonCreate, ReasonUpdate, StageTemplateIn, StageTemplateUpdate
from talentbridge.pipeline.web._messages import say
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FORM_ERROR, FormState
from talentbridge.web.i18n import _
from talentbridge.web.urls import see_other, url_for

router = APIRouter()

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
            refuse_in_form(session, form, exc, say(exc.message))
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
        form.add_error(key, say(exc.message))
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
        form.add_error(key, say(exc.message))
        return _reasons_page(request, session, actor, form, status_code=422)
    flash(request, done % {"label": reason.label})
    return see_other(url_for(request, "settings_rejection_reasons"))
