"""rank() scores the dense features only for a candidate pool bounded from above; these tests
check that the pool never changes a ranking: every result equals the exhaustive path's."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matching_engine_fakes import SKILLS, FakeTaxonomy
from test_engine_properties import jobs, profiles

from talentbridge.matching.engine import features, ranking
from talentbridge.matching.engine.index import MatchIndex
from talentbridge.matching.engine.ranking import rank
from talentbridge.matching.engine.types import (
    CandidateProfile,
    JobSpec,
    LanguageRequirement,
    ProfileSkill,
    RankedCandidate,
    SkillRequirement,
)

TAXONOMY = FakeTaxonomy()
DIM = 16
SKILL_LABELS = [s.label for s in SKILLS.values()]
COUNTRIES = ["CN", "DE", "US", "FR", None]
LEVELS = ["A2", "B1", "B2", "C1", "native"]
WORDS = ["model", "data", "pipeline", "service", "cloud", "research", "product", "team", "platform", "search"]


class SeededEncoder:
    """A deterministic unit vector per text (stand-in for a sentence encoder)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = []
        for text in texts:
            rng = np.random.default_rng(sum(text.encode()) + len(text))
            vector = rng.standard_normal(DIM).astype(np.float32)
            rows.append(vector / np.linalg.norm(vector))
        return np.stack(rows)


def seeded_people(count: int, seed: int, start: int = 0) -> list[CandidateProfile]:
    rng = np.random.default_rng(seed)
    people = []
    for i in range(start, start + count):
        chosen = rng.choice(len(SKILL_LABELS), size=int(rng.integers(0, 5)), replace=False)
        people.append(
            CandidateProfile(
                id=f"p{i:05d}",
                display_name="",
                skills=tuple(
                    ProfileSkill(
                        name=SKILL_LABELS[c],
                        years=float(rng.integers(0, 10)) if rng.random() < 0.7 else None,
                        last_used_year=int(rng.integers(2015, 2027)) if rng.random() < 0.6 else None,
                    )
                    for c in chosen
                ),
                titles=("Engineer",),
                total_years=float(rng.integers(0, 20)) if rng.random() < 0.9 else None,
                education=(("bachelor", "Computer Science"),) if rng.random() < 0.5 else (),
                languages=(("en", LEVELS[int(rng.integers(0, len(LEVELS)))]),),
                country=COUNTRIES[int(rng.integers(0, len(COUNTRIES)))],
                willing_to_relocate=bool(rng.random() < 0.5),
                work_model=("onsite", "hybrid", "remote", None)[int(rng.integers(0, 4))],
                text=" ".join(WORDS[int(w)] for w in rng.integers(0, len(WORDS), size=8)),
            )
        )
    return people


def seeded_jobs() -> list[JobSpec]:
    return [
        JobSpec(
            id="job-ml",
            title="ML Engineer",
            description="model research platform",
            required_skills=(
                SkillRequirement("PyTorch", weight=2.0, must_have=True),
                SkillRequirement("Python", min_years=3),
            ),
            preferred_skills=(SkillRequirement("Docker"),),
            min_years=3,
            languages=(LanguageRequirement("en", "B2"),),
            education_level="bachelor",
            education_fields=("Computer Science",),
            country="DE",
            work_model="hybrid",
        ),
        JobSpec(
            id="job-remote",
            title="Engineer",
            description="cloud service",
            required_skills=(SkillRequirement("Go"), SkillRequirement("Kubernetes")),
            preferred_skills=(),
            min_years=None,
            languages=(),
            education_level=None,
            education_fields=(),
            country=None,
            work_model="remote",
        ),
        JobSpec(
            id="job-nothing",
            title="",
            description="",
            required_skills=(),
            preferred_skills=(),
            min_years=None,
            languages=(),
            education_level=None,
            education_fields=(),
            country=None,
            work_model=None,
        ),
    ]


def both_paths(
    monkeypatch: pytest.MonkeyPatch, index: MatchIndex, job: JobSpec, first_pool: int, **options: object
) -> tuple[list[RankedCandidate], list[RankedCandidate]]:
    """(exhaustive ranking, pooled ranking) of the same request."""
    monkeypatch.setattr(ranking, "FIRST_POOL", 10**9)
    exhaustive = rank(index, job, TAXONOMY, reference_year=2026, **options)  # type: ignore[arg-type]
    monkeypatch.setattr(ranking, "FIRST_POOL", first_pool)
    pooled = rank(index, job, TAXONOMY, reference_year=2026, **options)  # type: ignore[arg-type]
    return exhaustive, pooled


@pytest.fixture(scope="module")
def seeded_index() -> MatchIndex:
    people = seeded_people(3000, seed=7)
    encoder = SeededEncoder()
    index = MatchIndex.build(people, TAXONOMY, encoder=encoder, extract_text_skills=False)
    for profile in seeded_people(40, seed=8, start=2980):  # 20 changed people, 20 new ones
        index.upsert(profile, vector=encoder.encode([profile.text])[0])
    index.remove("p00005")
    return index


@pytest.mark.parametrize("apply_filters", [False, True])
@pytest.mark.parametrize("job", seeded_jobs(), ids=lambda j: j.id)
def test_pooled_ranking_equals_the_exhaustive_one(
    monkeypatch: pytest.MonkeyPatch, seeded_index: MatchIndex, job: JobSpec, apply_filters: bool
) -> None:
    pool_sizes: list[int] = []
    choose = ranking._candidate_pool

    def spy(*args: object, **kwargs: object) -> np.ndarray:
        rows = choose(*args, **kwargs)  # type: ignore[arg-type]
        pool_sizes.append(len(rows))
        return rows

    monkeypatch.setattr(ranking, "_candidate_pool", spy)
    exhaustive, pooled = both_paths(
        monkeypatch,
        seeded_index,
        job,
        first_pool=60,
        top_k=50,
        encoder=SeededEncoder(),
        apply_filters=apply_filters,
    )
    assert pooled == exhaustive
    assert len(pooled) == 50 or apply_filters
    assert pool_sizes[0] == len(seeded_index)  # the exhaustive run scored everyone
    if job.required_skills:  # with a skill requirement the bound prunes most people
        assert pool_sizes[1] < len(seeded_index) // 2


def test_pooled_ranking_respects_only_ids(monkeypatch: pytest.MonkeyPatch, seeded_index: MatchIndex) -> None:
    monkeypatch.setattr(ranking, "SAMPLE", 97)  # every 31st row sampled to estimate the first pool
    only = {f"p{i:05d}" for i in range(0, 3020, 3)}
    exhaustive, pooled = both_paths(
        monkeypatch, seeded_index, seeded_jobs()[0], first_pool=30, top_k=25, only_ids=only
    )
    assert pooled == exhaustive
    assert {r.id for r in pooled} <= only


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(people=st.lists(profiles, min_size=1, max_size=40), job=jobs, apply_filters=st.booleans())
def test_pooled_ranking_equals_exhaustive_for_any_people_and_job(
    monkeypatch: pytest.MonkeyPatch, people: list[CandidateProfile], job: JobSpec, apply_filters: bool
) -> None:
    index = MatchIndex.build(people, TAXONOMY)
    exhaustive, pooled = both_paths(
        monkeypatch, index, job, first_pool=1, top_k=3, apply_filters=apply_filters
    )
    assert pooled == exhaustive


def test_remembered_skill_credits_change_nothing(
    monkeypatch: pytest.MonkeyPatch, seeded_index: MatchIndex
) -> None:
    job = seeded_jobs()[0]
    features.clear_credit_cache()
    cold = rank(seeded_index, job, TAXONOMY, top_k=30, reference_year=2026)
    assert features._credit_cache  # the job's skill columns are remembered
    warm = rank(seeded_index, job, TAXONOMY, top_k=30, reference_year=2026)
    assert warm == cold
    later = rank(seeded_index, job, TAXONOMY, top_k=30, reference_year=2031)  # other year: other credits
    features.clear_credit_cache()
    assert rank(seeded_index, job, TAXONOMY, top_k=30, reference_year=2031) == later


def test_skill_credit_memory_is_bounded(monkeypatch: pytest.MonkeyPatch, seeded_index: MatchIndex) -> None:
    features.clear_credit_cache()
    monkeypatch.setattr(features, "CREDIT_CACHE_BYTES", 1)
    rank(seeded_index, seeded_jobs()[0], TAXONOMY, top_k=10, reference_year=2026)
    assert features._credit_bytes <= 1
    assert not features._credit_cache
    features.clear_credit_cache()
