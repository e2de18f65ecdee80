"""SMTP delivery over a real socket: the message reaches the server, with login."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from pydantic import SecretStr
from sqlalchemy.orm import Session, sessionmaker

from talentbridge.config import MailBackend, Settings
from talentbridge.db.session import unit_of_work
from talentbridge.mail import service
from talentbridge.mail.backends import SmtpMailBackend, backend_for
from talentbridge.mail.models import MailStatus, OutboxMessage
from talentbridge.worker import configure_queue, shutdown_queue


@pytest.fixture
def smtp_settings(settings: Settings, smtp_server: Any) -> Iterator[Settings]:
    """Test settings sending through the local server, with the app's (eager) queue."""
    smtp = settings.model_copy(
        update={
            "mail_backend": MailBackend.SMTP,
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp_server.port,
            "smtp_username": smtp_server.username,
            "smtp_password": SecretStr(smtp_server.password),
        }
    )
    configure_queue(smtp)
    yield smtp
    shutdown_queue()


def test_smtp_backend_sends_over_the_wire_after_logging_in(smtp_settings: Settings, smtp_server: Any) -> None:
    backend = backend_for(smtp_settings)
    assert isinstance(backend, SmtpMailBackend)
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "jobs@acme.example", "ana@example.com", "Hello"
    message.set_content("Über den Wolken")
    backend.send(message)
    [envelope] = smtp_server.envelopes
    assert (envelope.mail_from, envelope.rcpt_tos, smtp_server.authenticated) == (
        "jobs@acme.example",
        ["ana@example.com"],
        [True],
    )
    received = message_from_bytes(
        envelope.original_content or b"", _class=EmailMessage, policy=policy.default
    )
    assert received.get_content().strip() == "Über den Wolken"


def test_queued_mail_is_delivered_by_smtp_and_marked_sent(
    smtp_settings: Settings, smtp_server: Any, session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(session_factory) as session:
        message_id = service.queue_mail(
            session, to="ana@example.com", subject="Interview on Monday", body_text="See you."
        ).id
    [envelope] = smtp_server.envelopes
    assert envelope.rcpt_tos == ["ana@example.com"]
    assert b"Subject: Interview on Monday" in (envelope.original_content or b"")
    assert f"<{message_id}@talentbridge.local>".encode() in (envelope.original_content or b"")
    with session_factory() as session:
        stored = session.get(OutboxMessage, uuid.UUID(str(message_id)))
        assert stored is not None
        assert (stored.status, stored.attempts) == (MailStatus.SENT, 1)


def test_wrong_smtp_password_is_recorded_as_the_last_error(
    smtp_settings: Settings, session_factory: sessionmaker[Session], smtp_server: Any
) -> None:
    configure_queue(smtp_settings.model_copy(update={"smtp_password": SecretStr("wrong")}))
    with unit_of_work(session_factory) as session:
        message_id = service.queue_mail(session, to="ana@example.com", subject="Hi", body_text="x").id
    assert smtp_server.envelopes == []
    with session_factory() as session:
        stored = session.get(OutboxMessage, message_id)
        assert stored is not None
        assert (stored.status, stored.attempts) == (MailStatus.FAILED, 3)
        assert (stored.last_error or "").startswith("SMTPAuthenticationError")
