"""Every state-changing form needs the session's CSRF token; without it nothing changes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from page_helpers import csrf_of
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import FormData, UploadFile
from starlette.testclient import TestClient

from talentbridge.auth.enums import Role
from talentbridge.auth.models import ApiToken, User

NEW_USER = {
    "email": "new.person@example.com",
    "full_name": "New Person",
    "role": "interviewer",
    "password": "long-enough-password",
    "locale": "en",
    "timezone": "UTC",
}


def _count(session_factory: sessionmaker[Session], model: type[User] | type[ApiToken]) -> int:
    with session_factory() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_creating_a_user_without_the_csrf_token_is_refused(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session], token: str | None
) -> None:
    admin = browser(Role.ADMIN)
    users_before = _count(session_factory, User)
    data = NEW_USER if token is None else {**NEW_USER, "csrf_token": token}
    response = admin.post("/settings/users", data=data)
    assert response.status_code == 403
    assert "The form has expired" in response.text
    assert _count(session_factory, User) == users_before


def test_creating_a_token_without_the_csrf_token_is_refused(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    response = browser(Role.RECRUITER).post("/settings/tokens", data={"name": "script"})
    assert response.status_code == 403
    assert _count(session_factory, ApiToken) == 0


def test_logout_without_the_csrf_token_keeps_the_session(browser: Callable[..., TestClient]) -> None:
    client = browser(Role.RECRUITER)
    assert client.post("/logout").status_code == 403
    assert client.get("/settings/profile").status_code == 200


def test_login_without_the_csrf_token_is_refused(client: TestClient, make_user: Callable[..., User]) -> None:
    user = make_user(Role.RECRUITER)
    response = client.post("/login", data={"email": user.email, "password": "x"}, follow_redirects=False)
    assert response.status_code == 403


def test_a_token_from_another_session_is_refused(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    alice, mallory = browser(Role.ADMIN), browser(Role.ADMIN)
    stolen = csrf_of(mallory.get("/settings/users/new").text)
    response = alice.post("/settings/users", data={**NEW_USER, "csrf_token": stolen})
    assert response.status_code == 403
    with session_factory() as session:
        assert session.scalars(select(User).where(User.email == NEW_USER["email"])).first() is None


def test_the_csrf_form_dependency_closes_uploaded_files(
    browser: Callable[..., TestClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = browser(Role.RECRUITER)
    closed: list[bool] = []
    original_close = FormData.close

    async def recording_close(self: FormData) -> None:
        await original_close(self)
        closed.append(all(upload.file.closed for upload in self.values() if isinstance(upload, UploadFile)))

    monkeypatch.setattr(FormData, "close", recording_close)
    token = csrf_of(client.get("/settings/profile").text)
    files = {"attachment": ("cv.txt", b"x" * 2_000_000, "text/plain")}  # spooled to a temporary file
    response = client.post("/logout", data={"csrf_token": token}, files=files, follow_redirects=False)
    assert response.status_code == 303
    assert closed == [True]


def test_a_refused_csrf_form_is_closed_too(
    browser: Callable[..., TestClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = browser(Role.RECRUITER)
    closed: list[FormData] = []
    original_close = FormData.close

    async def recording_close(self: FormData) -> None:
        closed.append(self)
        await original_close(self)

    monkeypatch.setattr(FormData, "close", recording_close)
    files = {"attachment": ("cv.txt", b"x" * 10, "text/plain")}
    response = client.post("/logout", data={"csrf_token": "forged"}, files=files)
    assert response.status_code == 403
    assert len(closed) == 1
