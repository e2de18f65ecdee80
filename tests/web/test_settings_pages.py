"""Settings pages: users (administrators only), own profile and personal API tokens."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from page_helpers import post_form, submit_login
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from talentbridge.audit.models import AuditEvent
from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.models import ApiToken, User
from talentbridge.auth.passwords import MIN_PASSWORD_LENGTH, verify_password
from talentbridge.errors import InvalidInput

NEW_USER = {
    "email": "Wang.Fang@Example.com",
    "full_name": "王芳",
    "role": "hiring_manager",
    "password": "long-enough-password",
    "locale": "zh_Hans",
    "timezone": "Asia/Shanghai",
}


def _user(session_factory: sessionmaker[Session], email: str) -> User | None:
    with session_factory() as session:
        return session.scalars(select(User).where(User.email == email)).first()


# --- users ------------------------------------------------------------------------------------


def test_admin_sees_every_user_with_role_and_status(
    browser: Callable[..., TestClient], make_user: Callable[..., User]
) -> None:
    make_user(Role.INTERVIEWER, full_name="Ivo Interviewer")
    page = browser(Role.ADMIN).get("/settings/users")
    assert page.status_code == 200
    assert "Ivo Interviewer" in page.text
    assert '<span class="badge badge--neutral">Interviewer</span>' in page.text
    assert 'href="/settings/users/new"' in page.text


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.HIRING_MANAGER, Role.INTERVIEWER, Role.COMPLIANCE])
@pytest.mark.parametrize("path", ["/settings/users", "/settings/users/new"])
def test_only_admins_manage_users(browser: Callable[..., TestClient], role: Role, path: str) -> None:
    client = browser(role)
    response = client.get(path)
    assert response.status_code == 403
    assert "You do not have access to this" in response.text
    assert 'href="/settings/users"' not in client.get("/settings/profile").text  # not in the sub-navigation


def test_recruiter_cannot_create_a_user(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    recruiter = browser(Role.RECRUITER)
    response = post_form(recruiter, "/settings/profile", "/settings/users", NEW_USER)
    assert response.status_code == 403
    assert _user(session_factory, "wang.fang@example.com") is None


def test_admin_creates_a_user(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    admin = browser(Role.ADMIN)
    response = post_form(admin, "/settings/users/new", "/settings/users", NEW_USER)
    assert response.status_code == 303
    assert response.headers["location"] == "/settings/users"
    created = _user(session_factory, "wang.fang@example.com")
    assert created is not None
    assert (created.role, created.locale, created.timezone) == (
        Role.HIRING_MANAGER,
        "zh_Hans",
        "Asia/Shanghai",
    )
    assert "王芳 can now sign in." in admin.get("/settings/users").text


def test_invalid_new_user_is_explained_field_by_field(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    admin = browser(Role.ADMIN)
    bad = {**NEW_USER, "email": "not-an-email", "password": "short", "role": "boss"}
    response = post_form(admin, "/settings/users/new", "/settings/users", bad)
    assert response.status_code == 422
    assert "Enter a valid e-mail address." in response.text
    assert "Use at least 10 characters." in response.text
    assert "Choose one of the options." in response.text
    assert 'value="short"' not in response.text
    assert _user(session_factory, "not-an-email") is None


def test_duplicate_email_is_shown_next_to_the_email_field(
    browser: Callable[..., TestClient], make_user: Callable[..., User]
) -> None:
    make_user(Role.RECRUITER, email="wang.fang@example.com")
    response = post_form(browser(Role.ADMIN), "/settings/users/new", "/settings/users", NEW_USER)
    assert response.status_code == 422
    assert 'id="field-email-error"' in response.text
    assert "A user with this e-mail address already exists." in response.text


def test_admin_changes_a_role(
    browser: Callable[..., TestClient], make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    user = make_user(Role.INTERVIEWER)
    admin = browser(Role.ADMIN)
    page = f"/settings/users/{user.id}"
    data = {"full_name": user.full_name, "role": "recruiter", "timezone": "Europe/Berlin"}
    response = post_form(admin, page, page, data)
    assert response.status_code == 303
    changed = _user(session_factory, user.email)
    assert changed is not None
    assert (changed.role, changed.timezone) == (Role.RECRUITER, "Europe/Berlin")


def test_admin_deactivates_and_reactivates_a_user(
    browser: Callable[..., TestClient], make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    user = make_user(Role.RECRUITER)
    target = browser(user=user)
    admin = browser(Role.ADMIN)
    page = f"/settings/users/{user.id}"
    assert post_form(admin, page, f"{page}/status", {"is_active": "false"}).status_code == 303
    assert _user(session_factory, user.email).is_active is False  # type: ignore[union-attr]
    assert target.get("/settings/profile", follow_redirects=False).status_code == 303  # signed out
    assert post_form(admin, page, f"{page}/status", {"is_active": "true"}).status_code == 303
    assert _user(session_factory, user.email).is_active is True  # type: ignore[union-attr]


def test_admin_cannot_deactivate_themself(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    admin = browser(Role.ADMIN)
    me = admin.user  # type: ignore[attr-defined]
    page = f"/settings/users/{me.id}"
    assert "Deactivate user" not in admin.get(page).text
    response = post_form(admin, page, f"{page}/status", {"is_active": "false"})
    assert response.status_code == 303
    assert "You cannot deactivate your own account." in admin.get(response.headers["location"]).text
    assert _user(session_factory, me.email).is_active is True  # type: ignore[union-attr]


def test_unknown_user_id_is_a_404_page(browser: Callable[..., TestClient]) -> None:
    admin = browser(Role.ADMIN)
    assert admin.get("/settings/users/00000000-0000-0000-0000-000000000000").status_code == 404
    malformed = admin.get("/settings/users/not-a-uuid")
    assert malformed.status_code == 404
    assert "Page not found" in malformed.text


# --- profile ----------------------------------------------------------------------------------


def test_profile_saves_name_language_and_time_zone(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    client = browser(Role.INTERVIEWER)
    data = {"full_name": "Ivo Neu", "locale": "zh_Hans", "timezone": "Asia/Singapore"}
    response = post_form(client, "/settings/profile", "/settings/profile", data)
    assert response.status_code == 303
    user = _user(session_factory, client.user.email)  # type: ignore[attr-defined]
    assert user is not None
    assert (user.full_name, user.locale, user.timezone) == ("Ivo Neu", "zh_Hans", "Asia/Singapore")
    page = client.get("/settings/profile")
    assert "您的个人资料已保存。" in page.text
    assert '<option value="Asia/Singapore" selected>' in page.text


def test_password_change_needs_the_current_password(
    browser: Callable[..., TestClient], password: str, session_factory: sessionmaker[Session]
) -> None:
    client = browser(Role.RECRUITER)
    base = {"full_name": "R", "locale": "en", "timezone": "UTC"}
    wrong = {
        **base,
        "current_password": "nope",
        "new_password": "brand-new-password",
        "confirm_password": "brand-new-password",
    }
    response = post_form(client, "/settings/profile", "/settings/profile", wrong)
    assert response.status_code == 422
    assert "This is not your current password." in response.text
    assert "brand-new-password" not in response.text  # passwords are never echoed back
    user = _user(session_factory, client.user.email)  # type: ignore[attr-defined]
    assert user is not None
    assert verify_password(password, user.password_hash)  # unchanged
    good = {**wrong, "current_password": password}
    assert post_form(client, "/settings/profile", "/settings/profile", good).status_code == 303


def test_mismatched_confirmation_changes_nothing(
    browser: Callable[..., TestClient], password: str, session_factory: sessionmaker[Session]
) -> None:
    client = browser(Role.RECRUITER)
    data = {
        "full_name": "R",
        "locale": "en",
        "timezone": "UTC",
        "current_password": password,
        "new_password": "brand-new-password",
        "confirm_password": "x",
    }
    response = post_form(client, "/settings/profile", "/settings/profile", data)
    assert response.status_code == 422
    assert "The two passwords do not match." in response.text
    user = _user(session_factory, client.user.email)  # type: ignore[attr-defined]
    assert user is not None
    assert verify_password(password, user.password_hash)
    assert user.full_name != "R"  # nothing of the form was saved


def test_change_own_password_refuses_a_wrong_current_password(
    make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    user = make_user(Role.INTERVIEWER)
    with session_factory() as session:
        with pytest.raises(InvalidInput) as refused:
            auth_service.change_own_password(
                session, _actor(user), current_password="nope", new_password="brand-new-password"
            )
        assert refused.value.field == "current_password"
        assert refused.value.message == "This is not your current password."
        session.flush()
        assert [event.action for event in _events(session, user)] == ["create"]  # nothing recorded


def test_change_own_password_enforces_the_minimum_length(
    make_user: Callable[..., User], session_factory: sessionmaker[Session], password: str
) -> None:
    user = make_user(Role.INTERVIEWER)
    with session_factory() as session, pytest.raises(InvalidInput) as refused:
        auth_service.change_own_password(
            session, _actor(user), current_password=password, new_password="x" * (MIN_PASSWORD_LENGTH - 1)
        )
    assert refused.value.field == "new_password"


def test_change_own_password_records_an_audit_event_without_the_password(
    make_user: Callable[..., User], session_factory: sessionmaker[Session], password: str
) -> None:
    user = make_user(Role.INTERVIEWER)
    with session_factory() as session:
        auth_service.change_own_password(
            session, _actor(user), current_password=password, new_password="brand-new-password"
        )
        session.commit()
    with session_factory() as session:
        stored = session.get(User, user.id)
        assert stored is not None
        assert verify_password("brand-new-password", stored.password_hash)
        (event,) = [event for event in _events(session, user) if event.action == "update"]
        assert event.actor_id == user.id
        assert event.changes == {"password": "changed"}
        assert "brand-new-password" not in f"{event.summary} {event.changes}"
        assert password not in f"{event.summary} {event.changes}"


def _actor(user: User) -> Actor:
    return auth_service.actor_for(user)


def _events(session: Session, user: User) -> list[AuditEvent]:
    stmt = select(AuditEvent).where(AuditEvent.entity_type == "user", AuditEvent.entity_id == user.id)
    return list(session.scalars(stmt).all())


def test_new_password_works_for_the_next_sign_in(browser: Callable[..., TestClient], password: str) -> None:
    client = browser(Role.RECRUITER)
    email = client.user.email  # type: ignore[attr-defined]
    data = {
        "full_name": "R",
        "locale": "en",
        "timezone": "UTC",
        "current_password": password,
        "new_password": "brand-new-password",
        "confirm_password": "brand-new-password",
    }
    post_form(client, "/settings/profile", "/settings/profile", data)
    post_form(client, "/settings/profile", "/logout", {})
    assert submit_login(client, email, password).status_code == 401
    assert submit_login(client, email, "brand-new-password").status_code == 303


# --- API tokens -------------------------------------------------------------------------------


def test_token_secret_is_shown_once(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    client = browser(Role.RECRUITER)
    created = post_form(client, "/settings/tokens", "/settings/tokens", {"name": "Sourcing script"})
    assert created.status_code == 200
    assert "no-store" in created.headers["cache-control"]
    with session_factory() as session:
        token = session.scalars(select(ApiToken)).one()
    secret = created.text.split('<code class="secret" id="new-token">')[1].split("</code>")[0]
    assert secret.startswith("tb_")
    assert secret.startswith(token.prefix)
    later = client.get("/settings/tokens")
    assert "Sourcing script" in later.text
    assert secret not in later.text
    assert token.prefix in later.text
    assert secret not in client.cookies.get("tb_session", "")  # never stored in the session cookie


def test_created_token_authenticates_api_calls(
    browser: Callable[..., TestClient], client: TestClient
) -> None:
    created = post_form(browser(Role.RECRUITER), "/settings/tokens", "/settings/tokens", {"name": "cli"})
    secret = created.text.split('id="new-token">')[1].split("</code>")[0]
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"}).status_code == 200


def test_token_name_is_required(browser: Callable[..., TestClient]) -> None:
    response = post_form(browser(Role.RECRUITER), "/settings/tokens", "/settings/tokens", {"name": " "})
    assert response.status_code == 422
    assert "This field is required." in response.text


def test_revoking_a_token(browser: Callable[..., TestClient], session_factory: sessionmaker[Session]) -> None:
    client = browser(Role.RECRUITER)
    post_form(client, "/settings/tokens", "/settings/tokens", {"name": "old laptop"})
    with session_factory() as session:
        token = session.scalars(select(ApiToken)).one()
    response = post_form(client, "/settings/tokens", f"/settings/tokens/{token.id}/revoke", {})
    assert response.status_code == 303
    page = client.get("/settings/tokens")
    assert "Token “old laptop” revoked." in page.text
    assert '<span class="badge badge--danger">Revoked</span>' in page.text
    with session_factory() as session:
        assert session.get(ApiToken, token.id).revoked_at is not None  # type: ignore[union-attr]


def test_someone_elses_token_cannot_be_revoked(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    owner, other = browser(Role.RECRUITER), browser(Role.RECRUITER)
    post_form(owner, "/settings/tokens", "/settings/tokens", {"name": "mine"})
    with session_factory() as session:
        token = session.scalars(select(ApiToken)).one()
    response = post_form(other, "/settings/tokens", f"/settings/tokens/{token.id}/revoke", {})
    assert response.status_code == 404
    with session_factory() as session:
        assert session.get(ApiToken, token.id).revoked_at is None  # type: ignore[union-attr]


def test_settings_opens_on_the_profile(browser: Callable[..., TestClient]) -> None:
    response = browser(Role.INTERVIEWER).get("/settings", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/settings/profile"
