"""Intake pages: upload → progress with per-file errors, merge screen → merge → undo, review."""

from __future__ import annotations

import re
from collections.abc import Callable

from intake_helpers import cv_text, make_zip
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient
from test_intake_merge_api import _proposal, _twins

from talentbridge.auth.enums import Role
from talentbridge.auth.models import User

PASSWORD = "correct-horse-battery"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def _signed_in(app: object, user: User) -> TestClient:
    client = TestClient(app, raise_server_exceptions=False)  # type: ignore[arg-type]
    token = _CSRF.search(client.get("/login").text).group(1)  # type: ignore[union-attr]
    client.post("/login", data={"email": user.email, "password": PASSWORD, "next": "/", "csrf_token": token})
    return client


def _csrf(client: TestClient, page: str) -> str:
    match = _CSRF.search(client.get(page).text)
    assert match is not None
    return match.group(1)


def test_upload_shows_progress_and_errors(app: object, make_user: Callable[..., User]) -> None:
    client = _signed_in(app, make_user(Role.RECRUITER))
    page = client.get("/imports")
    assert page.status_code == 200
    assert "Upload résumés" in page.text
    bundle = make_zip({"a.txt": cv_text(1), "broken.pdf": b"\x00\x01junk"})
    response = client.post(
        "/imports", data={"csrf_token": _csrf(client, "/imports"), "source_id": ""},
        files=[("files", ("cvs.zip", bundle, "application/zip"))], follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303
    detail = client.get(response.headers["location"])
    assert "1 of 2 processed" not in detail.text
    assert "2 of 2 processed" in detail.text
    assert "broken.pdf" in detail.text
    assert 'http-equiv="refresh"' not in detail.text  # done: no more refreshing
    empty = client.post("/imports", data={"csrf_token": _csrf(client, "/imports")})
    assert empty.status_code == 422


def test_merge_screen_merge_and_undo(
    app: object, make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    a_id, b_id, _job = _twins(session_factory)
    proposal = _proposal(session_factory)
    client = _signed_in(app, make_user(Role.RECRUITER))
    listing = client.get("/duplicates")
    assert f"/duplicates/{proposal.id}" in listing.text
    screen = client.get(f"/duplicates/{proposal.id}")
    assert screen.status_code == 200
    assert 'name="choice_skills" value="union"' in screen.text
    token = _csrf(client, f"/duplicates/{proposal.id}")
    merged = client.post(
        f"/duplicates/{proposal.id}/merge",
        data={"csrf_token": token, "survivor": "a", "choice_location_city": "b", "choice_skills": "union"},
        follow_redirects=False,
    )
    assert merged.status_code == 303
    detail_url = merged.headers["location"]
    assert "Undo merge" in client.get(detail_url).text
    undone = client.post(
        detail_url + "/undo", data={"csrf_token": _csrf(client, detail_url)}, follow_redirects=False
    )
    assert undone.status_code == 303
    assert "Undo merge" not in client.get(detail_url).text
    assert client.get(f"/people/{b_id}").status_code == 200
    assert client.get(f"/people/{a_id}").status_code == 200


def test_pages_refuse_other_roles(app: object, make_user: Callable[..., User]) -> None:
    client = _signed_in(app, make_user(Role.INTERVIEWER))
    for path in ("/imports", "/duplicates"):
        assert client.get(path).status_code == 403
