"""Worked examples for every feature of the ranking engine (numbers checked by hand).

Parameters come from matching/data/weights.yaml: listed strength 1.0, unknown-years factor 0.85,
years saturate at 5, recency full within 1 year and floors at 0.6 after 8, relocation 0.8, ...
"""

from __future__ import annotations

import pytest
from matching_engine_fakes import FakeTaxonomy, job, person

from talentbridge.matching.engine.index import MatchIndex
from talentbridge.matching.engine.ranking import rank, score_profile
from talentbridge.matching.engine.types import (
    CandidateProfile,
    JobSpec,
    LanguageRequirement,
    ProfileSkill,
    RankedCandidate,
    SkillRequirement,
)

TAXONOMY = FakeTaxonomy()
YEAR = 2026


def scored(profile: CandidateProfile, spec: JobSpec) -> RankedCandidate:
    return score_profile(profile, spec, TAXONOMY, reference_year=YEAR)


def feature(result: RankedCandidate, name: str) -> tuple[float, str, tuple[str, ...]]:
    found = next(f for f in result.features if f.feature == name)
    return found.score, found.reason, found.details


def test_exact_skill_with_years_and_recent_use_counts_fully() -> None:
    profile = person("a", skills=(ProfileSkill("Python", years=6, last_used_year=2025),))
    score, reason, details = feature(
        scored(profile, job(required_skills=(SkillRequirement("python"),))), "skills"
    )
    assert score == 1.0
    assert reason.startswith("Has 1 of 1 required skills")
    assert details == ("Python: listed, 6 years, last used 2025 — 100%",)


def test_years_and_recency_scale_the_credit() -> None:
    # 3 years: 0.85 + 0.15 * 3/5 = 0.94; last used 2020 (age 6 - 1 = 5 of 7): 1 - 0.4 * 5/7 = 0.714286
    profile = person("a", skills=(ProfileSkill("SQL", years=3, last_used_year=2020),))
    score, _, _ = feature(scored(profile, job(required_skills=(SkillRequirement("SQL"),))), "skills")
    assert score == pytest.approx(0.94 * (1 - 0.4 * 5 / 7), abs=1e-4)


def test_unknown_years_against_a_minimum_gets_the_missing_factor() -> None:
    profile = person("a", skills=(ProfileSkill("Go"),))
    spec = job(required_skills=(SkillRequirement("Go", min_years=4),))
    # strength 1 x missing-min-years 0.7 x unknown recency 0.95
    assert feature(scored(profile, spec), "skills")[0] == pytest.approx(0.7 * 0.95, abs=1e-4)
    profile = person("b", skills=(ProfileSkill("Go", years=2, last_used_year=2026),))
    assert feature(scored(profile, spec), "skills")[0] == pytest.approx(0.5, abs=1e-4)


def test_related_skill_earns_partial_credit_shown_as_such() -> None:
    # TensorFlow for PyTorch: 0.6 x (0.85 + 0.15 * 3/5) x (1 - 0.4 * 1/7)
    profile = person("a", skills=(ProfileSkill("TensorFlow", years=3, last_used_year=2024),))
    score, reason, details = feature(
        scored(profile, job(required_skills=(SkillRequirement("PyTorch"),))), "skills"
    )
    assert score == pytest.approx(0.6 * 0.94 * (1 - 0.4 / 7), abs=1e-4)
    assert "1 more partly through related skills" in reason
    assert "TensorFlow counts 60% for PyTorch (both deep-learning frameworks)" in details[0]


def test_coverage_is_weighted_by_requirement_weight() -> None:
    profile = person("a", skills=(ProfileSkill("Python", years=5, last_used_year=YEAR),))
    spec = job(
        required_skills=(SkillRequirement("Python", weight=3), SkillRequirement("Kubernetes", weight=1))
    )
    score, reason, details = feature(scored(profile, spec), "skills")
    assert score == pytest.approx(0.75)
    assert "Kubernetes: missing" in details
    assert reason.startswith("Has 1 of 2 required skills")


def test_skill_found_only_in_free_text_counts_less_than_a_listed_one() -> None:
    profile = person("a", text="Shipped services in golang for five years")
    score, _, details = feature(scored(profile, job(required_skills=(SkillRequirement("Go"),))), "skills")
    # text strength 0.75 x extractor confidence 0.9, unknown years 0.85, unknown recency 0.95
    assert score == pytest.approx(0.75 * 0.9 * 0.85 * 0.95, abs=1e-4)
    assert "found in the CV text" in details[0]


def test_preferred_skills_are_a_separate_feature() -> None:
    profile = person("a", skills=(ProfileSkill("Docker", years=5, last_used_year=YEAR),))
    spec = job(required_skills=(SkillRequirement("Python"),), preferred_skills=(SkillRequirement("Docker"),))
    result = scored(profile, spec)
    assert feature(result, "skills")[0] == 0.0
    assert feature(result, "preferred")[0] == 1.0
    assert feature(result, "preferred")[1].startswith("Has 1 of 1 preferred skills")


def test_years_against_minimum_and_seniority() -> None:
    spec = job(min_years=5)
    assert feature(scored(person("a", total_years=3.0), spec), "experience")[0] == pytest.approx(0.6)
    assert feature(scored(person("b", total_years=8.0), spec), "experience")[0] == 1.0
    assert feature(scored(person("c"), spec), "experience")[:2] == (
        0.5,
        "Years of experience unknown; 5+ years required",
    )
    senior = job(title="Senior Data Engineer")  # senior => 5 years (weights.yaml)
    assert feature(scored(person("d", total_years=2.5), senior), "experience")[0] == pytest.approx(0.5)
    assert "senior role" in feature(scored(person("d", total_years=2.5), senior), "experience")[1]


@pytest.mark.parametrize(
    ("held", "required_level", "expected", "meets"),
    [
        (("en", "C1"), ("en", "B2"), 1.0, True),
        (("en", "B1"), ("en", "B2"), 0.6 * 3 / 4, False),
        (("en", "native"), ("en", "C2"), 1.0, True),
        (("zh", "HSK5"), ("zh", "HSK4"), 1.0, True),
        (("zh", "HSK3"), ("zh", "HSK4"), 0.6 * 3 / 4, False),
        (("zh", "C1"), ("zh", "HSK4"), 1.0, True),  # across scales: HSK 4 ~ B2 (Hanban 2010)
        (("zh", "HSK4"), ("zh", "C1"), 0.6 * 4 / 5, False),
        (("zh", "C2"), ("zh", "native"), 0.6 * 6 / 7, False),
    ],
)
def test_language_levels_compare_within_and_across_scales(
    held: tuple[str, str], required_level: tuple[str, str], expected: float, meets: bool
) -> None:
    spec = job(languages=(LanguageRequirement(required_level[0], required_level[1]),))
    result = scored(person("a", languages=(held,)), spec)
    assert feature(result, "languages")[0] == pytest.approx(expected, abs=1e-4)
    assert result.passed_filters is meets
    assert [f.passed for f in result.filters] == [meets]


def test_cross_scale_comparison_is_marked_approximate() -> None:
    spec = job(languages=(LanguageRequirement("zh", "HSK4", required=False),))
    details = feature(scored(person("a", languages=(("zh", "C1"),)), spec), "languages")[2]
    assert details == ("Chinese: C1 meets HSK 4 (preferred); HSK↔CEFR compared approximately",)


def test_preferred_language_weighs_half_and_is_no_filter() -> None:
    # English B2 required (met), Chinese HSK 4 preferred (absent): (1 x 1 + 0.5 x 0) / 1.5
    spec = job(languages=(LanguageRequirement("en", "B2"), LanguageRequirement("zh", "HSK4", required=False)))
    result = scored(person("a", languages=(("en", "C2"),)), spec)
    assert feature(result, "languages")[0] == pytest.approx(1 / 1.5, abs=1e-4)
    assert result.passed_filters
    assert [f.name for f in result.filters] == ["English ≥ B2"]


@pytest.mark.parametrize(
    ("degree", "expected"),
    [("doctorate", 1.0), ("master", 1.0), ("bachelor", 0.6), ("associate", 0.25), (None, 0.4)],
)
def test_education_level_against_the_requirement(degree: str | None, expected: float) -> None:
    education = ((degree, "Physics"),) if degree else ()
    spec = job(education_level="master")
    assert feature(scored(person("a", education=education), spec), "education")[0] == pytest.approx(expected)


def test_education_field_match() -> None:
    spec = job(education_level="bachelor", education_fields=("Computer Science",))
    matching = person("a", education=(("bachelor", "Computer Science and Technology"),))
    other = person("b", education=(("bachelor", "History"),))
    assert feature(scored(matching, spec), "education")[0] == pytest.approx(1.0)
    assert feature(scored(other, spec), "education")[0] == pytest.approx(0.7 + 0.3 * 0.3)


def test_evidence_signals_from_venues_competitions_and_links() -> None:
    profile = person(
        "a",
        publications=("Sparse attention, NeurIPS 2023", "A workshop paper"),
        awards=("ACM ICPC World Finals 2019, 12th place",),
        links=("https://github.com/someone",),
    )
    score, reason, details = feature(scored(profile, job()), "evidence")
    assert score == 1.0  # 0.45 + 0.5 + 0.25 + 0.05, capped at 1
    assert details == (
        "1 publication at NeurIPS (tier 1)",
        "ACM ICPC World Finals (competition, tier 1)",
        "1 other publication",
        "Open-source profile linked (e.g. GitHub)",
    )
    assert reason == "4 evidence signals"
    kaggle = person("b", awards=("Kaggle Master (competitions)",))
    assert feature(scored(kaggle, job()), "evidence")[0] == pytest.approx(0.35)
    assert feature(scored(person("c"), job()), "evidence")[:2] == (
        0.0,
        "No publications, competitions or open-source profile found",
    )


def test_time_zone_overlap_for_a_remote_job() -> None:
    spec = job(work_model="remote", timezone="Europe/Berlin")  # UTC+1 in January
    shanghai = person("a", timezone="Asia/Shanghai")  # UTC+8: 7 h apart, 1 of 8 office hours shared
    score, reason, details = feature(scored(shanghai, spec), "location")
    assert score == pytest.approx(1 / 8)
    assert details[0] == "UTC+8 vs job UTC+1: 1 of 8 office hours overlap"
    assert reason == "Remote: time-zone overlap decides"
    assert feature(scored(person("b", country="PL"), spec), "location")[0] == 1.0  # Warsaw via country
    assert feature(scored(person("c"), spec), "location")[0] == 0.5  # unknown


def test_onsite_job_prefers_same_country_then_relocation() -> None:
    spec = job(work_model="onsite", country="DE")
    assert feature(scored(person("a", country="DE"), spec), "location")[0] == 1.0
    assert feature(scored(person("b", country="CN", willing_to_relocate=True), spec), "location")[0] == 0.8
    assert feature(scored(person("c", country="CN", willing_to_relocate=False), spec), "location")[
        0
    ] == pytest.approx(0.1)
    assert feature(scored(person("d", country="CN"), spec), "location")[0] == pytest.approx(0.4)
    no_help = job(work_model="onsite", country="DE", relocation_offered=False)
    assert feature(scored(person("e", country="CN", willing_to_relocate=True), no_help), "location")[
        0
    ] == pytest.approx(0.3)


def test_work_model_fit() -> None:
    spec = job(work_model="onsite")
    assert feature(scored(person("a", work_model="onsite"), spec), "work_model")[0] == 1.0
    assert feature(scored(person("b", work_model="remote"), spec), "work_model")[0] == pytest.approx(0.2)
    assert (
        feature(scored(person("c"), spec), "work_model")[1]
        == "Work-model preference not stated; job is onsite"
    )


def test_must_have_skill_is_a_hard_filter_separate_from_the_score() -> None:
    spec = job(required_skills=(SkillRequirement("PyTorch", must_have=True), SkillRequirement("Python")))
    related_only = person("a", skills=(ProfileSkill("TensorFlow"), ProfileSkill("Python")))
    result = scored(related_only, spec)
    assert not result.passed_filters
    assert result.filters[0].name == "must-have skill: PyTorch"
    assert not result.filters[0].passed
    assert feature(result, "skills")[0] > 0.5  # still scored: related credit + Python
    assert "Fails hard filter: must-have skill: PyTorch" in result.summary


def test_apply_filters_drops_failing_people_but_default_keeps_them_marked() -> None:
    people = [person("a", skills=(ProfileSkill("PyTorch"),)), person("b", skills=(ProfileSkill("Python"),))]
    index = MatchIndex.build(people, TAXONOMY)
    spec = job(required_skills=(SkillRequirement("PyTorch", must_have=True),))
    assert [(r.id, r.passed_filters) for r in rank(index, spec, TAXONOMY)] == [("a", True), ("b", False)]
    assert [r.id for r in rank(index, spec, TAXONOMY, apply_filters=True)] == ["a"]


def test_features_the_job_does_not_ask_about_drop_out_and_weights_renormalise() -> None:
    result = scored(
        person("a", skills=(ProfileSkill("Python"),)), job(required_skills=(SkillRequirement("Python"),))
    )
    assert [f.feature for f in result.features] == ["skills", "evidence"]
    assert sum(f.weight for f in result.features) == pytest.approx(1.0, abs=1e-3)
    assert result.score == pytest.approx(sum(f.contribution for f in result.features), abs=0.02)


def test_person_with_no_skills_is_ranked_and_explained() -> None:
    index = MatchIndex.build([person("empty"), person("python", skills=(ProfileSkill("Python"),))], TAXONOMY)
    results = rank(index, job(required_skills=(SkillRequirement("Python"),)), TAXONOMY)
    assert [r.id for r in results] == ["python", "empty"]
    empty = results[1]
    assert feature(empty, "skills")[1].startswith("Has 0 of 1 required skills")
    assert feature(empty, "retrieval")[1] == "Not among the top 1000 text matches"


def test_job_without_listed_skills_reads_them_from_its_text() -> None:
    spec = job(title="NLP engineer", description="You will train models in PyTorch.")
    result = scored(person("a", skills=(ProfileSkill("torch"),)), spec)
    _score, reason, details = feature(result, "skills")
    assert "requirements inferred from the job text" in reason
    assert any(d.startswith("PyTorch: listed") for d in details)
