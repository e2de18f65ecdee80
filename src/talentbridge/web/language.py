"""The language switch in the top bar (English / 简体中文).

A plain POST form (works without JavaScript) with the CSRF token: the choice is kept in the
session, so it applies before sign-in too, and saved on the signed-in user's account.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from talentbridge.api.deps import DbSession
from talentbridge.auth import service as auth_service
from talentbridge.web.deps import CsrfForm, OptionalPageActor
from talentbridge.web.i18n import SUPPORTED_LOCALES, remember_locale
from talentbridge.web.urls import safe_next

router = APIRouter(include_in_schema=False)


@router.post("/lang", name="set_language")
def set_language(
    request: Request, form: CsrfForm, session: DbSession, actor: OptionalPageActor
) -> RedirectResponse:
    """Switch the interface language and return to the page the switch was used on."""
    locale = str(form.get("locale", ""))
    if locale in SUPPORTED_LOCALES:
        remember_locale(request.session, locale)
        if actor is not None:
            auth_service.set_own_locale(session, actor, locale)
    return RedirectResponse(safe_next(str(form.get("next", ""))), status_code=303)
