"""Benchmark: the ranking engine at 10k, 100k and 1M synthetic people.

Measures, per size (each in its own process so peak memory is per size):
  * index build time (rows + arrays; skills arrive with taxonomy ids, as the product stores them),
  * incremental upsert p50/p95 over 200 upserts (new people and changed people; vector given,
    i.e. excluding embedding, as the target says),
  * rank latency p50/p95 for top-100 *with explanations* over 30 varied jobs,
  * peak RSS (resource.getrusage) after building and ranking,
and, in the same run, two baselines:
  * plain bm25s (method "lucene") top-100 retrieval over the same tokens (no features, no
    explanations): index build time and query latency,
  * a naive per-person Python loop (set-based skill coverage + sort) timed on a 10k subset and
    extrapolated linearly to the size.

People are generated at run time from a fixed seed (never committed). The semantic part uses
random unit vectors (384 dims, like all-MiniLM-L6-v2) because embedding a million people is out
of scope here; the query vector is random too, so semantic ranks measure cost, not quality.

    .venv/bin/python benchmarks/bench_ranking_scale.py                    # 10k, 100k, 1M
    .venv/bin/python benchmarks/bench_ranking_scale.py --sizes 10000 100000
    .venv/bin/python benchmarks/bench_ranking_scale.py --no-vectors        # BM25 + features only
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from talentbridge.matching.engine.index import MatchIndex
from talentbridge.matching.engine.ranking import rank
from talentbridge.matching.engine.types import (
    CandidateProfile,
    JobSpec,
    LanguageRequirement,
    ProfileSkill,
    SkillRequirement,
)

SEED = 20261126
DIM = 384
JOBS = 30
UPSERTS = 200
TOP_K = 100
NAIVE_SUBSET = 10_000

SKILL_NAMES = [
    "Python",
    "PyTorch",
    "TensorFlow",
    "Keras",
    "scikit-learn",
    "pandas",
    "NumPy",
    "SQL",
    "PostgreSQL",
    "MySQL",
    "MongoDB",
    "Redis",
    "Kafka",
    "Spark",
    "Hadoop",
    "Airflow",
    "dbt",
    "Snowflake",
    "BigQuery",
    "Go",
    "Rust",
    "Java",
    "Kotlin",
    "Scala",
    "C++",
    "C#",
    "JavaScript",
    "TypeScript",
    "React",
    "Vue.js",
    "Angular",
    "Node.js",
    "Django",
    "Flask",
    "FastAPI",
    "Spring",
    "Boot",
    "Kubernetes",
    "Docker",
    "Terraform",
    "Ansible",
    "AWS",
    "Azure",
    "GCP",
    "Linux",
    "Git",
    "CI/CD",
    "Jenkins",
    "GraphQL",
    "REST",
    "gRPC",
    "Elasticsearch",
    "computer-vision",
    "NLP",
    "LLM",
    "transformers",
    "reinforcement-learning",
    "statistics",
    "A/B-testing",
    "Tableau",
    "Power-BI",
    "Excel",
    "Figma",
    "Swift",
    "iOS",
    "Android",
    "Flutter",
    "Unity",
    "CUDA",
    "OpenCV",
    "MLOps",
    "microservices",
    "distributed-systems",
    "security",
    "penetration-testing",
    "embedded",
    "FPGA",
    "Verilog",
    "MATLAB",
    "R",
    "Julia",
    "Haskell",
    "Elixir",
    "Ruby",
    "Rails",
    "PHP",
    "Laravel",
    "Solidity",
    "blockchain",
    "Hive",
    "Presto",
    "Flink",
    "ClickHouse",
    "Prometheus",
    "Grafana",
]
TITLES = [
    "Software Engineer",
    "Senior Software Engineer",
    "Data Scientist",
    "Senior Data Scientist",
    "Machine Learning Engineer",
    "ML Research Scientist",
    "Backend Engineer",
    "Frontend Engineer",
    "Full Stack Developer",
    "DevOps Engineer",
    "SRE",
    "Data Engineer",
    "Lead Data Engineer",
    "Engineering Manager",
    "Principal Engineer",
    "Junior Developer",
    "Mobile Developer",
    "Security Engineer",
    "Embedded Engineer",
    "Analytics Engineer",
    "Product Analyst",
    "QA Engineer",
    "Staff Engineer",
]
WORDS = [
    "built",
    "designed",
    "scaled",
    "led",
    "migrated",
    "optimised",
    "deployed",
    "maintained",
    "pipelines",
    "services",
    "platform",
    "models",
    "latency",
    "throughput",
    "customers",
    "team",
    "mentoring",
    "research",
    "production",
    "data",
    "infrastructure",
    "cloud",
    "search",
    "ranking",
    "recommendation",
    "payments",
    "analytics",
    "dashboards",
    "experiments",
    "monitoring",
    "reliability",
    "api",
    "mobile",
    "realtime",
    "streaming",
    "batch",
    "warehouse",
    "compliance",
    "fintech",
    "ecommerce",
    "healthcare",
    "logistics",
    "gaming",
    "robotics",
]
COUNTRIES = ("CN", "DE", "US", "GB", "IN", "SG", "NL", "PL", "FR", "CA", "JP", "BR", "ES", "SE", "VN")
FIELDS = (
    "Computer Science",
    "Software Engineering",
    "Mathematics",
    "Physics",
    "Electrical Engineering",
    "Statistics",
    "Economics",
    "Information Systems",
)
DEGREES = ("bachelor", "master", "doctorate", "associate", "secondary")
LEVELS = ("A2", "B1", "B2", "C1", "C2", "native")
HSK = ("HSK2", "HSK3", "HSK4", "HSK5", "HSK6", "native")


@dataclass(frozen=True)
class BenchSkill:
    id: str
    label: str


@dataclass(frozen=True)
class BenchRelated:
    skill: BenchSkill
    credit: float
    relation: str


class BenchTaxonomy:
    """A taxonomy over the benchmark's skill list (the engine only needs the protocol).

    The real taxonomy's ``extract_skills`` is measured separately (index-time cost per person);
    at a million people the build here skips free-text extraction, as documented in the output.
    """

    version = "bench"

    def __init__(self) -> None:
        self.by_id = {f"bench:{n.lower()}": BenchSkill(f"bench:{n.lower()}", n) for n in SKILL_NAMES}
        self.by_name = {s.label.lower(): s for s in self.by_id.values()}

    def lookup_skill(self, name: str) -> BenchSkill | None:
        return self.by_name.get(name.strip().lower())

    def skill(self, skill_id: str) -> BenchSkill | None:
        return self.by_id.get(skill_id)

    def related(self, skill_id: str) -> tuple[BenchRelated, ...]:
        pairs = {"pytorch": "tensorflow", "tensorflow": "pytorch", "postgresql": "mysql", "react": "vue.js"}
        other = pairs.get(skill_id.split(":", 1)[1])
        return (BenchRelated(self.by_id[f"bench:{other}"], 0.6, "same family"),) if other else ()

    def extract_skills(self, text: str, top_k: int = 20) -> list[Any]:
        del text, top_k  # people arrive with skill ids; free-text extraction is not measured here
        return []


class RandomEncoder:
    """Random unit query vectors, seeded by the text (cost stand-in for a real encoder)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = []
        for text in texts:
            rng = np.random.default_rng(abs(hash(text)) % (2**32))
            vector = rng.standard_normal(DIM).astype(np.float32)
            rows.append(vector / np.linalg.norm(vector))
        return np.stack(rows)


def synthetic_people(count: int, seed: int, start: int = 0) -> Iterator[CandidateProfile]:
    rng = np.random.default_rng(seed)
    popularity = 1.0 / np.arange(1, len(SKILL_NAMES) + 1) ** 0.8
    popularity /= popularity.sum()
    for i in range(start, start + count):
        n_skills = int(rng.integers(0, 13))
        chosen = rng.choice(len(SKILL_NAMES), size=n_skills, replace=False, p=popularity)
        skills = tuple(
            ProfileSkill(
                name=SKILL_NAMES[c],
                skill_id=f"bench:{SKILL_NAMES[c].lower()}",
                years=float(rng.integers(0, 12)) if rng.random() < 0.7 else None,
                last_used_year=int(rng.integers(2012, 2027)) if rng.random() < 0.6 else None,
            )
            for c in chosen
        )
        country = COUNTRIES[int(rng.integers(0, len(COUNTRIES)))]
        languages = [("en", LEVELS[int(rng.integers(0, len(LEVELS)))])]
        if country == "CN" or rng.random() < 0.15:
            languages.append(("zh", HSK[int(rng.integers(0, len(HSK)))] if country != "CN" else "native"))
        words = " ".join(WORDS[int(w)] for w in rng.integers(0, len(WORDS), size=25))
        yield CandidateProfile(
            id=f"person-{i:07d}",
            display_name="",
            skills=skills,
            titles=tuple(TITLES[int(t)] for t in rng.integers(0, len(TITLES), size=int(rng.integers(1, 3)))),
            total_years=float(rng.integers(0, 25)) if rng.random() < 0.9 else None,
            education=(
                (DEGREES[int(rng.integers(0, len(DEGREES)))], FIELDS[int(rng.integers(0, len(FIELDS)))]),
            ),
            languages=tuple(languages),
            publications=("Paper at NeurIPS",) if rng.random() < 0.02 else (),
            awards=("ACM ICPC regional medal",) if rng.random() < 0.01 else (),
            links=("https://github.com/x",) if rng.random() < 0.3 else (),
            country=country,
            willing_to_relocate=bool(rng.random() < 0.5) if rng.random() < 0.6 else None,
            work_model=("onsite", "hybrid", "remote")[int(rng.integers(0, 3))]
            if rng.random() < 0.5
            else None,
            text=f"{words} {' '.join(s.name for s in skills[:3])}",
        )


def synthetic_jobs(seed: int) -> list[JobSpec]:
    rng = np.random.default_rng(seed)
    jobs = []
    for j in range(JOBS):
        required = rng.choice(len(SKILL_NAMES), size=int(rng.integers(2, 7)), replace=False)
        preferred = rng.choice(len(SKILL_NAMES), size=int(rng.integers(0, 4)), replace=False)
        languages = [LanguageRequirement("en", ("B2", "C1")[j % 2])]
        if j % 3 == 0:
            languages.append(LanguageRequirement("zh", "HSK4", required=j % 2 == 0))
        jobs.append(
            JobSpec(
                id=f"job-{j}",
                title=TITLES[j % len(TITLES)],
                description=" ".join(WORDS[int(w)] for w in rng.integers(0, len(WORDS), size=60)),
                required_skills=tuple(
                    SkillRequirement(
                        SKILL_NAMES[c],
                        weight=float(rng.choice([0.5, 1.0, 2.0])),
                        must_have=k == 0 and j % 4 == 0,
                        min_years=float(rng.integers(1, 6)) if rng.random() < 0.4 else None,
                    )
                    for k, c in enumerate(required)
                ),
                preferred_skills=tuple(
                    SkillRequirement(SKILL_NAMES[c]) for c in preferred if c not in required
                ),
                min_years=float(rng.integers(0, 10)) or None,
                languages=tuple(languages),
                education_level=("bachelor", "master", None)[j % 3],
                education_fields=("Computer Science",) if j % 2 else (),
                country=COUNTRIES[j % len(COUNTRIES)],
                work_model=("onsite", "hybrid", "remote")[j % 3],
            )
        )
    return jobs


def random_unit_vectors(count: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed + 1)
    vectors = np.empty((count, DIM), dtype=np.float32)
    for start in range(0, count, 100_000):
        block = rng.standard_normal((min(100_000, count - start), DIM), dtype=np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        vectors[start : start + len(block)] = block
    return vectors


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def naive_scores(people: list[CandidateProfile], job: JobSpec) -> list[tuple[float, str]]:
    """The spreadsheet baseline: per person, weighted share of required skill names held."""
    wanted = [(r.name.lower(), r.weight) for r in job.required_skills]
    total = sum(w for _, w in wanted) or 1.0
    scored = []
    for profile in people:
        held = {s.name.lower() for s in profile.skills}
        scored.append((-sum(w for name, w in wanted if name in held) / total, profile.id))
    scored.sort()
    return scored[:TOP_K]


def run_size(size: int, use_vectors: bool) -> dict[str, Any]:
    taxonomy = BenchTaxonomy()
    jobs = synthetic_jobs(SEED)
    result: dict[str, Any] = {"size": size}
    vectors = random_unit_vectors(size, SEED) if use_vectors else None
    began = time.perf_counter()
    index = MatchIndex.build(
        synthetic_people(size, SEED), taxonomy, vectors=vectors, extract_text_skills=False
    )
    result["build_s"] = time.perf_counter() - began
    del vectors
    encoder = RandomEncoder() if use_vectors else None

    upsert_ms = []
    fresh = list(synthetic_people(UPSERTS // 2, SEED + 7, start=size))
    changed = list(synthetic_people(UPSERTS // 2, SEED + 8, start=0))  # same ids as existing people
    rng = np.random.default_rng(SEED + 9)
    for profile in [p for pair in zip(fresh, changed, strict=True) for p in pair]:
        vector = rng.standard_normal(DIM).astype(np.float32) if use_vectors else None
        began = time.perf_counter()
        index.upsert(profile, vector=vector)
        upsert_ms.append((time.perf_counter() - began) * 1000)
    result["upsert_p50_ms"], result["upsert_p95_ms"] = percentiles(upsert_ms)

    rank(index, jobs[0], taxonomy, top_k=TOP_K, encoder=encoder)  # warm-up (delta segment packed here)
    latencies, cpu = [], []
    for job in jobs:
        began, began_cpu = time.perf_counter(), time.process_time()
        results = rank(index, job, taxonomy, top_k=TOP_K, encoder=encoder)
        latencies.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
        assert len(results) == TOP_K
        assert all(r.features for r in results)
    result["rank_p50_ms"], result["rank_p95_ms"] = percentiles(latencies)
    result["rank_cpu_p50_ms"], result["rank_cpu_p95_ms"] = percentiles(cpu)
    result["peak_rss_mb"] = peak_rss_mb()

    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        index.save(Path(tmp) / "index")
        result["save_s"] = time.perf_counter() - began
        began = time.perf_counter()
        loaded = MatchIndex.load(Path(tmp) / "index", taxonomy)
        result["load_s"] = time.perf_counter() - began
        began = time.perf_counter()
        rank(loaded, jobs[1], taxonomy, top_k=TOP_K, encoder=encoder)
        result["first_rank_after_load_ms"] = (time.perf_counter() - began) * 1000
        del loaded

    # Baseline 1: plain bm25s over the same tokens, top-100, no features or explanations.
    import bm25s

    vocab = index.vocab.terms
    main = index.main
    corpus_ids = []
    indptr, cols, tf = (
        np.asarray(main.terms.indptr),
        np.asarray(main.terms.cols),
        np.asarray(main.terms.values["tf"]),
    )
    for i in range(len(main)):
        start, end = int(indptr[i]), int(indptr[i + 1])
        corpus_ids.append(np.repeat(cols[start:end], tf[start:end]).tolist())
    del index
    began = time.perf_counter()
    retriever = bm25s.BM25(method="lucene", k1=1.5, b=0.75)
    retriever.index(
        bm25s.tokenization.Tokenized(ids=corpus_ids, vocab=dict(vocab.index)), show_progress=False
    )
    result["bm25s_build_s"] = time.perf_counter() - began
    del corpus_ids
    bm25_latencies, bm25_cpu = [], []
    from talentbridge.matching.engine.job import job_context

    for job in jobs:
        context = job_context(job, taxonomy, MatchIndexVocab(vocab))
        query = [col for _, col in context.query]
        began, began_cpu = time.perf_counter(), time.process_time()
        scores = retriever.get_scores(query)
        top = np.argpartition(-scores, TOP_K)[:TOP_K]
        top = top[np.argsort(-scores[top], kind="stable")]
        bm25_latencies.append((time.perf_counter() - began) * 1000)
        bm25_cpu.append((time.process_time() - began_cpu) * 1000)
    result["bm25s_p50_ms"], result["bm25s_p95_ms"] = percentiles(bm25_latencies)
    result["bm25s_cpu_p50_ms"], _ = percentiles(bm25_cpu)

    # Baseline 2: a naive Python loop on a 10k subset, extrapolated linearly.
    subset = list(synthetic_people(min(NAIVE_SUBSET, size), SEED))
    naive = []
    naive_cpu = []
    for job in jobs[:10]:
        began, began_cpu = time.perf_counter(), time.process_time()
        naive_scores(subset, job)
        naive.append((time.perf_counter() - began) * 1000 * size / len(subset))
        naive_cpu.append((time.process_time() - began_cpu) * 1000 * size / len(subset))
    result["naive_p50_ms"], _ = percentiles(naive)
    result["naive_cpu_p50_ms"], _ = percentiles(naive_cpu)
    return result


class MatchIndexVocab:
    """Just enough of Vocabularies for job_context's query building in the bm25s baseline."""

    def __init__(self, terms: Any) -> None:
        from talentbridge.matching.engine.rows import Vocab

        self.terms = terms
        self.skills = Vocab()
        self.languages = Vocab()
        self.fields = Vocab()
        self.countries = Vocab()


def print_table(rows: list[dict[str, Any]], use_vectors: bool) -> None:
    load = os.getloadavg()
    print(
        f"\nRanking scale benchmark — {os.cpu_count()} CPUs, "
        f"load average {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}"
        f", semantic part: {'random unit vectors, 384 dims' if use_vectors else 'off'}"
    )
    print(
        "wall times suffer from other load on a shared machine; CPU times (process_time, all threads) "
        "are the load-independent figure"
    )
    print(
        "targets at 1M: rank top-100 with explanations p50 < 300 ms, p95 < 600 ms; "
        "upsert < 50 ms; peak < 4 GB\n"
    )
    header = (
        "people",
        "build s",
        "upsert p50/p95 ms",
        "rank p50/p95 ms (wall)",
        "rank CPU p50/p95 ms",
        "peak RSS MB",
        "save s",
        "load s",
        "bm25s top-100 p50/p95 ms (CPU p50)",
        "rank / bm25s (CPU)",
        "naive loop ms extrap. (CPU)",
        "naive / rank (CPU)",
    )
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    nan = float("nan")
    for r in rows:
        rank_cpu, bm25_cpu, naive_cpu = (
            r.get("rank_cpu_p50_ms", nan),
            r.get("bm25s_cpu_p50_ms", nan),
            r.get("naive_cpu_p50_ms", nan),
        )
        print(
            " | ".join(
                [
                    f"{r['size']:,}",
                    f"{r['build_s']:.1f}",
                    f"{r['upsert_p50_ms']:.2f} / {r['upsert_p95_ms']:.2f}",
                    f"{r['rank_p50_ms']:.0f} / {r['rank_p95_ms']:.0f}",
                    f"{rank_cpu:.0f} / {r.get('rank_cpu_p95_ms', nan):.0f}",
                    f"{r['peak_rss_mb']:.0f}",
                    f"{r['save_s']:.1f}",
                    f"{r['load_s']:.2f}",
                    f"{r['bm25s_p50_ms']:.0f} / {r['bm25s_p95_ms']:.0f} ({bm25_cpu:.0f})",
                    f"{rank_cpu / max(bm25_cpu, 1e-3):.1f}x",
                    f"{r['naive_p50_ms']:.0f} ({naive_cpu:.0f})",
                    f"{naive_cpu / rank_cpu:.2f}x",
                ]
            )
        )
    print(
        "\nbm25s baseline: lexical retrieval only (no features, no explanations); its build time per size: "
        + ", ".join(f"{r['size']:,}: {r['bm25s_build_s']:.1f} s" for r in rows)
    )
    print(
        "naive baseline: set-based required-skill coverage per person in a Python loop, timed on "
        f"{NAIVE_SUBSET:,} people and scaled linearly; no explanations, no other features."
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--no-vectors", action="store_true", help="leave out the semantic part")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    use_vectors = not args.no_vectors
    if args.child:
        print(json.dumps(run_size(args.child, use_vectors)))
        return
    rows = []
    for size in args.sizes:
        print(f"size {size:,} ...", file=sys.stderr, flush=True)
        command = [sys.executable, __file__, "--child", str(size)] + (
            ["--no-vectors"] if not use_vectors else []
        )
        completed = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 (our own script)
        if completed.returncode != 0:
            print(completed.stderr, file=sys.stderr)
            raise SystemExit(f"size {size} failed")
        rows.append(json.loads(completed.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    print_table(rows, use_vectors)


if __name__ == "__main__":
    main()
