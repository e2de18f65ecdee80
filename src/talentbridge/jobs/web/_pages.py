"""Helpers every job, hub and pipeline page shares: rendering, refusals shown as error pages, input.

``render`` is ``render_page`` plus the template functions the job and pipeline templates use
(``elabel`` for enum labels, ``person_href`` for links to people).
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.errors import TalentBridgeError
from talentbridge.jobs.web._choices import enum_label
from talentbridge.web.forms import FormState
from talentbridge.web.templating import render_page
from talentbridge.web.urls import route_exists, url_for

PAGE_ERRORS = frozenset({401, 403, 404})
"""Refusals shown as the app's error pages (sign-in, no access, not found), never inside a form."""


def refuse_in_form(session: Session, form: FormState, exc: TalentBridgeError, message: str) -> None:
    """Undo the attempt and show a service's refusal in the form; error-page refusals propagate."""
    if exc.http_status in PAGE_ERRORS:
        raise exc
    session.rollback()
    form.add_domain_error(exc, message)


def person_href(request: Request, person_id: uuid.UUID) -> str:
    """The person page (mounted by the people context as ``person``; the path is its contract)."""
    if route_exists(request, "person"):
        return url_for(request, "person", person_id=person_id)
    return f"/people/{person_id}"


def render(
    request: Request, template: str, actor: Actor, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """``render_page`` plus the helpers the job and pipeline templates share."""
    return render_page(
        request,
        template,
        actor,
        status_code=status_code,
        elabel=enum_label,
        person_href=lambda person_id: person_href(request, person_id),
        **context,
    )


def text(value: object) -> str:
    """A submitted form value stripped of outer spaces ("" when it is missing or a file)."""
    return value.strip() if isinstance(value, str) else ""


def bounded_int(value: object, maximum: int) -> int:
    """A submitted whole number between 0 and ``maximum`` (0 when it is not a number)."""
    try:
        number = int(value) if isinstance(value, str) else 0
    except ValueError:
        return 0
    return min(max(number, 0), maximum)
