"""Junk form posts never make a page answer 500: every POST route, every kind of junk.

The routes are read from the app's router, so new page forms are covered automatically. An
administrator (who may reach every form) posts, with a valid CSRF token: an empty form, empty
fields, huge and hostile strings, NUL bytes, values of the wrong type, repeated and unknown
fields, and files where text is expected; path parameters are the ids of real objects, random
UUIDs and non-UUIDs. Any answer is fine (re-rendered form, 303, 403, 404, 413, 422, 429) except
a 5xx.

Field names are harvested from the templates and the page modules, so the junk reaches the
fields a form really reads.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from page_helpers import csrf_of
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.routing import BaseRoute
from starlette.testclient import TestClient

import talentbridge
from factories.jobs import make_application, make_job, make_source
from talentbridge.auth import service as auth_service
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.auth.schemas import TokenCreate
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.models import RejectionReason
from talentbridge.web.formatting import zone
from talentbridge.web.labels import timezone_choices

PACKAGE_DIR = Path(talentbridge.__file__).parent

# Names built in templates from loop indexes or ids, which the harvest below cannot see.
INDEXED_FIELDS = (
    "name_0",
    "category_0",
    "lang_0_language",
    "lang_0_level",
    "lang_0_required",
    "link_0",
    "detail-0-key",
    "detail-0-value",
    f"team_{uuid.uuid4()}",
)
UNKNOWN_FIELDS = {"unexpected_field": "1", "__proto__": "x", "id": str(uuid.uuid4())}

JUNK_STRINGS: dict[str, str] = {
    "empty": "",
    "blank": "   \t\n ",
    "huge": "x" * 20_000,
    "script": "<script>alert(1)</script>",
    "nul": "a\x00b\x00",
    "surrogate-ish": "\ud7ff\uffff\u202e",
    "sql": "'; DROP TABLE people; --",
    "negative": "-1",
    "huge-number": "9" * 400,
    "float": "1e309",
    "nan": "NaN",
    "bool": "true",
    "json": '{"a": [1, 2]}',
    "bad-date": "2026-02-30",
    "not-a-uuid": "not-a-uuid",
    "random-uuid": str(uuid.uuid4()),
}


@dataclass(frozen=True)
class PostRoute:
    """A page route that accepts POST, as the app mounts it."""

    path: str
    name: str
    params: tuple[str, ...]


def _walk(routes: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    """(full path, route) for every APIRoute, looking inside included routers.

    FastAPI 0.165 wraps each included router in an opaque route object holding the original
    router (``original_router``) and the include's prefix (``include_context.prefix``).
    """
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            yield from _walk(inner.routes, prefix + str(getattr(context, "prefix", "") or ""))
        elif isinstance(route, APIRoute):
            yield prefix + route.path, route


def post_routes(app: FastAPI) -> list[PostRoute]:
    """Every POST route of the web pages (the JSON API has its own never-500 test)."""
    found = {
        (path, route.name): PostRoute(path, route.name, tuple(route.param_convertors))
        for path, route in _walk(app.router.routes)
        if "POST" in (route.methods or set()) and not path.startswith("/api")
    }
    return sorted(found.values(), key=lambda route: route.path)


def _app_for_listing() -> FastAPI:
    """An app built only to list its routes at collection time (no database is touched)."""
    from talentbridge.app import create_app
    from talentbridge.config import Settings

    settings = Settings(
        env="test",
        data_dir=Path("/nonexistent-never-used"),
        database_url="sqlite:///:memory:",
        secret_key="listing-only-secret-key-that-is-long-enough-0123",
        password_hash_fast=True,
        mail_backend="memory",
    )
    return create_app(settings)


def _field_names() -> list[str]:
    """Form field names read by pages: from templates and from the page modules' sources."""
    names: set[str] = set()
    for template in (PACKAGE_DIR / "web" / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        names.update(re.findall(r'name="([A-Za-z_][\w-]*)"', text))
        names.update(re.findall(r'\w*field\(\s*\w+,\s*"([A-Za-z_][\w-]*)"', text))
    for module in PACKAGE_DIR.rglob("*.py"):
        if "web" not in module.parts and module.stem != "web":
            continue
        text = module.read_text(encoding="utf-8")
        names.update(re.findall(r'\.get(?:list)?\(\s*"([A-Za-z_][\w-]*)"', text))
        for call in re.findall(r"from_form\(([^)]*)\)", text):
            names.update(re.findall(r'"([A-Za-z_][\w-]*)"', call))
        for group in re.findall(r"_FIELDS\s*=\s*\(([^)]*)\)", text):
            names.update(re.findall(r'"([A-Za-z_][\w-]*)"', group))
    names.update(INDEXED_FIELDS)
    names -= {"csrf_token", "viewport", "color-scheme"}
    return sorted(names)


try:
    ROUTES = post_routes(_app_for_listing())
except Exception:  # pragma: no cover - the listing app could not be built; the test says so
    ROUTES = []
FIELDS = _field_names()

Payload = tuple[str, dict[str, Any], dict[str, Any] | None]  # (label, data, files)


def _payloads() -> list[Payload]:
    payloads: list[Payload] = [("no fields", {}, None), ("unknown fields", dict(UNKNOWN_FIELDS), None)]
    payloads.extend(
        (f"every field {label}", dict.fromkeys(FIELDS, junk), None) for label, junk in JUNK_STRINGS.items()
    )
    payloads.append(("every field repeated", {name: ["a", "b", ""] for name in FIELDS}, None))
    payloads.append(("one huge field", {FIELDS[0]: "y" * 2_000_000}, None))
    files = dict.fromkeys(FIELDS, ("junk.txt", b"\x00\xff junk", "application/octet-stream"))
    payloads.append(("a file in every field", dict(UNKNOWN_FIELDS), files))
    return payloads


PAYLOADS = _payloads()
FEW_PAYLOADS = [
    payload for payload in PAYLOADS if payload[0] in {"no fields", "every field empty", "every field script"}
]


def test_every_page_form_is_found() -> None:
    names = {route.name for route in ROUTES}
    assert {"login_submit", "logout", "settings_profile_save", "settings_users_create"} <= names
    assert len(ROUTES) >= 10


@pytest.fixture
def real_ids(session_factory: sessionmaker[Session], make_user: Callable[..., User]) -> dict[str, str]:
    """Ids of real objects by path-parameter name, so junk reaches past the look-ups."""
    other = make_user(Role.RECRUITER)
    with session_factory() as session:
        job = make_job(session)
        application = make_application(session, job=job)
        source = make_source(session)
        pipeline_service.ensure_defaults(session)
        reason = session.scalars(select(RejectionReason)).first()
        token, _secret = auth_service.create_token(
            session, auth_service.actor_for(other), TokenCreate(name="junk target")
        )
        ids = {
            "job_id": job.id,
            "hub_id": job.hub_id,
            "application_id": application.id,
            "person_id": application.person_id,
            "source_id": source.id,
            "user_id": other.id,
            "token_id": token.id,
            "reason_id": reason.id if reason is not None else uuid.uuid4(),
        }
        session.commit()
    return {name: str(value) for name, value in ids.items()}


def _fill(path: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda match: values[match.group(1)], path)


@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_junk_posts_never_answer_5xx(
    browser: Callable[..., TestClient], real_ids: dict[str, str], route: PostRoute
) -> None:
    client = browser(Role.ADMIN)
    token = csrf_of(client.get("/settings/profile").text)
    variants: list[tuple[str, dict[str, str], list[Payload]]] = []
    if route.params:
        variants.append(("real ids", {p: real_ids.get(p, str(uuid.uuid4())) for p in route.params}, PAYLOADS))
        variants.append(("random UUIDs", {p: str(uuid.uuid4()) for p in route.params}, FEW_PAYLOADS))
        variants.append(("not UUIDs", dict.fromkeys(route.params, "not-a-uuid"), FEW_PAYLOADS[:1]))
    else:
        variants.append(("", {}, PAYLOADS))
    failures, statuses = [], set()
    for variant, values, payloads in variants:
        url = _fill(route.path, values)
        for label, data, files in payloads:
            response = client.post(
                url, data={**data, "csrf_token": token}, files=files, follow_redirects=False
            )
            statuses.add(response.status_code)
            if response.status_code >= 500:
                failures.append(f"POST {url} ({variant}) with {label}: {response.status_code}")
    assert not failures, "\n".join(failures)
    assert statuses - {403}, "every post was refused: the junk never reached the route"


@pytest.mark.parametrize("name", ["9" * 400, "Europe", "../etc/passwd", "a\x00b", "Not/AZone", ""])
def test_junk_time_zone_names_fall_back_to_utc(name: str) -> None:
    # Found by the test above: a junk time zone redisplayed in a form failed the page (OSError).
    assert zone(name).key == "UTC"
    if name:
        assert timezone_choices(name)[0] == (name, f"{name} (UTC+00:00)")
