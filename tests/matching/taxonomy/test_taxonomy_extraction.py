"""Free text → skills with spans: worked examples in English, Chinese and mixed text, and bad input."""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentbridge.matching.taxonomy import Taxonomy


def _by_label(taxonomy: Taxonomy, text: str, top_k: int = 30) -> dict[str, list[tuple[int, int, str]]]:
    return {
        hit.skill.label: [(e.start, e.end, e.text) for e in hit.evidence]
        for hit in taxonomy.extract_skills(text, top_k)
    }


def test_aliases_are_found_with_exact_spans(curated_only: Taxonomy) -> None:
    text = "Built models in torch and sklearn; deployed on k8s."
    found = _by_label(curated_only, text)
    assert found["PyTorch"] == [(16, 21, "torch")]
    assert found["scikit-learn"] == [(26, 33, "sklearn")]
    assert found["Kubernetes"] == [(47, 50, "k8s")]


def test_chinese_and_mixed_text(curated_only: Taxonomy) -> None:
    text = "熟悉深度学习和自然语言处理，精通PyTorch，有推荐系统经验。"  # noqa: RUF001 - Chinese punctuation on purpose
    found = _by_label(curated_only, text)
    assert found["Deep learning"] == [(2, 6, "深度学习")]
    assert found["Natural language processing"] == [(7, 13, "自然语言处理")]
    assert found["PyTorch"] == [(16, 23, "PyTorch")]
    assert found["Recommender systems"] == [(25, 29, "推荐系统")]


def test_longest_phrase_wins_and_repeats_are_all_shown(curated_only: Taxonomy) -> None:
    text = "Natural language processing (NLP) and more NLP."
    found = _by_label(curated_only, text)
    assert found["Natural language processing"] == [
        (0, 27, "Natural language processing"),
        (29, 32, "NLP"),
        (43, 46, "NLP"),
    ]


def test_ambiguous_abbreviations_need_their_exact_case(curated_only: Taxonomy) -> None:
    assert "Computer vision" not in _by_label(curated_only, "Please send your CV to us.")
    assert "Go" not in _by_label(curated_only, "We go to great lengths.")
    assert _by_label(curated_only, "Backend services in Go and Rust.")["Go"] == [(20, 22, "Go")]


def test_exact_hits_rank_first(curated_only: Taxonomy) -> None:
    hits = curated_only.extract_skills("Experience with TensorFlow is required.", 5)
    assert hits[0].skill.label == "TensorFlow"
    assert all(0.0 <= hit.score <= 1.0 for hit in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_empty_and_unknown_text(curated_only: Taxonomy) -> None:
    assert curated_only.extract_skills("") == []
    assert curated_only.extract_skills("   \n\t ") == []
    assert curated_only.extract_skills("Python", top_k=0) == []
    # nothing known: no crash, at most weak lexical hits
    assert all(hit.score < 0.6 for hit in curated_only.extract_skills("zxqv wrrtl plonk"))


def test_huge_text_is_truncated_with_a_warning(
    curated_only: Taxonomy, caplog: pytest.LogCaptureFixture
) -> None:
    text = "Python developer. " + "lorem ipsum " * 5000 + " Kubernetes"
    with caplog.at_level(logging.WARNING):
        found = _by_label(curated_only, text)
    assert "truncated" in caplog.text
    assert "Python" in found
    assert "Kubernetes" not in found  # beyond the cap


def test_esco_labels_are_spotted_when_present(lexical_taxonomy: Taxonomy) -> None:
    if not lexical_taxonomy.esco_available:
        pytest.skip("the ESCO wheel is not installed")
    hits = lexical_taxonomy.extract_skills("You will design database scheme and use Hadoop daily.", 20)
    labels = {hit.skill.label for hit in hits}
    assert "Hadoop" in labels


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "Python",
                "torch",
                "深度学习",
                "k8s",
                "NLP",
                "Go",
                "go",
                " ",
                "，",  # noqa: RUF001 - Chinese punctuation on purpose
                "\n",
                "é",
                "ß",
                "ＰｙＴｏｒｃｈ",  # noqa: RUF001 - Chinese punctuation on purpose
                "data",
                "engineer",
                ".",
                "C++",
                "C#",
                "node.js",
                "\u0130",
                "\ufb01",
                "x",
            ]
        ),
        max_size=30,
    ).map("".join)
    | st.text(max_size=200)
)
def test_spans_always_lie_within_the_text_and_equal_its_slice(curated_only: Taxonomy, text: str) -> None:
    for hit in curated_only.extract_skills(text, 10):
        assert hit.evidence
        for evidence in hit.evidence:
            assert 0 <= evidence.start < evidence.end <= len(text)
            assert text[evidence.start : evidence.end] == evidence.text
