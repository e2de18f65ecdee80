"""Where composed e-mails go: the console (development), memory (tests) or an SMTP server.

Backends receive a finished ``email.message.EmailMessage`` and either deliver it or raise; the
outbox task records the outcome, so backends keep no state of their own (memory aside).
"""

from __future__ import annotations

import smtplib
import ssl
import sys
from email.message import EmailMessage
from typing import ClassVar, Protocol, TextIO

from talentbridge.config import MailBackend as MailBackendChoice
from talentbridge.config import Settings

SMTP_TIMEOUT_SECONDS = 30.0


class MailBackend(Protocol):
    """Delivers one message or raises."""

    def send(self, message: EmailMessage) -> None:
        """Deliver ``message`` to its recipients."""


class ConsoleMailBackend:
    """Prints each message readably instead of sending it (development, ``make demo``)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    def send(self, message: EmailMessage) -> None:
        """Write the headers that matter and the plain-text body."""
        stream = self.stream or sys.stdout
        stream.write(render_for_console(message))
        stream.flush()


class MemoryMailBackend:
    """Keeps messages in the process-wide ``outbox`` list so tests can assert on them."""

    outbox: ClassVar[list[EmailMessage]] = []

    def send(self, message: EmailMessage) -> None:
        """Append to ``outbox``."""
        MemoryMailBackend.outbox.append(message)

    @classmethod
    def clear(cls) -> None:
        """Empty ``outbox`` (in place, so references to it stay valid)."""
        cls.outbox.clear()


outbox = MemoryMailBackend.outbox


class SmtpMailBackend:
    """Sends over SMTP, optionally upgrading to TLS (STARTTLS) and authenticating."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        username: str | None = None,
        password: str | None = None,
        starttls: bool = False,
        timeout: float = SMTP_TIMEOUT_SECONDS,
    ) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.username, self.password, self.starttls = username, password, starttls

    def send(self, message: EmailMessage) -> None:
        """One connection per message: outbox jobs are independent and retried one by one."""
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            if self.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if self.username:
                smtp.login(self.username, self.password or "")
            smtp.send_message(message)


def backend_for(settings: Settings) -> MailBackend:
    """The backend named by ``settings.mail_backend``."""
    if settings.mail_backend == MailBackendChoice.SMTP:
        return SmtpMailBackend(
            host=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
            starttls=settings.smtp_starttls,
        )
    if settings.mail_backend == MailBackendChoice.MEMORY:
        return MemoryMailBackend()
    return ConsoleMailBackend()


def render_for_console(message: EmailMessage) -> str:
    """A readable rendering: key headers, the plain-text body, and whether HTML was attached."""
    lines = ["----- e-mail (console backend: not sent) -----"]
    lines += [f"{header}: {message[header]}" for header in ("From", "To", "Subject", "Message-ID")]
    plain = message.get_body(preferencelist=("plain",))
    lines += ["", plain.get_content().rstrip("\n") if plain is not None else ""]
    html = message.get_body(preferencelist=("html",))
    if html is not None:
        lines.append(f"[HTML alternative: {len(html.get_content())} characters]")
    return "\n".join([*lines, "-" * 46, ""])
