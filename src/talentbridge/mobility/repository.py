"""Every query of the mobility context.

Badge look-ups are batched: one query answers a whole pipeline board (latest assessment per
application, falling back to the person's offer-less assessment, together with each application's
stage category).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, delete, func, insert, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from talentbridge.auth.models import User
from talentbridge.jobs.models import Job
from talentbridge.mobility.enums import CaseStatus
from talentbridge.mobility.models import (
    CaseDocument,
    CaseReminder,
    CaseStep,
    MobilityCase,
    OfferTerms,
    PermitAssessment,
    PermitFacts,
    mobility_case_owners,
)
from talentbridge.people.models import Person
from talentbridge.pipeline.enums import StageCategory
from talentbridge.pipeline.models import Application, Stage

# --- facts and offer terms -------------------------------------------------------------------------


def get_permit_facts(session: Session, person_id: uuid.UUID) -> PermitFacts | None:
    """The person's permit facts, if recorded."""
    return session.get(PermitFacts, person_id)


def get_offer_terms(session: Session, application_id: uuid.UUID) -> OfferTerms | None:
    """An application's offer terms, if recorded."""
    return session.get(OfferTerms, application_id)


def offer_terms_for_person(session: Session, person_id: uuid.UUID) -> dict[uuid.UUID, OfferTerms]:
    """All offer terms of a person's applications, by application."""
    rows = session.scalars(select(OfferTerms).where(OfferTerms.person_id == person_id))
    return {terms.application_id: terms for terms in rows}


# --- assessments -----------------------------------------------------------------------------------


def latest_assessment(
    session: Session, person_id: uuid.UUID, application_id: uuid.UUID | None
) -> PermitAssessment | None:
    """The newest stored assessment of a person for one application (None: the offer-less one)."""
    condition = (
        PermitAssessment.application_id.is_(None)
        if application_id is None
        else PermitAssessment.application_id == application_id
    )
    stmt = (
        select(PermitAssessment)
        .where(PermitAssessment.person_id == person_id, condition)
        .order_by(PermitAssessment.created_at.desc(), PermitAssessment.id)
        .limit(1)
    )
    return session.scalars(stmt).first()


def _ranked_latest(where: object) -> Select[tuple[PermitAssessment, int]]:
    rank = (
        func.row_number()
        .over(
            partition_by=(PermitAssessment.person_id, PermitAssessment.application_id),
            order_by=(PermitAssessment.created_at.desc(), PermitAssessment.id),
        )
        .label("rank")
    )
    return select(PermitAssessment, rank).where(where)  # type: ignore[arg-type]


def latest_assessments_for_person(session: Session, person_id: uuid.UUID) -> list[PermitAssessment]:
    """The newest assessment per application (and the offer-less one) of a person."""
    ranked = _ranked_latest(PermitAssessment.person_id == person_id).subquery()
    latest = aliased(PermitAssessment, ranked)
    stmt = select(latest).where(ranked.c.rank == 1).order_by(latest.created_at.desc())
    return list(session.scalars(stmt))


def count_assessments(session: Session, person_id: uuid.UUID) -> int:
    """How many assessments are stored for a person (history length)."""
    return session.scalar(select(func.count()).where(PermitAssessment.person_id == person_id)) or 0


@dataclass(frozen=True)
class BadgeRow:
    """What a badge needs: the application's stage category and its effective latest assessment."""

    application_id: uuid.UUID
    stage_category: StageCategory
    category: str | None
    possible_category: str | None
    points_total: int | None


def badge_rows(
    session: Session, application_ids: Sequence[uuid.UUID], person_ids: Sequence[uuid.UUID]
) -> list[BadgeRow]:
    """For each application: stage category and the latest assessment for it, else the person's
    offer-less one. One query for any number of applications."""
    ranked = _ranked_latest(
        or_(
            PermitAssessment.application_id.in_(application_ids),
            and_(PermitAssessment.person_id.in_(person_ids), PermitAssessment.application_id.is_(None)),
        )
    ).subquery()
    own = ranked.alias("own")
    general = ranked.alias("general")
    stmt = (
        select(
            Application.id,
            Stage.category,
            func.coalesce(own.c.category, general.c.category),
            func.coalesce(own.c.possible_category, general.c.possible_category),
            func.coalesce(own.c.points_total, general.c.points_total),
            own.c.id,
        )
        .join(Stage, Stage.id == Application.stage_id)
        .outerjoin(own, and_(own.c.application_id == Application.id, own.c.rank == 1))
        .outerjoin(
            general,
            and_(
                general.c.person_id == Application.person_id,
                general.c.application_id.is_(None),
                general.c.rank == 1,
            ),
        )
        .where(Application.id.in_(application_ids))
    )
    rows = []
    for app_id, stage_category, category, possible, points, own_id in session.execute(stmt):
        if points is None and own_id is None:
            rows.append(BadgeRow(app_id, stage_category, None, None, None))
            continue
        rows.append(BadgeRow(app_id, stage_category, category, possible, points))
    return rows


def best_person_assessment(session: Session, person_id: uuid.UUID) -> PermitAssessment | None:
    """The person's best latest assessment (A over B over none, then points) for the header badge."""
    order = {"A": 2, "B": 1}
    candidates = latest_assessments_for_person(session, person_id)
    if not candidates:
        return None
    return max(candidates, key=lambda item: (order.get(item.category or "", 0), item.points_total))


# --- applications (what mobility needs to know about them) -----------------------------------------


def application_stage_category(session: Session, application_id: uuid.UUID) -> StageCategory | None:
    """The category of an application's current stage."""
    stmt = (
        select(Stage.category)
        .join(Application, Application.stage_id == Stage.id)
        .where(Application.id == application_id)
    )
    return session.scalars(stmt).first()


# --- cases -----------------------------------------------------------------------------------------

CASE_DETAILS = (
    selectinload(MobilityCase.steps),
    selectinload(MobilityCase.documents),
    selectinload(MobilityCase.dependants),
)


def get_case(session: Session, case_id: uuid.UUID, *, details: bool = True) -> MobilityCase | None:
    """A case with steps, documents and dependants loaded."""
    stmt = select(MobilityCase).where(MobilityCase.id == case_id)
    if details:
        stmt = stmt.options(*CASE_DETAILS)
    return session.scalars(stmt).first()


def case_for_application(session: Session, application_id: uuid.UUID) -> MobilityCase | None:
    """The case of an application, if one was opened."""
    return session.scalars(select(MobilityCase).where(MobilityCase.application_id == application_id)).first()


def cases_for_person(session: Session, person_id: uuid.UUID) -> Sequence[MobilityCase]:
    """A person's cases, newest first."""
    stmt = (
        select(MobilityCase)
        .where(MobilityCase.person_id == person_id)
        .options(*CASE_DETAILS)
        .order_by(MobilityCase.created_at.desc())
    )
    return session.scalars(stmt).all()


@dataclass(frozen=True)
class CaseRow:
    """A case with the names the board shows."""

    case: MobilityCase
    person_name: str
    job_title: str


def list_cases(
    session: Session,
    *,
    owner_id: uuid.UUID | None = None,
    statuses: Iterable[CaseStatus] | None = None,
    person_id: uuid.UUID | None = None,
    limit: int = 500,
) -> list[CaseRow]:
    """Cases (with steps loaded) and the person's name and job title, in one query plus eager loads."""
    stmt = (
        select(MobilityCase, Person.first_name, Person.last_name, Job.title)
        .join(Person, Person.id == MobilityCase.person_id)
        .join(Application, Application.id == MobilityCase.application_id)
        .join(Job, Job.id == Application.job_id)
        .options(selectinload(MobilityCase.steps))
        .order_by(MobilityCase.opened_on.desc(), MobilityCase.id)
        .limit(limit)
    )
    if owner_id is not None:
        stmt = stmt.where(
            MobilityCase.id.in_(
                select(mobility_case_owners.c.case_id).where(mobility_case_owners.c.user_id == owner_id)
            )
        )
    if statuses is not None:
        stmt = stmt.where(MobilityCase.status.in_(list(statuses)))
    if person_id is not None:
        stmt = stmt.where(MobilityCase.person_id == person_id)
    return [
        CaseRow(case, f"{first} {last}".strip(), title) for case, first, last, title in session.execute(stmt)
    ]


def case_names(session: Session, case_id: uuid.UUID) -> tuple[str, str]:
    """The person's name and the job title of a case."""
    stmt = (
        select(Person.first_name, Person.last_name, Job.title)
        .join(MobilityCase, MobilityCase.person_id == Person.id)
        .join(Application, Application.id == MobilityCase.application_id)
        .join(Job, Job.id == Application.job_id)
        .where(MobilityCase.id == case_id)
    )
    row = session.execute(stmt).first()
    return (f"{row[0]} {row[1]}".strip(), row[2]) if row is not None else ("", "")


def owners_by_case(session: Session, case_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The owner user ids of each case."""
    owners: dict[uuid.UUID, list[uuid.UUID]] = {case_id: [] for case_id in case_ids}
    if not case_ids:
        return owners
    stmt = select(mobility_case_owners.c.case_id, mobility_case_owners.c.user_id).where(
        mobility_case_owners.c.case_id.in_(case_ids)
    )
    for case_id, user_id in session.execute(stmt):
        owners[case_id].append(user_id)
    return owners


def set_owners(session: Session, case_id: uuid.UUID, user_ids: Sequence[uuid.UUID]) -> None:
    """Replace a case's owners."""
    session.execute(delete(mobility_case_owners).where(mobility_case_owners.c.case_id == case_id))
    if user_ids:
        session.execute(
            insert(mobility_case_owners), [{"case_id": case_id, "user_id": user_id} for user_id in user_ids]
        )


def active_users(session: Session, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, User]:
    """The active users among these ids."""
    if not user_ids:
        return {}
    stmt = select(User).where(User.id.in_(user_ids), User.is_active.is_(True))
    return {user.id: user for user in session.scalars(stmt)}


def get_step(session: Session, case_id: uuid.UUID, step_id: uuid.UUID) -> CaseStep | None:
    """A step of a case."""
    return session.scalars(
        select(CaseStep).where(CaseStep.id == step_id, CaseStep.case_id == case_id)
    ).first()


def get_document(session: Session, case_id: uuid.UUID, document_id: uuid.UUID) -> CaseDocument | None:
    """A document of a case."""
    stmt = select(CaseDocument).where(CaseDocument.id == document_id, CaseDocument.case_id == case_id)
    return session.scalars(stmt).first()


def storage_keys_for_case(session: Session, case_id: uuid.UUID) -> list[str]:
    """The stored files of a case's documents (to delete with the case)."""
    stmt = select(CaseDocument.storage_key).where(
        CaseDocument.case_id == case_id, CaseDocument.storage_key.is_not(None)
    )
    return [key for key in session.scalars(stmt) if key]


def storage_keys_for_person(session: Session, person_id: uuid.UUID) -> list[str]:
    """The stored files of all of a person's case documents."""
    stmt = (
        select(CaseDocument.storage_key)
        .join(MobilityCase, MobilityCase.id == CaseDocument.case_id)
        .where(MobilityCase.person_id == person_id, CaseDocument.storage_key.is_not(None))
    )
    return [key for key in session.scalars(stmt) if key]


# --- reminders -------------------------------------------------------------------------------------


def cases_to_scan(session: Session) -> Sequence[MobilityCase]:
    """Every case not cancelled (completed ones still have permits that expire), with details."""
    stmt = (
        select(MobilityCase)
        .where(MobilityCase.status != CaseStatus.CANCELLED)
        .options(*CASE_DETAILS)
        .order_by(MobilityCase.id)
    )
    return session.scalars(stmt).all()


def sent_reminder_keys(
    session: Session, case_ids: Sequence[uuid.UUID]
) -> set[tuple[uuid.UUID, str, int, date]]:
    """(case, item, threshold, due date) of every reminder already sent for these cases."""
    if not case_ids:
        return set()
    stmt = select(
        CaseReminder.case_id, CaseReminder.item_key, CaseReminder.threshold_days, CaseReminder.due_on
    ).where(CaseReminder.case_id.in_(case_ids))
    return {(row[0], row[1], row[2], row[3]) for row in session.execute(stmt)}


def owner_emails(session: Session, case_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """The e-mail addresses of each case's active owners."""
    emails: dict[uuid.UUID, list[str]] = {case_id: [] for case_id in case_ids}
    if not case_ids:
        return emails
    stmt = (
        select(mobility_case_owners.c.case_id, User.email)
        .join(User, User.id == mobility_case_owners.c.user_id)
        .where(mobility_case_owners.c.case_id.in_(case_ids), User.is_active.is_(True))
        .order_by(User.email)
    )
    for case_id, email in session.execute(stmt):
        emails[case_id].append(email)
    return emails


def person_names(session: Session, person_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Display names of people (for reminder subjects without further personal data)."""
    if not person_ids:
        return {}
    stmt = select(Person.id, Person.first_name, Person.last_name).where(Person.id.in_(person_ids))
    return {row[0]: f"{row[1]} {row[2]}".strip() for row in session.execute(stmt)}


# --- demo ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoRow:
    """An application the demo may give permit data: its person's nationalities, stage and hub."""

    application_id: uuid.UUID
    person_id: uuid.UUID
    nationalities: list[str]
    stage_category: StageCategory
    hub_country: str


def demo_rows(session: Session) -> list[DemoRow]:
    """Every application with its person's nationalities, stage category and hub country."""
    from talentbridge.jobs.models import Hub

    stmt = (
        select(Application.id, Person.id, Person.nationalities, Stage.category, Hub.country)
        .join(Person, Person.id == Application.person_id)
        .join(Stage, Stage.id == Application.stage_id)
        .join(Job, Job.id == Application.job_id)
        .join(Hub, Hub.id == Job.hub_id)
        .order_by(Application.applied_at, Application.id)
    )
    return [DemoRow(row[0], row[1], list(row[2] or []), row[3], row[4]) for row in session.execute(stmt)]
