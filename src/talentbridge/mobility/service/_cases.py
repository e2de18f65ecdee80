"""Mobility cases: open one per hire, follow its steps, documents and dependants, show the board.

Due dates come from the case's checklist (``casework.schedule``): they are re-derived whenever a
start event changes (a step completed, the entry date set) unless a step's date was set by hand.
Completing the entry step sets the case's entry date, which starts the 15-day work-permit-card
and 30-day residence-permit clocks.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.db.session import after_commit
from talentbridge.errors import Conflict, InvalidInput, NotFound, StaleVersion
from talentbridge.files.storage import AttachmentStore
from talentbridge.kit.clock import utc_now
from talentbridge.mobility import repository
from talentbridge.mobility.casework.checklist import Checklist, load_checklist
from talentbridge.mobility.casework.schedule import document_expires_on, step_due_on
from talentbridge.mobility.enums import (
    ACTIVE_CASE_STATUSES,
    FINISHED_STEP_STATUSES,
    STEP_ORDER,
    CaseStatus,
    DocumentStatus,
    StepKind,
    StepStatus,
)
from talentbridge.mobility.models import CaseDependant, CaseDocument, CaseStep, MobilityCase
from talentbridge.mobility.policies import (
    can_see_case,
    require_case_delete,
    require_case_open,
    require_case_work,
    sees_all_cases,
)
from talentbridge.mobility.schemas import (
    BoardColumn,
    CaseBoard,
    CaseCreate,
    CaseRead,
    CaseSummary,
    CaseUpdate,
    DependantCreate,
    DependantRead,
    DocumentRead,
    DocumentUpdate,
    StepRead,
    StepUpdate,
)
from talentbridge.pipeline import service as pipeline_service

COMPLETED_COLUMN = "completed"


@dataclass(frozen=True)
class CaseContext:
    """A case the actor may see, with its owners and the checklist it was opened under."""

    case: MobilityCase
    owner_ids: list[uuid.UUID]
    checklist: Checklist


def _today() -> date:
    return utc_now().date()


def checklist_for(case: MobilityCase) -> Checklist:
    """The checklist version the case was opened under (the latest if that version is gone)."""
    try:
        return load_checklist(case.checklist_version)
    except ValueError:
        return load_checklist()


def _visible_case(session: Session, actor: Actor, case_id: uuid.UUID) -> CaseContext:
    case = repository.get_case(session, case_id)
    if case is None:
        raise NotFound("No such case.")
    owners = repository.owners_by_case(session, [case.id])[case.id]
    if not can_see_case(actor, owners):
        raise NotFound("No such case.")
    return CaseContext(case, owners, checklist_for(case))


def _workable_case(session: Session, actor: Actor, case_id: uuid.UUID) -> CaseContext:
    context = _visible_case(session, actor, case_id)
    require_case_work(actor, context.owner_ids)
    return context


def _owners(session: Session, owner_ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    unique = list(dict.fromkeys(owner_ids))
    found = repository.active_users(session, unique)
    missing = [str(user_id) for user_id in unique if user_id not in found]
    if missing:
        raise InvalidInput("Owners must be active users.", field="owner_ids")
    return unique


def rederive_due_dates(case: MobilityCase, checklist: Checklist) -> None:
    """Derive each step's due date from the rules, except dates set by hand."""
    completed = {step.kind: step.completed_on for step in case.steps if step.status is StepStatus.DONE}
    for step in case.steps:
        if step.due_manual:
            continue
        step.due_on = step_due_on(
            checklist.step(step.kind),
            opened_on=case.opened_on,
            entry_date=case.entry_date,
            completed_on=completed,
        )


def _refresh_document_expiry(document: CaseDocument, checklist: Checklist, stated: date | None) -> None:
    document.expires_on = document_expires_on(
        checklist.document(document.kind), issued_on=document.issued_on, stated=stated
    )


def open_case(session: Session, actor: Actor, data: CaseCreate) -> CaseContext:
    """Open the case of a hire: steps with derived due dates and the checklist's documents.

    One case per application (409 for a second). Owners default to the actor.
    """
    require_case_open(actor)
    application = pipeline_service.get_application(session, actor, data.application_id)
    existing = repository.case_for_application(session, application.id)
    if existing is not None:
        raise Conflict(
            "This application already has a mobility case.",
            field="application_id",
            extra={"case_id": str(existing.id)},
        )
    owner_ids = _owners(session, data.owner_ids or ([actor.user_id] if actor.user_id else []))
    checklist = load_checklist()
    best = repository.latest_assessment(session, application.person_id, application.id)
    case = MobilityCase(
        person_id=application.person_id,
        application_id=application.id,
        status=CaseStatus.OPEN,
        permit_category=best.category if best is not None else None,
        checklist_version=checklist.version,
        opened_on=data.opened_on or _today(),
        notes=data.notes,
        created_by_id=actor.user_id,
    )
    case.steps = [
        CaseStep(kind=kind, position=index, status=StepStatus.PENDING, note="", due_manual=False)
        for index, kind in enumerate(STEP_ORDER)
    ]
    case.documents = [
        CaseDocument(kind=rule.id, position=index, status=DocumentStatus.MISSING, note="")
        for index, rule in enumerate(checklist.documents)
    ]
    case.dependants = []
    rederive_due_dates(case, checklist)
    session.add(case)
    session.flush()
    repository.set_owners(session, case.id, owner_ids)
    audit.record(
        session,
        actor,
        "create",
        "mobility_case",
        case.id,
        person_id=case.person_id,
        summary="Opened a mobility case",
        changes={"application_id": application.id, "checklist_version": checklist.version},
    )
    return CaseContext(case, owner_ids, checklist)


def get_case(session: Session, actor: Actor, case_id: uuid.UUID) -> CaseContext:
    """A case the actor may see (404 otherwise)."""
    return _visible_case(session, actor, case_id)


def update_case(session: Session, actor: Actor, case_id: uuid.UUID, data: CaseUpdate) -> CaseContext:
    """Change a case's status, owners, entry date, permit expiries or notes (owners, compliance, admins).

    ``expected_version`` must match (409 otherwise). Setting the entry date re-derives the
    work-permit-card and residence-permit deadlines.
    """
    context = _workable_case(session, actor, case_id)
    case = context.case
    if case.version != data.expected_version:
        raise StaleVersion(
            "The case was changed by someone else; reload it.", extra={"current_version": case.version}
        )
    changes = data.model_dump(exclude_unset=True, exclude={"expected_version"})
    owner_ids = context.owner_ids
    if "owner_ids" in changes:
        owner_ids = _owners(session, data.owner_ids or [])
        repository.set_owners(session, case.id, owner_ids)
    for name in ("entry_date", "work_permit_expires_on", "residence_permit_expires_on"):
        if name in changes:
            setattr(case, name, changes[name])
    if changes.get("status") is not None:
        case.status = changes["status"]
    if changes.get("notes") is not None:
        case.notes = changes["notes"]
    rederive_due_dates(case, context.checklist)
    case.updated_at = utc_now()  # a change of owners alone must still bump the version
    try:
        session.flush()
    except StaleDataError as exc:
        raise StaleVersion("The case was changed by someone else; reload it.") from exc
    audit.record(
        session,
        actor,
        "update",
        "mobility_case",
        case.id,
        person_id=case.person_id,
        summary="Changed a mobility case",
        changes={"fields": sorted(changes)},
    )
    return CaseContext(case, owner_ids, context.checklist)


def update_step(
    session: Session, actor: Actor, case_id: uuid.UUID, step_id: uuid.UUID, data: StepUpdate
) -> CaseContext:
    """Change a step's status, completion date, due date or note (owners, compliance, admins).

    Marking a step done dates it today unless a date is given; completing the entry step sets the
    case's entry date. Later steps' due dates follow.
    """
    context = _workable_case(session, actor, case_id)
    case = context.case
    step = next((item for item in case.steps if item.id == step_id), None)
    if step is None:
        raise NotFound("No such step.")
    changes = data.model_dump(exclude_unset=True)
    if changes.get("status") is not None:
        step.status = changes["status"]
    if step.status is StepStatus.DONE:
        step.completed_on = changes.get("completed_on") or step.completed_on or _today()
    elif "completed_on" in changes:
        step.completed_on = changes["completed_on"]
    if step.status is not StepStatus.DONE and "status" in changes:
        step.completed_on = None
    if "due_on" in changes:
        step.due_on = changes["due_on"]
        step.due_manual = changes["due_on"] is not None
    if changes.get("note") is not None:
        step.note = changes["note"]
    if step.kind is StepKind.ENTRY and step.status is StepStatus.DONE:
        case.entry_date = step.completed_on
    if step.completed_on is not None and step.completed_on > _today():
        raise InvalidInput("A step cannot be completed in the future.", field="completed_on")
    rederive_due_dates(case, context.checklist)
    if all(item.status in FINISHED_STEP_STATUSES for item in case.steps) and case.status is CaseStatus.OPEN:
        case.status = CaseStatus.COMPLETED
    case.updated_at = utc_now()
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "mobility_case_step",
        step.id,
        person_id=case.person_id,
        summary=f"Step '{step.kind.value}' is now {step.status.value}",
        changes={"status": step.status, "completed_on": step.completed_on, "due_on": step.due_on},
    )
    return context


def update_document(
    session: Session, actor: Actor, case_id: uuid.UUID, document_id: uuid.UUID, data: DocumentUpdate
) -> tuple[CaseContext, CaseDocument]:
    """Change a checklist document's status, authentication, dates or note (owners, compliance, admins).

    Without a stated expiry date, the expiry follows from the issue date and the checklist's validity
    window (6 months for criminal-record and medical documents).
    """
    context = _workable_case(session, actor, case_id)
    document = next((item for item in context.case.documents if item.id == document_id), None)
    if document is None:
        raise NotFound("No such document.")
    changes = data.model_dump(exclude_unset=True)
    for name in ("status", "authentication", "note"):
        if changes.get(name) is not None:
            setattr(document, name, changes[name])
    if "issued_on" in changes:
        document.issued_on = changes["issued_on"]
    stated = changes.get("expires_on")
    if document.issued_on is not None and stated is not None and stated < document.issued_on:
        raise InvalidInput("A document cannot expire before it was issued.", field="expires_on")
    _refresh_document_expiry(document, context.checklist, stated)
    context.case.updated_at = utc_now()
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "mobility_case_document",
        document.id,
        person_id=context.case.person_id,
        summary=f"Document '{document.kind}' is now {document.status.value}",
        changes={"fields": sorted(changes)},
    )
    return context, document


def add_dependant(session: Session, actor: Actor, case_id: uuid.UUID, data: DependantCreate) -> CaseDependant:
    """Add a spouse or child to a case (owners, compliance, admins)."""
    context = _workable_case(session, actor, case_id)
    dependant = CaseDependant(case_id=context.case.id, **data.model_dump())
    context.case.dependants.append(dependant)
    context.case.updated_at = utc_now()
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "mobility_dependant",
        dependant.id,
        person_id=context.case.person_id,
        summary="Added a dependant to a mobility case",
        changes={"relation": dependant.relation},
    )
    return dependant


def remove_dependant(session: Session, actor: Actor, case_id: uuid.UUID, dependant_id: uuid.UUID) -> None:
    """Remove a dependant from a case (owners, compliance, admins)."""
    context = _workable_case(session, actor, case_id)
    dependant = next((item for item in context.case.dependants if item.id == dependant_id), None)
    if dependant is None:
        raise NotFound("No such dependant.")
    context.case.dependants.remove(dependant)
    context.case.updated_at = utc_now()
    session.flush()
    audit.record(
        session,
        actor,
        "delete",
        "mobility_dependant",
        dependant_id,
        person_id=context.case.person_id,
        summary="Removed a dependant from a mobility case",
    )


def delete_case(session: Session, actor: Actor, case_id: uuid.UUID, *, store: AttachmentStore) -> None:
    """Delete a case and, once committed, its document files (compliance and admins)."""
    context = _visible_case(session, actor, case_id)
    require_case_delete(actor)
    keys = repository.storage_keys_for_case(session, context.case.id)
    person_id = context.case.person_id
    session.delete(context.case)
    session.flush()

    def _remove_files() -> None:
        for key in keys:
            store.delete(key)

    if keys:
        after_commit(session, _remove_files)
    audit.record(
        session,
        actor,
        "delete",
        "mobility_case",
        case_id,
        person_id=person_id,
        summary="Deleted a mobility case",
    )


# --- reading ---------------------------------------------------------------------------------------


def current_step(case: MobilityCase) -> StepKind | None:
    """The first step not yet done (None when all are finished)."""
    for step in sorted(case.steps, key=lambda item: item.position):
        if step.status not in FINISHED_STEP_STATUSES:
            return step.kind
    return None


def next_due(case: MobilityCase) -> date | None:
    """The earliest due date among unfinished steps."""
    dates = [step.due_on for step in case.steps if step.status not in FINISHED_STEP_STATUSES and step.due_on]
    return min(dates) if dates else None


def _summary(
    case: MobilityCase, owner_ids: list[uuid.UUID], person_name: str, job_title: str, today: date
) -> CaseSummary:
    due = next_due(case)
    return CaseSummary(
        id=case.id,
        person_id=case.person_id,
        person_name=person_name,
        application_id=case.application_id,
        job_title=job_title,
        status=case.status,
        permit_category=case.permit_category,
        current_step=current_step(case) if case.status in ACTIVE_CASE_STATUSES else None,
        next_due_on=due,
        overdue=due is not None and due < today and case.status in ACTIVE_CASE_STATUSES,
        owner_ids=owner_ids,
        version=case.version,
    )


def case_warnings(context: CaseContext, today: date) -> list[str]:
    """Uncertainties from the rules that apply to this case, and expired documents."""
    checklist = context.checklist
    warnings = [checklist.uncertain[rule.uncertain] for rule in checklist.steps if rule.uncertain]
    if "apostille" in checklist.uncertain and any(
        rule.requires_authentication for rule in checklist.documents
    ):
        warnings.append(checklist.uncertain["apostille"])
    for document in context.case.documents:
        rule = checklist.document(document.kind)
        if document.expires_on is not None and document.expires_on < today:
            label = rule.label if rule else document.kind
            warnings.append(f"{label} expired on {document.expires_on.isoformat()}.")
    return warnings


def case_to_read(session: Session, context: CaseContext) -> CaseRead:
    """The full case for the API and the case page."""
    case = context.case
    person_name, job_title = repository.case_names(session, case.id)
    today = _today()
    summary = _summary(case, context.owner_ids, person_name, job_title, today)
    steps = []
    for step in case.steps:
        rule = context.checklist.step(step.kind)
        read = StepRead.model_validate(step)
        read.due_kind = rule.due.kind if step.due_on is not None and not step.due_manual else None
        read.warning = context.checklist.uncertain.get(rule.uncertain) if rule.uncertain else None
        steps.append(read)
    documents = []
    for document in case.documents:
        doc_rule = context.checklist.document(document.kind)
        read_doc = DocumentRead.model_validate(document)
        read_doc.has_file = document.storage_key is not None
        read_doc.requires_authentication = bool(doc_rule and doc_rule.requires_authentication)
        read_doc.validity_days = doc_rule.validity_days if doc_rule else None
        documents.append(read_doc)
    return CaseRead(
        **summary.model_dump(),
        checklist_version=case.checklist_version,
        opened_on=case.opened_on,
        entry_date=case.entry_date,
        work_permit_expires_on=case.work_permit_expires_on,
        residence_permit_expires_on=case.residence_permit_expires_on,
        notes=case.notes,
        steps=steps,
        documents=documents,
        dependants=[DependantRead.model_validate(item) for item in case.dependants],
        warnings=case_warnings(context, today),
        created_at=case.created_at,
    )


def list_cases(
    session: Session,
    actor: Actor,
    *,
    status: CaseStatus | None = None,
    owned_by_me: bool = False,
    person_id: uuid.UUID | None = None,
) -> list[CaseSummary]:
    """Cases the actor may see (everyone's for admins, recruiters, compliance; else their own)."""
    owner_filter = actor.user_id if owned_by_me or not sees_all_cases(actor) else None
    if owner_filter is None and not sees_all_cases(actor):
        return []
    rows = repository.list_cases(
        session, owner_id=owner_filter, statuses=[status] if status else None, person_id=person_id
    )
    owners = repository.owners_by_case(session, [row.case.id for row in rows])
    today = _today()
    return [_summary(row.case, owners[row.case.id], row.person_name, row.job_title, today) for row in rows]


def case_board(session: Session, actor: Actor) -> CaseBoard:
    """Active cases grouped by current step (ordered by next due date), then completed ones."""
    summaries = list_cases(session, actor)
    columns: dict[str, list[CaseSummary]] = {kind.value: [] for kind in STEP_ORDER}
    columns[COMPLETED_COLUMN] = []
    for summary in summaries:
        if summary.status in ACTIVE_CASE_STATUSES and summary.current_step is not None:
            columns[summary.current_step.value].append(summary)
        elif summary.status is not CaseStatus.CANCELLED:
            columns[COMPLETED_COLUMN].append(summary)
    for items in columns.values():
        items.sort(
            key=lambda item: (item.next_due_on is None, item.next_due_on or date.max, item.person_name)
        )
    return CaseBoard(
        columns=[BoardColumn(key=key, count=len(items), cases=items) for key, items in columns.items()],
        total=sum(len(items) for items in columns.values()),
    )
