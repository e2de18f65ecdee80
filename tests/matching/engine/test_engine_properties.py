"""Properties of the ranking that must hold for any people and jobs (hypothesis)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matching_engine_fakes import SKILLS, FakeTaxonomy

from talentbridge.matching.engine.index import MatchIndex
from talentbridge.matching.engine.ranking import rank, score_profile
from talentbridge.matching.engine.types import (
    CandidateProfile,
    JobSpec,
    LanguageRequirement,
    ProfileSkill,
    SkillRequirement,
)

TAXONOMY = FakeTaxonomy()
NAMES = [s.label for s in SKILLS.values()] + ["Cobol", "torch", "k8s"]
LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2", "HSK1", "HSK3", "HSK4", "HSK6", "native", "?"]

skills = st.lists(
    st.builds(
        ProfileSkill,
        name=st.sampled_from(NAMES),
        years=st.none() | st.floats(0, 30),
        last_used_year=st.none() | st.integers(1990, 2026),
    ),
    max_size=5,
)
profiles = st.builds(
    CandidateProfile,
    id=st.text("abcdef0123", min_size=1, max_size=4),
    skills=skills.map(tuple),
    titles=st.lists(
        st.sampled_from(["Senior Engineer", "Intern", "Data Scientist", "负责人"]), max_size=2
    ).map(tuple),
    total_years=st.none() | st.floats(0, 40),
    education=st.lists(
        st.tuples(
            st.sampled_from(["bachelor", "master", "doctorate", "unknown"]),
            st.none() | st.sampled_from(["Computer Science", "Art"]),
        ),
        max_size=2,
    ).map(tuple),
    languages=st.lists(
        st.tuples(st.sampled_from(["en", "zh", "de"]), st.sampled_from(LEVELS)), max_size=3
    ).map(tuple),
    publications=st.lists(st.sampled_from(["NeurIPS 2020", "a blog post", "ICML"]), max_size=2).map(tuple),
    awards=st.lists(
        st.sampled_from(["ICPC World Finals", "Kaggle Grandmaster", "employee of the month"]), max_size=2
    ).map(tuple),
    links=st.lists(st.sampled_from(["https://github.com/x", "https://example.com"]), max_size=2).map(tuple),
    country=st.none() | st.sampled_from(["CN", "DE", "US"]),
    timezone=st.none() | st.sampled_from(["Asia/Shanghai", "UTC-05:00", "Nowhere/City"]),
    willing_to_relocate=st.none() | st.booleans(),
    work_model=st.none() | st.sampled_from(["onsite", "hybrid", "remote", "sometimes"]),
    text=st.text(max_size=60) | st.sampled_from(["python and golang", "机器学习框架 PyTorch", ""]),
)
requirements = st.lists(
    st.builds(
        SkillRequirement,
        name=st.sampled_from(NAMES),
        weight=st.floats(0.1, 3),
        min_years=st.none() | st.floats(0.5, 10),
        must_have=st.booleans(),
    ),
    max_size=4,
).map(tuple)
jobs = st.builds(
    JobSpec,
    id=st.just("job"),
    title=st.sampled_from(["Senior ML Engineer", "Engineer", "", "实习生"]),
    description=st.text(max_size=40),
    required_skills=requirements,
    preferred_skills=requirements,
    min_years=st.none() | st.floats(0, 15),
    languages=st.lists(
        st.builds(
            LanguageRequirement,
            language=st.sampled_from(["en", "zh"]),
            min_level=st.sampled_from(LEVELS[:-1]),
            required=st.booleans(),
        ),
        max_size=2,
    ).map(tuple),
    education_level=st.none() | st.sampled_from(["bachelor", "master"]),
    education_fields=st.lists(st.sampled_from(["Computer Science", "Physics"]), max_size=1).map(tuple),
    country=st.none() | st.sampled_from(["CN", "DE", "FR"]),
    timezone=st.none() | st.sampled_from(["Europe/Berlin", "UTC+08:00"]),
    work_model=st.none() | st.sampled_from(["onsite", "hybrid", "remote"]),
    relocation_offered=st.booleans(),
)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(profiles, jobs)
def test_score_is_within_0_and_100_and_features_within_0_and_1(
    profile: CandidateProfile, job: JobSpec
) -> None:
    result = score_profile(profile, job, TAXONOMY, reference_year=2026)
    assert 0.0 <= result.score <= 100.0
    assert all(0.0 <= f.score <= 1.0 and f.reason for f in result.features)
    assert result.passed_filters == all(f.passed for f in result.filters)


@FAST
@given(profiles, jobs, st.sampled_from(list(SKILLS.values())))
def test_adding_a_required_skill_the_person_has_never_lowers_their_score(
    profile: CandidateProfile, job: JobSpec, skill: object
) -> None:
    label = skill.label  # type: ignore[attr-defined]
    holder = replace(profile, skills=(*profile.skills, ProfileSkill(label, years=10, last_used_year=2026)))
    before = score_profile(holder, job, TAXONOMY, reference_year=2026)
    more = replace(job, required_skills=(*job.required_skills, SkillRequirement(label)))
    after = score_profile(holder, more, TAXONOMY, reference_year=2026)
    assert after.score >= before.score - 0.01  # rounding of the two-decimal score


@FAST
@given(st.lists(profiles, max_size=8, unique_by=lambda p: p.id), jobs, st.randoms(use_true_random=False))
def test_ranking_is_a_total_order_stable_under_input_permutation(
    people: list[CandidateProfile], job: JobSpec, rng: object
) -> None:
    shuffled = list(people)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    first = rank(MatchIndex.build(people, TAXONOMY), job, TAXONOMY, reference_year=2026)
    second = rank(MatchIndex.build(shuffled, TAXONOMY), job, TAXONOMY, reference_year=2026)
    assert [(r.id, r.score) for r in first] == [(r.id, r.score) for r in second]
    assert sorted(r.id for r in first) == sorted(p.id for p in people)
    keys = [(-r.score, r.id) for r in first]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
