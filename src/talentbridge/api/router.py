"""Mount every context's JSON routes under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from talentbridge.auth.api import router as auth_router
from talentbridge.files.api import router as files_router
from talentbridge.intake.api import router as intake_router
from talentbridge.jobs.api import router as jobs_router
from talentbridge.matching.api import router as matching_router
from talentbridge.mobility.api import router as mobility_router
from talentbridge.notes.api import router as notes_router
from talentbridge.people.api import router as people_router
from talentbridge.pipeline.api import router as pipeline_router
from talentbridge.sourcing.api import router as sourcing_router

API_PREFIX = "/api/v1"

COMMON_RESPONSES: dict[int | str, dict[str, object]] = {
    400: {"description": "Malformed request body"},
    401: {"description": "Not signed in / no valid API token"},
    403: {"description": "Signed in, but not allowed"},
    404: {"description": "No such object (or not visible to you)"},
    409: {"description": "Conflict: duplicate or stale version"},
    422: {"description": "Invalid input, with field-level messages"},
}


def build_api_router() -> APIRouter:
    """The /api/v1 router with every context mounted."""
    router = APIRouter(prefix=API_PREFIX, responses=COMMON_RESPONSES)
    router.include_router(auth_router)
    router.include_router(people_router)
    router.include_router(sourcing_router)
    router.include_router(notes_router)
    router.include_router(files_router)
    router.include_router(jobs_router)
    router.include_router(pipeline_router)
    router.include_router(matching_router)
    router.include_router(mobility_router)
    router.include_router(intake_router)
    return router
