"""Case pages: the status board across all cases, one case's page, and its forms.

Each form posts, calls one use case and goes back to the case page with a confirmation, or with
the reason it was refused (flash message naming the field).
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData, UploadFile

from talentbridge.api.deps import DbSession
from talentbridge.auth import service as auth_service
from talentbridge.errors import TalentBridgeError
from talentbridge.files.api import AttachmentStoreDep, UploadLimitsDep
from talentbridge.files.uploads import content_disposition
from talentbridge.kit.clock import utc_now
from talentbridge.mobility import service
from talentbridge.mobility.enums import (
    Authentication,
    CaseStatus,
    DependantRelation,
    DocumentStatus,
    StepStatus,
)
from talentbridge.mobility.policies import can_open_cases, can_work_on_case, require_case_delete
from talentbridge.mobility.schemas import (
    CaseCreate,
    CaseUpdate,
    DependantCreate,
    DocumentUpdate,
    StepUpdate,
)
from talentbridge.mobility.web import _labels as labels
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import translate_message
from talentbridge.web.i18n import _
from talentbridge.web.templating import render_page
from talentbridge.web.urls import see_other, url_for

router = APIRouter(include_in_schema=False)

CASE_FIELDS = ("status", "entry_date", "work_permit_expires_on", "residence_permit_expires_on", "notes")
STEP_FIELDS = ("status", "completed_on", "due_on", "note")
DOCUMENT_FIELDS = ("status", "authentication", "issued_on", "expires_on", "note")
DEPENDANT_FIELDS = (
    "full_name",
    "relation",
    "date_of_birth",
    "nationality",
    "residence_permit_expires_on",
)


def _values(form_data: FormData, names: tuple[str, ...]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in names:
        raw = form_data.get(name)
        if isinstance(raw, str):
            values[name] = raw.strip() or None
    return values


def _refused(request: Request, exc: ValidationError | TalentBridgeError) -> None:
    if isinstance(exc, TalentBridgeError):
        flash(request, translate_message(exc.message), "error")
        return
    fields = sorted({str(error["loc"][0]) for error in exc.errors() if error["loc"]})
    flash(request, _("Not saved; check these fields: %(fields)s") % {"fields": ", ".join(fields)}, "error")


def _case_url(request: Request, case_id: uuid.UUID) -> str:
    return url_for(request, "mobility_case", case_id=case_id)


@router.get("/mobility", name="mobility")
def case_board_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The status board: every visible active case by current step, soonest due first."""
    board = service.case_board(session, actor)
    return render_page(
        request,
        "mobility/board.html",
        actor,
        title=_("Mobility"),
        subtitle=_("Work permit, visa and residence cases"),
        board=board,
        today=utc_now().date(),
        labels=labels,
        column_label=lambda key: (
            str(labels.COMPLETED_COLUMN) if key == "completed" else labels.text(labels.STEPS, key)
        ),
    )


@router.get("/mobility/cases/{case_id}", name="mobility_case")
def case_page(request: Request, case_id: uuid.UUID, session: DbSession, actor: PageActor) -> HTMLResponse:
    """One case: steps with due dates, the document checklist, dependants and warnings."""
    context = service.get_case(session, actor, case_id)
    case = service.case_to_read(session, context)
    users = {user.id: user for user in auth_service.list_assignable_users(session, actor)}
    checklist = context.checklist
    return render_page(
        request,
        "mobility/case.html",
        actor,
        title=case.person_name,
        subtitle=_("Mobility case · %(job)s") % {"job": case.job_title},
        case=case,
        owners=[users[user_id] for user_id in case.owner_ids if user_id in users],
        users=sorted(users.values(), key=lambda user: user.full_name),
        can_work=can_work_on_case(actor, context.owner_ids),
        can_delete=_may_delete(actor),
        checklist=checklist,
        document_notes={rule.id: rule.note for rule in checklist.documents},
        labels=labels,
        today=utc_now().date(),
        step_statuses=list(StepStatus),
        case_statuses=list(CaseStatus),
        document_statuses=list(DocumentStatus),
        authentications=list(Authentication),
        relations=list(DependantRelation),
    )


def _may_delete(actor: Any) -> bool:
    try:
        require_case_delete(actor)
    except TalentBridgeError:
        return False
    return True


@router.post("/mobility/cases", name="mobility_case_open")
def open_case(request: Request, form_data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Open the case of a hire from the work-permit tab (owners: the person opening it)."""
    raw = form_data.get("application_id")
    try:
        data = CaseCreate.model_validate({"application_id": raw if isinstance(raw, str) else None})
        context = service.open_case(session, actor, data)
    except (ValidationError, TalentBridgeError) as exc:
        if isinstance(exc, TalentBridgeError) and exc.http_status in (403, 404):
            raise
        _refused(request, exc)
        back = request.headers.get("referer") or url_for(request, "mobility")
        return RedirectResponse(
            back if back.startswith(str(request.base_url)) else url_for(request, "mobility"), 303
        )
    flash(request, _("Mobility case opened."))
    return see_other(_case_url(request, context.case.id))


def _apply(
    request: Request, case_id: uuid.UUID, schema: type[BaseModel], values: dict[str, Any], action: Any
) -> Response:
    try:
        data = schema.model_validate(values)
        action(data)
    except (ValidationError, TalentBridgeError) as exc:
        if isinstance(exc, TalentBridgeError) and exc.http_status in (403, 404):
            raise
        _refused(request, exc)
        return see_other(_case_url(request, case_id))
    flash(request, _("Saved."))
    return see_other(_case_url(request, case_id))


@router.post("/mobility/cases/{case_id}", name="mobility_case_update")
def update_case(
    request: Request, case_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Change the case's status, entry date, permit expiry dates, notes and owners."""
    values = _values(form_data, (*CASE_FIELDS, "expected_version"))
    values.setdefault("notes", "")
    if values.get("notes") is None:
        values["notes"] = ""
    owners = [item for item in form_data.getlist("owner_ids") if isinstance(item, str) and item]
    if owners:
        values["owner_ids"] = owners
    for name in ("entry_date", "work_permit_expires_on", "residence_permit_expires_on"):
        values.setdefault(name, None)
    return _apply(
        request,
        case_id,
        CaseUpdate,
        values,
        lambda data: service.update_case(session, actor, case_id, data),
    )


@router.post("/mobility/cases/{case_id}/steps/{step_id}", name="mobility_step_update")
def update_step(
    request: Request,
    case_id: uuid.UUID,
    step_id: uuid.UUID,
    form_data: CsrfForm,
    session: DbSession,
    actor: PageActor,
) -> Response:
    """Change one step (status, completion date, due date, note)."""
    values = _values(form_data, STEP_FIELDS)
    return _apply(
        request,
        case_id,
        StepUpdate,
        values,
        lambda data: service.update_step(session, actor, case_id, step_id, data),
    )


@router.post("/mobility/cases/{case_id}/documents/{document_id}", name="mobility_document_update")
def update_document(
    request: Request,
    case_id: uuid.UUID,
    document_id: uuid.UUID,
    form_data: CsrfForm,
    session: DbSession,
    actor: PageActor,
    store: AttachmentStoreDep,
    limits: UploadLimitsDep,
) -> Response:
    """Change a checklist document and, if a file is chosen, store it (owners, compliance, admins)."""
    values = _values(form_data, DOCUMENT_FIELDS)
    upload = form_data.get("file")

    def _save(data: DocumentUpdate) -> None:
        service.update_document(session, actor, case_id, document_id, data)
        if isinstance(upload, UploadFile) and upload.filename:
            content = upload.file.read(limits.max_bytes + 1)
            service.upload_document_file(
                session,
                actor,
                case_id,
                document_id,
                filename=upload.filename,
                data=content,
                store=store,
                limits=limits,
            )

    return _apply(request, case_id, DocumentUpdate, values, _save)


@router.get("/mobility/cases/{case_id}/documents/{document_id}/file", name="mobility_document_download")
def download_document(
    case_id: uuid.UUID,
    document_id: uuid.UUID,
    session: DbSession,
    actor: PageActor,
    store: AttachmentStoreDep,
) -> Response:
    """Download a case document's file (owners, compliance, admins)."""
    content = service.open_document_file(session, actor, case_id, document_id, store=store)
    return Response(
        content=content.data,
        media_type=content.document.content_type or "application/octet-stream",
        headers={
            "Content-Disposition": content_disposition(content.document.filename or "document"),
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.post("/mobility/cases/{case_id}/dependants", name="mobility_dependant_add")
def add_dependant(
    request: Request, case_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Add a spouse or child to the case."""
    values = _values(form_data, DEPENDANT_FIELDS)
    return _apply(
        request,
        case_id,
        DependantCreate,
        values,
        lambda data: service.add_dependant(session, actor, case_id, data),
    )


@router.post("/mobility/cases/{case_id}/dependants/{dependant_id}/delete", name="mobility_dependant_delete")
def remove_dependant(
    request: Request,
    case_id: uuid.UUID,
    dependant_id: uuid.UUID,
    form_data: CsrfForm,
    session: DbSession,
    actor: PageActor,
) -> Response:
    """Remove a dependant from the case."""
    del form_data
    service.remove_dependant(session, actor, case_id, dependant_id)
    flash(request, _("Dependant removed."))
    return see_other(_case_url(request, case_id))


__all__ = ["can_open_cases", "router"]
