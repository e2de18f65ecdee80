"""Turning an outbox row into an RFC 5322 message."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from talentbridge.kit.clock import utc_now
from talentbridge.mail.models import OutboxMessage

FALLBACK_DOMAIN = "talentbridge.local"


def compose(message: OutboxMessage, *, sender: str) -> EmailMessage:
    """A text message with an optional HTML alternative.

    The Message-ID is derived from the outbox id, so a message delivered twice (a worker died
    after the SMTP server accepted it) carries the same id and receivers can drop the duplicate.
    """
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.to_address
    email["Subject"] = message.subject
    email["Date"] = format_datetime(utc_now())
    email["Message-ID"] = f"<{message.id}@{_domain(sender)}>"
    email.set_content(message.body_text)
    if message.body_html:
        email.add_alternative(message.body_html, subtype="html")
    return email


def _domain(sender: str) -> str:
    address = parseaddr(sender)[1]
    return address.rpartition("@")[2] or FALLBACK_DOMAIN
