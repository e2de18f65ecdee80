"""Job title → ranked ESCO occupations.

Three signals over every occupation, fused by a weighted sum (weights in ``data/normalisers.yaml``,
tuned on the JobBERT development split by ``benchmarks/bench_title_normalisation.py``):

* **BM25** (``bm25s``) of the cleaned, stemmed title against each occupation's labels,
* **fuzzy** string similarity (rapidfuzz token-set ratio) against the preferred label, which
  rescues spelling variants and word order,
* **semantic** cosine (all-MiniLM-L6-v2, optional): the best match over the occupation's preferred
  label and each of its alternative labels, embedded separately.

Titles are cleaned first: lower case, brackets such as *(m/w/d)* removed, seniority and contract
words dropped (*Senior*, *Intern*, *part-time*) and common abbreviations expanded (*ML*, *SWE*).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import bm25s
import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from talentbridge.matching.embeddings import EmbeddingCache, Encoder
from talentbridge.matching.taxonomy.esco import EscoConcept
from talentbridge.matching.taxonomy.text import STOPWORDS, fold, stem, words
from talentbridge.matching.taxonomy.types import OccupationHit

Matrix = npt.NDArray[np.float32]

_BRACKETS = re.compile(r"[\(\[\{][^\)\]\}]*[\)\]\}]")
# Head nouns of job titles: a new alternative label usually starts right after one of them.
_HEADS = frozenset(
    [
        "manager",
        "director",
        "officer",
        "engineer",
        "technician",
        "operator",
        "operative",
        "assistant",
        "specialist",
        "consultant",
        "analyst",
        "developer",
        "designer",
        "worker",
        "teacher",
        "supervisor",
        "administrator",
        "coordinator",
        "inspector",
        "clerk",
        "agent",
        "advisor",
        "adviser",
        "scientist",
        "architect",
        "programmer",
        "nurse",
        "therapist",
        "attendant",
        "representative",
        "instructor",
        "trainer",
        "lecturer",
        "professor",
        "researcher",
        "mechanic",
        "fitter",
        "installer",
        "repairer",
        "controller",
        "planner",
        "buyer",
        "dealer",
        "broker",
        "editor",
        "writer",
        "producer",
        "artist",
        "chef",
        "cook",
        "driver",
        "pilot",
        "tester",
        "auditor",
        "accountant",
        "lawyer",
        "economist",
        "expert",
        "executive",
        "leader",
        "head",
        "helper",
        "hand",
        "labourer",
        "maker",
        "setter",
        "tender",
    ]
)
_CONNECTORS = frozenset({"of", "and", "in", "for", "to", "on", "at", "with", "&", "or"})
_MAX_SEGMENT_WORDS = 8


@dataclass(frozen=True)
class FusionWeights:
    """Weights of the fused score (they need not sum to 1; scores are only compared)."""

    bm25: float
    fuzzy: float
    semantic: float


def split_labels(concept: EscoConcept) -> list[str]:
    """The occupation's labels, recovered from the undelimited label part.

    A label ends after a head noun (the preferred label's last word or a common title noun such as
    *manager*) unless a connector follows (*head of …*, *manager and …*). Over-long pieces are cut.
    """
    labels = [concept.preferred]
    rest = concept.labels[len(concept.preferred) :].split()
    heads = set(_HEADS)
    pref_words = concept.preferred.lower().split()
    if pref_words:
        last = pref_words[-1]
        heads.update(
            {last, last + "s", last + "es", last.replace("man", "woman"), last.replace("man", "person")}
        )
    current: list[str] = []
    for index, word in enumerate(rest):
        current.append(word)
        low = word.lower().strip(",;")
        following = rest[index + 1].lower() if index + 1 < len(rest) else ""
        is_head = low in heads or low.rstrip("s") in heads
        if (is_head and len(current) >= 2 and following not in _CONNECTORS) or len(
            current
        ) >= _MAX_SEGMENT_WORDS:
            labels.append(" ".join(current))
            current = []
    if current:
        labels.append(" ".join(current))
    return list(dict.fromkeys(label for label in labels if label.strip()))


class TitleCleaner:
    """Turns a raw vacancy title into the text the signals compare."""

    def __init__(self, drop_words: Sequence[str], expand: dict[str, str]) -> None:
        self._drop = frozenset(fold(word) for word in drop_words)
        self._expand = {fold(key): fold(value) for key, value in expand.items()}

    def clean(self, title: str) -> str:
        """Lower-cased title without brackets and seniority words, abbreviations expanded."""
        text = _BRACKETS.sub(" ", fold(title))
        tokens = words(text)
        kept = [token for token in tokens if token not in self._drop]
        if not kept:
            kept = tokens
        return " ".join(self._expand.get(token, token) for token in kept)


def _bag(text: str) -> list[str]:
    return [stem(word) for word in words(text) if word not in STOPWORDS]


class TitleNormaliser:
    """Ranks ESCO occupations for job titles; build once per process (a second or two)."""

    def __init__(
        self,
        occupations: Sequence[EscoConcept],
        config: dict[str, Any],
        encoder: Encoder | None = None,
        cache: EmbeddingCache | None = None,
    ) -> None:
        self.occupations = tuple(occupations)
        self.cleaner = TitleCleaner(config.get("drop_words", []), config.get("expand", {}))
        key = "with_semantic" if encoder is not None else "lexical_only"
        self.weights = FusionWeights(**config[key])
        self._encoder = encoder
        self._preferred = [occupation.preferred.lower() for occupation in self.occupations]
        corpus = [_bag(f"{occupation.preferred} {occupation.labels}") for occupation in self.occupations]
        self._bm25 = bm25s.BM25()
        self._bm25.index([doc or ["_"] for doc in corpus], show_progress=False)
        self._segment_vectors: Matrix | None = None
        self._segment_starts: npt.NDArray[np.int64] | None = None
        if encoder is not None and self.occupations:
            segments: list[str] = []
            starts: list[int] = []
            for occupation in self.occupations:
                starts.append(len(segments))
                segments.extend(split_labels(occupation))
            self._segment_vectors = (cache or EmbeddingCache(None)).encode(
                encoder, segments, "occupation-labels"
            )
            self._segment_starts = np.asarray(starts, dtype=np.int64)

    @property
    def semantic(self) -> bool:
        """Whether the semantic signal is in use."""
        return self._segment_vectors is not None

    def signals(self, titles: Sequence[str]) -> dict[str, Matrix]:
        """Each signal as a (titles x occupations) matrix in 0..1, for fusion or tuning."""
        cleaned = [self.cleaner.clean(title) for title in titles]
        n = len(self.occupations)
        bm25 = np.zeros((len(cleaned), n), dtype=np.float32)
        for row, title in enumerate(cleaned):
            query = _bag(title)
            if query:
                scores = np.asarray(self._bm25.get_scores(query), dtype=np.float32)
                top = float(scores.max()) if scores.size else 0.0
                if top > 0:
                    bm25[row] = scores / top
        fuzzy = process.cdist(
            cleaned, self._preferred, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=1
        )
        out = {"bm25": bm25, "fuzzy": np.asarray(fuzzy, dtype=np.float32) / 100.0}
        if (
            self._encoder is not None
            and self._segment_vectors is not None
            and self._segment_starts is not None
        ):
            queries = self._encoder.encode([title or "job" for title in cleaned])
            sims = queries @ self._segment_vectors.T
            out["semantic"] = np.maximum.reduceat(sims, self._segment_starts, axis=1).astype(np.float32)
        return out

    def fuse(self, signals: dict[str, Matrix], weights: FusionWeights | None = None) -> Matrix:
        """The weighted sum of the signals."""
        w = weights or self.weights
        fused = w.bm25 * signals["bm25"] + w.fuzzy * signals["fuzzy"]
        if "semantic" in signals:
            fused = fused + w.semantic * signals["semantic"]
        total = w.bm25 + w.fuzzy + (w.semantic if "semantic" in signals else 0.0)
        return (fused / total if total > 0 else fused).astype(np.float32)

    def rank(self, title: str, top_k: int = 5) -> list[OccupationHit]:
        """The ``top_k`` best occupations for one title (empty for an empty title)."""
        if not title.strip() or not self.occupations or top_k <= 0:
            return []
        fused = self.fuse(self.signals([title]))[0]
        k = min(top_k, fused.size)
        order = np.argpartition(-fused, k - 1)[:k]
        order = order[np.lexsort((order, -fused[order]))]
        return [
            OccupationHit(self.occupations[i].uri, self.occupations[i].preferred, round(float(fused[i]), 4))
            for i in order
            if fused[i] > 0
        ]
