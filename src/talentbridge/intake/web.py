"""Pages of the intake context: imports with live progress, duplicate proposals and the merge
screen, merges (with undo) and the review of parsed fields.

Routes stay thin: parse the form, call one use case, redirect or render. The import page
refreshes itself (``<meta http-equiv="refresh">``, no script) until the batch is done, so it
can be left and come back to. Every page is for administrators and recruiters.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup, escape
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.errors import TalentBridgeError
from talentbridge.files.api import AttachmentStoreDep
from talentbridge.intake import merge as merge_module
from talentbridge.intake import repository, review, service, tasks
from talentbridge.intake.api import MAX_IMPORT_BYTES
from talentbridge.intake.merge import LIST_FIELDS, MERGE_FIELDS
from talentbridge.intake.models import BatchStatus
from talentbridge.intake.policies import can_use_intake, require_intake
from talentbridge.sourcing import service as sourcing_service
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.extensions import register_person_badge
from talentbridge.web.flash import flash
from talentbridge.web.forms import FormState
from talentbridge.web.i18n import _, lazy_gettext
from talentbridge.web.templating import render_page
from talentbridge.web.urls import see_other, url_for
from talentbridge.worker import enqueue

router = APIRouter(include_in_schema=False)
REFRESH_SECONDS = 2

FIELD_LABELS = {
    "first_name": lazy_gettext("First name"),
    "last_name": lazy_gettext("Last name"),
    "native_name": lazy_gettext("Native-script name"),
    "headline": lazy_gettext("Headline"),
    "current_title": lazy_gettext("Current title"),
    "current_employer": lazy_gettext("Current employer"),
    "location_city": lazy_gettext("City"),
    "location_country": lazy_gettext("Country"),
    "timezone": lazy_gettext("Time zone"),
    "date_of_birth": lazy_gettext("Date of birth"),
    "willing_to_relocate": lazy_gettext("Willing to relocate"),
    "notice_period_days": lazy_gettext("Notice period (days)"),
    "source_id": lazy_gettext("Source"),
    "summary": lazy_gettext("Summary"),
    "expected_salary": lazy_gettext("Expected salary"),
    "emails": lazy_gettext("E-mails"),
    "phones": lazy_gettext("Phones"),
    "skills": lazy_gettext("Skills"),
    "languages": lazy_gettext("Languages"),
    "nationalities": lazy_gettext("Nationalities"),
    "links": lazy_gettext("Links"),
    "educations": lazy_gettext("Education"),
    "experiences": lazy_gettext("Experience"),
    "publications": lazy_gettext("Publications"),
    "awards": lazy_gettext("Awards"),
    "tags": lazy_gettext("Tags"),
}


def field_label(name: str) -> str:
    """The translated label of a person field."""
    label = FIELD_LABELS.get(name)
    return str(label) if label is not None else name


def _uploads(form: CsrfForm) -> list[tuple[str, bytes]]:
    uploads = []
    for value in form.getlist("files"):
        if isinstance(value, UploadFile):
            data = value.file.read(MAX_IMPORT_BYTES + 1)
            if data:
                uploads.append((value.filename or "upload", data))
    return uploads


def _imports_page(
    request: Request, session: Session, actor: Actor, form: FormState | None = None, status_code: int = 200
) -> Response:
    require_intake(actor)
    return render_page(
        request,
        "intake/imports.html",
        actor,
        title=_("Import résumés"),
        subtitle=_("PDF, Word, text or JSON Resume files, or a zip of them"),
        batches=service.list_batches(session, actor),
        sources=sourcing_service.list_sources(session, actor),
        form=form or FormState(values={"source_id": ""}),
        status_code=status_code,
    )


@router.get("/imports", name="imports")
def imports(request: Request, session: DbSession, actor: PageActor) -> Response:
    """The upload form and recent imports."""
    return _imports_page(request, session, actor)


@router.post("/imports", name="import_create")
def import_create(
    request: Request, form_data: CsrfForm, session: DbSession, actor: PageActor, store: AttachmentStoreDep
) -> Response:
    """Start an import of the uploaded files and show its progress."""
    require_intake(actor)
    state = FormState.from_form(form_data, "source_id")
    uploads = _uploads(form_data)
    if not uploads:
        state.add_error("files", _("Choose at least one file to import."))
        return _imports_page(request, session, actor, state, 422)
    if any(len(data) > MAX_IMPORT_BYTES for _name, data in uploads):
        state.add_error("files", _("A file is larger than the import limit."))
        return _imports_page(request, session, actor, state, 413)
    try:
        source_id = uuid.UUID(state.values["source_id"]) if state.values["source_id"] else None
        batch = service.create_batch_from_uploads(session, actor, uploads, store=store, source_id=source_id)
    except (ValueError, TalentBridgeError):
        state.add_error("source_id", _("Choose one of the sources."))
        return _imports_page(request, session, actor, state, 422)
    enqueue(session, tasks.run_import, batch_id=str(batch.id))
    flash(request, _("Import started."))
    return see_other(url_for(request, "import_detail", import_id=batch.id))


@router.get("/imports/{import_id}", name="import_detail")
def import_detail(request: Request, import_id: uuid.UUID, session: DbSession, actor: PageActor) -> Response:
    """An import's progress; the page reloads itself until the import is done."""
    progress = service.batch_progress(session, actor, import_id)
    return render_page(
        request,
        "intake/import.html",
        actor,
        title=_("Import"),
        subtitle=progress.label,
        progress=progress,
        refresh=REFRESH_SECONDS if progress.status is not BatchStatus.DONE else None,
    )


@router.post("/imports/{import_id}/resume", name="import_resume")
def import_resume(
    request: Request, import_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Continue an import whose worker stopped (items already done are not redone)."""
    del form_data
    service.get_batch(session, actor, import_id)
    enqueue(session, tasks.run_import, batch_id=str(import_id))
    flash(request, _("The import continues."))
    return see_other(url_for(request, "import_detail", import_id=import_id))


@router.get("/duplicates", name="duplicates")
def duplicates(request: Request, session: DbSession, actor: PageActor) -> Response:
    """Open duplicate proposals, most likely first."""
    return render_page(
        request,
        "intake/duplicates.html",
        actor,
        title=_("Possible duplicates"),
        subtitle=_("People who may be the same human, with the signals behind each score"),
        proposals=service.list_duplicates(session, actor),
        merges=service.list_merges(session, actor, limit=10),
        names=repository.names_of,
        reviews=service.list_reviews(session, actor, limit=20),
    )


@router.post("/duplicates/scan", name="duplicates_scan")
def duplicates_scan(request: Request, form_data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Look for duplicates among everyone (merges exact matches, proposes likely ones)."""
    del form_data
    result = service.scan_duplicates(session, actor)
    flash(
        request,
        _("Checked %(people)d people: %(proposals)d new proposals, %(merged)d merged automatically.")
        % {"people": result.people, "proposals": result.proposals, "merged": result.merged},
    )
    return see_other(url_for(request, "duplicates"))


def _merge_page(
    request: Request, session: Session, actor: Actor, duplicate_id: uuid.UUID, status_code: int = 200
) -> Response:
    proposal, fields = service.merge_screen(session, actor, duplicate_id)
    return render_page(
        request,
        "intake/merge.html",
        actor,
        title=_("Merge duplicates"),
        subtitle=_("Pick the value to keep for each field"),
        proposal=proposal,
        fields=fields,
        field_label=field_label,
        status_code=status_code,
    )


@router.get("/duplicates/{duplicate_id}", name="duplicate_merge")
def duplicate_merge(
    request: Request, duplicate_id: uuid.UUID, session: DbSession, actor: PageActor
) -> Response:
    """Both records side by side with a choice per field."""
    return _merge_page(request, session, actor, duplicate_id)


@router.post("/duplicates/{duplicate_id}/merge", name="duplicate_merge_submit")
def duplicate_merge_submit(
    request: Request, duplicate_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Merge with the chosen values; unknown or missing choices keep the defaults."""
    survivor = form_data.get("survivor")
    choices = {}
    for name in MERGE_FIELDS:
        value = form_data.get(f"choice_{name}")
        allowed = {"a", "b", "union"} if name in LIST_FIELDS else {"a", "b"}
        if isinstance(value, str) and value in allowed:
            choices[name] = value
    try:
        merge = service.merge_duplicate(
            session,
            actor,
            duplicate_id,
            survivor=survivor if survivor in {"a", "b"} else "a",
            choices=choices,
        )
    except TalentBridgeError as exc:
        if exc.http_status == 404 or exc.http_status == 403:
            raise
        flash(request, _("The records could not be merged: %(reason)s") % {"reason": exc.message}, "error")
        return see_other(url_for(request, "duplicates"))
    flash(request, _("Merged. You can undo this merge below."))
    return see_other(url_for(request, "merge_detail", merge_id=merge.id))


@router.post("/duplicates/{duplicate_id}/dismiss", name="duplicate_dismiss")
def duplicate_dismiss(
    request: Request, duplicate_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Not the same person: the proposal is closed and not made again."""
    del form_data
    try:
        service.dismiss_duplicate(session, actor, duplicate_id)
    except TalentBridgeError as exc:
        if exc.http_status in {403, 404}:
            raise
        flash(request, _("This proposal has already been resolved."), "error")
        return see_other(url_for(request, "duplicates"))
    flash(request, _("Marked as different people."))
    return see_other(url_for(request, "duplicates"))


@router.get("/merges/{merge_id}", name="merge_detail")
def merge_detail(request: Request, merge_id: uuid.UUID, session: DbSession, actor: PageActor) -> Response:
    """What a merge did, with the undo action."""
    merge = merge_module.get_merge(session, actor, merge_id)
    names = repository.names_of(session, [pid for pid in (merge.survivor_id, merge.merged_id) if pid])
    return render_page(
        request,
        "intake/merge_detail.html",
        actor,
        title=_("Merge"),
        merge=service.merge_read(merge),
        names=names,
        field_label=field_label,
    )


@router.post("/merges/{merge_id}/undo", name="merge_undo")
def merge_undo(
    request: Request, merge_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Undo the merge and restore both records."""
    del form_data
    try:
        service.undo_merge(session, actor, merge_id)
    except TalentBridgeError as exc:
        if exc.http_status in {403, 404}:
            raise
        flash(request, _("The merge could not be undone: %(reason)s") % {"reason": exc.message}, "error")
        return see_other(url_for(request, "merge_detail", merge_id=merge_id))
    flash(request, _("Merge undone: both records are back."))
    return see_other(url_for(request, "merge_detail", merge_id=merge_id))


@router.get("/reviews/{review_id}", name="review_detail")
def review_detail(request: Request, review_id: uuid.UUID, session: DbSession, actor: PageActor) -> Response:
    """Parsed against existing values, with evidence and confidence, to confirm or correct."""
    item = review.get_review(session, actor, review_id)
    names = repository.names_of(session, [item.person_id])
    return render_page(
        request,
        "intake/review.html",
        actor,
        title=_("Review parsed fields"),
        subtitle=names.get(item.person_id, ("", None))[0],
        review=service.review_read(item),
        text_fields=review.TEXT_FIELDS,
        field_label=field_label,
    )


@router.post("/reviews/{review_id}/apply", name="review_apply")
def review_apply(
    request: Request, review_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Apply the accepted (and corrected) values to the person."""
    item = review.get_review(session, actor, review_id)
    lines = {line["field"] for line in item.fields}
    accepted = [name for name in form_data.getlist("accept") if isinstance(name, str) and name in lines]
    corrections = {}
    for name in review.TEXT_FIELDS:
        value = form_data.get(f"correct_{name}")
        if name in lines and isinstance(value, str) and value.strip() and name in accepted:
            corrections[name] = value
    try:
        review.apply_review(session, actor, review_id, accepted=accepted, corrections=corrections)
    except TalentBridgeError as exc:
        if exc.http_status in {403, 404}:
            raise
        flash(request, _("The values could not be applied: %(reason)s") % {"reason": exc.message}, "error")
        return see_other(url_for(request, "review_detail", review_id=review_id))
    flash(request, _("Parsed values applied."))
    return see_other(url_for(request, "person", person_id=item.person_id))


@router.post("/reviews/{review_id}/dismiss", name="review_dismiss")
def review_dismiss(
    request: Request, review_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Keep the person unchanged."""
    del form_data
    try:
        item = review.dismiss_review(session, actor, review_id)
    except TalentBridgeError as exc:
        if exc.http_status in {403, 404}:
            raise
        flash(request, _("This review has already been resolved."), "error")
        return see_other(url_for(request, "duplicates"))
    flash(request, _("Parsed values discarded."))
    return see_other(url_for(request, "person", person_id=item.person_id))


def _review_badge(session: Session, actor: Actor, person_id: uuid.UUID) -> Markup | None:
    """A link on the person header when parsed résumé values wait for review."""
    if not can_use_intake(actor):
        return None
    pending = repository.list_reviews(session, person_id=person_id, limit=1)
    if not pending:
        return None
    href = f"/reviews/{pending[0].id}"
    return Markup('<a class="badge badge--warning" href="{}">{}</a>').format(
        escape(href), _("Parsed fields to review")
    )


register_person_badge("intake_review", _review_badge)
