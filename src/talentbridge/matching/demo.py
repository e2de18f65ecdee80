"""Demo data of the matching context, added after the core demo (people, jobs, applications) exists."""

from __future__ import annotations

from sqlalchemy.orm import Session

from talentbridge.demo.loader import DemoContext


def extend_demo(session: Session, context: DemoContext) -> None:
    """Add this context's demo records (nothing yet)."""
    del session, context
