"""The public careers site: job list, job page (with JSON-LD and the application form), the
confirmation page and the privacy notice. No sign-in; own layout without the staff sidebar.

A visit with ``?ch=TOKEN`` counts a click on that tracked link and the token rides along in the
form, so the application is attributed to the link's channel. The form is CSRF-protected (the
anonymous session has a token), has a honeypot field that people never see (a filled one is
accepted silently and dropped) and is rate-limited per client address.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from typing import Any

from babel import Locale
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from pydantic import ValidationError
from starlette.datastructures import FormData, UploadFile

from talentbridge.api.deps import DbSession, get_settings
from talentbridge.careers import jsonld, service
from talentbridge.careers.enums import ConsentPurpose
from talentbridge.careers.privacy import rules
from talentbridge.careers.public import PublicJob
from talentbridge.careers.schemas import ApplicantDetails
from talentbridge.careers.throttle import ApplyThrottle
from talentbridge.config import Settings
from talentbridge.errors import Conflict, InvalidInput
from talentbridge.files.api import AttachmentStoreDep, UploadLimitsDep
from talentbridge.files.uploads import UploadTooLarge
from talentbridge.jobs.enums import JobLevel, RoleFamily, WorkModel
from talentbridge.web.deps import CsrfForm
from talentbridge.web.forms import FORM_ERROR, FormState, validation_message
from talentbridge.web.i18n import _, current_locale
from talentbridge.web.labels import label
from talentbridge.web.templating import render_page

router = APIRouter(include_in_schema=False)

APPLY_FIELDS = ("first_name", "last_name", "email", "phone", "country", "city", "linkedin")
HONEYPOT_FIELD = "website"
TOKEN_FIELD = "ch"  # noqa: S105 - a form field name, not a secret
MAX_TOKEN_CHARS = 24
_THROTTLE_LOCK = threading.Lock()


@dataclass(frozen=True)
class SiteInfo:
    """The employer as the site, JSON-LD and feeds name it."""

    name: str
    url: str
    base_url: str
    contact_email: str

    def absolute(self, path: str) -> str:
        """An absolute URL of a path on this site."""
        return self.base_url + path


def site_info(settings: Settings) -> SiteInfo:
    """The careers-site settings of the running app."""
    base = settings.base_url.rstrip("/")
    return SiteInfo(
        name=settings.careers_company_name,
        url=settings.careers_company_url or base + "/careers",
        base_url=base,
        contact_email=settings.careers_contact_email,
    )


def clean_token(raw: object) -> str | None:
    """A tracked-link token from the query or form (None unless it looks like one)."""
    if not isinstance(raw, str):
        return None
    token = raw.strip()
    if not token or len(token) > MAX_TOKEN_CHARS or not all(c.isalnum() or c in "-_" for c in token):
        return None
    return token


def country_options(locale: str) -> list[tuple[str, str]]:
    """(ISO code, name in the viewer's language) for the country select, sorted by name."""
    territories = Locale.parse(locale).territories
    names = [(code, name) for code, name in territories.items() if len(code) == 2 and code.isalpha()]
    return sorted(names, key=lambda item: item[1])


def _family(value: str) -> str:
    return label(RoleFamily(value))


def _work_model(value: str) -> str:
    return label(WorkModel(value))


def _level(value: str) -> str:
    return label(JobLevel(value))


def _public_page(request: Request, template: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    headers = {"Retry-After": str(context.pop("retry_after"))} if "retry_after" in context else None
    return render_page(
        request,
        template,
        None,
        status_code=status_code,
        headers=headers,
        family_label=_family,
        work_model_label=_work_model,
        level_label=_level,
        site=site_info(get_settings(request)),
        **context,
    )


@router.get("/careers", name="careers_jobs")
def careers_jobs(
    request: Request, session: DbSession, location: str = "", team: str = "", ch: str = ""
) -> HTMLResponse:
    """Open jobs, filtered by location (hub) and team (role family)."""
    hub_id = _uuid_or_none(location)
    family = RoleFamily(team) if team in {item.value for item in RoleFamily} else None
    jobs = service.list_public_jobs(session, hub_id=hub_id, team=family)
    return _public_page(
        request,
        "careers/jobs.html",
        title=_("Open positions"),
        jobs=jobs,
        hubs=service.public_hubs(session),
        teams=[(item.value, _family(item.value)) for item in RoleFamily],
        location=str(hub_id) if hub_id else "",
        team=family.value if family else "",
        token=clean_token(ch),
    )


@router.get("/careers/privacy", name="careers_privacy")
def careers_privacy(request: Request) -> HTMLResponse:
    """The privacy notice applicants agree to, in the viewer's language, with its version."""
    notice = rules().current
    return _public_page(
        request,
        "careers/privacy.html",
        title=_("Privacy notice for applicants"),
        notice=notice,
        notice_text=notice.text_for(current_locale()),
    )


@router.get("/careers/jobs/{slug}", name="careers_job")
def careers_job(request: Request, slug: str, session: DbSession, ch: str = "") -> Response:
    """A job page with its JSON-LD and the application form; a visit via a tracked link counts."""
    job_id = service.resolve_slug(session, slug)
    job = service.get_public_job(session, job_id)
    token = clean_token(ch)
    if slug != job.slug:  # an old title, or a shortened link: one canonical address per job
        query = f"?ch={token}" if token else ""
        return RedirectResponse(f"/careers/jobs/{job.slug}{query}", status_code=301)
    service.record_visit(session, job.id, token)
    return _job_page(request, job, FormState(values={"country": ""}), token=token)


def _job_page(
    request: Request,
    job: PublicJob,
    form: FormState,
    *,
    token: str | None,
    status_code: int = 200,
    retry_after: int | None = None,
) -> HTMLResponse:
    site = site_info(get_settings(request))
    url = site.absolute(f"/careers/jobs/{job.slug}")
    posting = jsonld.job_posting(
        job, url=url, organization_name=site.name, organization_url=site.url, organization_logo=None
    )
    notice = rules().current
    locale = current_locale()
    extra: dict[str, Any] = {"retry_after": retry_after} if retry_after else {}
    return _public_page(
        request,
        "careers/job.html",
        status_code=status_code,
        title=job.title,
        job=job,
        jsonld=Markup(jsonld.script_json(posting)),  # noqa: S704 - escaped for <script> by script_json
        description=Markup(job.description_html),  # noqa: S704 - rendered by kit.markdown, sanitised
        form=form,
        labels=_labels(job),
        token=token,
        countries=[("", _("Choose a country")), *country_options(locale)],
        notice=notice,
        consent_statement=notice.statement_for(ConsentPurpose.RECRUITMENT, locale),
        pool_statement=notice.statement_for(ConsentPurpose.TALENT_POOL, locale),
        **extra,
    )


def _labels(job: PublicJob) -> dict[str, str]:
    labels = {
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "email": _("E-mail"),
        "phone": _("Phone"),
        "country": _("Country you live in"),
        "city": _("City"),
        "linkedin": _("LinkedIn profile"),
        "cv": _("CV (PDF, Word or text)"),
        "consent": _("Consent"),
    }
    for question in job.questions:
        labels[f"q_{question.id}"] = question.prompt
    return labels


@router.post("/careers/jobs/{slug}/apply", name="careers_apply")
def careers_apply(
    request: Request,
    slug: str,
    form_data: CsrfForm,
    session: DbSession,
    store: AttachmentStoreDep,
    limits: UploadLimitsDep,
) -> Response:
    """Take an application; problems are explained next to their fields (nothing is saved)."""
    job = service.get_public_job(session, service.resolve_slug(session, slug))
    token = clean_token(form_data.get(TOKEN_FIELD))
    done = RedirectResponse(f"/careers/jobs/{job.slug}/applied", status_code=303)
    if str(form_data.get(HONEYPOT_FIELD) or "").strip():
        return done  # a bot filled the invisible field: look successful, keep nothing
    settings = get_settings(request)
    client = service.hash_client_address(settings.secret_key.get_secret_value(), _client_address(request))
    throttle = _throttle(request, settings)
    form = _read_form(form_data, job)
    if not throttle.allow(client):
        form.add_error(FORM_ERROR, _("Too many applications from your network. Please try again later."))
        return _job_page(
            request, job, form, token=token, status_code=429, retry_after=throttle.retry_after(client)
        )
    details = _validated(form)
    upload = _read_upload(form_data.get("cv"), limits.max_bytes)
    if details is None:
        return _job_page(request, job, form, token=token, status_code=422)
    application = service.ApplicationRequest(
        job_id=job.id,
        details=details,
        answers={str(q.id): form.values.get(f"q_{q.id}", "") for q in job.questions},
        cv=upload,
        link_token=token,
        locale=current_locale(),
        ip_hash=client,
    )
    try:
        service.submit_application(session, application, store=store, limits=limits)
    except (InvalidInput, Conflict, UploadTooLarge) as exc:
        session.rollback()
        form.add_error(exc.field or FORM_ERROR, _refusal_message(exc))
        return _job_page(request, job, form, token=token, status_code=exc.http_status)
    return done


@router.get("/careers/jobs/{slug}/applied", name="careers_applied")
def careers_applied(request: Request, slug: str, session: DbSession) -> HTMLResponse:
    """The confirmation after applying."""
    job = service.get_public_job(session, service.resolve_slug(session, slug))
    return _public_page(request, "careers/applied.html", title=_("Application received"), job=job)


def _read_form(form_data: FormData, job: PublicJob) -> FormState:
    form = FormState.from_form(form_data, *APPLY_FIELDS)
    for question in job.questions:
        raw = form_data.get(f"q_{question.id}")
        form.values[f"q_{question.id}"] = raw.strip() if isinstance(raw, str) else ""
    form.values["consent"] = "on" if form_data.get("consent") == "on" else ""
    form.values["talent_pool"] = "on" if form_data.get("talent_pool") == "on" else ""
    return form


def _validated(form: FormState) -> ApplicantDetails | None:
    values = form.values
    data = {name: values.get(name, "") for name in APPLY_FIELDS}
    try:
        return ApplicantDetails.model_validate(
            {
                **data,
                "consent": values.get("consent") == "on",
                "talent_pool": values.get("talent_pool") == "on",
            }
        )
    except ValidationError as exc:
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else FORM_ERROR
            if name == "consent":
                form.add_error("consent", _("Please agree to the privacy notice to apply."))
            elif name == "country":
                form.add_error("country", _("Choose the country you live in."))
            else:
                form.add_error(name, validation_message(error))
        return None


def _read_upload(upload: object, max_bytes: int) -> service.CvUpload | None:
    if not isinstance(upload, UploadFile) or not upload.filename:
        return None
    try:
        return service.CvUpload(filename=upload.filename, data=upload.file.read(max_bytes + 1))
    finally:
        upload.file.close()


def _refusal_message(exc: InvalidInput | Conflict | UploadTooLarge) -> str:
    if isinstance(exc, UploadTooLarge):
        return _("The file is too large.")
    if isinstance(exc, Conflict):
        return _("You have already applied to this job with this e-mail address.")
    if exc.field == "cv" and exc.message == "Attach your CV.":
        return _("Attach your CV.")
    if exc.field == "cv":
        return _(
            "This file cannot be accepted: upload a PDF, Word (DOCX) or text file whose name matches it."
        )
    if exc.field and exc.field.startswith("q_"):
        return (
            _("Answer this question.")
            if exc.message == "Answer this question."
            else _("Enter a valid value.")
        )
    return _("Enter a valid value.")


def _client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _throttle(request: Request, settings: Settings) -> ApplyThrottle:
    """One throttle per app (separate apps in tests do not share counts)."""
    with _THROTTLE_LOCK:
        throttle = getattr(request.app.state, "careers_throttle", None)
        if not isinstance(throttle, ApplyThrottle):
            throttle = ApplyThrottle(per_hour=settings.careers_applications_per_hour)
            request.app.state.careers_throttle = throttle
        return throttle


def _uuid_or_none(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
