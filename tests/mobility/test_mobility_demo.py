"""The demo company shows mobility: permit facts, offers with assessments, cases with deadlines."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.demo.loader import load_demo
from talentbridge.mobility import service
from talentbridge.mobility.models import MobilityCase, OfferTerms, PermitAssessment, PermitFacts

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_demo_has_permit_data_and_cases_at_different_steps(db: Session) -> None:
    load_demo(db, seed=11, people=120, now=NOW)
    db.commit()
    assert db.scalar(select(func.count()).select_from(PermitFacts)) > 0
    assert db.scalar(select(func.count()).select_from(OfferTerms)) > 0
    assessments = db.scalars(select(PermitAssessment)).all()
    assert {item.rule_version for item in assessments}
    assert any(item.category in ("A", "B") for item in assessments)
    cases = db.scalars(select(MobilityCase)).all()
    assert cases
    board = service.case_board(db, Actor.system())
    occupied = [column.key for column in board.columns if column.count]
    assert len(occupied) >= 2  # cases at different steps
    upcoming = [item.next_due_on for column in board.columns for item in column.cases if item.next_due_on]
    assert any(due >= NOW.date() for due in upcoming)
