"""Staff side of the careers site: the job page's "Careers site" tab (how the job is published,
its screening questions, its tracked links) and the consent-record list for compliance.

The screening-question editor is a textarea, one question per line, so it works without
JavaScript: ``prompt | kind | choices separated by ; | optional``, where kind is ``text``,
``yes_no`` or ``choice`` (text when left out) and questions are required unless marked optional.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import FULL_VISIBILITY_ROLES, require_recruiting_write
from talentbridge.careers import publishing, service
from talentbridge.careers.enums import EmploymentType, QuestionKind
from talentbridge.careers.models import ScreeningQuestion
from talentbridge.careers.schemas import ConsentFilter, PostingUpdate, ScreeningQuestionsUpdate
from talentbridge.errors import InvalidInput
from talentbridge.jobs.policies import visible_job_or_404
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.schemas import SourceFilter, TrackedLinkCreate, TrackedLinkFilter
from talentbridge.web import extensions
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.i18n import _, lazy_gettext
from talentbridge.web.templating import render_page
from talentbridge.web.urls import url_for

router = APIRouter(include_in_schema=False)

TAB_KEY = "careers"
POSTING_FIELDS = ("employment_type", "valid_through", "eligibility_to_work", "listed", "show_salary")
QUESTION_SEPARATOR = "|"
OPTIONAL_WORDS = frozenset({"optional", "可选"})
EMPLOYMENT_LABELS = {
    EmploymentType.FULL_TIME: lazy_gettext("Full time"),
    EmploymentType.PART_TIME: lazy_gettext("Part time"),
    EmploymentType.CONTRACTOR: lazy_gettext("Contractor"),
    EmploymentType.TEMPORARY: lazy_gettext("Temporary"),
    EmploymentType.INTERN: lazy_gettext("Internship"),
}


def can_open_tab(actor: Actor) -> bool:
    """Admins, recruiters and compliance officers see how a job is published."""
    return actor.role in FULL_VISIBILITY_ROLES


def questions_text(questions: Sequence[ScreeningQuestion]) -> str:
    """Questions as the editor shows them, one per line."""
    lines = []
    for question in questions:
        parts = [question.prompt, question.kind.value, "; ".join(question.choices)]
        if not question.required:
            parts.append("optional")
        lines.append(" | ".join(parts).rstrip(" |"))
    return "\n".join(lines)


def parse_questions(text: str) -> ScreeningQuestionsUpdate:
    """The editor's text as questions; ValidationError or InvalidInput (with the line) if wrong."""
    questions: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split(QUESTION_SEPARATOR)]
        kind = parts[1].lower() if len(parts) > 1 and parts[1] else QuestionKind.TEXT.value
        if kind not in {item.value for item in QuestionKind}:
            raise InvalidInput(f"Line {number}: unknown kind '{kind}'.", field="questions")
        choices = [c.strip() for c in parts[2].split(";") if c.strip()] if len(parts) > 2 else []
        optional = len(parts) > 3 and parts[3].lower() in OPTIONAL_WORDS
        questions.append({"prompt": parts[0], "kind": kind, "choices": choices, "required": not optional})
    return ScreeningQuestionsUpdate.model_validate({"questions": questions})


def job_careers_tab(request: Request, session: Session, actor: Actor, job_id: uuid.UUID) -> Mapping[str, Any]:
    """The tab's context: posting settings, questions, this job's tracked links, channels."""
    del request
    posting = publishing.get_posting(session, actor, job_id)
    links = list(sourcing_service.list_links(session, actor, TrackedLinkFilter(job_id=job_id)))
    sources = sourcing_service.list_sources(session, actor, SourceFilter(active=True))
    names = {source.id: source.name for source in sources}
    linked = {link.source_id for link in links}
    return {
        "posting": posting,
        "questions_text": questions_text(publishing.list_questions(session, actor, job_id)),
        "links": links,
        "link_paths": service.link_paths(session, links),
        "source_names": names,
        "link_choices": [
            (str(s.id), s.name) for s in sources if s.id not in linked and s.kind != SourceKind.SOURCED
        ],
        "employment_choices": [(item.value, str(label)) for item, label in EMPLOYMENT_LABELS.items()],
        "can_edit": actor.role in {"admin", "recruiter"},
    }


extensions.register_tab(
    "job",
    extensions.ExtensionTab(
        key=TAB_KEY,
        label=lazy_gettext("Careers site"),
        icon="globe",
        template="careers/_job_tab.html",
        loader=job_careers_tab,
        visible=can_open_tab,
        order=40,
    ),
)


def _back(request: Request, job_id: uuid.UUID) -> RedirectResponse:
    return RedirectResponse(url_for(request, "job", job_id=job_id, query={"tab": TAB_KEY}), status_code=303)


@router.post("/jobs/{job_id}/careers/posting", name="careers_posting_save")
def posting_save(
    request: Request, job_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Save how the job is published."""
    visible_job_or_404(session, actor, job_id)
    require_recruiting_write(actor)
    raw_date = str(form_data.get("valid_through") or "").strip()
    data = {
        "employment_type": str(form_data.get("employment_type") or ""),
        "eligibility_to_work": str(form_data.get("eligibility_to_work") or "").strip() or None,
        "listed": form_data.get("listed") == "on",
        "show_salary": form_data.get("show_salary") == "on",
    }
    try:
        update = PostingUpdate.model_validate(
            {**data, "valid_through": date.fromisoformat(raw_date) if raw_date else None}
        )
    except (ValidationError, ValueError):
        flash(
            request, _("Check the posting settings: the date or the employment type is not valid."), "error"
        )
        return _back(request, job_id)
    publishing.update_posting(session, actor, job_id, update)
    flash(request, _("Posting settings saved."))
    return _back(request, job_id)


@router.post("/jobs/{job_id}/careers/questions", name="careers_questions_save")
def questions_save(
    request: Request, job_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Replace the job's screening questions from the editor's text."""
    visible_job_or_404(session, actor, job_id)
    require_recruiting_write(actor)
    try:
        questions = parse_questions(str(form_data.get("questions") or ""))
    except (ValidationError, InvalidInput):
        flash(
            request,
            _(
                "The questions could not be saved: write one per line as “question | kind | choices; "
                "separated; by; semicolons | optional”; choice questions need two choices."
            ),
            "error",
        )
        return _back(request, job_id)
    publishing.replace_questions(session, actor, job_id, questions)
    flash(request, _("Screening questions saved."))
    return _back(request, job_id)


@router.post("/jobs/{job_id}/careers/links", name="careers_link_create")
def link_create(
    request: Request, job_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Create the tracked apply link of a channel for this job."""
    visible_job_or_404(session, actor, job_id)
    try:
        source_id = uuid.UUID(str(form_data.get("source_id") or ""))
        sourcing_service.ensure_link(session, actor, TrackedLinkCreate(source_id=source_id, job_id=job_id))
    except (ValueError, InvalidInput):
        flash(request, _("Choose an active channel for the link."), "error")
        return _back(request, job_id)
    flash(request, _("Tracked link created."))
    return _back(request, job_id)


@router.get("/compliance/consents", name="careers_consents")
def consents_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """Consent records from the careers site (compliance officers and admins)."""
    records = service.list_consents(session, actor, ConsentFilter(limit=200))
    return render_page(
        request,
        "careers/consents.html",
        actor,
        title=_("Consent records"),
        subtitle=_("What applicants agreed to on the careers site, under which notice and law."),
        records=records,
    )
