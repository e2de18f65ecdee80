"""Pages of the mobility context: the "Work permit" tab on the person page, the permit badges on
pipeline cards, application rows and the person header, the case board and the case pages.

Registering the tab and badges here (``web/router.py`` imports this module) adds them to the
people and pipeline pages without editing those pages.

- ``_permit``: the tab's loader and its forms (permit facts, offer terms).
- ``_badges``: the badge providers (batched per board).
- ``_cases``: the case board, the case page and its forms.
- ``_labels``: translated labels by id.
"""

from fastapi import APIRouter

from talentbridge.mobility.policies import can_read_assessment
from talentbridge.mobility.web import _badges, _cases, _permit
from talentbridge.web.extensions import (
    ExtensionTab,
    register_application_badge,
    register_person_badge,
    register_tab,
)
from talentbridge.web.i18n import lazy_gettext

router = APIRouter(include_in_schema=False)
router.include_router(_permit.router)
router.include_router(_cases.router)

register_tab(
    "person",
    ExtensionTab(
        key=_permit.TAB_KEY,
        label=lazy_gettext("Work permit"),
        icon="globe",
        template="mobility/_permit_tab.html",
        loader=_permit.load_permit_tab,
        visible=can_read_assessment,
        order=50,
    ),
)
register_application_badge("mobility_permit", _badges.application_badges)
register_person_badge("mobility_permit", _badges.person_badge)

__all__ = ["router"]
