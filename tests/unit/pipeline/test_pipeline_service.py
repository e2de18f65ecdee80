"""Use cases of the pipeline against the migrated database: template, stages, reasons,
applications, moves and their history, the board and the dashboard summary."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from factories.jobs import make_application, make_job, make_person, make_source, reason_labelled, stage_named
from talentbridge.audit.models import AuditEvent
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.auth.service import actor_for
from talentbridge.errors import Conflict, Forbidden, InvalidInput, NotFound, RuleViolation, StaleVersion
from talentbridge.jobs import service as jobs_service
from talentbridge.jobs.enums import HiringTeamRole, JobStatus
from talentbridge.kit.clock import utc_now
from talentbridge.pipeline import service
from talentbridge.pipeline.enums import ApplicationStatus, ReasonKind, StageCategory
from talentbridge.pipeline.models import Application, RejectionReason, StageTemplate
from talentbridge.pipeline.schemas import (
    ApplicationCreate,
    ApplicationFilter,
    JobStageIn,
    ReasonCreate,
    ReasonUpdate,
    StageTemplateIn,
)
from talentbridge.pipeline.workflow import LoggedMove, replay

MakeUser = Callable[..., User]
C = StageCategory
MINIMAL_PIPELINE = [
    StageTemplateIn(name="New", category=C.APPLIED),
    StageTemplateIn(name="Talk", category=C.INTERVIEW),
    StageTemplateIn(name="Yes", category=C.HIRED),
    StageTemplateIn(name="No", category=C.REJECTED),
    StageTemplateIn(name="Gone", category=C.WITHDRAWN),
]


def _stage_list(db: Session, system: Actor, job_id: uuid.UUID) -> list[JobStageIn]:
    return [
        JobStageIn(id=stage.id, name=stage.name, category=stage.category)
        for stage in service.list_job_stages(db, system, job_id)
    ]


def _move(
    db: Session,
    actor: Actor,
    application_id: uuid.UUID,
    stage_id: uuid.UUID,
    *,
    reason_id: uuid.UUID | None = None,
    note: str = "",
) -> Application:
    """Move with whatever version the application has now (these tests are not about versions)."""
    application = service.get_application(db, actor, application_id)
    return service.move_application(
        db,
        actor,
        application.id,
        to_stage_id=stage_id,
        expected_version=application.version,
        reason_id=reason_id,
        note=note,
    )


# --- defaults and template ------------------------------------------------------------------------


def test_defaults_are_seeded_once_and_never_overwrite_edits(db: Session, system: Actor) -> None:
    service.ensure_defaults(db)
    service.ensure_defaults(db)
    names = [template.name for template in service.list_stage_templates(db, system)]
    assert names == [name for name, _category in service.DEFAULT_STAGES]
    labels = [reason.label for reason in service.list_reasons(db, system, kind=ReasonKind.WITHDRAWAL)]
    assert labels == list(service.DEFAULT_REASONS[ReasonKind.WITHDRAWAL])
    service.replace_stage_templates(db, system, MINIMAL_PIPELINE)
    service.ensure_defaults(db)
    assert [template.name for template in service.list_stage_templates(db, system)] == [
        "New",
        "Talk",
        "Yes",
        "No",
        "Gone",
    ]
    assert db.scalar(select(StageTemplate).where(StageTemplate.name == "Applied")) is None


def test_template_needs_the_four_essential_categories_and_unique_names(db: Session, system: Actor) -> None:
    with pytest.raises(InvalidInput, match="missing withdrawn") as exc:
        service.replace_stage_templates(db, system, MINIMAL_PIPELINE[:4])
    assert exc.value.field == "stages"
    with pytest.raises(InvalidInput, match="used twice"):
        service.replace_stage_templates(
            db, system, [*MINIMAL_PIPELINE, StageTemplateIn(name="new", category=C.SCREEN)]
        )


def test_only_admins_replace_the_template(db: Session, make_user: MakeUser) -> None:
    recruiter = actor_for(make_user(Role.RECRUITER))
    with pytest.raises(Forbidden):
        service.replace_stage_templates(db, recruiter, MINIMAL_PIPELINE)


def test_new_template_applies_to_new_jobs_only(db: Session, system: Actor) -> None:
    old_job = make_job(db)
    service.replace_stage_templates(db, system, MINIMAL_PIPELINE)
    new_job = make_job(db)
    assert len(service.list_job_stages(db, system, old_job.id)) == len(service.DEFAULT_STAGES)
    assert [stage.name for stage in service.list_job_stages(db, system, new_job.id)] == [
        stage.name for stage in MINIMAL_PIPELINE
    ]


# --- a job's own stages ---------------------------------------------------------------------------


def test_rename_swap_reorder_add_and_remove_stages(db: Session, system: Actor) -> None:
    job = make_job(db)
    stages = {stage.name: stage for stage in _stage_list(db, system, job.id)}
    wanted = [
        stages["Applied"],
        JobStageIn(id=stages["Final interview"].id, name="Hiring manager interview", category=C.INTERVIEW),
        JobStageIn(id=stages["Hiring manager interview"].id, name="Final interview", category=C.INTERVIEW),
        JobStageIn(name="Take-home task", category=C.ASSESSMENT),
        stages["Offer"],
        stages["Hired"],
        stages["Rejected"],
        stages["Withdrawn"],
    ]  # "Screen" and "Assessment" left out: removed
    result = service.update_job_stages(db, system, job.id, wanted)
    assert [(stage.name, stage.position) for stage in result] == [
        ("Applied", 0),
        ("Hiring manager interview", 1),
        ("Final interview", 2),
        ("Take-home task", 3),
        ("Offer", 4),
        ("Hired", 5),
        ("Rejected", 6),
        ("Withdrawn", 7),
    ]
    assert result[1].id == stages["Final interview"].id


def test_a_stage_holding_applications_cannot_be_removed_or_recategorised(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    make_application(db, job=job)
    stages = _stage_list(db, system, job.id)
    with pytest.raises(Conflict, match="holds 1 application"):
        service.update_job_stages(
            db, system, job.id, [JobStageIn(name="Inbox", category=C.APPLIED), *stages[1:]]
        )
    applied = stages[0]
    recategorised = [JobStageIn(id=applied.id, name=applied.name, category=C.SCREEN), *stages[1:]]
    recategorised.append(JobStageIn(name="Inbox", category=C.APPLIED))
    with pytest.raises(Conflict, match="category cannot change"):
        service.update_job_stages(db, system, job.id, recategorised)


def test_a_stage_in_any_history_cannot_be_removed(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    application = make_application(db, job=job)
    screen = stage_named(db, job.id, "Screen")
    _move(db, system, application.id, screen.id)
    _move(db, system, application.id, stage_named(db, job.id, "Assessment").id)
    without_screen = [stage for stage in _stage_list(db, system, job.id) if stage.id != screen.id]
    with pytest.raises(Conflict, match="rename it instead"):
        service.update_job_stages(db, system, job.id, without_screen)


def test_job_stage_edits_are_validated(db: Session, system: Actor, make_user: MakeUser) -> None:
    recruiter = actor_for(make_user(Role.RECRUITER))
    manager = actor_for(make_user(Role.HIRING_MANAGER))
    job, other = make_job(db), make_job(db)
    stages = _stage_list(db, system, job.id)
    foreign = _stage_list(db, system, other.id)[1]
    with pytest.raises(InvalidInput, match="not a stage of this job"):
        service.update_job_stages(db, system, job.id, [*stages, foreign])
    with pytest.raises(InvalidInput, match="listed twice"):
        service.update_job_stages(db, system, job.id, [*stages, stages[0]])
    with pytest.raises(InvalidInput, match="missing hired"):
        service.update_job_stages(
            db, system, job.id, [stage for stage in stages if stage.category is not C.HIRED]
        )
    with pytest.raises(Forbidden):
        service.update_job_stages(db, recruiter, job.id, stages)
    with pytest.raises(NotFound):
        service.update_job_stages(db, manager, job.id, stages)


# --- reasons --------------------------------------------------------------------------------------


def test_reasons_are_created_renamed_reordered_and_deactivated(db: Session, system: Actor) -> None:
    created = service.create_reason(
        db, system, ReasonCreate(kind=ReasonKind.REJECTION, label="No visa sponsorship")
    )
    assert created.position == len(service.DEFAULT_REASONS[ReasonKind.REJECTION])
    with pytest.raises(Conflict):
        service.create_reason(
            db, system, ReasonCreate(kind=ReasonKind.REJECTION, label="no VISA sponsorship")
        )
    service.update_reason(
        db, system, created.id, ReasonUpdate(label="Visa sponsorship not possible", position=0)
    )
    labels = [reason.label for reason in service.list_reasons(db, system, kind=ReasonKind.REJECTION)]
    assert labels[:2] == ["Visa sponsorship not possible", "Skills do not match"]
    assert [
        reason.position for reason in service.list_reasons(db, system, kind=ReasonKind.REJECTION)
    ] == list(range(len(labels)))
    service.update_reason(db, system, created.id, ReasonUpdate(is_active=False))
    active = [reason.label for reason in service.list_reasons(db, system, kind=ReasonKind.REJECTION)]
    assert "Visa sponsorship not possible" not in active
    everything = service.list_reasons(db, system, kind=ReasonKind.REJECTION, include_inactive=True)
    assert "Visa sponsorship not possible" in [reason.label for reason in everything]


def test_the_same_label_may_exist_for_both_kinds_but_renames_collide(db: Session, system: Actor) -> None:
    service.create_reason(db, system, ReasonCreate(kind=ReasonKind.WITHDRAWAL, label="Position filled"))
    with pytest.raises(Conflict):
        service.update_reason(
            db, system, reason_labelled(db, "Compensation").id, ReasonUpdate(label="no response")
        )


def test_only_admins_edit_reasons(db: Session, make_user: MakeUser, system: Actor) -> None:
    recruiter = actor_for(make_user(Role.RECRUITER))
    with pytest.raises(Forbidden):
        service.create_reason(db, recruiter, ReasonCreate(kind=ReasonKind.REJECTION, label="X"))
    with pytest.raises(Forbidden):
        service.update_reason(
            db, recruiter, reason_labelled(db, "Compensation").id, ReasonUpdate(is_active=False)
        )
    with pytest.raises(NotFound):
        service.update_reason(db, system, uuid.uuid4(), ReasonUpdate(is_active=False))


# --- creating applications ------------------------------------------------------------------------


def test_application_starts_in_the_first_applied_stage_and_logs_its_creation(
    db: Session, system: Actor
) -> None:
    job = make_job(db, status="open")
    source = make_source(db, name="Tsinghua joint lab")
    application = make_application(db, job=job, source=source)
    assert application.stage.name == "Applied"
    assert (application.status, application.source_id, application.version) == (
        ApplicationStatus.ACTIVE,
        source.id,
        1,
    )
    [creation] = service.list_transitions(db, system, application.id)
    assert (creation.sequence, creation.from_stage_id, creation.to_stage.name) == (1, None, "Applied")
    db.flush()
    event = db.scalars(select(AuditEvent).where(AuditEvent.entity_type == "application")).one()
    assert (event.action, event.person_id) == ("create", application.person_id)


def test_application_may_start_in_another_active_stage_only(db: Session) -> None:
    job = make_job(db, status="open")
    assert make_application(db, job=job, stage=stage_named(db, job.id, "Screen")).stage.name == "Screen"
    with pytest.raises(RuleViolation) as exc:
        make_application(db, job=job, stage=stage_named(db, job.id, "Hired"))
    assert exc.value.field == "stage_id"
    other = make_job(db)
    with pytest.raises(InvalidInput, match="not part of this job"):
        make_application(db, job=job, stage=stage_named(db, other.id, "Applied"))


def test_one_application_per_person_and_job_but_many_jobs_per_person(db: Session) -> None:
    first, second = make_job(db, status="open"), make_job(db, status="open")
    person = make_person(db)
    existing = make_application(db, job=first, person=person)
    with pytest.raises(Conflict, match="already applied") as exc:
        make_application(db, job=first, person=person)
    assert exc.value.extra == {"application_id": str(existing.id)}
    assert make_application(db, job=second, person=person).person_id == person.id


def test_ended_jobs_take_no_new_applications(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    jobs_service.change_job_status(db, system, job.id, JobStatus.FILLED)
    with pytest.raises(RuleViolation, match="reopen it"):
        make_application(db, job=job)
    make_application(db, job=make_job(db))  # drafts are being prepared and do take candidates


def test_person_and_source_must_exist(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    person = make_person(db)
    with pytest.raises(InvalidInput) as exc:
        service.create_application(db, system, ApplicationCreate(person_id=job.id, job_id=job.id))
    assert exc.value.field == "person_id"
    with pytest.raises(InvalidInput) as exc:
        service.create_application(
            db, system, ApplicationCreate(person_id=person.id, job_id=job.id, source_id=job.id)
        )
    assert exc.value.field == "source_id"
    with pytest.raises(NotFound):
        service.create_application(db, system, ApplicationCreate(person_id=person.id, job_id=person.id))


def test_hiring_managers_cannot_add_applications(db: Session, make_user: MakeUser) -> None:
    manager = actor_for(make_user(Role.HIRING_MANAGER))
    job = make_job(db, status="open", team=[(manager.user_id, HiringTeamRole.HIRING_MANAGER)])  # type: ignore[list-item]
    with pytest.raises(Forbidden):
        make_application(db, job=job, actor=manager)


# --- moving ---------------------------------------------------------------------------------------


def test_reject_then_reactivate(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    application = make_application(db, job=job)
    rejected, screen = stage_named(db, job.id, "Rejected"), stage_named(db, job.id, "Screen")
    with pytest.raises(RuleViolation, match="needs a rejection reason") as exc:
        _move(db, system, application.id, rejected.id)
    assert exc.value.field == "reason_id"
    reason = reason_labelled(db, "Language requirement not met")
    moved = service.move_application(
        db,
        system,
        application.id,
        to_stage_id=rejected.id,
        expected_version=1,
        reason_id=reason.id,
        note="B1 only",
    )
    assert (moved.status, moved.reason_id, moved.version, moved.stage.name) == (
        ApplicationStatus.REJECTED,
        reason.id,
        2,
        "Rejected",
    )
    back = service.move_application(db, system, application.id, to_stage_id=screen.id, expected_version=2)
    assert (back.status, back.reason_id, back.version) == (ApplicationStatus.ACTIVE, None, 3)
    log = service.list_transitions(db, system, application.id)
    assert [(t.sequence, t.to_stage.name, t.reason_id, t.note) for t in log] == [
        (1, "Applied", None, ""),
        (2, "Rejected", reason.id, "B1 only"),
        (3, "Screen", None, ""),
    ]


def test_wrong_kind_of_reason_and_reason_on_a_normal_move_are_refused(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    application = make_application(db, job=job)
    withdrawal = reason_labelled(db, "Accepted another offer")
    with pytest.raises(RuleViolation, match="is a withdrawal reason"):
        _move(db, system, application.id, stage_named(db, job.id, "Rejected").id, reason_id=withdrawal.id)
    with pytest.raises(RuleViolation, match="only recorded when rejecting or withdrawing"):
        _move(db, system, application.id, stage_named(db, job.id, "Screen").id, reason_id=withdrawal.id)
    with pytest.raises(InvalidInput) as exc:
        _move(db, system, application.id, stage_named(db, job.id, "Screen").id, reason_id=job.id)
    assert exc.value.field == "reason_id"


def test_deactivated_reasons_cannot_be_used(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    application = make_application(db, job=job)
    reason = reason_labelled(db, "Not a culture add")
    service.update_reason(db, system, reason.id, ReasonUpdate(is_active=False))
    with pytest.raises(RuleViolation, match="no longer in use"):
        _move(db, system, application.id, stage_named(db, job.id, "Rejected").id, reason_id=reason.id)


def test_moving_to_the_current_stage_conflicts(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    application = make_application(db, job=job)
    with pytest.raises(Conflict, match="already in 'Applied'"):
        _move(db, system, application.id, application.stage_id)


def test_stale_expected_version_is_refused_before_anything_changes(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    application = make_application(db, job=job)
    screen = stage_named(db, job.id, "Screen")
    service.move_application(db, system, application.id, to_stage_id=screen.id, expected_version=1)
    with pytest.raises(StaleVersion) as exc:
        service.move_application(
            db, system, application.id, to_stage_id=stage_named(db, job.id, "Offer").id, expected_version=1
        )
    assert exc.value.extra == {"current_version": 2}
    assert len(service.list_transitions(db, system, application.id)) == 2


def test_moving_to_another_jobs_stage_is_refused(db: Session, system: Actor) -> None:
    job, other = make_job(db, status="open"), make_job(db, status="open")
    application = make_application(db, job=job)
    with pytest.raises(RuleViolation, match="not part of this job"):
        _move(db, system, application.id, stage_named(db, other.id, "Screen").id)
    with pytest.raises(InvalidInput):
        _move(db, system, application.id, job.id)


def test_who_may_move(db: Session, make_user: MakeUser, system: Actor) -> None:
    manager = actor_for(make_user(Role.HIRING_MANAGER))
    interviewer = actor_for(make_user(Role.INTERVIEWER))
    compliance = actor_for(make_user(Role.COMPLIANCE))
    outsider = actor_for(make_user(Role.HIRING_MANAGER))
    team = [
        (manager.user_id, HiringTeamRole.HIRING_MANAGER),
        (interviewer.user_id, HiringTeamRole.INTERVIEWER),
    ]
    job = make_job(db, status="open", team=team)  # type: ignore[arg-type]
    application = make_application(db, job=job)
    screen = stage_named(db, job.id, "Screen")
    with pytest.raises(Forbidden):
        _move(db, interviewer, application.id, screen.id)
    with pytest.raises(Forbidden):
        _move(db, compliance, application.id, screen.id)
    with pytest.raises(NotFound):
        service.move_application(db, outsider, application.id, to_stage_id=screen.id, expected_version=1)
    moved = service.move_application(db, manager, application.id, to_stage_id=screen.id, expected_version=1)
    assert moved.stage.name == "Screen"
    assert service.list_transitions(db, system, application.id)[-1].actor_id == manager.user_id


def test_moves_are_audited_on_the_persons_timeline_without_personal_data(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    person = make_person(db, first_name="Zhang", last_name="Wei", native_name="张伟")
    application = make_application(db, job=job, person=person)
    reason = reason_labelled(db, "Salary expectations too high")
    _move(
        db,
        system,
        application.id,
        stage_named(db, job.id, "Rejected").id,
        reason_id=reason.id,
        note="Asked 2x",
    )
    db.flush()
    events = db.scalars(
        select(AuditEvent).where(AuditEvent.person_id == person.id).order_by(AuditEvent.at)
    ).all()
    assert [event.action for event in events] == ["create", "move"]
    move = events[-1]
    assert (
        move.summary == "Rejected: moved from 'Applied' to 'Rejected'; reason: Salary expectations too high."
    )
    assert move.changes["status"] == ["active", "rejected"]
    text = " ".join(event.summary + str(event.changes) for event in events)
    for personal in ("Zhang", "Wei", "张伟", "Asked 2x"):
        assert personal not in text


def test_any_path_of_moves_replays_from_the_log(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    application = make_application(db, job=job)
    rejection, withdrawal = (
        reason_labelled(db, "Failed assessment"),
        reason_labelled(db, "Relocation concerns"),
    )
    path = [
        ("Screen", None),
        ("Assessment", None),
        ("Rejected", rejection),
        ("Screen", None),
        ("Offer", None),
    ]
    path += [("Hired", None), ("Withdrawn", withdrawal)]
    for name, reason in path:
        _move(
            db,
            system,
            application.id,
            stage_named(db, job.id, name).id,
            reason_id=reason.id if reason else None,
        )
    current = service.get_application(db, system, application.id)
    log = service.list_transitions(db, system, application.id)
    assert replay([LoggedMove(t.from_stage_id, t.to_stage_id) for t in log]) == current.stage_id
    assert [t.sequence for t in log] == list(range(1, len(path) + 2))
    assert (current.status, current.reason_id, current.version) == (
        ApplicationStatus.WITHDRAWN,
        withdrawal.id,
        len(path) + 1,
    )


# --- lists, board, summary ------------------------------------------------------------------------


def test_list_applications_filters_pages_and_visibility(
    db: Session, make_user: MakeUser, system: Actor
) -> None:
    manager = actor_for(make_user(Role.HIRING_MANAGER))
    mine = make_job(db, status="open", team=[(manager.user_id, HiringTeamRole.HIRING_MANAGER)])  # type: ignore[list-item]
    other = make_job(db, status="open")
    source = make_source(db)
    person = make_person(db)
    in_mine = [make_application(db, job=mine, source=source), make_application(db, job=mine, person=person)]
    make_application(db, job=other, person=person)
    _move(db, system, in_mine[0].id, stage_named(db, mine.id, "Screen").id)

    def ids(actor: Actor, **criteria: object) -> set[object]:
        items, _cursor, total = service.list_applications(
            db, actor, ApplicationFilter.model_validate(criteria)
        )
        assert total == len(items)
        return {item.id for item in items}

    assert len(ids(system)) == 3
    assert ids(manager) == {application.id for application in in_mine}
    assert ids(system, person_id=person.id, job_id=mine.id) == {in_mine[1].id}
    assert ids(system, source_id=source.id) == {in_mine[0].id}
    assert ids(system, stage_id=stage_named(db, mine.id, "Screen").id) == {in_mine[0].id}
    assert len(ids(system, status="active")) == 3
    assert ids(system, status="hired") == set()
    first, cursor, total = service.list_applications(db, system, ApplicationFilter(), limit=2)
    rest, end, _total = service.list_applications(db, system, ApplicationFilter(), cursor=cursor, limit=2)
    assert total == 3
    assert end is None
    assert len({a.id for a in first + rest}) == 3


def test_board_lists_stages_in_order_with_cards(db: Session, system: Actor) -> None:
    job = make_job(db, status="open")
    source = make_source(db, name="Hays")
    person = make_person(
        db, first_name="Li", last_name="Na", native_name="李娜", current_title="Data Scientist"
    )
    waiting = make_application(db, job=job, person=person, source=source)
    moved = make_application(db, job=job)
    _move(db, system, moved.id, stage_named(db, job.id, "Screen").id)
    board = service.get_board(db, system, job.id, now=utc_now() + timedelta(days=3, hours=1))
    assert [column.name for column in board.columns] == [name for name, _category in service.DEFAULT_STAGES]
    assert [column.count for column in board.columns][:2] == [1, 1]
    assert board.total == 2
    [card] = board.columns[0].cards
    assert (card.application_id, card.version, card.display_name, card.native_name) == (
        waiting.id,
        1,
        "Li Na",
        "李娜",
    )
    assert (card.current_title, card.source_name, card.days_in_stage, card.status) == (
        "Data Scientist",
        "Hays",
        3,
        ApplicationStatus.ACTIVE,
    )
    assert board.columns[1].cards[0].version == 2


def test_pipeline_summary_counts_active_applications_on_visible_jobs(
    db: Session, make_user: MakeUser, system: Actor
) -> None:
    manager = actor_for(make_user(Role.HIRING_MANAGER))
    interviewer = actor_for(make_user(Role.INTERVIEWER))
    mine = make_job(db, status="open", team=[(manager.user_id, HiringTeamRole.HIRING_MANAGER)])  # type: ignore[list-item]
    other = make_job(db, status="open")
    make_application(db, job=mine)
    interviewing = make_application(db, job=mine)
    _move(db, system, interviewing.id, stage_named(db, mine.id, "Final interview").id)
    rejected = make_application(db, job=other)
    reason = reason_labelled(db, "Position filled")
    _move(db, system, rejected.id, stage_named(db, other.id, "Rejected").id, reason_id=reason.id)
    make_application(db, job=other)

    everyone = {item.category: item.count for item in service.pipeline_summary(db, system).categories}
    assert everyone == {C.APPLIED: 2, C.SCREEN: 0, C.ASSESSMENT: 0, C.INTERVIEW: 1, C.OFFER: 0}
    summary = service.pipeline_summary(db, manager)
    assert {item.category: item.count for item in summary.categories}[C.APPLIED] == 1
    assert summary.active_total == 2
    assert service.pipeline_summary(db, interviewer).active_total == 0


def test_reasons_table_has_no_duplicates_after_concurrent_style_seeding(db: Session) -> None:
    service.ensure_defaults(db)
    service.ensure_defaults(db)
    assert len(db.scalars(select(RejectionReason)).all()) == sum(map(len, service.DEFAULT_REASONS.values()))
