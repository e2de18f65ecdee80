"""Pages for the pipeline: moving and rejecting candidates, adding one to a job, and the settings
for the default stages and the rejection and withdrawal reasons.

The kanban board itself is part of the job page (``jobs/web``, template ``pipeline/_board.html``).
Private parts: ``_moves`` (move and reject), ``_candidates`` (add a candidate), ``_settings``
(stages and reasons) and ``_messages`` (the workflow's refusals in the viewer's language).
"""

from __future__ import annotations

from fastapi import APIRouter

from talentbridge.pipeline.web import _candidates, _moves, _settings

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
router.include_router(_moves.router)
router.include_router(_candidates.router)
router.include_router(_settings.router)
