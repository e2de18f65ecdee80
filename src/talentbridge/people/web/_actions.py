"""What can be done from the person page: add to a job, notes, files, and deleting the person.

Each action posts a form (with its CSRF token), calls one use case and goes back to the tab it
came from; a refused action re-displays that tab with the problem next to its field.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from pydantic_core import ErrorDetails
from starlette.datastructures import UploadFile

from talentbridge.api.deps import DbSession
from talentbridge.auth.policies import require_recruiting_write
from talentbridge.errors import Conflict, InvalidInput, NotFound, RuleViolation, TalentBridgeError
from talentbridge.files import service as files_service
from talentbridge.files.api import AttachmentStoreDep, UploadLimitsDep
from talentbridge.files.uploads import UploadTooLarge, content_disposition
from talentbridge.jobs import service as jobs_service
from talentbridge.notes import service as notes_service
from talentbridge.notes.schemas import NoteCreate
from talentbridge.people import service
from talentbridge.people.web._display import file_size, file_type_label
from talentbridge.people.web._forms import add_schema_errors
from talentbridge.people.web._person import PersonPage, person_url, render_person_page
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.schemas import ApplicationCreate
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FormState, translate_message, validation_message
from talentbridge.web.i18n import _
from talentbridge.web.templating import render_page
from talentbridge.web.urls import see_other, url_for

router = APIRouter(include_in_schema=False)


@router.post("/people/{person_id}/applications", name="person_application_add")
def person_application_add(
    request: Request, person_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Add the person to an open job's pipeline (recruiters and administrators)."""
    job_id = form_data.get("job_id")
    page = PersonPage(tab="applications")
    try:
        data = ApplicationCreate.model_validate({"person_id": person_id, "job_id": job_id})
    except ValidationError:
        page.job_form.add_error("job_id", _("Choose a job."))
        return render_person_page(request, session, actor, person_id, page, status_code=422)
    try:
        application = pipeline_service.create_application(session, actor, data)
    except Conflict:
        page.job_form.add_error("job_id", _("This person is already in this job's pipeline."))
        return render_person_page(request, session, actor, person_id, page, status_code=409)
    except (RuleViolation, InvalidInput) as exc:
        page.job_form.add_error("job_id", _job_refusal(exc))
        return render_person_page(request, session, actor, person_id, page, status_code=422)
    job = jobs_service.get_job(session, actor, application.job_id)
    flash(request, _("Added to %(job)s.") % {"job": job.title})
    return see_other(person_url(request, person_id, "applications"))


def _job_refusal(exc: TalentBridgeError) -> str:
    if exc.field == "job_id":
        return _("This job is filled or closed and takes no new applications.")
    if exc.field == "stage_id":
        return _("This job's pipeline has no stage to start in; check its stages first.")
    return translate_message(exc.message)


def _note_message(name: str, error: ErrorDetails) -> str:
    return _("Write the note first.") if name == "body" else validation_message(error)


@router.post("/people/{person_id}/notes", name="person_note_add")
def person_note_add(
    request: Request, person_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Add a note to the person (anyone who may see them)."""
    state = FormState.from_form(form_data, "body", "application_id")
    page = PersonPage(tab="notes", note_form=state)
    try:
        data = NoteCreate.model_validate(
            {"body": state.values["body"], "application_id": state.values["application_id"] or None}
        )
    except ValidationError as exc:
        add_schema_errors(state, exc, _note_message)
        return render_person_page(request, session, actor, person_id, page, status_code=422)
    try:
        notes_service.add_note(session, actor, person_id, data)
    except InvalidInput:
        state.add_error("application_id", _("Choose one of this person's applications."))
        return render_person_page(request, session, actor, person_id, page, status_code=422)
    flash(request, _("Note added."))
    return see_other(person_url(request, person_id, "notes"))


@router.post("/people/{person_id}/notes/{note_id}/delete", name="person_note_delete")
def person_note_delete(
    request: Request,
    person_id: uuid.UUID,
    note_id: uuid.UUID,
    form_data: CsrfForm,
    session: DbSession,
    actor: PageActor,
) -> RedirectResponse:
    """Delete a note (its author or an administrator)."""
    del form_data
    notes_service.delete_note(session, actor, note_id)
    flash(request, _("Note deleted."))
    return see_other(person_url(request, person_id, "notes"))


def _read_upload(upload: object, max_bytes: int) -> tuple[bytes, str]:
    """The uploaded bytes (one more than allowed at most: enough to refuse) and the file's name."""
    if not isinstance(upload, UploadFile):
        return b"", ""
    try:
        return upload.file.read(max_bytes + 1), upload.filename or ""
    finally:
        upload.file.close()  # the parsed form's spooled file; nobody else closes it


@router.post("/people/{person_id}/files", name="person_file_upload")
def person_file_upload(
    request: Request,
    person_id: uuid.UUID,
    form_data: CsrfForm,
    session: DbSession,
    actor: PageActor,
    store: AttachmentStoreDep,
    limits: UploadLimitsDep,
) -> Response:
    """Upload a file (multipart); a refused file is explained next to the file field."""
    data, filename = _read_upload(form_data.get("file"), limits.max_bytes)
    state = FormState(values={})
    page = PersonPage(tab="files", file_form=state)
    if not data:
        state.add_error("file", _("Choose a file to upload."))
        return render_person_page(request, session, actor, person_id, page, status_code=422)
    try:
        attachment = files_service.upload_attachment(
            session, actor, person_id, filename=filename, data=data, store=store, limits=limits
        )
    except UploadTooLarge:
        message = _("The file is larger than the limit of %(size)s.") % {"size": file_size(limits.max_bytes)}
        state.add_error("file", message)
        return render_person_page(request, session, actor, person_id, page, status_code=413)
    except InvalidInput as exc:
        state.add_error("file", _upload_refusal(exc, filename, limits.allowed_types))
        return render_person_page(request, session, actor, person_id, page, status_code=422)
    flash(request, _("%(file)s uploaded.") % {"file": attachment.filename})
    return see_other(person_url(request, person_id, "files"))


def _upload_refusal(exc: InvalidInput, filename: str, allowed: Iterable[str]) -> str:
    accepted = ", ".join(sorted(file_type_label(kind) for kind in allowed))
    if "name ends in" in exc.message:
        return _(
            "The content of “%(file)s” does not match its file name; a renamed or disguised file is "
            "not accepted. Upload the original file."
        ) % {"file": filename}
    if "empty" in exc.message:
        return _("The file is empty.")
    return _("This kind of file is not accepted. Upload one of: %(types)s.") % {"types": accepted}


@router.get("/people/{person_id}/files/{attachment_id}", name="person_file_download")
def person_file_download(
    person_id: uuid.UUID,
    attachment_id: uuid.UUID,
    session: DbSession,
    actor: PageActor,
    store: AttachmentStoreDep,
) -> Response:
    """Download an attachment under its original name (recorded as a view)."""
    content = files_service.open_attachment(session, actor, attachment_id, store=store)
    if content.attachment.person_id != person_id:
        raise NotFound("No such attachment.")
    return Response(
        content=content.data,
        media_type=content.attachment.content_type,
        headers={"Content-Disposition": content_disposition(content.attachment.filename)},
    )


@router.post("/people/{person_id}/files/{attachment_id}/delete", name="person_file_delete")
def person_file_delete(
    request: Request,
    person_id: uuid.UUID,
    attachment_id: uuid.UUID,
    form_data: CsrfForm,
    session: DbSession,
    actor: PageActor,
    store: AttachmentStoreDep,
) -> RedirectResponse:
    """Delete an attachment; its bytes go once the change is committed."""
    del form_data
    attachment = files_service.delete_attachment(session, actor, attachment_id, store=store)
    flash(request, _("%(file)s deleted.") % {"file": attachment.filename})
    return see_other(person_url(request, person_id, "files"))


@router.get("/people/{person_id}/delete", name="person_delete_confirm")
def person_delete_confirm(
    request: Request, person_id: uuid.UUID, session: DbSession, actor: PageActor
) -> HTMLResponse:
    """Ask before deleting a person with everything attached."""
    person = service.person_to_read(actor, service.get_person(session, actor, person_id, record_view=False))
    require_recruiting_write(actor)
    return render_page(
        request,
        "people/delete.html",
        actor,
        title=_("Delete %(name)s?") % {"name": person.display_name},
        subtitle=_("This cannot be undone."),
        person=person,
    )


@router.post("/people/{person_id}/delete", name="person_delete")
def person_delete(
    request: Request,
    person_id: uuid.UUID,
    form_data: CsrfForm,
    session: DbSession,
    actor: PageActor,
    store: AttachmentStoreDep,
) -> RedirectResponse:
    """Delete the person with their applications, notes and files."""
    del form_data
    deleted = service.delete_person(session, actor, person_id, store=store)
    flash(request, _("%(name)s was deleted.") % {"name": deleted.display_name})
    return see_other(url_for(request, "people"))
