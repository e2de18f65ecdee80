"""Extension points through which a context adds to another context's pages.

The person page, the job page and the pipeline card belong to ``people``, ``jobs`` and
``pipeline``; later contexts (matching, mobility, intake) add a tab or a badge to them without
editing those pages. A context registers its additions when its ``web`` module is imported
(``web/router.py`` imports every context's web module), keyed by name so a second import or a
second app in the same process changes nothing.

* A **tab** (person page or job page) names a partial template and a loader. When the tab is
  open the host page calls the loader for the partial's context (``ext`` in the template) and
  includes the partial in its tab body; the loader enforces access through the services like any
  page would. Forms in a tab post to the extension's own routes, which redirect back to
  ``?tab=<key>``.
* A **badge** provider answers, for a batch of applications (one query for a whole board), the
  markup of a small badge per application; it is shown on pipeline cards and on the rows of the
  person's Applications tab. A **person badge** provider answers one badge for the person header.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from babel.support import LazyProxy
from fastapi import Request
from markupsafe import Markup
from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor

Host = Literal["person", "job"]
TabLoader = Callable[[Request, Session, Actor, uuid.UUID], Mapping[str, Any]]


@dataclass(frozen=True)
class ApplicationRef:
    """What a badge provider needs to know about one application on a board or a list."""

    application_id: uuid.UUID
    person_id: uuid.UUID
    job_id: uuid.UUID


BadgeProvider = Callable[[Session, Actor, Sequence[ApplicationRef]], Mapping[uuid.UUID, Markup]]
PersonBadgeProvider = Callable[[Session, Actor, uuid.UUID], Markup | None]


def _always(_actor: Actor) -> bool:
    return True


@dataclass(frozen=True)
class ExtensionTab:
    """A tab another context adds to the person or the job page."""

    key: str
    label: LazyProxy | str
    icon: str
    template: str
    loader: TabLoader
    visible: Callable[[Actor], bool] = _always
    order: int = 100


_TABS: dict[Host, dict[str, ExtensionTab]] = {"person": {}, "job": {}}
_BADGES: dict[str, BadgeProvider] = {}
_PERSON_BADGES: dict[str, PersonBadgeProvider] = {}


def register_tab(host: Host, tab: ExtensionTab) -> None:
    """Add (or replace, by key) a tab on the person or job page."""
    _TABS[host][tab.key] = tab


def register_application_badge(name: str, provider: BadgeProvider) -> None:
    """Add (or replace, by name) a per-application badge for cards and application rows."""
    _BADGES[name] = provider


def register_person_badge(name: str, provider: PersonBadgeProvider) -> None:
    """Add (or replace, by name) a badge shown in the person page header."""
    _PERSON_BADGES[name] = provider


def tabs_for(host: Host, actor: Actor) -> list[ExtensionTab]:
    """The extension tabs the viewer may open on a host page, in display order."""
    return sorted(
        (tab for tab in _TABS[host].values() if tab.visible(actor)), key=lambda tab: (tab.order, tab.key)
    )


def find_tab(host: Host, key: str | None, actor: Actor) -> ExtensionTab | None:
    """The extension tab of that key if the viewer may open it."""
    if key is None:
        return None
    tab = _TABS[host].get(key)
    return tab if tab is not None and tab.visible(actor) else None


def application_badges(
    session: Session, actor: Actor, refs: Sequence[ApplicationRef]
) -> dict[uuid.UUID, list[Markup]]:
    """Every provider's badges for these applications, grouped by application."""
    badges: dict[uuid.UUID, list[Markup]] = {}
    if not refs:
        return badges
    for name in sorted(_BADGES):
        for application_id, markup in _BADGES[name](session, actor, refs).items():
            badges.setdefault(application_id, []).append(markup)
    return badges


def person_badges(session: Session, actor: Actor, person_id: uuid.UUID) -> list[Markup]:
    """Every provider's badge for the person header (providers may answer nothing)."""
    found = (_PERSON_BADGES[name](session, actor, person_id) for name in sorted(_PERSON_BADGES))
    return [markup for markup in found if markup is not None]
