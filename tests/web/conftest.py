"""Fixtures for page tests: sign in through the real form.

``browser(Role.ADMIN)`` returns a fresh signed-in ``TestClient`` (its ``.user`` is the user), so
a test can act as several people at once; ``sign_in(client, user)`` submits the sign-in form.
Form helpers (``csrf_of``, ``post_form``) live in ``page_helpers.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from httpx2 import Response
from page_helpers import submit_login
from starlette.testclient import TestClient

from talentbridge.auth.enums import Role
from talentbridge.auth.models import User


@pytest.fixture
def password(request: pytest.FixtureRequest) -> str:
    """The password ``make_user`` gives every user (``TEST_PASSWORD`` of the root conftest).

    Read from the registered root conftest plugin: importing ``conftest`` by name from here
    would find this file, which pytest also imports as ``conftest``.
    """
    root = request.config.pluginmanager.get_plugin(str(request.config.rootpath / "tests" / "conftest.py"))
    assert root is not None, "the root conftest is not registered under its path"
    value: str = root.TEST_PASSWORD
    return value


@pytest.fixture
def sign_in(password: str) -> Callable[..., Response]:
    """``sign_in(client, user, next="/")``: sign in through the form with the test password."""

    def _sign_in(client: TestClient, user: User, *, next: str = "/") -> Response:
        return submit_login(client, user.email, password, next=next)

    return _sign_in


@pytest.fixture
def browser(
    app: object, make_user: Callable[..., User], sign_in: Callable[..., Response]
) -> Iterator[Callable[..., TestClient]]:
    """A signed-in client for a new user of a role (or for ``user=``); ``client.user`` is the user."""
    clients: list[TestClient] = []

    def _browser(role: Role = Role.RECRUITER, *, user: User | None = None) -> TestClient:
        user = user or make_user(role)
        client = TestClient(app, raise_server_exceptions=False)  # type: ignore[arg-type]
        assert sign_in(client, user).status_code == 303
        client.user = user  # type: ignore[attr-defined]
        clients.append(client)
        return client

    yield _browser
    for client in clients:
        client.close()
