"""Background jobs of the mail outbox (thin: parse ids, open a unit of work, call the service)."""

from __future__ import annotations

import uuid

from talentbridge.mail import service
from talentbridge.mail.backends import backend_for
from talentbridge.worker import current_settings, max_attempts, task, task_session

REQUEUE_CRON = "*/10 * * * *"


class MailNotSent(RuntimeError):
    """Raised after a failed attempt is recorded, so the queue retries the job."""


@task(name=service.SEND_TASK)
def send_outbox_message(*, message_id: str) -> None:
    """Send one outbox message with the configured mail backend."""
    settings = current_settings()
    with task_session() as session:
        error = service.deliver(
            session,
            uuid.UUID(message_id),
            backend=backend_for(settings),
            sender=settings.mail_from,
            max_attempts=max_attempts(service.SEND_TASK),
        )
    if error is not None:  # raised after commit, so the recorded attempt survives the retry
        raise MailNotSent(f"outbox message {message_id} not sent ({type(error).__name__}); see last_error")


@task(name="mail.requeue_stale_outbox", cron=REQUEUE_CRON, max_attempts=1)
def requeue_stale_outbox() -> None:
    """Periodic safety net: re-enqueue messages whose sending job was lost."""
    with task_session() as session:
        service.requeue_stale(session)
