"""The index: incremental upsert/remove, save/load round trips, deterministic ties, BM25 fidelity."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest
from matching_engine_fakes import FakeTaxonomy, job, person

from talentbridge.matching.engine.config import engine_config
from talentbridge.matching.engine.index import MatchIndex
from talentbridge.matching.engine.job import idf
from talentbridge.matching.engine.ranking import rank
from talentbridge.matching.engine.types import (
    CandidateProfile,
    JobSpec,
    LanguageRequirement,
    ProfileSkill,
    RankedCandidate,
    SkillRequirement,
    Weights,
)

TAXONOMY = FakeTaxonomy()
SKILLS = ["Python", "PyTorch", "TensorFlow", "SQL", "Go", "Kubernetes", "Docker"]


def people(count: int, seed: int = 7) -> list[CandidateProfile]:
    rng = np.random.default_rng(seed)
    result = []
    for i in range(count):
        chosen = rng.choice(SKILLS, size=int(rng.integers(0, 4)), replace=False)
        result.append(
            person(
                f"p{i:03d}",
                skills=tuple(
                    ProfileSkill(
                        str(s), years=float(rng.integers(0, 9)), last_used_year=int(rng.integers(2015, 2027))
                    )
                    for s in chosen
                ),
                titles=("Software Engineer",) if i % 2 else ("Data Scientist",),
                languages=(("en", str(rng.choice(["B1", "B2", "C1"]))),),
                total_years=float(rng.integers(0, 12)),
                country=str(rng.choice(["DE", "CN", "US"])),
                text=f"worked on {' and '.join(chosen)} projects" if i % 3 else "",
            )
        )
    return result


JOB = job(
    title="Machine learning engineer",
    description="PyTorch models in Python on Kubernetes",
    required_skills=(
        SkillRequirement("PyTorch"),
        SkillRequirement("Python"),
        SkillRequirement("Kubernetes", weight=0.5),
    ),
    languages=(LanguageRequirement("en", "B2"),),
    min_years=4,
    country="DE",
)


def ranking(index: MatchIndex, spec: JobSpec = JOB, top_k: int = 50) -> list[tuple[str, float]]:
    return [(r.id, r.score) for r in rank(index, spec, TAXONOMY, top_k=top_k, reference_year=2026)]


def explained(index: MatchIndex) -> list[RankedCandidate]:
    return rank(index, JOB, TAXONOMY, top_k=50, reference_year=2026)


def test_upsert_and_remove_equal_a_fresh_build() -> None:
    base = people(60)
    index = MatchIndex.build(base[:40], TAXONOMY)
    for profile in base[40:]:
        index.upsert(profile)
    changed = person("p005", skills=(ProfileSkill("PyTorch", years=9, last_used_year=2026),), total_years=9.0)
    index.upsert(changed)
    index.remove("p010")
    index.remove("does-not-exist")
    expected_people = [changed if p.id == "p005" else p for p in base if p.id != "p010"]
    fresh = MatchIndex.build(expected_people, TAXONOMY)
    assert len(index) == len(fresh) == 59
    # Before compaction the delta's BM25 length normalisation uses the main segment's average
    # document length, so only retrieval may differ; every other feature is already identical.
    no_retrieval = Weights(**{**asdict(engine_config().weights), "retrieval": 0.0})
    assert without_retrieval(index, no_retrieval) == without_retrieval(fresh, no_retrieval)
    index.compact()
    assert ranking(index) == ranking(fresh)
    assert explained(index) == explained(fresh)


def without_retrieval(index: MatchIndex, weights: Weights) -> list[tuple[str, float]]:
    return [
        (r.id, r.score) for r in rank(index, JOB, TAXONOMY, top_k=60, weights=weights, reference_year=2026)
    ]


def test_save_and_load_round_trip_with_pending_delta(tmp_path: Path) -> None:
    base = people(50)
    index = MatchIndex.build(base[:30], TAXONOMY)
    for profile in base[30:]:
        index.upsert(profile)
    index.remove("p001")
    index.save(tmp_path / "idx")
    loaded = MatchIndex.load(tmp_path / "idx", TAXONOMY)
    assert len(loaded) == 49
    assert "p001" not in loaded
    assert ranking(loaded) == ranking(index)
    assert explained(loaded) == explained(index)
    loaded.upsert(person("new", skills=(ProfileSkill("PyTorch"),)))
    loaded.compact()
    loaded.save(tmp_path / "idx")
    again = MatchIndex.load(tmp_path / "idx", TAXONOMY, mmap=False)
    assert ranking(again) == ranking(loaded)
    assert sorted(p.name for p in (tmp_path / "idx").iterdir() if p.name.startswith("main-")) == [
        f"main-{loaded.generation}"
    ]


def test_compaction_changes_nothing_visible() -> None:
    base = people(40)
    index = MatchIndex.build(base[:20], TAXONOMY)
    for profile in base[20:]:
        index.upsert(profile)
    index.remove("p003")
    before = explained(index)
    index.compact()
    assert len(index.delta_rows) == 0
    assert len(index.main) == 39
    assert explained(index) == before


def test_ties_are_broken_by_id_and_input_order_does_not_matter() -> None:
    twins = [person(f"id-{c}", skills=(ProfileSkill("Python"),)) for c in "dbca"]
    spec = job(required_skills=(SkillRequirement("Python"),))
    forward = ranking(MatchIndex.build(twins, TAXONOMY), spec)
    backward = ranking(MatchIndex.build(list(reversed(twins)), TAXONOMY), spec)
    assert forward == backward
    assert [i for i, _ in forward] == ["id-a", "id-b", "id-c", "id-d"]
    assert len({s for _, s in forward}) == 1


def test_huge_tie_keeps_the_smallest_ids() -> None:
    nobody = [person(f"n{i:05d}") for i in range(1500)]
    results = ranking(MatchIndex.build(list(reversed(nobody)), TAXONOMY), job(), top_k=5)
    assert [i for i, _ in results] == ["n00000", "n00001", "n00002", "n00003", "n00004"]


def test_only_ids_restricts_the_ranking() -> None:
    index = MatchIndex.build(people(30), TAXONOMY)
    assert {i for i, _ in ranking(index)} > {"p001", "p002"}
    assert sorted(i for i, _ in rank_ids(index, {"p001", "p002", "unknown"})) == ["p001", "p002"]


def rank_ids(index: MatchIndex, only: set[str]) -> list[tuple[str, float]]:
    return [(r.id, r.score) for r in rank(index, JOB, TAXONOMY, only_ids=only)]


def test_duplicate_ids_in_a_build_keep_the_last() -> None:
    index = MatchIndex.build([person("x"), person("x", skills=(ProfileSkill("Python"),))], TAXONOMY)
    assert len(index) == 1
    result = rank(index, job(required_skills=(SkillRequirement("Python"),)), TAXONOMY)
    assert [(r.id, r.features[0].score > 0) for r in result] == [("x", True)]


def test_bm25_scores_equal_bm25s_on_the_same_tokens() -> None:
    bm25s = pytest.importorskip("bm25s")
    corpus = [
        person(f"d{i}", text=text)
        for i, text in enumerate(
            [
                "python developer with django",
                "kubernetes operator in go",
                "python python data pipelines",
                "frontend react developer",
                "go and python services on kubernetes",
            ]
        )
    ]
    index = MatchIndex.build(corpus, TAXONOMY, extract_text_skills=False)
    vocab = index.vocab.terms
    docs = [
        [vocab.keys[c] for c in index.main.terms.row(i)[0] for _ in range(int(tf))]
        for i in range(len(corpus))
        for tf in [1]
    ]
    tokenised = []
    for i in range(len(corpus)):
        cols, values = index.main.terms.row(i)
        tokenised.append(
            [vocab.keys[int(c)] for c, tf in zip(cols, values["tf"], strict=True) for _ in range(int(tf))]
        )
    assert docs  # every document has tokens
    reference = bm25s.BM25(method="lucene", k1=1.5, b=0.75)
    reference.index(
        bm25s.tokenization.Tokenized(
            ids=[[vocab.index[t] for t in doc] for doc in tokenised], vocab=dict(vocab.index)
        ),
        show_progress=False,
    )
    query = ["python", "kubernetes"]
    expected = reference.get_scores([vocab.index[t] for t in query])
    ours = np.zeros(len(corpus), dtype=np.float32)
    for token in query:
        rows, values = index.main.terms.column(vocab.index[token])
        ours[rows] += np.float32(idf(int(index.df[vocab.index[token]]), len(corpus))) * values["tfc"]
    assert ours == pytest.approx(expected, rel=1e-5)


def test_semantic_vectors_are_fused_with_bm25() -> None:
    class Encoder:
        def encode(self, texts: object) -> np.ndarray:
            del texts  # every query points the same way
            return np.array([[1.0, 0.0]], dtype=np.float32)

    corpus = [person("far"), person("near"), person("mid")]
    vectors = np.array([[0.0, 1.0], [1.0, 0.0], [0.6, 0.8]], dtype=np.float32)
    index = MatchIndex.build(corpus, TAXONOMY, vectors=vectors)
    results = rank(index, job(title="zzz"), TAXONOMY, encoder=Encoder())
    assert [r.id for r in results] == ["near", "mid", "far"]
    retrieval = next(f for f in results[0].features if f.feature == "retrieval")
    assert retrieval.details == ("Semantic rank 1",)
    index.upsert(person("newest"), vector=np.array([0.99, 0.14], dtype=np.float32))
    assert [r.id for r in rank(index, job(title="zzz"), TAXONOMY, encoder=Encoder())][:2] == [
        "near",
        "newest",
    ]
