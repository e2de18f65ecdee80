"""The sidebar and the settings sub-navigation.

Items name a route, not a path: an item appears only once a route of that name is mounted, so
the navigation lists exactly the pages that exist (UI.md: "show only what exists"). To add a
section, mount a route with the item's name (``jobs``, ``people``, ``settings_stages`` ...);
to add an item, append it here with a ``lazy_gettext`` label and an icon from ``_icons.html``.
Items may also be limited by a role policy (``require_admin``); the route enforces the policy
itself, the navigation only avoids showing links that would answer 403.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from babel.support import LazyProxy
from starlette.requests import Request

from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_admin, require_recruiting_write
from talentbridge.errors import Forbidden
from talentbridge.web.i18n import lazy_gettext
from talentbridge.web.urls import route_exists, url_for

Policy = Callable[[Actor], None]


def _anyone(actor: Actor) -> None:
    del actor


@dataclass(frozen=True)
class NavItem:
    """A link in a navigation list: route name, translated label, icon and who may see it."""

    route: str
    label: LazyProxy
    icon: str = "dot"
    policy: Policy = _anyone


@dataclass(frozen=True)
class NavLink:
    """A navigation item resolved for one request: its URL and whether it is the current page."""

    url: str
    label: str
    icon: str
    active: bool


MAIN_NAV: tuple[NavItem, ...] = (
    NavItem("dashboard", lazy_gettext("Dashboard"), "home"),
    NavItem("jobs", lazy_gettext("Jobs"), "briefcase"),
    NavItem("people", lazy_gettext("People"), "users"),
    NavItem("imports", lazy_gettext("Imports"), "inbox", require_recruiting_write),
    NavItem("duplicates", lazy_gettext("Duplicates"), "copy", require_recruiting_write),
    NavItem("interviews", lazy_gettext("Interviews"), "calendar"),
    NavItem("offers", lazy_gettext("Offers"), "file"),
    NavItem("mobility", lazy_gettext("Mobility"), "globe"),
    NavItem("reports", lazy_gettext("Reports"), "chart"),
    NavItem("settings", lazy_gettext("Settings"), "settings"),
)

SETTINGS_NAV: tuple[NavItem, ...] = (
    NavItem("settings_profile", lazy_gettext("Profile"), "user"),
    NavItem("settings_tokens", lazy_gettext("API tokens"), "key"),
    NavItem("settings_users", lazy_gettext("Users"), "users", require_admin),
    NavItem("settings_stages", lazy_gettext("Stages"), "columns", require_admin),
    NavItem("settings_rejection_reasons", lazy_gettext("Rejection reasons"), "x-circle", require_admin),
    NavItem("settings_sources", lazy_gettext("Sources"), "inbox", require_recruiting_write),
    NavItem("settings_hubs", lazy_gettext("Hubs"), "building", require_admin),
)


def allowed(policy: Policy, actor: Actor) -> bool:
    """Whether a role policy (``require_admin`` ...) lets the actor act: pages hide what would 403."""
    try:
        policy(actor)
    except Forbidden:
        return False
    return True


def _is_active(path: str, url: str) -> bool:
    if url == "/":
        return path == "/"
    return path == url or path.startswith(url.rstrip("/") + "/")


def resolve(request: Request, actor: Actor, items: Sequence[NavItem]) -> list[NavLink]:
    """The items this actor may see whose routes exist, with the current one marked active."""
    links = []
    for item in items:
        if not route_exists(request, item.route) or not allowed(item.policy, actor):
            continue
        url = url_for(request, item.route)
        links.append(NavLink(url, str(item.label), item.icon, _is_active(request.url.path, url)))
    return links
