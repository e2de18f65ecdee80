"""Hubs through HTTP: admins write, everyone signed in reads; names unique; in-use hubs stay."""

from __future__ import annotations

from collections.abc import Callable

from starlette.testclient import TestClient

from factories.jobs import hub_payload, job_payload
from talentbridge.auth.enums import Role

ApiAs = Callable[..., TestClient]


def test_admin_creates_reads_updates_and_deletes_a_hub(api_as: ApiAs) -> None:
    admin = api_as(Role.ADMIN)
    created = admin.post(
        "/api/v1/hubs",
        json=hub_payload(name="Berlin", country="de", currency="eur", timezone="Europe/Berlin"),
    )
    assert created.status_code == 201, created.text
    hub = created.json()
    assert (hub["country"], hub["currency"], hub["is_active"]) == ("DE", "EUR", True)
    assert admin.get(f"/api/v1/hubs/{hub['id']}").json()["name"] == "Berlin"
    updated = admin.patch(f"/api/v1/hubs/{hub['id']}", json={"city": "Berlin-Mitte"})
    assert updated.status_code == 200
    assert updated.json()["city"] == "Berlin-Mitte"
    deleted = admin.delete(f"/api/v1/hubs/{hub['id']}")
    assert deleted.status_code == 200
    assert deleted.json() == {"id": hub["id"], "deleted": True}
    assert admin.get(f"/api/v1/hubs/{hub['id']}").status_code == 404


def test_duplicate_hub_name_is_409(api_as: ApiAs) -> None:
    admin = api_as(Role.ADMIN)
    assert admin.post("/api/v1/hubs", json=hub_payload(name="Singapore")).status_code == 201
    again = admin.post("/api/v1/hubs", json=hub_payload(name="SINGAPORE"))
    assert again.status_code == 409
    assert again.json()["field"] == "name"


def test_invalid_codes_are_422_per_field(api_as: ApiAs) -> None:
    response = api_as(Role.ADMIN).post(
        "/api/v1/hubs", json=hub_payload(country="Germany", timezone="Europe/Atlantis", currency="EURO")
    )
    assert response.status_code == 422
    assert {error["loc"][-1] for error in response.json()["detail"]} == {"country", "timezone", "currency"}


def test_hub_used_by_a_job_cannot_be_deleted_only_deactivated(api_as: ApiAs) -> None:
    admin = api_as(Role.ADMIN)
    hub = admin.post("/api/v1/hubs", json=hub_payload()).json()
    assert admin.post("/api/v1/jobs", json=job_payload(hub["id"])).status_code == 201
    refused = admin.delete(f"/api/v1/hubs/{hub['id']}")
    assert refused.status_code == 409
    assert "deactivate" in refused.json()["detail"]
    assert admin.patch(f"/api/v1/hubs/{hub['id']}", json={"is_active": False}).json()["is_active"] is False
    assert admin.get("/api/v1/hubs", params={"include_inactive": "false"}).json() == []
    new_job = admin.post("/api/v1/jobs", json=job_payload(hub["id"]))
    assert new_job.status_code == 422
    assert new_job.json()["field"] == "hub_id"


def test_every_signed_in_role_lists_hubs_but_only_admins_write(api_as: ApiAs) -> None:
    admin = api_as(Role.ADMIN)
    hub = admin.post("/api/v1/hubs", json=hub_payload(name="Shenzhen")).json()
    for role in (Role.RECRUITER, Role.HIRING_MANAGER, Role.INTERVIEWER, Role.COMPLIANCE):
        api = api_as(role)
        assert [item["name"] for item in api.get("/api/v1/hubs").json()] == ["Shenzhen"]
        assert api.post("/api/v1/hubs", json=hub_payload()).status_code == 403
        patched = api.patch(f"/api/v1/hubs/{hub['id']}", json={"name": "Mine now"})
        assert patched.status_code == 403
        assert "Shenzhen" not in patched.text
        assert api.delete(f"/api/v1/hubs/{hub['id']}").status_code == 403
    assert admin.get(f"/api/v1/hubs/{hub['id']}").json()["name"] == "Shenzhen"


def test_null_for_a_required_field_is_422(api_as: ApiAs) -> None:
    admin = api_as(Role.ADMIN)
    hub = admin.post("/api/v1/hubs", json=hub_payload()).json()
    assert admin.patch(f"/api/v1/hubs/{hub['id']}", json={"name": None}).status_code == 422


def test_anonymous_is_401(client: TestClient) -> None:
    assert client.get("/api/v1/hubs").status_code == 401
