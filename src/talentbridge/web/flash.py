"""Flash messages: one short confirmation or explanation shown on the next page.

Every action confirms what it did or explains why not (UI.md). A route that redirects after a
POST calls ``flash(request, _("Saved."))``; the layout shows and clears the messages on the next
page it renders. Messages live in the signed session cookie, so they must never carry secrets
(API tokens are rendered directly instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from starlette.requests import Request

FLASH_KEY = "_flashes"
Level = Literal["success", "error", "info"]
_LEVELS: frozenset[str] = frozenset({"success", "error", "info"})


@dataclass(frozen=True)
class Flash:
    """A message waiting to be shown, and how it looks."""

    level: Level
    message: str


def flash(request: Request, message: str, level: Level = "success") -> None:
    """Queue a (translated) message for the next page this browser renders."""
    queued = list(request.session.get(FLASH_KEY, []))
    queued.append([level, message])
    request.session[FLASH_KEY] = queued


def pop_flashes(request: Request) -> list[Flash]:
    """Take the queued messages (each is shown once)."""
    queued = request.session.pop(FLASH_KEY, [])
    return [Flash(level, message) for level, message in queued if level in _LEVELS]
