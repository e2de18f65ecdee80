"""Fixtures for the mobility product tests: a hire in China with a foreign candidate."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from mobility_helpers import Hire, make_hire, signed_in
from starlette.testclient import TestClient

from talentbridge.auth.enums import Role
from talentbridge.auth.models import User


@pytest.fixture
def hire(api_as: Callable[..., TestClient]) -> Hire:
    """A person applied to a job at a Shanghai hub."""
    return make_hire(api_as)


@pytest.fixture
def pages(
    app: object, make_user: Callable[..., User], request: pytest.FixtureRequest
) -> Iterator[Callable[..., TestClient]]:
    """``pages(Role.X)`` or ``pages(user=...)``: a browser-like client signed in through the form."""
    root = request.config.pluginmanager.get_plugin(str(request.config.rootpath / "tests" / "conftest.py"))
    assert root is not None
    clients: list[TestClient] = []

    def _pages(role: Role = Role.RECRUITER, *, user: User | None = None) -> TestClient:
        user = user or make_user(role)
        client = signed_in(app, user.email, root.TEST_PASSWORD)
        clients.append(client)
        return client

    yield _pages
    for client in clients:
        client.close()
