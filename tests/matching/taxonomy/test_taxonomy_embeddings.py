"""Semantic embeddings are optional: both the lexical-only and the semantic path work."""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from talentbridge.config import get_settings
from talentbridge.matching import embeddings
from talentbridge.matching.embeddings import DIMENSION, EmbeddingCache, Vectors
from talentbridge.matching.taxonomy import Taxonomy
from talentbridge.matching.taxonomy.enrichment import load_enrichment


class HashEncoder:
    """A deterministic stand-in for the model: bag of hashed words, L2-normalised."""

    name = "hash-test"

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.calls += 1
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % DIMENSION] += 1.0  # noqa: S324
            norm = float(np.linalg.norm(out[row]))
            if norm:
                out[row] /= norm
        return out


@pytest.fixture
def fresh_encoder_cache() -> Iterator[None]:
    embeddings._load_cached.cache_clear()
    get_settings.cache_clear()
    yield
    embeddings._load_cached.cache_clear()
    get_settings.cache_clear()


def test_disabled_by_setting(monkeypatch: pytest.MonkeyPatch, fresh_encoder_cache: None) -> None:
    monkeypatch.setenv("TALENTBRIDGE_MATCHING_SEMANTIC", "false")
    assert embeddings.load_encoder() is None


def test_missing_sentence_transformers_means_lexical(
    monkeypatch: pytest.MonkeyPatch, fresh_encoder_cache: None
) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: Any) -> Any:
        return None if name == "sentence_transformers" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    assert embeddings.load_encoder() is None


def test_missing_model_wheel_means_lexical(
    monkeypatch: pytest.MonkeyPatch, fresh_encoder_cache: None
) -> None:
    monkeypatch.setattr(embeddings, "model_directory", lambda: None)
    assert embeddings.load_encoder() is None


def test_cache_round_trip(tmp_path: Path) -> None:
    encoder = HashEncoder()
    cache = EmbeddingCache(tmp_path)
    first = cache.encode(encoder, ["python developer", "nurse"], "t")
    second = cache.encode(encoder, ["python developer", "nurse"], "t")
    assert encoder.calls == 1
    np.testing.assert_array_equal(first, second)
    cache.encode(encoder, ["nurse", "python developer"], "t")  # other texts, other key
    assert encoder.calls == 2
    assert len(list(tmp_path.glob("t-*.npy"))) == 2


def test_semantic_path_of_the_taxonomy(tmp_path: Path) -> None:
    taxonomy = Taxonomy(load_enrichment(), None, encoder=HashEncoder(), cache_dir=tmp_path)
    assert taxonomy.semantic_available
    assert taxonomy.skill_extractor.semantic
    hits = taxonomy.extract_skills("We train deep neural networks with torch.", 10)
    labels = [hit.skill.label for hit in hits]
    assert labels[0] in {"PyTorch", "Deep learning"}
    assert "Deep learning" in labels
    assert "PyTorch" in labels
    assert list((tmp_path / "embeddings").glob("skill-*.npy"))


def test_request_paths_never_embed_labels_but_use_a_warm_cache(tmp_path: Path) -> None:
    """The product's taxonomy runs lexically until the label embeddings are cached, then uses them."""
    cold = Taxonomy(
        load_enrichment(), None, encoder=HashEncoder(), cache_dir=tmp_path, compute_embeddings=False
    )
    assert not cold.skill_extractor.semantic
    assert [hit.skill.label for hit in cold.extract_skills("PyTorch and k8s", 5)][:2] == [
        "PyTorch",
        "Kubernetes",
    ]
    assert not list(tmp_path.glob("**/*.npy"))

    warming = Taxonomy(load_enrichment(), None, encoder=HashEncoder(), cache_dir=tmp_path)
    assert warming.skill_extractor.semantic
    encoder = HashEncoder()
    warm = Taxonomy(load_enrichment(), None, encoder=encoder, cache_dir=tmp_path, compute_embeddings=False)
    assert warm.skill_extractor.semantic
    assert encoder.calls == 0  # the labels came from the cache


SEMANTIC_EXTRA = (
    embeddings.model_directory() is not None and importlib.util.find_spec("sentence_transformers") is not None
)


@pytest.mark.skipif(not SEMANTIC_EXTRA, reason="the semantic extra is not installed")
def test_real_model_gives_unit_vectors(fresh_encoder_cache: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALENTBRIDGE_MATCHING_SEMANTIC", "true")
    encoder = embeddings.load_encoder()
    assert encoder is not None
    vectors = encoder.encode(["machine learning engineer", "机器学习工程师", ""])
    assert vectors.shape == (3, DIMENSION)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors[:2], axis=1), 1.0, atol=1e-4)
    assert encoder.encode([]).shape == (0, DIMENSION)
