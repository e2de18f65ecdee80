"""Settings → Sources: list by kind, create, edit, deactivate, delete (refused while in use), roles."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from page_helpers import csrf_of, post_form
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories import records
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.models import Source


def _sources(session_factory: sessionmaker[Session]) -> list[Source]:
    with session_factory() as session:
        return list(session.scalars(select(Source).order_by(Source.name)))


def test_sources_are_listed_by_kind(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        records.source(session, kind=SourceKind.JOB_BOARD, name="Zhaopin")
        records.source(session, kind=SourceKind.UNIVERSITY, name="Tsinghua career fair")
    page = browser(Role.RECRUITER).get("/settings/sources")
    assert page.status_code == 200
    html = page.text
    assert html.index(">Job board <") < html.index("Zhaopin") < html.index(">University <")
    assert html.index(">University <") < html.index("Tsinghua career fair")
    assert "2 active sources" in html
    assert 'href="/settings/sources/new"' in html


def test_a_referral_source_is_created_with_its_referrer_and_details(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session], make_user: Callable[..., User]
) -> None:
    colleague = make_user(Role.RECRUITER, full_name="Lukas Weber")
    client = browser(Role.RECRUITER)
    data = {
        "kind": "referral",
        "name": "Referral by Lukas",
        "referrer_user_id": str(colleague.id),
        "referrer_name": "",
        "detail-0-key": "bonus",
        "detail-0-value": "2000 EUR",
        "detail-1-key": "",
        "detail-1-value": "",
    }
    response = post_form(client, "/settings/sources/new", "/settings/sources", data)
    assert response.status_code == 303
    html = client.get("/settings/sources").text
    assert "Source “Referral by Lukas” added." in html
    assert "Referred by Lukas Weber" in html
    assert "2000 EUR" in html
    (source,) = _sources(session_factory)
    assert source.kind is SourceKind.REFERRAL
    assert source.referrer_user_id == colleague.id
    assert source.details == {"bonus": "2000 EUR"}


def test_form_problems_are_shown_next_to_their_fields(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        records.source(session, kind=SourceKind.JOB_BOARD, name="Zhaopin")
    client = browser(Role.RECRUITER)
    no_referrer = post_form(
        client, "/settings/sources/new", "/settings/sources", {"kind": "referral", "name": "Someone"}
    )
    assert no_referrer.status_code == 422
    assert re.search(r'id="field-referrer_user_id-error".*who referred them', no_referrer.text)
    duplicate = post_form(
        client, "/settings/sources/new", "/settings/sources", {"kind": "job_board", "name": "zhaopin"}
    )
    assert duplicate.status_code == 409
    assert re.search(r'id="field-name-error".*already exists', duplicate.text)
    no_kind = post_form(client, "/settings/sources/new", "/settings/sources", {"kind": "", "name": "X"})
    assert no_kind.status_code == 422
    assert re.search(r'id="field-kind-error".*Choose the kind of source', no_kind.text)
    assert [source.name for source in _sources(session_factory)] == ["Zhaopin"]


def test_a_source_in_use_cannot_be_deleted_but_can_be_deactivated(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        used = records.source(session, kind=SourceKind.AGENCY, name="Hays")
        records.person(session, first_name="Placed", source_id=used.id)
        unused = records.source(session, kind=SourceKind.JOB_BOARD, name="Old board")
    client = browser(Role.RECRUITER)
    edit_url = f"/settings/sources/{used.id}"
    refused = post_form(client, edit_url, f"{edit_url}/delete", {})
    assert refused.status_code == 409
    assert "“Hays” cannot be deleted: 1 person and 0 applications are attributed to it." in refused.text
    assert "Deactivate it instead" in refused.text
    deactivated = post_form(client, edit_url, f"{edit_url}/status", {"is_active": "false"})
    assert deactivated.status_code == 303
    listing = client.get("/settings/sources").text
    assert "“Hays” is deactivated and no longer offered." in listing
    assert "Deactivated" in listing
    removed = post_form(client, f"/settings/sources/{unused.id}", f"/settings/sources/{unused.id}/delete", {})
    assert removed.status_code == 303
    assert [source.name for source in _sources(session_factory)] == ["Hays"]


def test_a_source_can_be_renamed_keeping_typed_details(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        source = records.source(session, kind=SourceKind.AGENCY, name="Hays")
        source.details = {"fee_percent": 18, "exclusive": True}
        session.commit()
    client = browser(Role.ADMIN)
    edit_url = f"/settings/sources/{source.id}"
    form = client.get(edit_url).text
    assert 'value="fee_percent"' in form
    assert 'value="18"' in form
    assert 'value="true"' in form
    data = {
        "kind": "agency",
        "name": "Hays Asia",
        "detail-0-key": "fee_percent",
        "detail-0-value": "18",
        "detail-1-key": "exclusive",
        "detail-1-value": "true",
        "detail-2-key": "contact",
        "detail-2-value": "Anna Li",
    }
    assert post_form(client, edit_url, edit_url, data).status_code == 303
    (saved,) = _sources(session_factory)
    assert saved.name == "Hays Asia"
    assert saved.details == {"fee_percent": 18, "exclusive": True, "contact": "Anna Li"}


@pytest.mark.parametrize("role", [Role.HIRING_MANAGER, Role.INTERVIEWER, Role.COMPLIANCE])
def test_other_roles_may_read_but_not_change_sources(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session], role: Role
) -> None:
    with session_factory() as session:
        source = records.source(session, kind=SourceKind.JOB_BOARD, name="Zhaopin")
    client = browser(role)
    page = client.get("/settings/sources")
    assert page.status_code == 200
    assert "Zhaopin" in page.text
    assert 'href="/settings/sources/new"' not in page.text
    assert client.get("/settings/sources/new").status_code == 403
    assert client.get(f"/settings/sources/{source.id}").status_code == 403
    token = csrf_of(page.text)
    created = client.post("/settings/sources", data={"csrf_token": token, "kind": "other", "name": "Mine"})
    assert created.status_code == 403
    deleted = client.post(f"/settings/sources/{source.id}/delete", data={"csrf_token": token})
    assert deleted.status_code == 403
    assert [item.name for item in _sources(session_factory)] == ["Zhaopin"]


def test_changes_without_the_csrf_token_are_refused(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        source = records.source(session, kind=SourceKind.JOB_BOARD, name="Zhaopin")
    client = browser(Role.ADMIN)
    assert client.post("/settings/sources", data={"kind": "other", "name": "X"}).status_code == 403
    assert client.post(f"/settings/sources/{source.id}/delete").status_code == 403
    assert [item.name for item in _sources(session_factory)] == ["Zhaopin"]
