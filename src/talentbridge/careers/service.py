"""Use cases of the careers site: list published jobs, take applications with consent, and show
consent records to compliance (how a job is published lives in ``publishing``).

An application from the site finds its person by e-mail (never a second record for the same
address), creates one if new, adds the application in the job's first stage attributed to the
tracked link's channel (or the "Careers site" source), stores the CV through the attachment store
(content-checked, size-limited), records consent (purpose, jurisdiction by country, notice
version and fingerprint, a keyed hash of the client address) and queues a confirmation e-mail
that is sent only after the transaction commits. Everything is checked before anything is
written, so a refused form leaves no half-made person or application behind.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.careers import publishing, repository
from talentbridge.careers.enums import ConsentPurpose, QuestionKind
from talentbridge.careers.models import CareersSubmission, ConsentRecord
from talentbridge.careers.privacy import rules
from talentbridge.careers.public import PublicJob, PublicQuestion, slug_id_prefix
from talentbridge.careers.schemas import (
    ApplicantDetails,
    ConsentFilter,
)
from talentbridge.errors import Conflict, Forbidden, InvalidInput, NotFound
from talentbridge.files import service as files_service
from talentbridge.files.storage import AttachmentStore
from talentbridge.files.uploads import UploadLimits, check_upload
from talentbridge.jobs.enums import RoleFamily
from talentbridge.jobs.models import Hub
from talentbridge.kit.clock import utc_now
from talentbridge.kit.text import normalise_email
from talentbridge.mail.service import queue_mail
from talentbridge.people import service as people_service
from talentbridge.people.interchange import json_resume_to_person_data
from talentbridge.people.policies import require_visible_person
from talentbridge.people.schemas import PersonCreate
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.schemas import ApplicationCreate
from talentbridge.sourcing import repository as sourcing_repository
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.models import TrackedLink
from talentbridge.web.i18n import _, use_locale

# The public site acts with the rights it needs (create a person, an application, an attachment)
# and shows up in the audit log under its own name.
CAREERS_ACTOR = Actor(user_id=None, role=Role.ADMIN, email="careers-site", full_name="Careers site")
CONSENT_ROLES = frozenset({Role.ADMIN, Role.COMPLIANCE})
PREFILL_FIELDS = ("native_name", "headline", "experiences", "educations", "skills", "languages")
MAX_ANSWER_CHARS = 4000
APPLICATION_NOTE = "Applied on the careers site"
SITE_PATH = "/careers"
PARSER_MODULE = "talentbridge.intake.parsing"  # written by the intake work; optional here


@dataclass(frozen=True)
class CvUpload:
    """The uploaded CV as received."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class ApplicationRequest:
    """A submitted application form, as the edge read it."""

    job_id: uuid.UUID
    details: ApplicantDetails
    answers: Mapping[str, str]
    cv: CvUpload | None
    link_token: str | None
    locale: str
    ip_hash: str


@dataclass(frozen=True)
class SubmissionResult:
    """What an application from the site created."""

    person_id: uuid.UUID
    application_id: uuid.UUID
    source_id: uuid.UUID
    created_person: bool
    tracked: bool


# --- public site ----------------------------------------------------------------------------------


def list_public_jobs(
    session: Session, *, hub_id: uuid.UUID | None = None, team: RoleFamily | None = None
) -> list[PublicJob]:
    """Open, listed jobs as published, newest first; filter by hub (location) and team."""
    rows = repository.published_jobs(session, hub_id=hub_id, role_family=team)
    return [publishing.to_public(job, hub, posting) for job, hub, posting in rows]


def public_hubs(session: Session) -> Sequence[Hub]:
    """Locations that have published jobs (the list's location filter)."""
    return repository.hubs_with_published_jobs(session)


def resolve_slug(session: Session, slug: str) -> uuid.UUID:
    """The id of the published job a slug names (only the id digits count); NotFound otherwise."""
    prefix = slug_id_prefix(slug)
    if prefix is not None:
        for job_id in repository.published_job_ids(session):
            if job_id.hex.startswith(prefix):
                return job_id
    raise NotFound("This job is not open (any more).")


def get_public_job(session: Session, job_id: uuid.UUID) -> PublicJob:
    """A published job with its screening questions; NotFound once it is closed or unlisted."""
    row = repository.published_job(session, job_id)
    if row is None:
        raise NotFound("This job is not open (any more).")
    job, hub, posting = row
    questions = tuple(
        publishing.public_question(question) for question in repository.list_questions(session, job.id)
    )
    return publishing.to_public(job, hub, posting, questions)


def link_paths(session: Session, links: Sequence[TrackedLink]) -> dict[uuid.UUID, str]:
    """The public path each tracked link hands out, by link id (a site-wide link opens the list)."""
    titles = repository.job_titles(session, (link.job_id for link in links if link.job_id is not None))
    paths = {}
    for link in links:
        if link.job_id is None or link.job_id not in titles:
            paths[link.id] = f"{SITE_PATH}?ch={link.token}"
        else:
            paths[link.id] = publishing.job_path(link.job_id, titles[link.job_id], token=link.token)
    return paths


def record_visit(session: Session, job_id: uuid.UUID, token: str | None) -> TrackedLink | None:
    """Count a visit that came through a tracked link (unknown tokens are ignored)."""
    if not token:
        return None
    return sourcing_service.record_click(session, token, job_id)


def hash_client_address(secret: str, address: str) -> str:
    """A keyed SHA-256 of the client address: the same address gives the same hash (abuse
    investigation, rate limits), but the address itself is never stored."""
    return hmac.new(secret.encode("utf-8"), address.encode("utf-8"), hashlib.sha256).hexdigest()


def submit_application(
    session: Session, request: ApplicationRequest, *, store: AttachmentStore, limits: UploadLimits
) -> SubmissionResult:
    """Take an application from the careers site (see the module docstring for every step)."""
    public = get_public_job(session, request.job_id)
    answers = _checked_answers(public.questions, request.answers)
    if request.cv is None:
        raise InvalidInput("Attach your CV.", field="cv")
    _check_cv(request.cv, limits)
    link, source_id = _attribution(session, request.link_token, public.id)
    person_id, created = _person_for(session, request, source_id)
    try:
        application = pipeline_service.create_application(
            session,
            CAREERS_ACTOR,
            ApplicationCreate(
                person_id=person_id, job_id=public.id, source_id=source_id, note=APPLICATION_NOTE
            ),
        )
    except Conflict as exc:
        raise Conflict("You have already applied to this job.", field="email") from exc
    attachment = files_service.upload_attachment(
        session,
        CAREERS_ACTOR,
        person_id,
        filename=request.cv.filename,
        data=request.cv.data,
        store=store,
        limits=limits,
        application_id=application.id,
    )
    session.add(
        CareersSubmission(
            application_id=application.id,
            person_id=person_id,
            job_id=public.id,
            source_id=source_id,
            tracked_link_id=link.id if link else None,
            attachment_id=attachment.id,
            answers=answers,
            locale=request.locale,
        )
    )
    _record_consents(session, request, person_id, application.id)
    if link is not None:
        sourcing_service.attribute_application(session, link)
    session.flush()
    _queue_confirmation(session, request, public)
    audit.record(
        session,
        CAREERS_ACTOR,
        "apply",
        "application",
        application.id,
        person_id=person_id,
        summary=f"Applied to '{public.title}' on the careers site",
        changes={"source_id": source_id, "tracked": link is not None, "new_person": created},
    )
    return SubmissionResult(person_id, application.id, source_id, created, link is not None)


def _checked_answers(questions: Sequence[PublicQuestion], raw: Mapping[str, str]) -> list[dict[str, Any]]:
    answers = []
    for question in questions:
        value = (raw.get(str(question.id)) or "").strip()
        if not value:
            if question.required:
                raise InvalidInput("Answer this question.", field=f"q_{question.id}")
            continue
        if len(value) > MAX_ANSWER_CHARS:
            raise InvalidInput("This answer is too long.", field=f"q_{question.id}")
        allowed = _allowed_answers(question)
        if allowed is not None and value not in allowed:
            raise InvalidInput("Choose one of the options.", field=f"q_{question.id}")
        answers.append({"question_id": str(question.id), "prompt": question.prompt, "answer": value})
    return answers


def _allowed_answers(question: PublicQuestion) -> tuple[str, ...] | None:
    if question.kind == QuestionKind.YES_NO:
        return ("yes", "no")
    if question.kind == QuestionKind.CHOICE:
        return question.choices
    return None


def _check_cv(cv: CvUpload, limits: UploadLimits) -> None:
    try:
        check_upload(cv.filename, cv.data, limits)
    except InvalidInput as exc:
        raise type(exc)(exc.message, field="cv", extra=exc.extra) from exc
    except Exception as exc:  # UploadTooLarge (413) keeps its status, but names the form's field
        exc_field = getattr(exc, "field", None)
        if exc_field == "file":
            exc.field = "cv"  # type: ignore[attr-defined]
        raise


def _attribution(
    session: Session, token: str | None, job_id: uuid.UUID
) -> tuple[TrackedLink | None, uuid.UUID]:
    """The tracked link an application came through (if valid for this job) and its channel."""
    if token:
        link = sourcing_repository.get_link_by_token(session, token)
        if link is not None and link.job_id in (None, job_id):
            source = sourcing_repository.get_source(session, link.source_id)
            if source is not None and source.is_active:
                return link, source.id
    return None, sourcing_service.careers_site_source(session).id


def _person_for(
    session: Session, request: ApplicationRequest, source_id: uuid.UUID
) -> tuple[uuid.UUID, bool]:
    """The person holding the e-mail address, or a new one (prefilled from the CV when possible)."""
    existing = repository.person_id_by_email(session, normalise_email(str(request.details.email)))
    if existing is not None:
        return existing, False
    details = request.details
    base: dict[str, Any] = {
        "first_name": details.first_name,
        "last_name": details.last_name,
        "emails": [str(details.email)],
        "phones": [{"number": details.phone}] if details.phone else [],
        "location_country": details.country,
        "location_city": details.city,
        "links": {"linkedin": details.linkedin} if details.linkedin else {},
        "source_id": source_id,
    }
    try:
        PersonCreate.model_validate(base)
    except ValidationError as exc:
        field = str(exc.errors()[0]["loc"][0]) if exc.errors() else "email"
        form_field = {"phones": "phone", "links": "linkedin", "location_city": "city"}.get(field, field)
        raise InvalidInput("Check this field.", field=form_field) from exc
    prefill = _prefill_from_cv(request.cv) if request.cv else {}
    try:
        data = PersonCreate.model_validate({**prefill, **base})
    except ValidationError:
        data = PersonCreate.model_validate(base)
    person = people_service.create_person(session, CAREERS_ACTOR, data)
    return person.id, True


def _prefill_from_cv(cv: CvUpload) -> dict[str, Any]:
    """Profile facts parsed from the CV (skills, education, experience ...), when the parser is
    installed; contact fields always come from the form. A CV that cannot be parsed adds nothing."""
    try:
        parse_document = getattr(importlib.import_module(PARSER_MODULE), "parse_document", None)
    except ImportError:
        return {}
    if parse_document is None:
        return {}
    try:
        parsed = parse_document(cv.data, cv.filename)
        data = json_resume_to_person_data(parsed.resume)
    except Exception:
        return {}
    return {key: data[key] for key in PREFILL_FIELDS if data.get(key)}


def _record_consents(
    session: Session, request: ApplicationRequest, person_id: uuid.UUID, application_id: uuid.UUID
) -> None:
    privacy = rules()
    notice = privacy.current
    purposes = [ConsentPurpose.RECRUITMENT]
    if request.details.talent_pool:
        purposes.append(ConsentPurpose.TALENT_POOL)
    for purpose in purposes:
        session.add(
            ConsentRecord(
                person_id=person_id,
                application_id=application_id,
                purpose=purpose,
                jurisdiction=privacy.jurisdiction_for(request.details.country),
                country=request.details.country,
                notice_version=notice.version,
                notice_sha256=notice.sha256(request.locale),
                locale=request.locale,
                ip_hash=request.ip_hash,
                given_at=utc_now(),
                statement=notice.statement_for(purpose, request.locale),
            )
        )


def _queue_confirmation(session: Session, request: ApplicationRequest, job: PublicJob) -> None:
    with use_locale(request.locale):
        subject = _("We received your application: %(title)s") % {"title": job.title}
        body = "\n\n".join(
            (
                _("Dear %(name)s,") % {"name": request.details.first_name},
                _(
                    "Thank you for applying for %(title)s in %(city)s. Our recruiting team will review "
                    "your application and get back to you."
                )
                % {"title": job.title, "city": job.city},
                _("You can ask us to see, correct or delete your information at any time."),
            )
        )
    queue_mail(session, to=str(request.details.email), subject=subject.replace("\n", " "), body_text=body)


# --- staff: consent records ------------------------------------------------------------------------


def require_consent_read(actor: Actor) -> None:
    """Consent records are compliance evidence: compliance officers and admins only."""
    if actor.role not in CONSENT_ROLES:
        raise Forbidden("Only compliance officers and administrators can see consent records.")


def list_consents(
    session: Session, actor: Actor, filters: ConsentFilter | None = None
) -> Sequence[ConsentRecord]:
    """Consent records, newest first."""
    require_consent_read(actor)
    return repository.list_consents(session, filters or ConsentFilter())


def consents_of_person(session: Session, actor: Actor, person_id: uuid.UUID) -> Sequence[ConsentRecord]:
    """One person's consent records."""
    require_consent_read(actor)
    require_visible_person(session, actor, person_id)
    return repository.consents_of_person(session, person_id)
