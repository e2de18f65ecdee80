"""Permit badges are batched: one query for a whole board, whatever its size."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from mobility_helpers import Hire, candidate_payload
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from talentbridge.auth.actor import Actor
from talentbridge.mobility.web._badges import application_badges
from talentbridge.web.extensions import ApplicationRef


def _refs(hire: Hire, count: int) -> list[ApplicationRef]:
    refs = [ApplicationRef(uuid.UUID(hire.application_id), uuid.UUID(hire.person_id), uuid.UUID(hire.job_id))]
    for index in range(count - 1):
        person = hire.admin.post(
            "/api/v1/people", json=candidate_payload(emails=[f"p{index}@example.com"], first_name=f"P{index}")
        ).json()
        application = hire.admin.post(
            "/api/v1/applications", json={"person_id": person["id"], "job_id": hire.job_id}
        ).json()
        hire.admin.put(f"/api/v1/people/{person['id']}/permit-facts", json={"hsk_level": index % 7})
        refs.append(
            ApplicationRef(uuid.UUID(application["id"]), uuid.UUID(person["id"]), uuid.UUID(hire.job_id))
        )
    return refs


def _count_queries(session: Session, call: Callable[[], Any]) -> tuple[int, Any]:
    statements: list[str] = []

    def _record(*args: Any) -> None:
        statements.append(str(args[2]))

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", _record)
    try:
        result = call()
    finally:
        event.remove(engine, "before_cursor_execute", _record)
    return len(statements), result


def test_badges_take_one_query_for_any_number_of_applications(
    hire: Hire, session_factory: sessionmaker[Session]
) -> None:
    refs = _refs(hire, 6)
    hire.admin.put(f"/api/v1/people/{hire.person_id}/permit-facts", json={"hsk_level": 5})
    with session_factory() as session:
        few, few_badges = _count_queries(
            session, lambda: application_badges(session, Actor.system(), refs[:1])
        )
        many, many_badges = _count_queries(session, lambda: application_badges(session, Actor.system(), refs))
    assert few == many == 1
    assert len(few_badges) == 1
    assert len(many_badges) == 6
    assert all("permit-badge" in str(markup) for markup in many_badges.values())
