"""Use cases of the jobs context: jobs (requisition to opening), hiring teams, and hubs.

Every function takes the session, then the actor, then keyword-only options; it checks policy,
changes rows, flushes and records an audit event. Nothing here commits. Jobs outside an actor's
hiring teams answer 404 (``jobs.policies``); visible jobs the role may not change answer 403.
The life-cycle rules are the pure ``jobs.lifecycle``; a new job's pipeline stages come from
``pipeline.service``. Hub use cases live in ``jobs._hubs`` and are re-exported here, so
callers only ever import ``jobs.service``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from talentbridge.audit import service as audit
from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.auth.models import User
from talentbridge.auth.policies import can_see_compensation, require_recruiting_write
from talentbridge.errors import Conflict, InvalidInput, NotFound, RuleViolation, StaleVersion
from talentbridge.jobs import repository
from talentbridge.jobs._hubs import create_hub, delete_hub, get_hub, list_hubs, require_active_hub, update_hub
from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.lifecycle import decide_status_change, initial_dates
from talentbridge.jobs.models import HiringTeamMember, Job, JobLanguage, JobSkill
from talentbridge.jobs.policies import visible_job_ids
from talentbridge.jobs.schemas import (
    SALARY_FIELDS,
    HiringTeamMemberIn,
    HiringTeamMemberRead,
    HubBrief,
    JobCreate,
    JobFilter,
    JobLanguageIn,
    JobLanguageRead,
    JobRead,
    JobSkillIn,
    JobSkillRead,
    JobSummary,
    JobUpdate,
    salary_band_problem,
    skills_in_both,
)
from talentbridge.kit.clock import utc_now
from talentbridge.kit.markdown import render_markdown
from talentbridge.kit.pagination import next_cursor_for
from talentbridge.kit.text import normalise_key
from talentbridge.matching import tasks as matching_tasks
from talentbridge.pipeline import service as pipeline_service

__all__ = [
    "change_job_status",
    "create_hub",
    "create_job",
    "delete_hub",
    "delete_job",
    "get_hub",
    "get_job",
    "job_to_read",
    "list_hubs",
    "list_jobs",
    "search_jobs",
    "set_hiring_team",
    "update_hub",
    "update_job",
]

_SCALAR_JOB_FIELDS = (
    "title",
    "role_family",
    "level",
    "hub_id",
    "work_model",
    "applicant_countries",
    "headcount",
    "target_start_date",
    "min_education",
    "min_years_experience",
    *SALARY_FIELDS,
    "description_md",
)

# --- jobs -----------------------------------------------------------------------------------------


def create_job(session: Session, actor: Actor, data: JobCreate) -> Job:
    """Create a job (recruiters and admins) with its own pipeline copied from the stage template."""
    require_recruiting_write(actor)
    hub = require_active_hub(session, data.hub_id)
    users = _team_users(session, actor, data.team)
    opened_at, closed_at = initial_dates(data.status, now=utc_now())
    job = Job(
        **data.model_dump(include=set(_SCALAR_JOB_FIELDS) | {"status"}),
        opened_at=opened_at,
        closed_at=closed_at,
        created_by_id=actor.user_id,
    )
    job.hub = hub
    job.skills = _skill_rows(data.required_skills, data.preferred_skills)
    job.languages = _language_rows(data.languages)
    job.team = _team_rows(data.team, users)
    session.add(job)
    session.flush()
    pipeline_service.copy_template_to_job(session, job.id)
    audit.record(
        session,
        actor,
        "create",
        "job",
        job.id,
        summary=f"Created job '{job.title}' ({job.status.value})",
        changes={"hub": hub.name, "team": [str(member.user_id) for member in job.team]},
    )
    matching_tasks.job_changed(session, job.id)
    return _reloaded(session, job.id)


def get_job(session: Session, actor: Actor, job_id: uuid.UUID) -> Job:
    """A job with hub, skills, languages and team loaded; 404 when the actor may not see it."""
    visible = visible_job_ids(session, actor)
    job = repository.get_job_with_details(session, job_id) if visible is None or job_id in visible else None
    if job is None:
        raise NotFound("No such job.")
    return job


def update_job(session: Session, actor: Actor, job_id: uuid.UUID, data: JobUpdate) -> Job:
    """Change a job (recruiters and admins), refusing with 409 if it changed since the client read it.

    Lists (skills, languages, countries) replace the stored ones. The merged result must still be
    a valid job: a complete salary band with minimum <= maximum, no skill both required and
    preferred, an active hub.
    """
    job = get_job(session, actor, job_id)
    require_recruiting_write(actor)
    if data.expected_version is not None:  # the API always sends one; automation may skip the check
        _require_version(job, data.expected_version)
    changes = data.changes()
    _check_merged_job(session, job, changes)
    recorded = _apply(job, {field: changes[field] for field in _SCALAR_JOB_FIELDS if field in changes})
    recorded.update(_replace_requirements(session, job, data))
    job.updated_at = utc_now()  # always write the row, so the version moves even for list-only edits
    _flush_guarded(session)
    audit.record(
        session, actor, "update", "job", job.id, summary=f"Updated job '{job.title}'", changes=recorded
    )
    matching_tasks.job_changed(session, job.id)
    return _reloaded(session, job.id)


def change_job_status(
    session: Session,
    actor: Actor,
    job_id: uuid.UUID,
    status: JobStatus,
    *,
    expected_version: int | None = None,
) -> Job:
    """Open, hold, fill, close or reopen a job (recruiters and admins), by ``jobs.lifecycle`` rules.

    ``opened_at`` is set the first time the job opens; ``closed_at`` when it is filled or closed,
    and cleared when it reopens. A refused change is a 422 that says what the job can become.
    """
    job = get_job(session, actor, job_id)
    require_recruiting_write(actor)
    if expected_version is not None:
        _require_version(job, expected_version)
    verdict = decide_status_change(
        job.status, status, opened_at=job.opened_at, closed_at=job.closed_at, now=utc_now()
    )
    if not verdict.allowed:
        raise RuleViolation(verdict.explanation, field="status")
    before = job.status
    job.status, job.opened_at, job.closed_at = status, verdict.opened_at, verdict.closed_at
    _flush_guarded(session)
    audit.record(
        session,
        actor,
        "status",
        "job",
        job.id,
        summary=f"Job '{job.title}': {verdict.explanation}",
        changes={"status": [before, status]},
    )
    return _reloaded(session, job.id)


def delete_job(session: Session, actor: Actor, job_id: uuid.UUID) -> None:
    """Delete a job that has no applications (recruiters and admins); otherwise 409 — close it."""
    job = get_job(session, actor, job_id)
    require_recruiting_write(actor)
    applications = pipeline_service.count_applications_for_job(session, job.id)
    if applications:
        raise Conflict(
            f"The job has {applications} application(s); close it instead of deleting it, so their "
            "history is kept.",
            field="job_id",
        )
    session.delete(job)
    _flush_guarded(session)
    audit.record(session, actor, "delete", "job", job_id, summary=f"Deleted job '{job.title}'")


def set_hiring_team(
    session: Session, actor: Actor, job_id: uuid.UUID, members: Sequence[HiringTeamMemberIn]
) -> Job:
    """Replace a job's hiring team (recruiters and admins). Members must be active users.

    Hiring managers and interviewers see exactly the jobs whose team they are on.
    """
    job = get_job(session, actor, job_id)
    require_recruiting_write(actor)
    users = _team_users(session, actor, members)
    before = sorted(str(member.user_id) for member in job.team)
    repository.replace_children(session, job, "team", _team_rows(members, users))
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "hiring_team",
        job.id,
        summary=f"Changed the hiring team of job '{job.title}' ({len(members)} member(s))",
        changes={"team": [before, sorted(str(member.user_id) for member in members)]},
    )
    return _reloaded(session, job.id)


def list_jobs(
    session: Session,
    actor: Actor,
    filters: JobFilter,
    *,
    cursor: str | None = None,
    limit: int = 50,
) -> tuple[list[JobSummary], str | None, int]:
    """The actor's visible jobs matching ``filters``: ``(items, next_cursor, total)`` for a ``Page``."""
    visible = visible_job_ids(session, actor)
    rows = repository.list_jobs_page(session, filters, visible, cursor=cursor, limit=limit)
    jobs, next_cursor = next_cursor_for(
        rows, limit, lambda job: repository.sort_value(job, filters.sort), lambda job: job.id
    )
    return _summaries(session, jobs), next_cursor, repository.count_jobs(session, filters, visible)


def search_jobs(session: Session, actor: Actor, q: str, *, limit: int = 10) -> list[JobSummary]:
    """Visible jobs whose title contains ``q`` (any case), open ones first (global search box)."""
    if not q.strip():
        return []
    return _summaries(
        session, repository.search_jobs(session, q, visible_job_ids(session, actor), limit=limit)
    )


def job_to_read(actor: Actor, job: Job) -> JobRead:
    """The API view of a job (details loaded), with the salary band hidden from interviewers.

    The description is rendered from Markdown and sanitised here, so no caller can forget to.
    """
    show_salary = can_see_compensation(actor)
    return JobRead(
        id=job.id,
        title=job.title,
        role_family=job.role_family,
        level=job.level,
        hub=HubBrief.model_validate(job.hub),
        work_model=job.work_model,
        applicant_countries=list(job.applicant_countries),
        headcount=job.headcount,
        status=job.status,
        opened_at=job.opened_at,
        closed_at=job.closed_at,
        target_start_date=job.target_start_date,
        required_skills=[JobSkillRead.model_validate(skill) for skill in job.skills if skill.required],
        preferred_skills=[JobSkillRead.model_validate(skill) for skill in job.skills if not skill.required],
        languages=[JobLanguageRead.model_validate(language) for language in job.languages],
        min_education=job.min_education,
        min_years_experience=job.min_years_experience,
        salary_visible=show_salary,
        salary_currency=job.salary_currency if show_salary else None,
        salary_min=job.salary_min if show_salary else None,
        salary_max=job.salary_max if show_salary else None,
        salary_period=job.salary_period if show_salary else None,
        description_md=job.description_md,
        description_html=render_markdown(job.description_md),
        team=_team_read(job.team),
        created_by_id=job.created_by_id,
        created_at=job.created_at,
        updated_at=job.updated_at,
        version=job.version,
    )


# --- helpers --------------------------------------------------------------------------------------


def _reloaded(session: Session, job_id: uuid.UUID) -> Job:
    job = repository.get_job_with_details(session, job_id)
    assert job is not None  # it was just written in this transaction
    return job


def _require_version(job: Job, expected_version: int) -> None:
    if job.version != expected_version:
        raise StaleVersion(
            "Someone else changed this job since you loaded it; reload it and try again.",
            field="expected_version",
            extra={"current_version": job.version},
        )


def _flush_guarded(session: Session) -> None:
    """Flush; a concurrent writer that got there first (version mismatch) is a 409, not a 500."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise StaleVersion("Someone else changed this job meanwhile; reload it and try again.") from exc


def _apply(target: object, changes: dict[str, Any]) -> dict[str, Any]:
    """Set attributes; return ``{field: [old, new]}`` for those that really changed."""
    before = {field: getattr(target, field) for field in changes}
    for field, value in changes.items():
        setattr(target, field, list(value) if isinstance(value, list) else value)
    return audit.diff(before, changes)


def _check_merged_job(session: Session, job: Job, changes: dict[str, Any]) -> None:
    merged = {field: changes.get(field, getattr(job, field)) for field in SALARY_FIELDS}
    problem = salary_band_problem(
        merged["salary_currency"], merged["salary_min"], merged["salary_max"], merged["salary_period"]
    )
    if problem is not None:
        raise InvalidInput(problem[1], field=problem[0])
    if "hub_id" in changes and changes["hub_id"] != job.hub_id:
        require_active_hub(session, changes["hub_id"])
    required, preferred = _merged_skills(job, changes)
    overlap = skills_in_both(required, preferred)
    if overlap is not None:
        raise InvalidInput(overlap, field="preferred_skills")


def _merged_skills(job: Job, changes: dict[str, Any]) -> tuple[list[JobSkillIn], list[JobSkillIn]]:
    def stored(required: bool) -> list[JobSkillIn]:
        return [
            JobSkillIn(name=skill.name, weight=skill.weight)
            for skill in job.skills
            if skill.required is required
        ]

    required = changes.get("required_skills")
    preferred = changes.get("preferred_skills")
    return (
        required if required is not None else stored(True),
        preferred if preferred is not None else stored(False),
    )


def _replace_requirements(session: Session, job: Job, data: JobUpdate) -> dict[str, Any]:
    recorded: dict[str, Any] = {}
    if data.required_skills is not None or data.preferred_skills is not None:
        required, preferred = _merged_skills(job, data.changes())
        before = [skill.name for skill in job.skills]
        repository.replace_children(session, job, "skills", _skill_rows(required, preferred))
        recorded["skills"] = [before, [skill.name for skill in required + preferred]]
    if data.languages is not None:
        before = [f"{language.language} {language.min_level}" for language in job.languages]
        repository.replace_children(session, job, "languages", _language_rows(data.languages))
        recorded["languages"] = [before, [f"{item.language} {item.min_level}" for item in data.languages]]
    return recorded


def _skill_rows(required: Sequence[JobSkillIn], preferred: Sequence[JobSkillIn]) -> list[JobSkill]:
    rows = [
        JobSkill(
            name=skill.name,
            normalized=normalise_key(skill.name),
            required=True,
            weight=skill.weight,
            position=i,
        )
        for i, skill in enumerate(required)
    ]
    rows += [
        JobSkill(
            name=skill.name,
            normalized=normalise_key(skill.name),
            required=False,
            weight=skill.weight,
            position=i,
        )
        for i, skill in enumerate(preferred)
    ]
    return rows


def _language_rows(languages: Sequence[JobLanguageIn]) -> list[JobLanguage]:
    return [
        JobLanguage(language=item.language, min_level=item.min_level, required=item.required)
        for item in languages
    ]


def _team_users(
    session: Session, actor: Actor, members: Sequence[HiringTeamMemberIn]
) -> dict[uuid.UUID, User]:
    if not members:
        return {}
    users = {user.id: user for user in auth_service.list_assignable_users(session, actor)}
    unknown = [member.user_id for member in members if member.user_id not in users]
    if unknown:
        raise InvalidInput(f"No active user with id {unknown[0]}.", field="team")
    return users


def _team_rows(members: Sequence[HiringTeamMemberIn], users: dict[uuid.UUID, User]) -> list[HiringTeamMember]:
    rows = []
    for member in members:
        row = HiringTeamMember(user_id=member.user_id, role=member.role)
        row.user = users[member.user_id]
        rows.append(row)
    return rows


def _team_read(team: Sequence[HiringTeamMember]) -> list[HiringTeamMemberRead]:
    members = [
        HiringTeamMemberRead(user_id=member.user_id, full_name=member.user.full_name, role=member.role)
        for member in team
    ]
    return sorted(members, key=lambda member: (member.role.value, member.full_name.casefold()))


def _summaries(session: Session, jobs: Sequence[Job]) -> list[JobSummary]:
    counts = pipeline_service.active_application_counts(session, [job.id for job in jobs])
    return [
        JobSummary(
            id=job.id,
            title=job.title,
            role_family=job.role_family,
            level=job.level,
            status=job.status,
            work_model=job.work_model,
            hub_id=job.hub_id,
            hub_name=job.hub.name,
            headcount=job.headcount,
            opened_at=job.opened_at,
            created_at=job.created_at,
            active_applications=counts.get(job.id, 0),
        )
        for job in jobs
    ]
