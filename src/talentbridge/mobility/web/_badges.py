"""Permit-category badges: on pipeline cards and application rows (batched: one query per board)
and in the person header.

Colours follow meaning: A green, B accent, unknown amber, no category red. An application in an
offer or hired stage whose candidate reaches no category gets a red "offer without permit" badge,
which is how a move into the offer stage shows the warning on the board.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.mobility import repository
from talentbridge.mobility.policies import can_see_badges
from talentbridge.mobility.service import OFFER_CATEGORIES
from talentbridge.mobility.web._labels import CATEGORY_TONES
from talentbridge.web.extensions import ApplicationRef
from talentbridge.web.i18n import _


def badge_markup(category: str | None, possible: str | None, points: int | None, *, in_offer: bool) -> Markup:
    """The badge for an assessment outcome (category, best reachable category, points)."""
    if category is not None:
        text = _("Permit %(category)s · %(points)d") % {"category": category, "points": points or 0}
        tone, title = (
            CATEGORY_TONES.get(category, "accent"),
            _("Work-permit category %(category)s") % {"category": category},
        )
    elif possible is not None:
        text = _("Permit ? · %(points)d") % {"points": points or 0}
        tone, title = (
            "warning",
            _("Some facts are unknown; category %(category)s is still possible.") % {"category": possible},
        )
    else:
        text, tone = _("No permit category"), "danger"
        title = _("With what is known, no work-permit category is reached.")
    if in_offer and category is None:
        text, tone = _("Offer without permit category"), "danger"
        title = _("An offer is drafted for a candidate who reaches no work-permit category.")
    return Markup('<span class="badge badge--{tone} permit-badge" title="{title}">{text}</span>').format(
        tone=tone, title=escape(title), text=escape(text)
    )


def application_badges(
    session: Session, actor: Actor, refs: Sequence[ApplicationRef]
) -> Mapping[uuid.UUID, Markup]:
    """Badges for a board or list of applications: one query whatever their number."""
    if not refs or not can_see_badges(actor):
        return {}
    rows = repository.badge_rows(
        session, [ref.application_id for ref in refs], list({ref.person_id for ref in refs})
    )
    return {
        row.application_id: badge_markup(
            row.category,
            row.possible_category,
            row.points_total,
            in_offer=row.stage_category in OFFER_CATEGORIES,
        )
        for row in rows
        if row.points_total is not None
    }


def person_badge(session: Session, actor: Actor, person_id: uuid.UUID) -> Markup | None:
    """The best current assessment of the person for the page header (None before any assessment)."""
    if not can_see_badges(actor):
        return None
    best = repository.best_person_assessment(session, person_id)
    if best is None:
        return None
    return badge_markup(best.category, best.possible_category, best.points_total, in_offer=False)
