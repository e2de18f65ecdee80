"""The mail outbox: written in the transaction, delivered after commit, failures recorded."""

from __future__ import annotations

import uuid
from datetime import timedelta
from io import StringIO

import pytest
from sqlalchemy.orm import Session, sessionmaker

from talentbridge.config import MailBackend, Settings
from talentbridge.db.session import unit_of_work
from talentbridge.errors import InvalidInput
from talentbridge.kit.clock import utc_now
from talentbridge.mail import service
from talentbridge.mail.backends import ConsoleMailBackend, MemoryMailBackend, outbox
from talentbridge.mail.compose import compose
from talentbridge.mail.models import MailStatus, OutboxMessage
from talentbridge.mail.tasks import send_outbox_message
from talentbridge.worker import configure_queue


def _reload(factory: sessionmaker[Session], message_id: uuid.UUID) -> OutboxMessage:
    with factory() as session:
        message = session.get(OutboxMessage, message_id)
        assert message is not None
        return message


def _queue(factory: sessionmaker[Session], **overrides: str) -> uuid.UUID:
    fields = {"to": "ana@example.com", "subject": "Your interview", "body_text": "See you on Monday."}
    with unit_of_work(factory) as session:
        return service.queue_mail(session, **{**fields, **overrides}).id


def test_queued_mail_is_stored_and_delivered_after_commit(
    mail_queue: object, session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(session_factory) as session:
        message = service.queue_mail(
            session,
            to="Ana.Lima@Example.com",
            subject="Your interview",
            body_text="See you on Monday.",
            body_html="<p>See you on <b>Monday</b>.</p>",
        )
        assert message.status is MailStatus.PENDING
        assert outbox == []
    [sent] = MemoryMailBackend.outbox
    assert (sent["To"], sent["Subject"], sent["From"]) == (
        "Ana.Lima@example.com",
        "Your interview",
        "TalentBridge <no-reply@talentbridge.local>",
    )
    assert sent.get_body(("plain",)).get_content() == "See you on Monday.\n"  # type: ignore[union-attr]
    assert "<b>Monday</b>" in sent.get_body(("html",)).get_content()  # type: ignore[union-attr]
    stored = _reload(session_factory, message.id)
    assert (stored.status, stored.attempts, stored.last_error) == (MailStatus.SENT, 1, None)
    assert stored.sent_at is not None


def test_nothing_is_stored_or_sent_when_the_transaction_rolls_back(
    mail_queue: object, session_factory: sessionmaker[Session]
) -> None:
    def queue_then_fail() -> None:
        with unit_of_work(session_factory) as session:
            service.queue_mail(session, to="ana@example.com", subject="Offer", body_text="Congratulations")
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError, match="rolled back"):
        queue_then_fail()
    assert outbox == []
    with session_factory() as session:
        assert session.query(OutboxMessage).count() == 0


def test_a_sent_message_is_never_sent_twice(
    mail_queue: object, session_factory: sessionmaker[Session]
) -> None:
    message_id = _queue(session_factory)
    send_outbox_message(message_id=str(message_id))  # a duplicate or late retry of the job
    assert len(outbox) == 1
    assert _reload(session_factory, message_id).attempts == 1


def test_failed_deliveries_are_recorded_until_the_message_is_given_up(
    settings: Settings, session_factory: sessionmaker[Session], closed_port: int
) -> None:
    configure_queue(settings.model_copy(update={"mail_backend": MailBackend.SMTP, "smtp_port": closed_port}))
    message_id = _queue(session_factory)
    stored = _reload(session_factory, message_id)
    assert (stored.status, stored.attempts, stored.sent_at) == (MailStatus.FAILED, 3, None)
    assert stored.last_error is not None
    assert stored.last_error.startswith("ConnectionRefusedError")


def test_stale_pending_messages_are_enqueued_again(
    mail_queue: object, session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(session_factory) as session:  # rows whose sending job was lost
        lost = OutboxMessage(
            to_address="ana@example.com",
            subject="Lost",
            body_text="x",
            created_at=utc_now() - timedelta(hours=1),
        )
        recent = OutboxMessage(to_address="ana@example.com", subject="Recent", body_text="x")
        session.add_all([lost, recent])
    with unit_of_work(session_factory) as session:
        assert service.requeue_stale(session) == 1
    assert [mail["Subject"] for mail in outbox] == ["Lost"]
    assert _reload(session_factory, recent.id).status is MailStatus.PENDING


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("to", "not-an-address", "Not a valid e-mail address"),
        ("subject", "Hello\r\nBcc: everyone@example.com", "single line"),
        ("subject", "  ", "1 to 300 characters"),
        ("subject", "x" * 301, "1 to 300 characters"),
    ],
)
def test_invalid_messages_are_refused_before_anything_is_stored(
    mail_queue: object, session_factory: sessionmaker[Session], field: str, value: str, error: str
) -> None:
    with pytest.raises(InvalidInput, match=error) as caught, unit_of_work(session_factory) as session:
        service.queue_mail(
            session, **{"to": "ana@example.com", "subject": "Hi", "body_text": "x", field: value}
        )
    assert caught.value.field == field
    assert outbox == []


def test_message_id_is_derived_from_the_outbox_id() -> None:
    message = OutboxMessage(id=uuid.uuid4(), to_address="ana@example.com", subject="Hi", body_text="x")
    email = compose(message, sender="Hiring <jobs@acme.example>")
    assert email["Message-ID"] == f"<{message.id}@acme.example>"


def test_console_backend_prints_a_readable_message() -> None:
    message = OutboxMessage(
        id=uuid.uuid4(),
        to_address="ana@example.com",
        subject="Hi",
        body_text="Plain body",
        body_html="<p>x</p>",
    )
    stream = StringIO()
    ConsoleMailBackend(stream).send(compose(message, sender="jobs@acme.example"))
    printed = stream.getvalue()
    assert "To: ana@example.com" in printed
    assert "Subject: Hi" in printed
    assert "Plain body" in printed
    assert "[HTML alternative: 9 characters]" in printed
