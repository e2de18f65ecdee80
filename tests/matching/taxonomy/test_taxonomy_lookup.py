"""Skill names resolve through aliases, abbreviations, Chinese names and small misspellings."""

from __future__ import annotations

import pytest

from talentbridge.matching.taxonomy import Taxonomy
from talentbridge.matching.taxonomy.enrichment import load_enrichment
from talentbridge.matching.taxonomy.esco import wheel_data_dir

needs_esco = pytest.mark.skipif(wheel_data_dir() is None, reason="the ESCO wheel is not installed")


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("PyTorch", "PyTorch"),
        ("torch", "PyTorch"),
        ("sklearn", "scikit-learn"),
        ("Scikit-Learn", "scikit-learn"),
        ("k8s", "Kubernetes"),
        ("NLP", "Natural language processing"),
        ("CV", "Computer vision"),
        ("LLMs", "Large language models"),
        ("RL", "Reinforcement learning"),
        ("深度学习", "Deep learning"),
        ("机器学习", "Machine learning"),
        ("自然语言处理", "Natural language processing"),
        ("计算机视觉", "Computer vision"),
        ("推荐系统", "Recommender systems"),
        ("golang", "Go"),
        ("pytroch", "PyTorch"),  # one transposition: fuzzy match
        ("  PYTHON ", "Python"),
    ],
)
def test_names_resolve(curated_only: Taxonomy, name: str, label: str) -> None:
    skill = curated_only.lookup_skill(name)
    assert skill is not None
    assert skill.label == label


def test_unknown_and_empty_names_do_not_resolve(curated_only: Taxonomy) -> None:
    assert curated_only.lookup_skill("") is None
    assert curated_only.lookup_skill("   ") is None
    assert curated_only.lookup_skill("underwater basket weaving for goats") is None
    assert curated_only.lookup_skill("gt") is None  # short names never fuzzy-match


def test_related_skills_carry_credit_and_reason(curated_only: Taxonomy) -> None:
    tensorflow = curated_only.lookup_skill("TensorFlow")
    assert tensorflow is not None
    related = {r.skill.label: r for r in curated_only.related(tensorflow.id)}
    assert related["PyTorch"].credit == pytest.approx(0.6)
    assert related["PyTorch"].relation == "both deep-learning frameworks"
    # asymmetric: Keras covers much of TensorFlow, TensorFlow covers half of Keras
    keras = curated_only.lookup_skill("keras")
    assert keras is not None
    assert {r.skill.label: r.credit for r in curated_only.related(keras.id)}["TensorFlow"] == pytest.approx(
        0.8
    )
    assert {r.skill.label: r.credit for r in curated_only.related(tensorflow.id)}["Keras"] == pytest.approx(
        0.5
    )
    assert curated_only.related("tb:skill/does-not-exist") == ()


def test_related_is_sorted_by_credit(curated_only: Taxonomy) -> None:
    ml = curated_only.lookup_skill("machine learning")
    assert ml is not None
    credits = [r.credit for r in curated_only.related(ml.id)]
    assert credits == sorted(credits, reverse=True)
    assert credits


def test_without_esco_the_flag_says_so(curated_only: Taxonomy) -> None:
    assert curated_only.esco_available is False
    assert "no ESCO" in curated_only.version
    assert curated_only.normalise_title("Data Scientist") == []


@needs_esco
def test_esco_skills_are_reachable_by_id_and_label(lexical_taxonomy: Taxonomy) -> None:
    assert lexical_taxonomy.esco_available
    assert lexical_taxonomy.version.startswith("esco-1.2.0+tb-")
    python = lexical_taxonomy.lookup_skill("python")
    assert python is not None
    assert python.id.startswith("http://data.europa.eu/esco/skill/")
    assert lexical_taxonomy.skill(python.id) == python
    # an ESCO-only skill resolves by its preferred label
    assert lexical_taxonomy.lookup_skill("Hadoop") is not None


def test_enrichment_file_is_rich_and_consistent() -> None:
    enrichment = load_enrichment()
    assert len(enrichment.skills) >= 250
    assert {skill.category for skill in enrichment.skills} == {
        "language",
        "framework",
        "method",
        "tool",
        "domain",
        "soft",
    }
    ids = [skill.id for skill in enrichment.skills]
    assert len(ids) == len(set(ids))
    assert all(s.id.startswith(("http://data.europa.eu/esco/skill/", "tb:skill/")) for s in enrichment.skills)
    assert sum(1 for s in enrichment.skills if s.zh) >= 100
    assert len(enrichment.relations) >= 100
    assert all(r.reason for r in enrichment.relations)
    for skill in enrichment.skills:
        assert skill.lookup_only <= set(skill.aliases), skill.key
