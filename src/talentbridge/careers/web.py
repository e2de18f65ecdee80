"""Pages of the careers context: the public site, the job feeds and the staff pages.

Importing this module registers the job page's "Careers site" tab (``_staff_pages``).
"""

from __future__ import annotations

from fastapi import APIRouter

from talentbridge.careers import _feed_routes, _public_pages, _staff_pages

router = APIRouter(include_in_schema=False)
router.include_router(_public_pages.router)
router.include_router(_feed_routes.router)
router.include_router(_staff_pages.router)
