"""How a job is published on the careers site: posting settings, screening questions, and the
public snapshot (``PublicJob``) that pages, JSON-LD and feeds render.

A job without saved settings is published with defaults: listed while open, full time (intern
for intern-level jobs), valid for 60 days after opening (Google wants an end date), salary hidden.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_recruiting_write
from talentbridge.careers import repository
from talentbridge.careers.enums import EmploymentType
from talentbridge.careers.models import CareerPosting, ScreeningQuestion
from talentbridge.careers.public import PublicJob, PublicQuestion, job_slug
from talentbridge.careers.schemas import PostingRead, PostingUpdate, ScreeningQuestionsUpdate
from talentbridge.jobs.enums import JobLevel, JobStatus
from talentbridge.jobs.models import Hub, Job
from talentbridge.jobs.policies import visible_job_or_404
from talentbridge.kit.markdown import render_markdown

DEFAULT_VALID_DAYS = 60  # validThrough when a recruiter set none: Google wants an end date


def job_path(job_id: uuid.UUID, title: str, *, token: str | None = None) -> str:
    """The public path of a job page, with a tracked link's token when given."""
    path = f"/careers/jobs/{job_slug(job_id, title)}"
    return f"{path}?ch={token}" if token else path


# --- staff: posting settings and screening questions ---------------------------------------------


def get_posting(session: Session, actor: Actor, job_id: uuid.UUID) -> PostingRead:
    """How a job is published (defaults when never changed)."""
    job = visible_job_or_404(session, actor, job_id)
    return _posting_read(job, repository.get_posting(session, job.id))


def update_posting(session: Session, actor: Actor, job_id: uuid.UUID, data: PostingUpdate) -> PostingRead:
    """Change how a job is published (recruiters and admins)."""
    job = visible_job_or_404(session, actor, job_id)
    require_recruiting_write(actor)
    posting = repository.get_posting(session, job.id)
    if posting is None:
        posting = CareerPosting(job_id=job.id, employment_type=_default_employment(job))
        session.add(posting)
    changes = data.model_dump(exclude_unset=True)
    for field, value in changes.items():
        setattr(posting, field, value)
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "career_posting",
        posting.id,
        summary=f"Changed how '{job.title}' is published",
        changes=changes,
    )
    return _posting_read(job, posting)


def list_questions(session: Session, actor: Actor, job_id: uuid.UUID) -> Sequence[ScreeningQuestion]:
    """A job's screening questions (anyone who sees the job)."""
    job = visible_job_or_404(session, actor, job_id)
    return repository.list_questions(session, job.id)


def replace_questions(
    session: Session, actor: Actor, job_id: uuid.UUID, data: ScreeningQuestionsUpdate
) -> Sequence[ScreeningQuestion]:
    """Replace a job's screening questions (recruiters and admins). Answers already given keep
    the prompt they answered."""
    job = visible_job_or_404(session, actor, job_id)
    require_recruiting_write(actor)
    repository.delete_questions(session, job.id)
    for position, question in enumerate(data.questions):
        session.add(
            ScreeningQuestion(
                job_id=job.id,
                position=position,
                prompt=question.prompt,
                kind=question.kind,
                choices=list(question.choices),
                required=question.required,
            )
        )
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "job",
        job.id,
        summary=f"Set {len(data.questions)} screening question(s) on '{job.title}'",
    )
    return repository.list_questions(session, job.id)


def _default_employment(job: Job) -> EmploymentType:
    return EmploymentType.INTERN if job.level is JobLevel.INTERN else EmploymentType.FULL_TIME


def _valid_through(job: Job, posting: CareerPosting | None) -> date:
    if posting is not None and posting.valid_through is not None:
        return posting.valid_through
    opened = job.opened_at or job.created_at
    return (opened + timedelta(days=DEFAULT_VALID_DAYS)).date()


def to_public(
    job: Job, hub: Hub, posting: CareerPosting | None, questions: tuple[PublicQuestion, ...] = ()
) -> PublicJob:
    salary_shown = posting is not None and posting.show_salary and job.salary_currency is not None
    return PublicJob(
        id=job.id,
        slug=job_slug(job.id, job.title),
        title=job.title,
        description_md=job.description_md,
        description_html=render_markdown(job.description_md),
        role_family=job.role_family.value,
        level=job.level.value,
        work_model=job.work_model.value,
        hub_name=hub.name,
        city=hub.city,
        country=hub.country,
        employment_type=str(posting.employment_type) if posting else _default_employment(job),
        date_posted=job.opened_at or job.created_at,
        valid_through=_valid_through(job, posting),
        applicant_countries=tuple(job.applicant_countries or ()),
        eligibility_to_work=posting.eligibility_to_work if posting else None,
        salary_currency=job.salary_currency if salary_shown else None,
        salary_min=job.salary_min if salary_shown else None,
        salary_max=job.salary_max if salary_shown else None,
        salary_period=job.salary_period.value if salary_shown and job.salary_period else None,
        questions=questions,
    )


def public_question(question: ScreeningQuestion) -> PublicQuestion:
    return PublicQuestion(
        id=question.id,
        prompt=question.prompt,
        kind=question.kind.value,
        choices=tuple(question.choices or ()),
        required=question.required,
    )


def _posting_read(job: Job, posting: CareerPosting | None) -> PostingRead:
    listed = posting.listed if posting else True
    return PostingRead(
        job_id=job.id,
        listed=listed,
        employment_type=posting.employment_type if posting else _default_employment(job),
        valid_through=posting.valid_through if posting else None,
        show_salary=posting.show_salary if posting else False,
        eligibility_to_work=posting.eligibility_to_work if posting else None,
        path=job_path(job.id, job.title),
        public=job.status is JobStatus.OPEN and listed,
    )
