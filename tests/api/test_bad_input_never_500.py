"""Bad input never makes the server answer 500: every write endpoint, every kind of junk.

The endpoints come from the app's OpenAPI document, so new ones are covered automatically. Each
gets malformed JSON, wrong types, nulls, huge and hostile strings, unknown fields and bad ids;
the answer must be a 4xx with a JSON body that says what is wrong.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from starlette.testclient import TestClient

from talentbridge.auth.enums import Role

JUNK_VALUES: list[Any] = [
    None,
    "",
    "x" * 100_000,
    -1,
    10**30,
    1.5e308,
    True,
    [],
    {},
    ["nested", {"deep": [1, 2, {"x": None}]}],
    "'; DROP TABLE people; --",
    "<script>alert(1)</script>",
    "\u0000\ud7ff\uffff",
    "2026-13-45",
    "not-a-uuid",
]


def _write_operations(app: FastAPI) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, JSON-schema properties of the body) for every POST/PUT/PATCH."""
    spec = app.openapi()
    schemas = spec["components"]["schemas"]
    operations = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            if method not in {"post", "put", "patch"}:
                continue
            content = operation.get("requestBody", {}).get("content", {})
            schema = content.get("application/json", {}).get("schema", {})
            ref = schema.get("$ref", "")
            properties = schemas.get(ref.rsplit("/", 1)[-1], {}).get("properties", {}) if ref else {}
            operations.append((method.upper(), path, properties))
    return operations


def _bodies(properties: dict[str, Any]) -> list[Any]:
    bodies: list[Any] = [None, [], "text", 12, {"unexpected_field": 1}]
    for junk in JUNK_VALUES:
        bodies.append(dict.fromkeys(properties, junk))
    for name in properties:
        bodies.extend({name: junk} for junk in JUNK_VALUES[:6])
    return bodies


def test_no_write_endpoint_answers_500_to_junk(app: FastAPI, api_as: Callable[..., TestClient]) -> None:
    admin = api_as(Role.ADMIN)
    person = admin.post("/api/v1/people", json={"first_name": "Junk", "emails": ["junk@example.com"]}).json()
    ids = {"person_id": person["id"]}
    sent = 0
    for method, path, properties in _write_operations(app):
        url = path
        for name in ("person_id", "job_id", "hub_id", "application_id", "source_id", "reason_id", "user_id"):
            url = url.replace("{" + name + "}", ids.get(name, str(uuid.uuid4())))
        for path_junk in ("", "not-a-uuid"):
            if path_junk and "{" not in path:
                continue
            target = url if not path_junk else path.split("{", 1)[0] + path_junk
            for body in _bodies(properties):
                response = admin.request(method, target, json=body)
                sent += 1
                assert response.status_code < 500, f"{method} {path} with {str(body)[:200]!r}"
                assert response.headers["content-type"].startswith("application/json"), (method, path)
        raw = admin.request(method, url, content=b"{not json", headers={"Content-Type": "application/json"})
        assert 400 <= raw.status_code < 500, f"{method} {path} with invalid JSON -> {raw.status_code}"
    assert sent > 500
