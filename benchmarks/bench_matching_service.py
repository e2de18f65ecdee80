# ruff: noqa: E501  (report table lines, printed report)
"""Benchmark: matching as the product runs it, database to explained ranking.

Seeds a SQLite database (temporary) with N synthetic people (skills, languages, one position
each) and 20 jobs, then measures through ``matching.service`` / ``matching.indexing``:

* quick build (what a request does when no index exists: no free-text skill extraction),
* full build (what the background task and the demo do),
* ``job_matches`` latency, top 50 with explanations (p50 / p95 over varied weights and filters),
* incremental update of one changed person (``update_people``: re-read, upsert, journal),
* ``person_job_matches`` (one person against every job).

The baseline measured in the same run is "no persisted index": building the index inside each
request (the quick build) plus one ranking, so the ratio shows what persisting buys.
Semantic embeddings are off (TALENTBRIDGE_MATCHING_SEMANTIC=false): they are measured by
bench_ranking_scale.py.

    .venv/bin/python benchmarks/bench_matching_service.py [--sizes 400,10000] [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

os.environ["TALENTBRIDGE_MATCHING_SEMANTIC"] = "false"

from sqlalchemy import insert
from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.db import migrate
from talentbridge.db.session import engine_for, session_factory
from talentbridge.jobs.models import Hub, Job, JobLanguage, JobSkill
from talentbridge.matching import index_store, indexing, service
from talentbridge.matching.schemas import MatchQuery
from talentbridge.people.models import Experience, Person, PersonLanguage, PersonSkill

SKILLS = [
    "Python",
    "PyTorch",
    "TensorFlow",
    "Go",
    "Rust",
    "Java",
    "Kubernetes",
    "SQL",
    "Spark",
    "C++",
    "React",
    "TypeScript",
    "NLP",
    "Computer vision",
    "scikit-learn",
    "Docker",
    "AWS",
    "Excel",
    "Statistics",
    "Mandarin",
    "Product management",
    "CUDA",
    "Kafka",
    "PostgreSQL",
    "Airflow",
]
COUNTRIES = ["CN", "DE", "US", "SG", "GB", "IN", "FR", "JP"]
ZONES = {
    "CN": "Asia/Shanghai",
    "DE": "Europe/Berlin",
    "US": "America/Los_Angeles",
    "SG": "Asia/Singapore",
    "GB": "Europe/London",
    "IN": "Asia/Kolkata",
    "FR": "Europe/Paris",
    "JP": "Asia/Tokyo",
}
LEVELS = ["B1", "B2", "C1", "C2", "native"]


def seed(session: Session, people: int, rng: random.Random) -> list[uuid.UUID]:
    """Insert people and jobs with core inserts (seeding is not what is measured)."""
    now = datetime.now(UTC)
    person_rows, skill_rows, language_rows, experience_rows = [], [], [], []
    for index in range(people):
        pid = uuid.uuid4()
        country = rng.choice(COUNTRIES)
        person_rows.append(
            {
                "id": pid,
                "first_name": f"P{index}",
                "last_name": "Bench",
                "name_key": f"p{index}",
                "location_country": country,
                "timezone": ZONES[country],
                "links": {},
                "publications": [],
                "awards": [],
                "nationalities": [],
                "summary": "",
                "version": 1,
                "created_at": now,
                "updated_at": now,
                "current_title": "Engineer",
            }
        )
        for name in rng.sample(SKILLS, k=rng.randint(3, 8)):
            skill_rows.append(
                {"id": uuid.uuid4(), "person_id": pid, "name": name, "normalized": name.lower()}
            )
        language_rows.append(
            {"id": uuid.uuid4(), "person_id": pid, "language": "en", "level": rng.choice(LEVELS)}
        )
        start = rng.randint(2005, 2023)
        experience_rows.append(
            {
                "id": uuid.uuid4(),
                "person_id": pid,
                "title": "Engineer",
                "employer": "Co",
                "start_date": date(start, 1, 1),
                "description": "Built systems with " + ", ".join(rng.sample(SKILLS, k=3)),
                "position": 0,
            }
        )
    for table, rows in (
        (Person, person_rows),
        (PersonSkill, skill_rows),
        (PersonLanguage, language_rows),
        (Experience, experience_rows),
    ):
        for start in range(0, len(rows), 5000):
            session.execute(insert(table), rows[start : start + 5000])
    hub = Hub(name="Shenzhen", city="Shenzhen", country="CN", timezone="Asia/Shanghai", currency="CNY")
    session.add(hub)
    session.flush()
    job_ids = []
    for index in range(20):
        required = rng.sample(SKILLS, k=4)
        job = Job(
            title=f"Job {index}",
            role_family="algorithm_ml",
            level="senior",
            hub_id=hub.id,
            work_model="hybrid",
            status="open",
            min_years_experience=3,
            description_md="Build ranking systems.",
        )
        job.skills = [
            JobSkill(
                name=name, normalized=name.lower(), required=True, weight=3.0 if n == 0 else 2.0, position=n
            )
            for n, name in enumerate(required)
        ]
        job.languages = [JobLanguage(language="en", min_level="B2", required=True)]
        session.add(job)
        session.flush()
        job_ids.append(job.id)
    session.commit()
    return job_ids


def timed(action: Callable[..., object], *args: object, **kwargs: object) -> float:
    """Milliseconds one call takes."""
    start = time.perf_counter()
    action(*args, **kwargs)
    return (time.perf_counter() - start) * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(size: int, runs: int, rng: random.Random) -> dict[str, float]:
    workdir = Path(tempfile.mkdtemp(prefix="bench-matching-"))
    url = f"sqlite:///{workdir / 'bench.db'}"
    migrate.upgrade(url)
    factory = session_factory(engine_for(url))
    with factory() as session:
        job_ids = seed(session, size, rng)
    directory = workdir / "matching" / "index"
    actor = Actor.system()
    figures: dict[str, float] = {}
    with factory() as session:
        figures["quick_build_ms"] = timed(
            indexing.rebuild_index, session, directory=directory, read_text=False
        )
        index_store.forget()
        figures["full_build_ms"] = timed(
            indexing.rebuild_index, session, directory=directory, release_rows=True
        )
    latencies = []
    with factory() as session:
        service.job_matches(session, actor, job_ids[0], MatchQuery(top=50), directory=directory)  # warm
        for run_index in range(runs):
            query = MatchQuery(
                top=50,
                weight_skills=rng.choice([0.2, 0.4, 0.8]),
                must_have_only=run_index % 3 == 0,
                country="CN" if run_index % 4 == 0 else None,
            )
            job_id = job_ids[run_index % len(job_ids)]
            latencies.append(timed(service.job_matches, session, actor, job_id, query, directory=directory))
        figures["rank_p50_ms"] = statistics.median(latencies)
        figures["rank_p95_ms"] = percentile(latencies, 0.95)
        people = session.query(Person).limit(runs).all()
        updates = []
        for person in people:
            person.summary = "Now also works with Kafka and Airflow."
            person.version += 1
            session.flush()
            updates.append(
                timed(indexing.update_people, session, directory=directory, person_ids=[person.id])
            )
        figures["update_p50_ms"] = statistics.median(updates)
        person_id = people[0].id
        figures["best_jobs_ms"] = statistics.median(
            timed(service.person_job_matches, session, actor, person_id) for _ in range(5)
        )
        session.rollback()
    figures["baseline_no_index_ms"] = figures["quick_build_ms"] + figures["rank_p50_ms"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="400,10000")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    indexing.taxonomy()  # loaded once per process; not part of any figure
    print(
        "| people | quick build | full build | rank p50 | rank p95 | update p50 | best jobs | no-index baseline | baseline / rank |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(value) for value in args.sizes.split(",")):
        f = run(size, args.runs, rng)
        print(
            f"| {size:,} | {f['quick_build_ms']:.0f} ms | {f['full_build_ms']:.0f} ms | {f['rank_p50_ms']:.1f} ms | "
            f"{f['rank_p95_ms']:.1f} ms | {f['update_p50_ms']:.1f} ms | {f['best_jobs_ms']:.1f} ms | "
            f"{f['baseline_no_index_ms']:.0f} ms | {f['baseline_no_index_ms'] / f['rank_p50_ms']:.1f}x |",
            flush=True,
        )


if __name__ == "__main__":
    main()
