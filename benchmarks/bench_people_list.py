"""Benchmark: how fast the people list and search answer as the database grows.

Prints one table row per (size, operation): p50 and p95 latency through the real HTTP stack
(authentication, visibility filter, pagination, serialisation) and, in the same run, the baseline
— the bare SQL query for the same page — with the ratio between them. Data is generated at run
time (never committed).

    .venv/bin/python benchmarks/bench_people_list.py                 # SQLite, 1k and 10k people
    .venv/bin/python benchmarks/bench_people_list.py --sizes 1000 50000 \
        --database-url postgresql://postgres@127.0.0.1:5432/tb_bench   # an empty PostgreSQL db
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, delete, insert, text
from starlette.testclient import TestClient

from talentbridge.app import create_app
from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.schemas import TokenCreate, UserCreate
from talentbridge.config import Settings
from talentbridge.db import migrate
from talentbridge.db.registry import Base
from talentbridge.db.session import engine_for, session_factory, unit_of_work
from talentbridge.people.models import Person, PersonEmail, PersonSkill

SKILLS = ["Python", "PyTorch", "SQL", "Go", "Kubernetes", "NLP", "Computer Vision", "Spark", "React", "Rust"]
REPEATS = 30


def populate(engine: Engine, count: int, rng: random.Random) -> None:
    """Insert ``count`` people with an e-mail and three skills each, in bulk."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    people, emails, skills = [], [], []
    for index in range(count):
        person_id = uuid.uuid4()
        created = start + timedelta(seconds=index)
        people.append(
            {"id": person_id, "first_name": f"Given{index}", "last_name": f"Family{index}",
             "name_key": f"given{index} family{index}", "nationalities": [], "links": {}, "publications": [],
             "awards": [], "summary": "", "version": 1, "created_at": created, "updated_at": created}
        )  # fmt: skip
        emails.append({"id": uuid.uuid4(), "person_id": person_id, "email": f"p{index}@example.com",
                       "normalized": f"p{index}@example.com", "position": 0})  # fmt: skip
        for name in rng.sample(SKILLS, 3):
            skills.append(
                {"id": uuid.uuid4(), "person_id": person_id, "name": name, "normalized": name.lower()}
            )
    with engine.begin() as conn:
        batches: tuple[tuple[list[dict[str, object]], type[Base]], ...] = (
            (people, Person),
            (emails, PersonEmail),
            (skills, PersonSkill),
        )
        for rows, model in batches:
            for offset in range(0, len(rows), 5000):
                conn.execute(insert(model), rows[offset : offset + 5000])


def timed(call: Callable[[], object]) -> tuple[float, float]:
    """p50 and p95 in milliseconds over REPEATS calls (after one warm-up call)."""
    call()
    samples = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def api_client(settings: Settings) -> TestClient:
    """A client authenticated as a recruiter."""
    factory = session_factory(engine_for(settings.effective_database_url))
    with unit_of_work(factory) as session:
        data = UserCreate(
            email=f"bench-{uuid.uuid4().hex[:6]}@example.com",
            full_name="Bench",
            role=Role.RECRUITER,
            password=uuid.uuid4().hex,
        )
        user = auth_service.create_user(session, Actor.system(), data)
        _, secret = auth_service.create_token(
            session, auth_service.actor_for(user), TokenCreate(name="bench")
        )
    client = TestClient(create_app(settings))
    client.headers["Authorization"] = f"Bearer {secret}"
    return client


BASELINE_PAGE = "SELECT id, first_name, last_name FROM people ORDER BY created_at DESC, id DESC LIMIT 50"
BASELINE_SKILL = (
    "SELECT p.id FROM people p JOIN person_skills s ON s.person_id = p.id "
    "WHERE s.normalized = 'pytorch' ORDER BY p.created_at DESC LIMIT 50"
)


def _operations(client: TestClient, cursor: str) -> list[tuple[str, Callable[[], object], str]]:
    """(name, API call, equivalent bare SQL) for each measured operation."""
    return [
        ("GET /me (HTTP + auth only)", lambda: client.get("/api/v1/me"), "SELECT 1"),
        ("first page (50)", lambda: client.get("/api/v1/people?limit=50"), BASELINE_PAGE),
        ("next page by cursor", lambda: client.get(f"/api/v1/people?limit=50&cursor={cursor}"),
         BASELINE_PAGE + " OFFSET 50"),
        ("search by name", lambda: client.get("/api/v1/people?q=Given777&limit=50"),
         "SELECT id FROM people WHERE name_key LIKE '%given777%' LIMIT 50"),
        ("filter by skill", lambda: client.get("/api/v1/people?skill=pytorch&limit=50"), BASELINE_SKILL),
    ]  # fmt: skip


def wipe(engine: Engine) -> None:
    """Empty every table (between sizes)."""
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(delete(table))


def run(database_url: str, sizes: list[int], data_dir: Path) -> list[tuple[str, ...]]:
    """Measure every operation at every size; return table rows."""
    migrate.upgrade(database_url)
    engine = engine_for(database_url)
    settings = Settings(data_dir=data_dir, database_url=database_url, password_hash_fast=True)
    rows: list[tuple[str, ...]] = []
    for size in sizes:
        wipe(engine)
        populate(engine, size, random.Random(size))
        client = api_client(settings)
        page = client.get("/api/v1/people?limit=50").json()
        operations = _operations(client, page["next_cursor"])
        for name, call, baseline_sql in operations:
            assert client.get("/api/v1/people?limit=1").status_code == 200
            app_p50, app_p95 = timed(call)
            with engine.connect() as conn:
                base_p50, _ = timed(lambda sql=baseline_sql: conn.execute(text(sql)).all())  # type: ignore[misc]
            rows.append(
                (
                    f"{size:,}",
                    name,
                    f"{app_p50:.1f}",
                    f"{app_p95:.1f}",
                    f"{base_p50:.2f}",
                    f"{app_p50 / base_p50:.0f}x",
                )
            )
        client.close()
    wipe(engine)
    return rows


def main() -> None:
    """Parse arguments, run, print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument(
        "--database-url", default=None, help="an EMPTY database (default: a temporary SQLite file)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        rows = run(url, args.sizes, Path(tmp))
    header = ("people", "operation", "API p50 ms", "API p95 ms", "SQL baseline p50 ms", "API / baseline")
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    for row in (header, tuple("-" * width for width in widths), *rows):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory: {peak_mb:.0f} MB ({'PostgreSQL' if args.database_url else 'SQLite'})")


if __name__ == "__main__":
    main()
