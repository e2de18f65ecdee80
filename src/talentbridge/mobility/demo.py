"""Demo data of the mobility context, added after the core demo (people, jobs, applications) exists.

Foreign candidates applying to China hubs get permit facts; applications in offer and hired
stages get offer terms (mostly good offers, one deliberately too low so the "offer without permit
category" warning shows); a few hires get cases at different steps with deadlines coming up, so
the board, the Work permit tab and the badges look alive. Everything goes through the services.
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.demo.loader import DemoContext
from talentbridge.mobility import repository, service
from talentbridge.mobility.enums import StepKind, StepStatus
from talentbridge.mobility.schemas import (
    CaseCreate,
    CaseUpdate,
    DependantCreate,
    DocumentUpdate,
    OfferTermsIn,
    PermitFactsIn,
    StepUpdate,
)
from talentbridge.pipeline.enums import StageCategory

MAX_PEOPLE_WITH_FACTS = 40
MAX_CASES = 6
OFFER_STAGES = (StageCategory.OFFER, StageCategory.HIRED)
CASE_OWNERS = ("mei.chen@talentbridge.example", "li.na@talentbridge.example")
# How far each demo case has got: the number of steps done, and days since it was opened.
CASE_PROGRESS = ((0, 10), (1, 40), (2, 70), (3, 95), (4, 110), (0, 3))


def _facts(rng: random.Random) -> PermitFactsIn:
    return PermitFactsIn(
        vocational_level="none",
        hsk_level=rng.choice((0, 0, 1, 2, 3, 4, 5)),
        top_university_graduate=rng.random() < 0.3,
        fortune500_experience=rng.random() < 0.25,
        has_patents=rng.random() < 0.1,
        degree_taught_in_chinese=rng.random() < 0.05,
    )


def _offer(rng: random.Random, index: int) -> OfferTermsIn:
    if index == 1:  # one offer too low to reach any category: the warning shows on the board
        return OfferTermsIn(annual_salary_cny=Decimal("90000"), months_in_china_per_year=6)
    salary = Decimal(rng.choice((380_000, 520_000, 650_000, 900_000, 1_200_000)))
    return OfferTermsIn(annual_salary_cny=salary, months_in_china_per_year=rng.choice((9, 12, 12)))


def _advance(
    session: Session, actor: Actor, context: service.CaseContext, done: int, opened_days: int
) -> None:
    """Complete the first ``done`` steps at plausible dates after the case was opened."""
    day = context.case.opened_on
    gaps = {
        StepKind.WORK_PERMIT_NOTICE: 20,
        StepKind.Z_VISA: 8,
        StepKind.ENTRY: 12,
        StepKind.WORK_PERMIT_CARD: 9,
    }
    for step in sorted(context.case.steps, key=lambda item: item.position)[:done]:
        day = day + timedelta(days=gaps.get(step.kind, 10))
        service.update_step(
            session, actor, context.case.id, step.id, StepUpdate(status=StepStatus.DONE, completed_on=day)
        )
    open_steps = [step for step in context.case.steps if step.status is StepStatus.PENDING]
    if open_steps:
        service.update_step(
            session, actor, context.case.id, open_steps[0].id, StepUpdate(status=StepStatus.IN_PROGRESS)
        )
    del opened_days


def _documents(session: Session, actor: Actor, context: service.CaseContext, rng: random.Random) -> None:
    opened = context.case.opened_on
    for document in context.case.documents:
        if rng.random() < 0.6:
            issued = opened - timedelta(days=rng.randint(10, 170))
            service.update_document(
                session,
                actor,
                context.case.id,
                document.id,
                DocumentUpdate(status=rng.choice(("received", "verified")), issued_on=issued),
            )


def extend_demo(session: Session, context: DemoContext) -> None:
    """Permit facts, offer terms, assessments and a few cases for the demo company."""
    rng = random.Random(context.seed + 5)  # noqa: S311 - reproducible demo data, not security
    actor = Actor.system()
    rows = [
        row
        for row in repository.demo_rows(session)
        if row.hub_country == "CN" and "CN" not in row.nationalities and row.nationalities
    ]
    people = list(dict.fromkeys(row.person_id for row in rows))[:MAX_PEOPLE_WITH_FACTS]
    for person_id in people:
        service.save_permit_facts(session, actor, person_id, _facts(rng))
    offers = [row for row in rows if row.stage_category in OFFER_STAGES and row.person_id in set(people)]
    for index, row in enumerate(offers):
        service.save_offer_terms(session, actor, row.application_id, _offer(rng, index))
    owners = [context.users[email].id for email in CASE_OWNERS if email in context.users]
    today = context.now.date()
    candidates = [row for row in offers if row.stage_category is StageCategory.HIRED] + [
        row for row in offers if row.stage_category is StageCategory.OFFER
    ]
    for row, (done, opened_days) in zip(candidates[:MAX_CASES], CASE_PROGRESS, strict=False):
        case = service.open_case(
            session,
            actor,
            CaseCreate(
                application_id=row.application_id,
                owner_ids=owners,
                opened_on=today - timedelta(days=opened_days),
            ),
        )
        _advance(session, actor, case, done, opened_days)
        _documents(session, actor, case, rng)
        if done >= 4:
            service.update_case(
                session,
                actor,
                case.case.id,
                CaseUpdate(
                    expected_version=case.case.version,
                    residence_permit_expires_on=today + timedelta(days=85),
                    work_permit_expires_on=today + timedelta(days=300),
                ),
            )
        if done == 2:
            service.add_dependant(
                session,
                actor,
                case.case.id,
                DependantCreate(full_name="Sam Rivera", relation="spouse"),
            )
