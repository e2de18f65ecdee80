"""Queries on the mail outbox."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentbridge.mail.models import MailStatus, OutboxMessage


def get_message(session: Session, message_id: uuid.UUID, *, lock: bool = False) -> OutboxMessage | None:
    """One message; ``lock`` holds its row until commit on PostgreSQL (SQLite ignores it)."""
    statement = select(OutboxMessage).where(OutboxMessage.id == message_id)
    if lock:
        statement = statement.with_for_update()
    return session.scalars(statement).one_or_none()


def pending_ids_created_before(session: Session, cutoff: datetime, *, limit: int) -> list[uuid.UUID]:
    """Ids of messages still pending that were queued before ``cutoff``, oldest first."""
    statement = (
        select(OutboxMessage.id)
        .where(OutboxMessage.status == MailStatus.PENDING, OutboxMessage.created_at < cutoff)
        .order_by(OutboxMessage.created_at)
        .limit(limit)
    )
    return list(session.scalars(statement))
