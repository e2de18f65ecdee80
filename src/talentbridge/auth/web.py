"""Pages for accounts: sign-in and sign-out, and the Profile, API tokens and Users settings.

Each route parses the form, calls one ``auth.service`` function and renders or redirects (POST,
then redirect with a flash message). Forms validate with the API's schemas, so the pages accept
exactly what ``/api/v1/users`` accepts.
"""

from __future__ import annotations

import threading
import uuid
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from talentbridge.api.deps import SESSION_USER_KEY, DbSession
from talentbridge.auth import service
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.auth.passwords import MIN_PASSWORD_LENGTH
from talentbridge.auth.policies import require_admin
from talentbridge.auth.schemas import TokenCreate, UserCreate, UserUpdate
from talentbridge.auth.throttle import LoginThrottle
from talentbridge.errors import Conflict, InvalidInput
from talentbridge.web.deps import SESSION_TIMEZONE_KEY, CsrfForm, OptionalPageActor, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.forms import FORM_ERROR, FormState, translate_message
from talentbridge.web.i18n import LANGUAGE_NAMES, _, current_locale, ngettext, remember_locale
from talentbridge.web.labels import choices, timezone_choices
from talentbridge.web.templating import render_page
from talentbridge.web.urls import safe_next, see_other, url_for

router = APIRouter(include_in_schema=False)

PROFILE_FIELDS = ("full_name", "locale", "timezone", "current_password", "new_password", "confirm_password")
USER_FIELDS = ("email", "full_name", "role", "password", "locale", "timezone")


# --- sign-in and sign-out -------------------------------------------------------------------


@router.get("/login", name="login")
def login_page(request: Request, actor: OptionalPageActor, next: str = "/") -> Response:
    """The sign-in form (a signed-in visitor goes straight on to ``next``)."""
    if actor is not None:
        return see_other(safe_next(next))
    form = FormState(values={"email": "", "next": safe_next(next)})
    return render_page(request, "auth/login.html", None, title=_("Sign in"), form=form)


@router.post("/login", name="login_submit")
def login_submit(request: Request, form_data: CsrfForm, session: DbSession) -> Response:
    """Check the credentials; on success start a fresh session (no session fixation).

    Repeated failures for one client address and e-mail are throttled (see ``auth.throttle``):
    once blocked, the page answers 429 without checking the password.
    """
    form = FormState.from_form(form_data, "email", "password", "next")
    if not form.values["email"]:
        form.add_error("email", _("Enter your e-mail address."))
    if not form.values["password"]:
        form.add_error("password", _("Enter your password."))
    status = 422
    headers: dict[str, str] = {}
    throttle, client = _login_throttle(request), _client_address(request)
    if form.ok and throttle.blocked(client, form.values["email"]):
        form.add_error(FORM_ERROR, _("Too many failed sign-in attempts. Wait a few minutes and try again."))
        status = 429
        headers["Retry-After"] = str(throttle.retry_after(client, form.values["email"]))
    elif form.ok:
        user = service.authenticate(session, form.values["email"], form.values["password"])
        if user is not None:
            throttle.succeeded(client, form.values["email"])
            _start_session(request, user)
            flash(request, _("Welcome back, %(name)s.") % {"name": user.full_name})
            return see_other(safe_next(form.values["next"]))
        throttle.failed(client, form.values["email"])
        # One message for an unknown e-mail and a wrong password: no hint which accounts exist.
        form.add_error(FORM_ERROR, _("Wrong e-mail or password."))
        status = 401
    form = form.filled(password="")
    response = render_page(
        request, "auth/login.html", None, status_code=status, title=_("Sign in"), form=form
    )
    response.headers.update(headers)
    return response


_THROTTLE_LOCK = threading.Lock()


def _login_throttle(request: Request) -> LoginThrottle:
    """The app's sign-in throttle (one per app, so separate apps, e.g. in tests, do not share counts)."""
    with _THROTTLE_LOCK:
        throttle = getattr(request.app.state, "login_throttle", None)
        if not isinstance(throttle, LoginThrottle):
            throttle = LoginThrottle()
            request.app.state.login_throttle = throttle
        return throttle


def _client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _start_session(request: Request, user: User) -> None:
    # A new session on sign-in: nothing an attacker planted before (ids, CSRF token) survives.
    request.session.clear()
    request.session[SESSION_USER_KEY] = str(user.id)
    request.session[SESSION_TIMEZONE_KEY] = user.timezone
    remember_locale(request.session, user.locale)


@router.post("/logout", name="logout")
def logout(request: Request, form_data: CsrfForm) -> RedirectResponse:
    """End the session but keep the language, so the sign-in page stays in it."""
    del form_data
    locale = current_locale()
    request.session.clear()
    remember_locale(request.session, locale)
    flash(request, _("You have signed out."), "info")
    return see_other(url_for(request, "login"))


# --- own profile ----------------------------------------------------------------------------


@router.get("/settings", name="settings")
def settings_home(request: Request, actor: PageActor) -> RedirectResponse:
    """Settings open on the viewer's own profile."""
    del actor
    return see_other(url_for(request, "settings_profile"))


def _own_user(session: DbSession, actor: Actor) -> User:
    assert actor.user_id is not None  # page actors are always users
    return service.get_user(session, actor, actor.user_id)


def _profile_page(request: Request, actor: Actor, form: FormState, status_code: int = 200) -> HTMLResponse:
    return render_page(
        request,
        "auth/profile.html",
        actor,
        status_code=status_code,
        title=_("Profile"),
        subtitle=_("Your name, password, language and time zone."),
        form=form,
        languages=list(LANGUAGE_NAMES.items()),
        timezones=timezone_choices(form.values.get("timezone")),
        min_password=MIN_PASSWORD_LENGTH,
    )


@router.get("/settings/profile", name="settings_profile")
def profile_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The viewer's own account details."""
    user = _own_user(session, actor)
    values = {"full_name": user.full_name, "locale": user.locale, "timezone": user.timezone}
    return _profile_page(request, actor, FormState(values=values))


@router.post("/settings/profile", name="settings_profile_save")
def profile_save(request: Request, form_data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Save name, language and time zone, and the password when a new one is given."""
    form = FormState.from_form(form_data, *PROFILE_FIELDS)
    user = _own_user(session, actor)
    changes: dict[str, Any] = {key: form.values[key] for key in ("full_name", "locale", "timezone")}
    data = _validated(form, UserUpdate, changes)
    wants_password = bool(form.values["new_password"] or form.values["current_password"])
    if wants_password:
        _check_password_fields(form)
        # The API's schema too, so the length limits read the same on both edges.
        password = {"password": form.values["new_password"]}
        _validated(form, UserUpdate, password, rename={"password": "new_password"})
    if data is not None and form.ok and wants_password:
        # Nothing is written unless the whole form is valid (the request commits on a 422 too).
        try:
            service.change_own_password(
                session,
                actor,
                current_password=form.values["current_password"],
                new_password=form.values["new_password"],
            )
        except InvalidInput as exc:
            form.add_domain_error(exc, _password_message(exc))
    if data is None or not form.ok:
        blank = dict.fromkeys(("current_password", "new_password", "confirm_password"), "")
        return _profile_page(request, actor, form.filled(**blank), status_code=422)
    user = service.update_user(session, actor, user.id, data)
    remember_locale(request.session, user.locale)
    request.session[SESSION_TIMEZONE_KEY] = user.timezone
    flash(request, _("Your profile has been saved."))
    return see_other(url_for(request, "settings_profile"))


def _check_password_fields(form: FormState) -> None:
    if not form.values["new_password"]:
        form.add_error("new_password", _("This field is required."))
    elif form.values["new_password"] != form.values["confirm_password"]:
        form.add_error("confirm_password", _("The two passwords do not match."))


def _password_message(exc: InvalidInput) -> str:
    """The viewer's-language message for a refused password change."""
    if exc.field == "current_password":
        return _("This is not your current password.")
    if exc.field == "new_password":
        num = MIN_PASSWORD_LENGTH
        return ngettext("Use at least %(num)d character.", "Use at least %(num)d characters.", num) % {
            "num": num
        }
    return translate_message(exc.message)


SchemaT = TypeVar("SchemaT", UserCreate, UserUpdate, TokenCreate)


def _validated(
    form: FormState, schema: type[SchemaT], data: dict[str, Any], *, rename: dict[str, str] | None = None
) -> SchemaT | None:
    """``schema(**data)``, or None with the errors attached to the form's field names."""
    try:
        return schema(**data)
    except ValidationError as exc:
        form.add_validation_errors(exc)
        for schema_name, field_name in (rename or {}).items():
            if schema_name in form.errors:
                form.add_error(field_name, form.errors.pop(schema_name))
        return None


# --- API tokens -----------------------------------------------------------------------------


def _tokens_page(
    request: Request,
    session: DbSession,
    actor: Actor,
    *,
    form: FormState | None = None,
    secret: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return render_page(
        request,
        "auth/tokens.html",
        actor,
        status_code=status_code,
        title=_("API tokens"),
        subtitle=_("Personal tokens let scripts use the API as you."),
        tokens=service.list_tokens(session, actor),
        form=form or FormState(values={"name": ""}),
        secret=secret,
    )


@router.get("/settings/tokens", name="settings_tokens")
def tokens_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """The viewer's API tokens and the form to create one."""
    return _tokens_page(request, session, actor)


@router.post("/settings/tokens", name="settings_tokens_create")
def token_create(request: Request, form_data: CsrfForm, session: DbSession, actor: PageActor) -> HTMLResponse:
    """Create a token and show its secret on this response only (never stored, never flashed)."""
    form = FormState.from_form(form_data, "name")
    data = _validated(form, TokenCreate, dict(form.values))
    if data is None:
        return _tokens_page(request, session, actor, form=form, status_code=422)
    token, secret = service.create_token(session, actor, data)
    flash(request, _("Token “%(name)s” created.") % {"name": token.name})
    return _tokens_page(request, session, actor, secret=secret)


@router.post("/settings/tokens/{token_id}/revoke", name="settings_tokens_revoke")
def token_revoke(
    request: Request, token_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Revoke one of the viewer's tokens; scripts using it stop working at once."""
    del form_data
    token = service.revoke_token(session, actor, token_id)
    flash(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return see_other(url_for(request, "settings_tokens"))


# --- users (administrators) -----------------------------------------------------------------


@router.get("/settings/users", name="settings_users")
def users_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """Everyone who can sign in, with their role and status."""
    users = service.list_users(session, actor)
    return render_page(
        request,
        "auth/users.html",
        actor,
        title=_("Users"),
        subtitle=_("People who can sign in to TalentBridge, and what their role lets them do."),
        users=users,
    )


def _user_form_page(
    request: Request, actor: Actor, form: FormState, *, user: User | None = None, status_code: int = 200
) -> HTMLResponse:
    return render_page(
        request,
        "auth/user_form.html",
        actor,
        status_code=status_code,
        title=user.full_name if user else _("New user"),
        subtitle=user.email if user else _("They sign in with this e-mail address and password."),
        form=form,
        user=user,
        roles=choices(Role),
        languages=list(LANGUAGE_NAMES.items()),
        timezones=timezone_choices(form.values.get("timezone")),
        min_password=MIN_PASSWORD_LENGTH,
    )


@router.get("/settings/users/new", name="settings_users_new")
def user_new_page(request: Request, actor: PageActor) -> HTMLResponse:
    """The form to add a user."""
    require_admin(actor)
    defaults = {"email": "", "full_name": "", "role": Role.RECRUITER.value, "password": ""}
    values = {**defaults, "locale": current_locale(), "timezone": "UTC"}
    return _user_form_page(request, actor, FormState(values=values))


@router.post("/settings/users", name="settings_users_create")
def user_create(request: Request, form_data: CsrfForm, session: DbSession, actor: PageActor) -> Response:
    """Add a user; a taken e-mail address is explained next to the field."""
    require_admin(actor)
    form = FormState.from_form(form_data, *USER_FIELDS)
    data = _validated(form, UserCreate, dict(form.values))
    if data is not None:
        try:
            user = service.create_user(session, actor, data)
        except Conflict as exc:
            form.add_domain_error(exc, _("A user with this e-mail address already exists."))
        else:
            flash(request, _("%(name)s can now sign in.") % {"name": user.full_name})
            return see_other(url_for(request, "settings_users"))
    return _user_form_page(request, actor, form.filled(password=""), status_code=422)


@router.get("/settings/users/{user_id}", name="settings_user")
def user_edit_page(
    request: Request, user_id: uuid.UUID, session: DbSession, actor: PageActor
) -> HTMLResponse:
    """One user's name, role and status."""
    require_admin(actor)
    user = service.get_user(session, actor, user_id)
    values = {"full_name": user.full_name, "role": user.role.value, "timezone": user.timezone}
    return _user_form_page(request, actor, FormState(values=values), user=user)


@router.post("/settings/users/{user_id}", name="settings_user_update")
def user_update(
    request: Request, user_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> Response:
    """Change a user's name, role or time zone."""
    user = service.get_user(session, actor, user_id)
    form = FormState.from_form(form_data, "full_name", "role", "timezone")
    data = _validated(form, UserUpdate, dict(form.values))
    if data is None:
        return _user_form_page(request, actor, form, user=user, status_code=422)
    user = service.update_user(session, actor, user_id, data)
    flash(request, _("Changes to %(name)s saved.") % {"name": user.full_name})
    return see_other(url_for(request, "settings_users"))


@router.post("/settings/users/{user_id}/status", name="settings_user_status")
def user_status(
    request: Request, user_id: uuid.UUID, form_data: CsrfForm, session: DbSession, actor: PageActor
) -> RedirectResponse:
    """Deactivate (sign-in refused, history kept) or reactivate a user."""
    active = form_data.get("is_active") == "true"
    try:
        user = service.update_user(session, actor, user_id, UserUpdate(is_active=active))
    except Conflict:
        flash(request, _("You cannot deactivate your own account."), "error")
        return see_other(url_for(request, "settings_user", user_id=user_id))
    message = _("%(name)s can sign in again.") if active else _("%(name)s can no longer sign in.")
    flash(request, message % {"name": user.full_name})
    return see_other(url_for(request, "settings_users"))
