"""Signing in and out through the pages: credentials, redirects, sessions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from httpx2 import Response
from page_helpers import csrf_of, post_form, submit_login
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.auth.schemas import UserUpdate
from talentbridge.auth.service import update_user
from talentbridge.auth.throttle import MAX_FAILURES

SignIn = Callable[..., Response]


def test_login_page_renders_a_labelled_form(client: TestClient) -> None:
    page = client.get("/login")
    assert page.status_code == 200
    assert '<label class="field__label" for="field-email">' in page.text
    assert '<label class="field__label" for="field-password">' in page.text
    assert 'name="csrf_token"' in page.text


def test_login_success_redirects_to_next_and_signs_in(
    client: TestClient, make_user: Callable[..., User], sign_in: SignIn
) -> None:
    user = make_user(Role.RECRUITER, full_name="Ana Lee")
    response = sign_in(client, user, next="/settings/profile")
    assert response.status_code == 303
    assert response.headers["location"] == "/settings/profile"
    profile = client.get("/settings/profile")
    assert profile.status_code == 200
    assert "Welcome back, Ana Lee." in profile.text


def test_wrong_password_is_refused_with_a_generic_message(
    client: TestClient, make_user: Callable[..., User]
) -> None:
    user = make_user(Role.RECRUITER)
    response = submit_login(client, user.email, "not-the-password")
    assert response.status_code == 401
    assert "Wrong e-mail or password." in response.text
    assert client.get("/", follow_redirects=False).status_code == 303


def test_unknown_email_gets_the_same_message_as_a_wrong_password(client: TestClient) -> None:
    response = submit_login(client, "nobody@example.com", "whatever-password")
    assert response.status_code == 401
    assert "Wrong e-mail or password." in response.text
    assert "nobody@example.com" in response.text  # the e-mail is kept in the field, nothing more


def test_deactivated_user_cannot_sign_in(
    client: TestClient,
    make_user: Callable[..., User],
    session_factory: sessionmaker[Session],
    sign_in: SignIn,
) -> None:
    user = make_user(Role.RECRUITER)
    with session_factory() as session:
        update_user(session, Actor.system(), user.id, UserUpdate(is_active=False))
        session.commit()
    assert sign_in(client, user).status_code == 401


def test_empty_fields_are_explained_next_to_each_field_and_summarised(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"email": "", "password": "", "csrf_token": token})
    assert response.status_code == 422
    assert 'id="field-email-error"' in response.text
    assert 'id="field-password-error"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert '<a href="#field-email">' in response.text  # the summary links to the field
    assert "Enter your e-mail address." in response.text


def test_password_is_never_echoed_back(client: TestClient, make_user: Callable[..., User]) -> None:
    user = make_user(Role.RECRUITER)
    response = submit_login(client, user.email, "secret-typo-password")
    assert "secret-typo-password" not in response.text


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example.com/",
        "//evil.example.com/path",
        "/\\evil.example.com",
        "javascript:alert(1)",
        "http:/evil.example.com",
        "evil.example.com",
    ],
)
def test_next_pointing_off_site_is_replaced_by_the_dashboard(
    client: TestClient, make_user: Callable[..., User], sign_in: SignIn, target: str
) -> None:
    response = sign_in(client, make_user(Role.RECRUITER), next=target)
    assert response.status_code == 303
    assert response.headers["location"] == "/"


def test_pages_require_sign_in_and_come_back_afterwards(
    client: TestClient, make_user: Callable[..., User], sign_in: SignIn
) -> None:
    response = client.get("/settings/tokens?tab=mine", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fsettings%2Ftokens%3Ftab%3Dmine"
    login_page = client.get(response.headers["location"])
    assert 'name="next" value="/settings/tokens?tab=mine"' in login_page.text
    signed_in = sign_in(client, make_user(Role.RECRUITER), next="/settings/tokens?tab=mine")
    assert signed_in.headers["location"] == "/settings/tokens?tab=mine"


def test_signing_in_starts_a_new_session(
    client: TestClient, make_user: Callable[..., User], sign_in: SignIn
) -> None:
    before = csrf_of(client.get("/login").text)
    sign_in(client, make_user(Role.RECRUITER))
    after = csrf_of(client.get("/settings/profile").text)
    assert before != after  # the pre-login session (and its CSRF token) did not survive


def test_signed_in_visitor_skips_the_login_page(browser: Callable[..., TestClient]) -> None:
    page = browser(Role.RECRUITER).get("/login?next=/settings/profile", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/settings/profile"


def test_logout_ends_the_session(browser: Callable[..., TestClient]) -> None:
    client = browser(Role.RECRUITER)
    response = post_form(client, "/settings/profile", "/logout", {})
    assert response.status_code == 303
    assert response.headers["location"] == "/login"
    assert "You have signed out." in client.get("/login").text
    assert client.get("/settings/profile", follow_redirects=False).status_code == 303


def test_logout_is_post_only(browser: Callable[..., TestClient]) -> None:
    client = browser(Role.RECRUITER)
    response = client.get("/logout")
    assert response.status_code == 405
    assert "text/html" in response.headers["content-type"]
    assert client.get("/settings/profile").status_code == 200  # still signed in


# --- sign-in throttling -----------------------------------------------------------------------


def test_eleventh_failure_is_refused_with_429_even_with_the_right_password(
    client: TestClient, make_user: Callable[..., User], password: str
) -> None:
    user = make_user(Role.RECRUITER)
    for _attempt in range(MAX_FAILURES):
        assert submit_login(client, user.email, "not-the-password").status_code == 401
    blocked = submit_login(client, f"  {user.email.upper()} ", password)  # same normalised e-mail
    assert blocked.status_code == 429
    assert "Too many failed sign-in attempts." in blocked.text
    assert int(blocked.headers["retry-after"]) > 0
    assert client.get("/", follow_redirects=False).status_code == 303  # not signed in


def test_throttling_is_per_email_address(
    client: TestClient, make_user: Callable[..., User], sign_in: SignIn
) -> None:
    victim, other = make_user(Role.RECRUITER), make_user(Role.RECRUITER)
    for _attempt in range(MAX_FAILURES):
        submit_login(client, victim.email, "not-the-password")
    assert sign_in(client, other).status_code == 303


def test_a_successful_sign_in_resets_the_failures(
    client: TestClient, make_user: Callable[..., User], password: str
) -> None:
    user = make_user(Role.RECRUITER)
    for _attempt in range(MAX_FAILURES - 1):
        submit_login(client, user.email, "not-the-password")
    assert submit_login(client, user.email, password).status_code == 303
    post_form(client, "/settings/profile", "/logout", {})
    for _attempt in range(MAX_FAILURES):
        assert submit_login(client, user.email, "not-the-password").status_code == 401
    assert submit_login(client, user.email, "not-the-password").status_code == 429


def test_throttle_message_is_translated(client: TestClient, make_user: Callable[..., User]) -> None:
    user = make_user(Role.RECRUITER)
    client.headers["Accept-Language"] = "zh-CN,zh;q=0.9"
    for _attempt in range(MAX_FAILURES):
        submit_login(client, user.email, "not-the-password")
    response = submit_login(client, user.email, "not-the-password")
    assert response.status_code == 429
    assert "登录失败次数过多。" in response.text
