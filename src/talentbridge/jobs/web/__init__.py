"""Pages for jobs and hubs: the jobs list, the job form, the job page and the hubs settings.

- ``/jobs``: the jobs the viewer may see, filtered and paged by cursor (``_list``);
- ``/jobs/new``, ``/jobs/{id}/edit``: the full job form, validated with the API's schemas
  (``_edit``; parsing in ``_form``);
- ``/jobs/{id}``: the job page with the pipeline as a kanban board, and its status (``_show``);
- ``/settings/hubs``: hubs for administrators (``_hubs``).

Routes parse, call the service and render. Services raise in English; ``_messages`` says their
refusals in the viewer's language by the error's class and field. ``_pages``, ``_choices`` and
``_messages`` hold the helpers the pipeline pages share (re-exported here).
"""

from __future__ import annotations

from fastapi import APIRouter

from talentbridge.jobs.web import _edit, _hubs, _list, _show
from talentbridge.jobs.web._choices import enum_choices, enum_label
from talentbridge.jobs.web._messages import (
    Explain,
    attach_errors,
    field_message,
    refusal_message,
    value_error_text,
    value_message,
)
from talentbridge.jobs.web._pages import PAGE_ERRORS, person_href, refuse_in_form, render
from talentbridge.jobs.web._show import BoardView, board_view

__all__ = [
    "PAGE_ERRORS",
    "BoardView",
    "Explain",
    "attach_errors",
    "board_view",
    "enum_choices",
    "enum_label",
    "field_message",
    "person_href",
    "refusal_message",
    "refuse_in_form",
    "render",
    "router",
    "value_error_text",
    "value_message",
]

router = APIRouter(include_in_schema=False)
# Order matters: "/jobs/new" (in _edit) is matched before "/jobs/{job_id}" (in _show).
router.include_router(_list.router)
router.include_router(_edit.router)
router.include_router(_show.router)
router.include_router(_hubs.router)
