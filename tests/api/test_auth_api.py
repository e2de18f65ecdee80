"""Users, tokens and authentication through HTTP."""

from __future__ import annotations

from collections.abc import Callable

from starlette.testclient import TestClient

from talentbridge.auth.enums import Role


def test_unauthenticated_call_is_401(client: TestClient) -> None:
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_bad_token_is_401(client: TestClient) -> None:
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer tb_nope"})
    assert response.status_code == 401


def test_me_returns_the_token_owner_without_password_hash(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    body = api.get("/api/v1/me").json()
    assert body["email"] == api.user.email  # type: ignore[attr-defined]
    assert body["role"] == "recruiter"
    assert "password_hash" not in body


def test_admin_creates_user_and_duplicate_email_conflicts(api_as: Callable[..., TestClient]) -> None:
    admin = api_as(Role.ADMIN)
    payload = {
        "email": "New.Person@Example.com",
        "full_name": "New Person",
        "role": "interviewer",
        "password": "long-enough-pw",
    }
    created = admin.post("/api/v1/users", json=payload)
    assert created.status_code == 201, created.text
    assert created.json()["email"] == "new.person@example.com"
    again = admin.post("/api/v1/users", json={**payload, "email": "new.person@example.com"})
    assert again.status_code == 409
    assert again.json()["field"] == "email"


def test_invalid_user_payload_is_422_with_field_messages(api_as: Callable[..., TestClient]) -> None:
    admin = api_as(Role.ADMIN)
    response = admin.post(
        "/api/v1/users", json={"email": "not-an-email", "full_name": "", "role": "boss", "password": "x"}
    )
    assert response.status_code == 422
    fields = {tuple(err["loc"])[-1] for err in response.json()["detail"]}
    assert {"email", "full_name", "role", "password"} <= fields


def test_recruiter_cannot_create_users(api_as: Callable[..., TestClient]) -> None:
    recruiter = api_as(Role.RECRUITER)
    response = recruiter.post(
        "/api/v1/users",
        json={"email": "x@example.com", "full_name": "X", "role": "admin", "password": "long-enough-pw"},
    )
    assert response.status_code == 403


def test_revoked_token_stops_working(api_as: Callable[..., TestClient]) -> None:
    api = api_as(Role.RECRUITER)
    created = api.post("/api/v1/tokens", json={"name": "laptop"}).json()
    assert created["token"].startswith("tb_")
    api.headers["Authorization"] = f"Bearer {created['token']}"
    assert api.get("/api/v1/me").status_code == 200
    assert api.delete(f"/api/v1/tokens/{created['id']}").status_code == 200
    assert api.get("/api/v1/me").status_code == 401


def test_token_hash_not_secret_is_stored(api_as: Callable[..., TestClient], db: object) -> None:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from talentbridge.auth.models import ApiToken

    api = api_as(Role.RECRUITER)
    secret = api.post("/api/v1/tokens", json={}).json()["token"]
    assert isinstance(db, Session)
    hashes = db.scalars(select(ApiToken.token_hash)).all()
    assert secret not in hashes
    assert all(len(h) == 64 for h in hashes)


def test_token_use_is_recorded_to_the_minute_not_on_every_call(
    api_as: Callable[..., TestClient], db: object
) -> None:
    from datetime import timedelta

    from sqlalchemy import select, update
    from sqlalchemy.orm import Session

    from talentbridge.auth.models import ApiToken
    from talentbridge.kit.clock import utc_now

    assert isinstance(db, Session)
    api = api_as(Role.RECRUITER)
    assert api.get("/api/v1/me").status_code == 200
    first = db.scalars(select(ApiToken.last_used_at)).one()
    assert first is not None
    assert api.get("/api/v1/me").status_code == 200
    db.expire_all()
    assert db.scalars(select(ApiToken.last_used_at)).one() == first
    db.execute(update(ApiToken).values(last_used_at=utc_now() - timedelta(minutes=5)))
    db.commit()
    assert api.get("/api/v1/me").status_code == 200
    db.expire_all()
    refreshed = db.scalars(select(ApiToken.last_used_at)).one()
    assert refreshed is not None
    assert refreshed > utc_now() - timedelta(minutes=1)
