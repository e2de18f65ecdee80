"""Use cases of the jobs context against the migrated database: hubs, jobs, teams, lists."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from factories.jobs import job_payload, make_application, make_hub, make_job
from talentbridge.audit.models import AuditEvent
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.auth.service import actor_for
from talentbridge.errors import Conflict, Forbidden, InvalidInput, NotFound, RuleViolation, StaleVersion
from talentbridge.jobs import service
from talentbridge.jobs.enums import HiringTeamRole, JobStatus
from talentbridge.jobs.models import Job
from talentbridge.jobs.schemas import HiringTeamMemberIn, HubUpdate, JobCreate, JobFilter, JobSort, JobUpdate
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.models import Stage

MakeUser = Callable[..., User]


def _audit_actions(db: Session, entity_type: str) -> list[str]:
    db.flush()  # audit events are added, not flushed, by the services (the edge commits them)
    stmt = select(AuditEvent.action).where(AuditEvent.entity_type == entity_type).order_by(AuditEvent.at)
    return list(db.scalars(stmt).all())


# --- hubs -----------------------------------------------------------------------------------------


def test_hub_names_are_unique_ignoring_case(db: Session, system: Actor) -> None:
    make_hub(db, name="Berlin Office")
    with pytest.raises(Conflict) as exc:
        make_hub(db, name="berlin office")
    assert exc.value.field == "name"


def test_only_admins_write_hubs(db: Session, make_user: MakeUser) -> None:
    recruiter = actor_for(make_user(Role.RECRUITER))
    with pytest.raises(Forbidden):
        make_hub(db, recruiter)
    hub = make_hub(db)
    with pytest.raises(Forbidden):
        service.update_hub(db, recruiter, hub.id, HubUpdate(city="Munich"))
    with pytest.raises(Forbidden):
        service.delete_hub(db, recruiter, hub.id)
    assert [found.id for found in service.list_hubs(db, recruiter)] == [hub.id]


def test_hub_in_use_cannot_be_deleted_but_can_be_deactivated(db: Session, system: Actor) -> None:
    hub = make_hub(db)
    make_job(db, hub=hub)
    with pytest.raises(Conflict, match="deactivate it instead"):
        service.delete_hub(db, system, hub.id)
    service.update_hub(db, system, hub.id, HubUpdate(is_active=False))
    assert service.list_hubs(db, system, include_inactive=False) == []
    assert _audit_actions(db, "hub") == ["create", "update"]


def test_unused_hub_is_deleted(db: Session, system: Actor) -> None:
    hub = make_hub(db)
    service.delete_hub(db, system, hub.id)
    with pytest.raises(NotFound):
        service.get_hub(db, system, hub.id)
    assert _audit_actions(db, "hub") == ["create", "delete"]


def test_renaming_a_hub_onto_another_name_conflicts(db: Session, system: Actor) -> None:
    make_hub(db, name="Singapore")
    hub = make_hub(db, name="Shenzhen")
    with pytest.raises(Conflict):
        service.update_hub(db, system, hub.id, HubUpdate(name="SINGAPORE"))
    assert service.update_hub(db, system, hub.id, HubUpdate(name="Shenzhen HQ")).name == "Shenzhen HQ"


# --- creating and reading jobs --------------------------------------------------------------------


def test_creating_a_job_copies_the_stage_template(db: Session, system: Actor) -> None:
    job = make_job(db)
    names = [stage.name for stage in pipeline_service.list_job_stages(db, system, job.id)]
    assert names == [name for name, _category in pipeline_service.DEFAULT_STAGES]
    assert job.status is JobStatus.DRAFT
    assert job.opened_at is None
    assert _audit_actions(db, "job") == ["create"]


def test_a_job_created_open_is_dated(db: Session) -> None:
    job = make_job(db, status="open")
    assert job.status is JobStatus.OPEN
    assert job.opened_at is not None
    assert job.closed_at is None


def test_job_read_carries_requirements_team_and_rendered_description(
    db: Session, system: Actor, make_user: MakeUser
) -> None:
    manager = make_user(Role.HIRING_MANAGER, full_name="Mei Chen")
    job = make_job(
        db, team=[(manager.id, HiringTeamRole.HIRING_MANAGER)], description_md="Hi <script>x</script>"
    )
    read = service.job_to_read(system, job)
    assert [skill.name for skill in read.required_skills] == ["PyTorch", "Python"]
    assert [(skill.name, skill.weight) for skill in read.preferred_skills] == [("CUDA", 3.0)]
    assert [(lang.language, lang.min_level.value, lang.required) for lang in read.languages] == [
        ("en", "B2", True),
        ("zh", "HSK4", False),
    ]
    assert [(member.full_name, member.role) for member in read.team] == [
        ("Mei Chen", HiringTeamRole.HIRING_MANAGER)
    ]
    assert read.salary_visible
    assert read.salary_min == Decimal("600000.00")
    assert "<script>" not in read.description_html
    assert read.hub.timezone == "Asia/Shanghai"


def test_interviewers_do_not_see_the_salary_band(db: Session, make_user: MakeUser) -> None:
    interviewer = make_user(Role.INTERVIEWER)
    job = make_job(db, team=[(interviewer.id, HiringTeamRole.INTERVIEWER)])
    read = service.job_to_read(actor_for(interviewer), service.get_job(db, actor_for(interviewer), job.id))
    assert not read.salary_visible
    assert (read.salary_currency, read.salary_min, read.salary_max, read.salary_period) == (
        None,
        None,
        None,
        None,
    )


def test_hiring_managers_see_only_jobs_they_are_on(db: Session, make_user: MakeUser) -> None:
    manager = actor_for(make_user(Role.HIRING_MANAGER))
    theirs = make_job(db, title="Their job", team=[(manager.user_id, HiringTeamRole.HIRING_MANAGER)])  # type: ignore[list-item]
    other = make_job(db, title="Other job")
    assert service.get_job(db, manager, theirs.id).id == theirs.id
    with pytest.raises(NotFound):
        service.get_job(db, manager, other.id)
    items, _cursor, total = service.list_jobs(db, manager, JobFilter())
    assert [item.title for item in items] == ["Their job"]
    assert total == 1


def test_creating_a_job_checks_role_hub_and_team(db: Session, make_user: MakeUser, system: Actor) -> None:
    manager = actor_for(make_user(Role.HIRING_MANAGER))
    hub = make_hub(db)
    with pytest.raises(Forbidden):
        service.create_job(db, manager, JobCreate.model_validate(job_payload(hub.id)))
    service.update_hub(db, system, hub.id, HubUpdate(is_active=False))
    with pytest.raises(RuleViolation, match="inactive"):
        service.create_job(db, system, JobCreate.model_validate(job_payload(hub.id)))
    active = make_hub(db)
    unknown_user = {"user_id": "00000000-0000-4000-8000-000000000000", "role": "interviewer"}
    with pytest.raises(InvalidInput) as exc:
        service.create_job(db, system, JobCreate.model_validate(job_payload(active.id, team=[unknown_user])))
    assert exc.value.field == "team"


# --- updating jobs --------------------------------------------------------------------------------


def test_update_with_a_stale_version_is_refused(db: Session, system: Actor) -> None:
    job = make_job(db)
    service.update_job(db, system, job.id, JobUpdate(expected_version=1, title="Staff ML Engineer"))
    with pytest.raises(StaleVersion) as exc:
        service.update_job(db, system, job.id, JobUpdate(expected_version=1, headcount=3))
    assert exc.value.extra == {"current_version": 2}


def test_list_only_edits_still_move_the_version(db: Session, system: Actor) -> None:
    job = make_job(db)
    updated = service.update_job(
        db,
        system,
        job.id,
        JobUpdate.model_validate({"expected_version": 1, "required_skills": [{"name": "pytorch"}]}),
    )
    assert updated.version == 2
    assert [skill.name for skill in updated.skills if skill.required] == ["pytorch"]


def test_changing_one_end_of_the_salary_band_is_checked_against_the_other(db: Session, system: Actor) -> None:
    job = make_job(db)  # 600000 - 900000 CNY
    with pytest.raises(InvalidInput) as exc:
        service.update_job(db, system, job.id, JobUpdate(expected_version=1, salary_max=Decimal(500000)))
    assert exc.value.field == "salary_max"
    with pytest.raises(InvalidInput, match="together"):
        service.update_job(db, system, job.id, JobUpdate(expected_version=1, salary_currency=None))
    cleared = service.update_job(
        db,
        system,
        job.id,
        JobUpdate(
            expected_version=1, salary_currency=None, salary_min=None, salary_max=None, salary_period=None
        ),
    )
    assert cleared.salary_min is None


def test_new_preferred_skill_may_not_repeat_a_stored_required_one(db: Session, system: Actor) -> None:
    job = make_job(db)
    with pytest.raises(InvalidInput) as exc:
        service.update_job(
            db,
            system,
            job.id,
            JobUpdate.model_validate({"expected_version": 1, "preferred_skills": [{"name": "PYTHON"}]}),
        )
    assert exc.value.field == "preferred_skills"


def test_update_records_the_changed_fields(db: Session, system: Actor) -> None:
    job = make_job(db)
    service.update_job(db, system, job.id, JobUpdate(expected_version=1, headcount=5, title=job.title))
    db.flush()
    event = db.scalars(select(AuditEvent).where(AuditEvent.action == "update")).one()
    assert event.changes == {"headcount": [2, 5]}


def test_team_members_may_read_but_not_edit(db: Session, make_user: MakeUser) -> None:
    manager = actor_for(make_user(Role.HIRING_MANAGER))
    job = make_job(db, team=[(manager.user_id, HiringTeamRole.HIRING_MANAGER)])  # type: ignore[list-item]
    with pytest.raises(Forbidden):
        service.update_job(db, manager, job.id, JobUpdate(expected_version=1, headcount=9))
    with pytest.raises(Forbidden):
        service.change_job_status(db, manager, job.id, JobStatus.OPEN)


# --- status, deletion, team -----------------------------------------------------------------------


def test_status_life_cycle_sets_and_clears_dates(db: Session, system: Actor) -> None:
    job = make_job(db)
    opened = service.change_job_status(db, system, job.id, JobStatus.OPEN)
    first_opened = opened.opened_at
    assert first_opened is not None
    closed = service.change_job_status(db, system, job.id, JobStatus.CLOSED)
    assert closed.closed_at is not None
    with pytest.raises(RuleViolation, match="reopen it first") as exc:
        service.change_job_status(db, system, job.id, JobStatus.FILLED)
    assert exc.value.field == "status"
    reopened = service.change_job_status(db, system, job.id, JobStatus.OPEN)
    assert (reopened.opened_at, reopened.closed_at) == (first_opened, None)
    assert _audit_actions(db, "job") == ["create", "status", "status", "status"]


def test_status_change_honours_expected_version(db: Session, system: Actor) -> None:
    job = make_job(db)
    with pytest.raises(StaleVersion):
        service.change_job_status(db, system, job.id, JobStatus.OPEN, expected_version=7)


def test_job_with_applications_cannot_be_deleted(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    make_application(db, job=job)
    with pytest.raises(Conflict, match="close it instead"):
        service.delete_job(db, system, job.id)


def test_job_without_applications_is_deleted_with_its_stages(db: Session, system: Actor) -> None:
    job = make_job(db)
    service.delete_job(db, system, job.id)
    db.expire_all()
    assert db.get(Job, job.id) is None
    assert db.scalars(select(Stage).where(Stage.job_id == job.id)).all() == []


def test_setting_the_team_changes_who_sees_the_job(db: Session, system: Actor, make_user: MakeUser) -> None:
    interviewer = actor_for(make_user(Role.INTERVIEWER))
    job = make_job(db)
    with pytest.raises(NotFound):
        service.get_job(db, interviewer, job.id)
    member = HiringTeamMemberIn(user_id=interviewer.user_id, role=HiringTeamRole.INTERVIEWER)
    updated = service.set_hiring_team(db, system, job.id, [member])
    assert [m.user_id for m in updated.team] == [interviewer.user_id]
    assert service.get_job(db, interviewer, job.id).id == job.id
    service.set_hiring_team(db, system, job.id, [member])  # the same member again does not collide
    service.set_hiring_team(db, system, job.id, [])
    with pytest.raises(NotFound):
        service.get_job(db, interviewer, job.id)


# --- lists and search -----------------------------------------------------------------------------


def test_list_filters_combine(db: Session, system: Actor) -> None:
    berlin, shenzhen = make_hub(db, name="Berlin"), make_hub(db, name="Shenzhen")
    make_job(
        db, hub=berlin, title="Data Analyst", role_family="data_analysis", level="mid", work_model="remote"
    )
    make_job(db, hub=shenzhen, title="ML Engineer", status="open")
    make_job(db, hub=berlin, title="ML Researcher", status="open", work_model="onsite")

    def titles(**criteria: object) -> list[str]:
        items, _cursor, total = service.list_jobs(
            db, system, JobFilter.model_validate({**criteria, "sort": "title"})
        )
        assert total == len(items)
        return [item.title for item in items]

    assert titles(hub_id=berlin.id) == ["Data Analyst", "ML Researcher"]
    assert titles(status="open") == ["ML Engineer", "ML Researcher"]
    assert titles(status="open", hub_id=berlin.id) == ["ML Researcher"]
    assert titles(role_family="data_analysis") == ["Data Analyst"]
    assert titles(work_model="remote", level="mid") == ["Data Analyst"]
    assert titles(q="ml ") == ["ML Engineer", "ML Researcher"]
    assert titles(q="%") == []


def test_pages_cover_every_job_once_in_each_sort(db: Session, system: Actor) -> None:
    hub = make_hub(db)
    for index, status in enumerate(["draft", "open", "draft", "open", "draft", "open", "draft"]):
        make_job(db, hub=hub, title=f"Job {index % 3}", status=status)
    for sort in JobSort:
        seen: list[str] = []
        cursor: str | None = None
        while True:
            items, cursor, total = service.list_jobs(db, system, JobFilter(sort=sort), cursor=cursor, limit=3)
            seen += [str(item.id) for item in items]
            if cursor is None:
                break
        assert total == 7, sort
        assert len(seen) == len(set(seen)) == 7, sort


def test_status_sort_follows_the_life_cycle(db: Session, system: Actor) -> None:
    hub = make_hub(db)
    closed = make_job(db, hub=hub, title="Closed")
    service.change_job_status(db, system, closed.id, JobStatus.CLOSED)
    make_job(db, hub=hub, title="Open", status="open")
    make_job(db, hub=hub, title="Draft")
    items, _cursor, _total = service.list_jobs(db, system, JobFilter(sort=JobSort.STATUS))
    assert [item.title for item in items] == ["Draft", "Open", "Closed"]


def test_summaries_count_active_applications(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    make_application(db, job=job)
    make_application(db, job=job)
    items, _cursor, _total = service.list_jobs(db, system, JobFilter())
    assert [(item.id, item.active_applications) for item in items] == [(job.id, 2)]


def test_search_finds_visible_titles_any_case(db: Session, system: Actor, make_user: MakeUser) -> None:
    outsider = actor_for(make_user(Role.INTERVIEWER))  # users first: make_user commits in its own session
    make_job(db, title="Senior Data Scientist", status="open")
    make_job(db, title="Data Engineer")
    make_job(db, title="Recruiter")
    assert [job.title for job in service.search_jobs(db, system, "DATA")] == [
        "Senior Data Scientist",
        "Data Engineer",
    ]
    assert service.search_jobs(db, system, "  ") == []
    assert service.search_jobs(db, outsider, "data") == []
