"""Free text (job ad or CV; English, Chinese or mixed) → ranked skills with evidence spans.

Per window of text (sentences, cut to a bounded number of tokens), three signals are fused with
the weights in ``data/normalisers.yaml``:

* **phrase**: an exact occurrence of a skill's name, alias, abbreviation or Chinese name
  (:mod:`.phrases`) — the strongest and best-explained signal,
* **BM25** of the window against every skill's labels, saturated so weak overlap stays weak,
* **semantic** cosine between the window and the skill's labels (optional extra).

A skill's score is its best window's score; its evidence is every exact occurrence, or else the
words of the best window that it shares with the skill's labels (or that window itself).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import bm25s
import numpy as np
import numpy.typing as npt

from talentbridge.matching.embeddings import EmbeddingCache, Encoder
from talentbridge.matching.normalise.phrases import PhraseHit, PhraseMatcher
from talentbridge.matching.taxonomy.text import STOPWORDS, stem, tokens
from talentbridge.matching.taxonomy.types import Evidence

logger = logging.getLogger(__name__)

Matrix = npt.NDArray[np.float32]
_SENTENCE_END = re.compile(r"[.!?;。！？；\n]+")  # noqa: RUF001 - Chinese punctuation on purpose
_CANDIDATES_PER_WINDOW = 60


@dataclass(frozen=True)
class SkillDocument:
    """What the lexical and semantic signals see of one skill."""

    skill_id: str
    labels: str  # all its names, space-joined
    display: str  # the preferred label, embedded on its own as well


@dataclass(frozen=True)
class Window:
    """A span of the input processed as one query."""

    start: int
    end: int


@dataclass(frozen=True)
class RawHit:
    """A skill's fused score with the evidence spans (before mapping ids to :class:`Skill`)."""

    skill_id: str
    score: float
    evidence: tuple[Evidence, ...]


def windows(text: str, max_tokens: int) -> list[Window]:
    """Sentence-like windows of at most ``max_tokens`` tokens covering ``text``."""
    out: list[Window] = []
    start = 0
    bounds = [match.end() for match in _SENTENCE_END.finditer(text)] + [len(text)]
    for end in bounds:
        if end <= start:
            continue
        toks = tokens(text[start:end])
        if toks:
            for chunk in range(0, len(toks), max_tokens):
                piece = toks[chunk : chunk + max_tokens]
                out.append(Window(start + piece[0].start, start + piece[-1].end))
        start = end
    return out


def _bag(text: str) -> list[str]:
    return [stem(token.text) for token in tokens(text) if token.text not in STOPWORDS]


class SkillExtractor:
    """Built once per process from the skill documents and the phrase dictionary."""

    def __init__(
        self,
        documents: Sequence[SkillDocument],
        phrases: PhraseMatcher,
        config: dict[str, Any],
        encoder: Encoder | None = None,
        cache: EmbeddingCache | None = None,
    ) -> None:
        self.documents = tuple(documents)
        self.phrases = phrases
        key = "with_semantic" if encoder is not None else "lexical_only"
        self.weights: dict[str, float] = dict(config[key])
        self.saturation = float(config.get("bm25_saturation", 8.0))
        self.max_chars = int(config.get("max_chars", 20000))
        self.window_tokens = int(config.get("window_tokens", 40))
        self.min_score = float(config.get("min_score", 0.0))
        self._index = {doc.skill_id: row for row, doc in enumerate(self.documents)}
        self._bags = [frozenset(_bag(doc.labels)) for doc in self.documents]
        self._bm25 = bm25s.BM25()
        self._bm25.index(
            [list(bag) or ["_"] for bag in (_bag(doc.labels) for doc in self.documents)], show_progress=False
        )
        self._encoder = encoder
        self._vectors: Matrix | None = None
        if encoder is not None and self.documents:
            store = cache or EmbeddingCache(None)
            display = store.encode(encoder, [doc.display for doc in self.documents], "skill-preferred")
            labels = store.encode(encoder, [doc.labels[:300] for doc in self.documents], "skill-labels")
            self._vectors = np.stack([display, labels], axis=1)  # skills x 2 x dim

    @property
    def semantic(self) -> bool:
        """Whether the semantic signal is in use."""
        return self._vectors is not None

    def prepare(self, text: str) -> str:
        """The text actually processed: capped at ``max_chars`` (with a warning)."""
        if len(text) > self.max_chars:
            logger.warning(
                "Skill extraction: text of %d characters truncated to %d.", len(text), self.max_chars
            )
            return text[: self.max_chars]
        return text

    def window_signals(
        self, text: str, spans: Sequence[Window], *, semantic: bool = True
    ) -> dict[str, Matrix]:
        """BM25 and semantic scores per window (windows x skills), each in 0..1."""
        n = len(self.documents)
        bm25 = np.zeros((len(spans), n), dtype=np.float32)
        for row, span in enumerate(spans):
            query = _bag(text[span.start : span.end])
            if query:
                scores = np.asarray(self._bm25.get_scores(query), dtype=np.float32)
                bm25[row] = np.minimum(scores / self.saturation, 1.0)
        out = {"bm25": bm25}
        if semantic and self._encoder is not None and self._vectors is not None and spans:
            queries = self._encoder.encode([text[span.start : span.end] for span in spans])
            sims = np.einsum("qd,skd->qsk", queries, self._vectors).max(axis=2)
            out["semantic"] = np.clip(sims, 0.0, 1.0).astype(np.float32)
        return out

    def extract(self, text: str, top_k: int = 20, *, semantic: bool = True) -> list[RawHit]:
        """Ranked skills in ``text`` (best first, ties by id)."""
        text = self.prepare(text)
        if not text.strip() or top_k <= 0:
            return []
        spans = windows(text, self.window_tokens)
        found = self.phrases.find(text)
        signals = self.window_signals(text, spans, semantic=semantic)
        return self._fuse(text, spans, found, signals, top_k)

    def _fuse(
        self,
        text: str,
        spans: Sequence[Window],
        found: Sequence[PhraseHit],
        signals: dict[str, Matrix],
        top_k: int,
    ) -> list[RawHit]:
        weights = self.weights
        use_semantic = "semantic" in signals
        w_phrase = weights.get("phrase", 0.0)
        w_bm25 = weights.get("bm25", 0.0)
        w_sem = weights.get("semantic", 0.0) if use_semantic else 0.0
        total = w_phrase + w_bm25 + w_sem or 1.0
        by_window = np.zeros((len(spans), len(self.documents)), dtype=np.float32)
        if spans:
            by_window += w_bm25 * signals["bm25"]
            if use_semantic:
                by_window += w_sem * signals["semantic"]
        phrase_evidence: dict[str, list[Evidence]] = {}
        phrase_weight: dict[str, float] = {}
        for hit in found:
            phrase_evidence.setdefault(hit.skill_id, []).append(hit.evidence)
            phrase_weight[hit.skill_id] = max(phrase_weight.get(hit.skill_id, 0.0), hit.weight)
        scores: dict[str, float] = {}
        best_window: dict[str, int] = {}
        if spans:
            k = min(_CANDIDATES_PER_WINDOW, by_window.shape[1])
            for row in range(by_window.shape[0]):
                candidates = np.argpartition(-by_window[row], k - 1)[:k]
                for column in candidates:
                    value = float(by_window[row, column])
                    skill_id = self.documents[column].skill_id
                    if value > 0 and value > scores.get(skill_id, 0.0):
                        scores[skill_id] = value
                        best_window[skill_id] = row
        for skill_id, weight in phrase_weight.items():
            column = self._index.get(skill_id)
            background = 0.0
            if column is not None and spans:
                background = float(by_window[:, column].max())
            scores[skill_id] = max(scores.get(skill_id, 0.0), background) + w_phrase * weight
        floor = self.min_score * total
        ranked = sorted(
            ((k, v) for k, v in scores.items() if v >= floor), key=lambda item: (-item[1], item[0])
        )
        ranked = ranked[:top_k]
        hits: list[RawHit] = []
        for skill_id, score in ranked:
            evidence = phrase_evidence.get(skill_id)
            if evidence:
                unique = tuple(dict.fromkeys(sorted(evidence, key=lambda e: (e.start, e.end))))
            else:
                unique = self._window_evidence(text, spans[best_window[skill_id]], skill_id)
            hits.append(RawHit(skill_id, round(min(score / total, 1.0), 4), unique))
        return hits

    def _window_evidence(self, text: str, span: Window, skill_id: str) -> tuple[Evidence, ...]:
        column = self._index.get(skill_id)
        bag = self._bags[column] if column is not None else frozenset()
        shared = [
            token
            for token in tokens(text[span.start : span.end])
            if token.text not in STOPWORDS and stem(token.text) in bag
        ]
        if shared:
            return tuple(
                Evidence(
                    span.start + t.start, span.start + t.end, text[span.start + t.start : span.start + t.end]
                )
                for t in shared
            )
        return (Evidence(span.start, span.end, text[span.start : span.end]),)
