"""Load generated demo data through the normal services, replaying months of hiring history.

Everything goes through the same use cases a recruiter triggers (create person, apply, move,
reject), so the demo exercises real validation, audit events and pipelines. ``clock_at`` backdates
each step so days-in-stage and timelines look like a live system.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from talentbridge.auth import repository as auth_repository
from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.auth.passwords import cheap_hashing
from talentbridge.auth.schemas import UserCreate
from talentbridge.demo.catalogue import HUBS, SOURCES
from talentbridge.demo.generator import DemoGenerator, DemoJob, DemoPerson
from talentbridge.jobs import service as jobs_service
from talentbridge.jobs.enums import (
    DegreeLevel,
    HiringTeamRole,
    JobLevel,
    JobStatus,
    RoleFamily,
    SalaryPeriod,
    WorkModel,
)
from talentbridge.jobs.models import Job
from talentbridge.jobs.schemas import HiringTeamMemberIn, HubCreate, JobCreate, JobLanguageIn, JobSkillIn
from talentbridge.kit.clock import clock_at
from talentbridge.kit.levels import LanguageLevel
from talentbridge.people import service as people_service
from talentbridge.people.schemas import (
    AwardIn,
    EducationIn,
    ExperienceIn,
    LanguageIn,
    PersonCreate,
    PhoneIn,
    PublicationIn,
    SkillIn,
)
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.enums import ReasonKind, StageCategory
from talentbridge.pipeline.models import Stage
from talentbridge.pipeline.schemas import ApplicationCreate
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.schemas import SourceCreate

DEMO_PASSWORD = "talentbridge-demo"  # noqa: S105 - published demo credential, demo data only


@dataclass(frozen=True)
class DemoUser:
    """A demo sign-in."""

    email: str
    full_name: str
    role: Role


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin@talentbridge.example", "Alex Admin", Role.ADMIN),
    DemoUser("mei.chen@talentbridge.example", "Mei Chen", Role.RECRUITER),
    DemoUser("lukas.weber@talentbridge.example", "Lukas Weber", Role.RECRUITER),
    DemoUser("wang.fang@talentbridge.example", "Wang Fang", Role.HIRING_MANAGER),
    DemoUser("sofia.rossi@talentbridge.example", "Sofia Rossi", Role.HIRING_MANAGER),
    DemoUser("arjun.mehta@talentbridge.example", "Arjun Mehta", Role.INTERVIEWER),
    DemoUser("li.na@talentbridge.example", "Li Na", Role.COMPLIANCE),
)

# How far demo applicants get: category of the final stage, with weights.
OUTCOMES: tuple[tuple[StageCategory, int], ...] = (
    (StageCategory.APPLIED, 30),
    (StageCategory.SCREEN, 22),
    (StageCategory.ASSESSMENT, 12),
    (StageCategory.INTERVIEW, 14),
    (StageCategory.OFFER, 4),
    (StageCategory.HIRED, 3),
    (StageCategory.REJECTED, 12),
    (StageCategory.WITHDRAWN, 3),
)


@dataclass
class DemoSummary:
    """What was loaded."""

    users: int = 0
    hubs: int = 0
    sources: int = 0
    jobs: int = 0
    people: int = 0
    applications: int = 0
    moves: int = 0
    skipped: bool = False
    logins: list[DemoUser] = field(default_factory=list)


@dataclass(frozen=True)
class DemoContext:
    """What a context's demo extension gets: the seed, the demo's "now", its users and jobs."""

    seed: int
    now: datetime
    users: dict[str, User]
    job_ids: list[uuid.UUID]


def _extensions() -> list[Callable[[Session, DemoContext], None]]:
    """Later contexts' demo data (permit facts, channels, the matching index ...), in order.

    Each module exposes ``extend_demo(session, context)``; imported here lazily so the demo
    package does not depend on them at import time.
    """
    from talentbridge.intake import demo as intake_demo
    from talentbridge.matching import demo as matching_demo
    from talentbridge.mobility import demo as mobility_demo
    from talentbridge.sourcing import demo as sourcing_demo

    return [
        sourcing_demo.extend_demo,
        mobility_demo.extend_demo,
        intake_demo.extend_demo,
        matching_demo.extend_demo,
    ]


def demo_already_loaded(session: Session) -> bool:
    """Whether the demo admin exists (loading twice would duplicate nothing, but wastes time)."""
    return auth_repository.get_user_by_email(session, DEMO_USERS[0].email) is not None


def load_demo(
    session: Session,
    *,
    seed: int = 2026,
    people: int = 400,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Create demo users, hubs, sources, jobs and people with applications spread over pipelines."""
    summary = DemoSummary(logins=list(DEMO_USERS))
    if demo_already_loaded(session):
        summary.skipped = True
        return summary
    now = now or datetime.now(UTC)
    start = now - timedelta(days=120)
    generator = DemoGenerator(seed, today=now.date())
    rng = random.Random(seed)
    system = Actor.system()
    with clock_at(start):
        pipeline_service.ensure_defaults(session)
        users = _create_users(session, system)
        hub_ids = _create_hubs(session, system)
        source_ids = _create_sources(session, system, users)
        demo_jobs = generator.jobs()
        jobs = _create_jobs(session, system, demo_jobs, hub_ids, users, rng)
    summary.users, summary.hubs, summary.sources, summary.jobs = (
        len(users),
        len(hub_ids),
        len(source_ids),
        len(jobs),
    )
    recruiter = auth_service.actor_for(users["mei.chen@talentbridge.example"])
    open_jobs = [job for job in jobs if job.status in {JobStatus.OPEN, JobStatus.FILLED, JobStatus.ON_HOLD}]
    demo_people = generator.people(people, source_count=len(source_ids))
    reasons = _reason_ids(session)
    for index, demo_person in enumerate(demo_people):
        created_at = start + timedelta(days=rng.uniform(1, 100))
        with clock_at(created_at):
            person_id = people_service.create_person(
                session, recruiter, _person_create(demo_person, source_ids[demo_person.source_index])
            ).id
        summary.people += 1
        for job in rng.sample(open_jobs, k=min(len(open_jobs), _applications_per_person(rng))):
            summary.moves += _apply_and_progress(
                session,
                recruiter,
                rng,
                person_id,
                job,
                source_ids[demo_person.source_index],
                created_at,
                now,
                reasons,
            )
            summary.applications += 1
        if progress is not None:
            progress(index + 1, len(demo_people))
    with clock_at(now - timedelta(days=2)):
        _settle_job_statuses(session, system, jobs, demo_jobs)
    for extend in _extensions():
        with clock_at(now - timedelta(days=1)):
            extend(session, DemoContext(seed=seed, now=now, users=users, job_ids=[job.id for job in jobs]))
    return summary


def _applications_per_person(rng: random.Random) -> int:
    roll = rng.random()
    return 0 if roll < 0.15 else 1 if roll < 0.8 else 2


def _create_users(session: Session, system: Actor) -> dict[str, User]:
    users: dict[str, User] = {}
    with cheap_hashing():  # the demo password is published; slow hashing would only slow start-up
        for demo_user in DEMO_USERS:
            data = UserCreate(
                email=demo_user.email,
                full_name=demo_user.full_name,
                role=demo_user.role,
                password=DEMO_PASSWORD,
            )
            users[demo_user.email] = auth_service.create_user(session, system, data)
    return users


def _create_hubs(session: Session, system: Actor) -> dict[str, uuid.UUID]:
    return {
        hub.name: jobs_service.create_hub(
            session,
            system,
            HubCreate(
                name=hub.name,
                city=hub.city,
                country=hub.country,
                timezone=hub.timezone,
                currency=hub.currency,
            ),
        ).id
        for hub in HUBS
    }


def _create_sources(session: Session, system: Actor, users: dict[str, User]) -> list[uuid.UUID]:
    ids: list[uuid.UUID] = []
    for kind, name, details in SOURCES:
        referrer = users["lukas.weber@talentbridge.example"].id if kind == SourceKind.REFERRAL.value else None
        data = SourceCreate(
            kind=SourceKind(kind), name=name, details=dict(details), referrer_user_id=referrer
        )
        ids.append(sourcing_service.create_source(session, system, data).id)
    return ids


def _create_jobs(
    session: Session,
    system: Actor,
    demo_jobs: list[DemoJob],
    hub_ids: dict[str, uuid.UUID],
    users: dict[str, User],
    rng: random.Random,
) -> list[Job]:
    managers = [users["wang.fang@talentbridge.example"], users["sofia.rossi@talentbridge.example"]]
    interviewer = users["arjun.mehta@talentbridge.example"]
    recruiters = [users["mei.chen@talentbridge.example"], users["lukas.weber@talentbridge.example"]]
    jobs: list[Job] = []
    for index, demo_job in enumerate(demo_jobs):
        team = [
            HiringTeamMemberIn(user_id=recruiters[index % 2].id, role=HiringTeamRole.RECRUITER),
            HiringTeamMemberIn(user_id=managers[index % 2].id, role=HiringTeamRole.HIRING_MANAGER),
        ]
        if index % 3 == 0:
            team.append(HiringTeamMemberIn(user_id=interviewer.id, role=HiringTeamRole.INTERVIEWER))
        currency, salary_min, salary_max = demo_job.salary
        data = JobCreate(
            title=demo_job.title,
            role_family=RoleFamily(demo_job.role_family),
            level=JobLevel(demo_job.level),
            hub_id=hub_ids[demo_job.hub_name],
            work_model=WorkModel(demo_job.work_model),
            applicant_countries=demo_job.applicant_countries,
            headcount=demo_job.headcount,
            status=JobStatus.OPEN if demo_job.status != JobStatus.DRAFT.value else JobStatus.DRAFT,
            required_skills=[
                JobSkillIn(name=name, weight=rng.choice((2.0, 3.0))) for name in demo_job.required_skills
            ],
            preferred_skills=[JobSkillIn(name=name, weight=1.0) for name in demo_job.preferred_skills],
            languages=[
                JobLanguageIn(language=code, min_level=LanguageLevel(level))
                for code, level in demo_job.languages
            ],
            min_education=DegreeLevel(demo_job.min_education),
            min_years_experience=demo_job.min_years,
            salary_currency=currency,
            salary_min=salary_min,
            salary_max=salary_max,
            salary_period=SalaryPeriod.YEAR,
            description_md=demo_job.description,
            team=team,
        )
        jobs.append(jobs_service.create_job(session, system, data))
    return jobs


def _settle_job_statuses(session: Session, system: Actor, jobs: list[Job], demo_jobs: list[DemoJob]) -> None:
    """Put jobs on hold or mark them filled once their applicants are in (filled jobs take none)."""
    for job, demo_job in zip(jobs, demo_jobs, strict=True):
        if demo_job.status in {JobStatus.ON_HOLD.value, JobStatus.FILLED.value}:
            jobs_service.change_job_status(session, system, job.id, status=JobStatus(demo_job.status))


def _person_create(person: DemoPerson, source_id: uuid.UUID) -> PersonCreate:
    salary = person.expected_salary
    return PersonCreate(
        first_name=person.first_name,
        last_name=person.last_name,
        native_name=person.native_name,
        headline=person.headline,
        current_title=person.current_title,
        current_employer=person.current_employer,
        location_city=person.city,
        location_country=person.country,
        timezone=person.timezone,
        nationalities=person.nationalities,
        date_of_birth=person.date_of_birth,
        emails=[person.email],
        phones=[PhoneIn(number=person.phone, label="mobile")],
        languages=[LanguageIn(language=code, level=LanguageLevel(level)) for code, level in person.languages],
        skills=[SkillIn(name=name) for name in person.skills],
        educations=[EducationIn(**education) for education in person.educations],
        experiences=[ExperienceIn(**experience) for experience in person.experiences],
        publications=[PublicationIn(**publication) for publication in person.publications],
        awards=[AwardIn(**award) for award in person.awards],
        links=person.links,
        expected_salary_amount=salary[0] if salary else None,
        expected_salary_currency=salary[1] if salary else None,
        expected_salary_period=SalaryPeriod.YEAR if salary else None,
        willing_to_relocate=person.willing_to_relocate,
        notice_period_days=person.notice_period_days,
        source_id=source_id,
        tags=person.tags,
    )


def _apply_and_progress(
    session: Session,
    actor: Actor,
    rng: random.Random,
    person_id: uuid.UUID,
    job: Job,
    source_id: uuid.UUID,
    created_at: datetime,
    now: datetime,
    reasons: dict[StageCategory, list[uuid.UUID]],
) -> int:
    """Apply, then move forward stage by stage (backdated) to a drawn outcome; returns the moves."""
    stages = list(pipeline_service.list_job_stages(session, Actor.system(), job.id))
    outcome = rng.choices([o for o, _ in OUTCOMES], weights=[w for _, w in OUTCOMES])[0]
    moment = created_at + timedelta(hours=rng.uniform(1, 72))
    with clock_at(min(moment, now)):
        application = pipeline_service.create_application(
            session, actor, ApplicationCreate(person_id=person_id, job_id=job.id, source_id=source_id)
        )
    path = _path_to(stages, outcome, rng)
    moves = 0
    for stage in path:
        moment += timedelta(days=rng.uniform(1, 9))
        if moment >= now:
            break
        with clock_at(moment):
            application = pipeline_service.move_application(
                session,
                actor,
                application.id,
                to_stage_id=stage.id,
                expected_version=application.version,
                reason_id=rng.choice(reasons[stage.category]) if stage.category in reasons else None,
            )
        moves += 1
    return moves


TERMINAL = frozenset({StageCategory.REJECTED, StageCategory.WITHDRAWN, StageCategory.HIRED})


def _path_to(stages: list[Stage], outcome: StageCategory, rng: random.Random) -> list[Stage]:
    """Stages to pass through: forward through active stages, then the terminal one if any."""
    active = [stage for stage in stages if stage.category not in TERMINAL]
    terminal = {stage.category: stage for stage in stages if stage.category in TERMINAL}
    if outcome in {StageCategory.REJECTED, StageCategory.WITHDRAWN}:
        reached = rng.randrange(len(active))
        return [*active[1 : reached + 1], terminal[outcome]]
    if outcome is StageCategory.HIRED:
        return [*active[1:], terminal[outcome]]
    last = max(index for index, stage in enumerate(active) if stage.category == outcome)
    return active[1 : last + 1]


def _reason_ids(session: Session) -> dict[StageCategory, list[uuid.UUID]]:
    """Active reason ids for rejections and withdrawals."""
    reasons = pipeline_service.list_reasons(session, Actor.system())
    return {
        StageCategory.REJECTED: [r.id for r in reasons if r.kind is ReasonKind.REJECTION],
        StageCategory.WITHDRAWN: [r.id for r in reasons if r.kind is ReasonKind.WITHDRAWAL],
    }
