"""Settings for the pipeline: default stages, rejection and withdrawal reasons, and hubs (admins)."""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Callable

import pytest
from page_helpers import post_form
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories.jobs import make_hub, make_job
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.jobs.models import Hub
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.enums import ReasonKind
from talentbridge.pipeline.models import RejectionReason

Factory = sessionmaker[Session]
SETTINGS_PAGES = ["/settings/stages", "/settings/reasons", "/settings/hubs", "/settings/hubs/new"]


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.HIRING_MANAGER, Role.INTERVIEWER, Role.COMPLIANCE])
def test_pipeline_settings_are_for_administrators_only(
    browser: Callable[..., TestClient], role: Role
) -> None:
    client = browser(role)
    for path in SETTINGS_PAGES:
        response = client.get(path)
        assert response.status_code == 403, path
        assert "You do not have access to this" in response.text
    navigation = client.get("/settings/profile").text
    assert 'href="/settings/stages"' not in navigation
    assert 'href="/settings/hubs"' not in navigation
    assert (
        post_form(client, "/settings/profile", "/settings/stages", {"op": "save", "count": "0"}).status_code
        == 403
    )
    refused = post_form(
        client, "/settings/profile", "/settings/reasons", {"kind": "rejection", "new_rejection": "X"}
    )
    assert refused.status_code == 403


def test_admin_sees_the_pipeline_settings_in_the_navigation(browser: Callable[..., TestClient]) -> None:
    admin = browser(Role.ADMIN)
    for path in SETTINGS_PAGES:
        assert admin.get(path).status_code == 200, path
    navigation = admin.get("/settings/profile").text
    for path in ("/settings/stages", "/settings/reasons", "/settings/hubs"):
        assert f'href="{path}"' in navigation


# --- stages ----------------------------------------------------------------------------------------


def _template(session_factory: Factory) -> list[tuple[str, str]]:
    with session_factory() as session:
        return [
            (stage.name, stage.category.value)
            for stage in pipeline_service.list_stage_templates(session, Actor.system())
        ]


def _stage_form(page: str, **extra: str) -> dict[str, str]:
    data = {"count": re.search(r'name="count" value="(\d+)"', page).group(1)}  # type: ignore[union-attr]
    for index, name in re.findall(r'name="name_(\d+)" value="([^"]*)"', page):
        data[f"name_{index}"] = html.unescape(name)
    for index, options in re.findall(r'name="category_(\d+)">(.*?)</select>', page, re.DOTALL):
        data[f"category_{index}"] = re.search(r'<option value="([a-z]+)" selected>', options).group(1)  # type: ignore[union-attr]
    data.update({"new_name": "", "new_category": "interview", "new_position": ""})
    data.update(extra)
    return data


def test_admin_renames_adds_reorders_and_removes_stages(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    admin = browser(Role.ADMIN)
    page = admin.get("/settings/stages").text
    default = _template(session_factory)
    assert [name for name, _category in default][:2] == ["Applied", "Screen"]

    renamed = post_form(
        admin, "/settings/stages", "/settings/stages", _stage_form(page, name_1="Phone screen", op="save")
    )
    assert renamed.status_code == 303
    assert _template(session_factory)[1] == ("Phone screen", "screen")
    assert "Default stages saved." in admin.get("/settings/stages").text

    page = admin.get("/settings/stages").text
    hired = [name for name, _category in default].index("Hired")
    added = post_form(
        admin,
        "/settings/stages",
        "/settings/stages",
        _stage_form(page, op="add", new_name="Reference check", new_position=str(hired)),
    )
    assert added.status_code == 303
    names = [name for name, _category in _template(session_factory)]
    assert names[hired] == "Reference check"
    assert names[hired + 1] == "Hired"

    page = admin.get("/settings/stages").text
    assert (
        post_form(admin, "/settings/stages", "/settings/stages", _stage_form(page, op="up:1")).status_code
        == 303
    )
    assert [name for name, _category in _template(session_factory)][:2] == ["Phone screen", "Applied"]

    page = admin.get("/settings/stages").text
    assert (
        post_form(
            admin, "/settings/stages", "/settings/stages", _stage_form(page, op=f"remove:{hired}")
        ).status_code
        == 303
    )
    assert "Reference check" not in [name for name, _category in _template(session_factory)]
    assert "Stage “Reference check” removed." in html.unescape(admin.get("/settings/stages").text)


def test_invalid_stage_lists_are_explained_and_not_saved(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    admin = browser(Role.ADMIN)
    before = _template(session_factory)
    page = admin.get("/settings/stages").text
    hired = [name for name, _category in before].index("Hired")
    no_hired = post_form(
        admin, "/settings/stages", "/settings/stages", _stage_form(page, op=f"remove:{hired}")
    )
    assert no_hired.status_code == 422
    assert "The pipeline needs at least one stage of each of these categories: Hired." in html.unescape(
        no_hired.text
    )
    duplicate = post_form(
        admin, "/settings/stages", "/settings/stages", _stage_form(page, name_1="applied", op="save")
    )
    assert duplicate.status_code == 422
    assert "The stage name “applied” is used twice." in html.unescape(duplicate.text)
    blank = post_form(admin, "/settings/stages", "/settings/stages", _stage_form(page, name_2="", op="save"))
    assert blank.status_code == 422
    assert "This field is required." in blank.text
    no_name = post_form(admin, "/settings/stages", "/settings/stages", _stage_form(page, op="add"))
    assert no_name.status_code == 422
    assert _template(session_factory) == before


# --- reasons ---------------------------------------------------------------------------------------


def _reasons(session_factory: Factory, kind: ReasonKind) -> list[RejectionReason]:
    with session_factory() as session:
        reasons = list(
            pipeline_service.list_reasons(session, Actor.system(), kind=kind, include_inactive=True)
        )
        session.expunge_all()
        return reasons


def test_admin_adds_renames_reorders_and_deactivates_reasons(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    admin = browser(Role.ADMIN)
    page = admin.get("/settings/reasons")
    assert page.status_code == 200
    assert "Skills do not match" in page.text
    assert "Accepted another offer" in page.text

    added = post_form(
        admin, "/settings/reasons", "/settings/reasons", {"kind": "rejection", "new_rejection": "Visa timing"}
    )
    assert added.status_code == 303
    assert _reasons(session_factory, ReasonKind.REJECTION)[-1].label == "Visa timing"

    duplicate = post_form(
        admin, "/settings/reasons", "/settings/reasons", {"kind": "rejection", "new_rejection": "visa timing"}
    )
    assert duplicate.status_code == 422
    assert "There is already a reason “Visa timing” in this list." in html.unescape(duplicate.text)

    reason = _reasons(session_factory, ReasonKind.REJECTION)[-1]
    action = f"/settings/reasons/{reason.id}"
    assert (
        post_form(
            admin, "/settings/reasons", action, {"op": "rename", "label": "Visa not in time"}
        ).status_code
        == 303
    )
    assert (
        post_form(admin, "/settings/reasons", action, {"op": "up", "label": "Visa not in time"}).status_code
        == 303
    )
    labels = [item.label for item in _reasons(session_factory, ReasonKind.REJECTION)]
    assert labels[-2] == "Visa not in time"
    assert (
        post_form(admin, "/settings/reasons", action, {"op": "deactivate", "label": "x"}).status_code == 303
    )
    stored = next(item for item in _reasons(session_factory, ReasonKind.REJECTION) if item.id == reason.id)
    assert (stored.label, stored.is_active) == ("Visa not in time", False)
    assert "Not offered" in admin.get("/settings/reasons").text
    empty = post_form(admin, "/settings/reasons", action, {"op": "rename", "label": ""})
    assert empty.status_code == 422
    assert "This field is required." in empty.text


# --- hubs ------------------------------------------------------------------------------------------

HUB = {
    "name": "Warsaw Office",
    "city": "Warsaw",
    "country": "PL",
    "timezone": "Europe/Warsaw",
    "currency": "PLN",
}


def _hub(session_factory: Factory, name: str) -> Hub | None:
    with session_factory() as session:
        return session.scalars(select(Hub).where(Hub.name == name)).first()


def test_admin_creates_edits_and_deactivates_a_hub(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    admin = browser(Role.ADMIN)
    created = post_form(admin, "/settings/hubs/new", "/settings/hubs", HUB)
    assert created.status_code == 303
    hub = _hub(session_factory, "Warsaw Office")
    assert hub is not None
    assert (hub.country, hub.timezone, hub.currency) == ("PL", "Europe/Warsaw", "PLN")
    listing = admin.get("/settings/hubs").text
    assert "Warsaw Office" in listing
    assert "Poland" in listing

    edit_page = admin.get(f"/settings/hubs/{hub.id}").text
    assert '<option value="PL" selected>' in edit_page
    assert '<option value="Europe/Warsaw" selected>' in edit_page
    saved = post_form(
        admin, f"/settings/hubs/{hub.id}", f"/settings/hubs/{hub.id}", {**HUB, "city": "Warszawa"}
    )
    assert saved.status_code == 303
    assert _hub(session_factory, "Warsaw Office").city == "Warszawa"  # type: ignore[union-attr]

    off = post_form(
        admin, f"/settings/hubs/{hub.id}", f"/settings/hubs/{hub.id}/status", {"is_active": "false"}
    )
    assert off.status_code == 303
    assert _hub(session_factory, "Warsaw Office").is_active is False  # type: ignore[union-attr]
    assert "takes no new jobs" in admin.get(off.headers["location"]).text


def test_invalid_and_duplicate_hubs_are_explained(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    admin = browser(Role.ADMIN)
    assert post_form(admin, "/settings/hubs/new", "/settings/hubs", HUB).status_code == 303
    duplicate = post_form(admin, "/settings/hubs/new", "/settings/hubs", {**HUB, "name": "warsaw office"})
    assert duplicate.status_code == 422
    assert "A hub named “Warsaw Office” already exists." in html.unescape(duplicate.text)
    invalid = post_form(
        admin, "/settings/hubs/new", "/settings/hubs", {**HUB, "name": "Other", "city": "", "currency": "XYZ"}
    )
    assert invalid.status_code == 422
    text = html.unescape(invalid.text)
    assert "City: This field is required." in text
    assert "“XYZ” is not a known currency." in text
    assert _hub(session_factory, "Other") is None


def test_a_hub_with_jobs_cannot_be_deleted_but_an_unused_one_can(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    with session_factory() as session:
        used = make_hub(session, name="Busy Hub")
        make_job(session, hub=used)
        unused = make_hub(session, name="Empty Hub")
        session.commit()
    admin = browser(Role.ADMIN)
    refused = post_form(admin, f"/settings/hubs/{used.id}", f"/settings/hubs/{used.id}/delete", {})
    assert refused.status_code == 303
    page = html.unescape(admin.get(refused.headers["location"]).text)
    assert "The hub “Busy Hub” is used by 1 job; deactivate it instead of deleting it." in page
    assert _hub(session_factory, "Busy Hub") is not None
    deleted = post_form(admin, f"/settings/hubs/{unused.id}", f"/settings/hubs/{unused.id}/delete", {})
    assert deleted.status_code == 303
    assert _hub(session_factory, "Empty Hub") is None
    assert admin.get(f"/settings/hubs/{uuid.uuid4()}").status_code == 404
