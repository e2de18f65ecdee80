"""Outgoing e-mail through an outbox.

``queue_mail`` writes the message in the caller's transaction and enqueues its sending for after
commit, so a rolled-back change never mails anyone and a committed one is never forgotten: the row
stays ``pending`` until a send succeeds, and a periodic sweep re-enqueues rows whose job was lost.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from email_validator import EmailNotValidError, validate_email
from sqlalchemy.orm import Session

from talentbridge.errors import InvalidInput
from talentbridge.kit.clock import utc_now
from talentbridge.mail import repository
from talentbridge.mail.backends import MailBackend
from talentbridge.mail.compose import compose
from talentbridge.mail.models import MailStatus, OutboxMessage
from talentbridge.worker import enqueue

log = logging.getLogger(__name__)

SEND_TASK = "mail.send_outbox_message"
MAX_SUBJECT_CHARS = 300  # the column's size
MAX_ERROR_CHARS = 500  # the column's size
STALE_AFTER = timedelta(minutes=15)  # far beyond any retry backoff: the job itself was lost
REQUEUE_BATCH = 500


def queue_mail(
    session: Session, *, to: str, subject: str, body_text: str, body_html: str | None = None
) -> OutboxMessage:
    """Add a message to the outbox; it is sent by a background job once the transaction commits."""
    message = OutboxMessage(
        to_address=_recipient(to), subject=_subject(subject), body_text=body_text, body_html=body_html
    )
    session.add(message)
    session.flush()
    enqueue(session, SEND_TASK, message_id=str(message.id))
    return message


def deliver(
    session: Session, message_id: uuid.UUID, *, backend: MailBackend, sender: str, max_attempts: int
) -> Exception | None:
    """Send one pending message and record the attempt; return the error if sending failed.

    Idempotent: a message that is no longer pending (sent, given up, or deleted) is left alone,
    so a duplicate or retried job never mails twice. The last allowed failure marks it failed.
    """
    message = repository.get_message(session, message_id, lock=True)
    if message is None or message.status is not MailStatus.PENDING:
        return None
    message.attempts += 1
    try:
        backend.send(compose(message, sender=sender))
    except Exception as exc:
        _record_failure(message, exc, max_attempts)
        return exc
    message.status = MailStatus.SENT
    message.sent_at = utc_now()
    message.last_error = None
    log.info("mail %s sent on attempt %d", message.id, message.attempts)
    return None


def requeue_stale(session: Session, *, older_than: timedelta = STALE_AFTER) -> int:
    """Enqueue sending again for messages pending too long (their job was lost); return how many.

    A job can be lost between commit and enqueue (process killed, queue database briefly down).
    """
    ids = repository.pending_ids_created_before(session, utc_now() - older_than, limit=REQUEUE_BATCH)
    for message_id in ids:
        enqueue(session, SEND_TASK, message_id=str(message_id))
    if ids:
        log.warning("re-enqueued %d stale outbox message(s)", len(ids))
    return len(ids)


def _record_failure(message: OutboxMessage, exc: Exception, max_attempts: int) -> None:
    # The error text stays in the row (it may name the recipient); logs get the type only.
    message.last_error = " ".join(f"{type(exc).__name__}: {exc}".split())[:MAX_ERROR_CHARS]
    if message.attempts >= max_attempts:
        message.status = MailStatus.FAILED
    log.warning(
        "mail %s not sent (%s), attempt %d of %d",
        message.id,
        type(exc).__name__,
        message.attempts,
        max_attempts,
    )


def _recipient(to: str) -> str:
    try:
        return validate_email(to, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise InvalidInput("Not a valid e-mail address.", field="to") from exc


def _subject(subject: str) -> str:
    cleaned = subject.strip()
    if "\r" in cleaned or "\n" in cleaned:
        raise InvalidInput("A subject must be a single line.", field="subject")
    if not cleaned or len(cleaned) > MAX_SUBJECT_CHARS:
        raise InvalidInput(f"A subject needs 1 to {MAX_SUBJECT_CHARS} characters.", field="subject")
    return cleaned
