"""Dependencies for page routes: the signed-in viewer and CSRF-checked forms.

- ``PageActor``: the signed-in actor; anonymous visitors are sent to ``/login?next=…``.
- ``OptionalPageActor``: the actor or None (the sign-in page, the language switch).
- ``CsrfForm``: the submitted form, after checking its ``csrf_token`` field against the session
  (a missing or wrong token answers 403 before the route runs, so nothing changes). The form,
  with any uploaded files, is closed once the route returns: routes need not close it.

The page actor also refreshes the viewer's language and time zone in the session from their
account, so formatting follows a change made anywhere (API, another browser) on the next page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from starlette.datastructures import FormData

from talentbridge.api.deps import DbSession, actor_from_request, check_csrf
from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.errors import Unauthenticated
from talentbridge.web.i18n import _, remember_locale

CSRF_FIELD = "csrf_token"
SESSION_TIMEZONE_KEY = "timezone"


async def csrf_form(request: Request) -> AsyncIterator[FormData]:
    """The submitted form, refused (403) unless it carries the session's CSRF token.

    The form is closed when the route returns (or fails), so uploaded files' temporary files are
    released without the route having to close them.
    """
    form = await request.form()
    try:
        submitted = form.get(CSRF_FIELD)
        check_csrf(request, submitted if isinstance(submitted, str) else None)
        yield form
    finally:
        await form.close()


def optional_page_actor(request: Request, session: DbSession) -> Actor | None:
    """The signed-in actor, or None; keeps the session's language and time zone in step."""
    actor = actor_from_request(request, session)
    if actor is not None and actor.user_id is not None:
        user = auth_service.get_user(session, actor, actor.user_id)
        remember_locale(request.session, user.locale)
        if request.session.get(SESSION_TIMEZONE_KEY) != user.timezone:
            request.session[SESSION_TIMEZONE_KEY] = user.timezone
    return actor


def require_page_actor(actor: Actor | None = Depends(optional_page_actor)) -> Actor:
    """The signed-in actor; otherwise 401, which pages turn into a redirect to the sign-in page."""
    if actor is None:
        raise Unauthenticated(_("Sign in to continue."))
    return actor


def viewer_timezone(request: Request) -> str:
    """The viewer's IANA time zone (UTC before sign-in)."""
    value = request.session.get(SESSION_TIMEZONE_KEY)
    return value if isinstance(value, str) and value else "UTC"


CsrfForm = Annotated[FormData, Depends(csrf_form, scope="function")]
PageActor = Annotated[Actor, Depends(require_page_actor)]
OptionalPageActor = Annotated[Actor | None, Depends(optional_page_actor)]
