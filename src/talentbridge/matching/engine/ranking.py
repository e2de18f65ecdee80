"""rank(): every indexed person considered for one job, the best top_k explained.

1. Resolve the job once (skill columns, related-skill credits, language codes, BM25 query).
2. Score the sparse features for everyone: skill coverage (work proportional to the holders of
   the wanted skills), evidence, and hybrid retrieval: BM25 over skills/titles/text and, when
   vectors and an encoder exist, a dot product with the job's embedding (run on a worker thread
   while the rest is scored); the two rankings are fused by reciprocal rank fusion and the fused
   score is one more (weighted) feature. A strong structured match is never lost to retrieval
   recall, and a text-only CV still ranks through BM25.
3. The dense features (experience, languages, education, location, work model) can add at most
   their weights, so sparse score + those weights bounds everyone's total from above. They are
   computed only for a candidate pool: a first pool of the best bounds gives the top_k-th best
   exact score T, and only people whose bound reaches T are scored. Nobody below T could enter
   the top_k, so the result is exactly the exhaustive one (tests/matching/engine/test_engine_pool).
4. Pick the top_k deterministically (score desc, id asc) and explain only those.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Collection
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from dataclasses import fields as dc_fields

import numpy as np
from scipy.sparse import csc_matrix

from talentbridge.matching.engine import explain, features
from talentbridge.matching.engine.config import EngineConfig, engine_config
from talentbridge.matching.engine.features import F32
from talentbridge.matching.engine.index import MatchIndex
from talentbridge.matching.engine.job import JobContext, idf, job_context
from talentbridge.matching.engine.levels import describe_level, unified_table
from talentbridge.matching.engine.ports import EncoderLike, TaxonomyLike
from talentbridge.matching.engine.segment import Array
from talentbridge.matching.engine.types import (
    CandidateProfile,
    FeatureScore,
    HardFilterResult,
    JobSpec,
    RankedCandidate,
    Weights,
)

FEATURES = tuple(f.name for f in dc_fields(Weights))
SCORE_DECIMALS = 6
"""Scores are rounded here before ordering so float noise never decides a tie."""


def _competition_ranks(scores: Array, pool: int) -> tuple[Array, Array]:
    """(1-based rank (ties share the best rank) of the top ``pool`` positive scores, 0 elsewhere;
    the rows that got a rank)."""
    ranks = np.zeros(len(scores), dtype=np.int64)
    positive = np.flatnonzero(scores > 0)
    if len(positive) == 0:
        return ranks, positive
    values = scores[positive]
    if len(positive) > pool:
        threshold = np.partition(values, len(values) - pool)[len(values) - pool]
        keep = values >= threshold
        positive, values = positive[keep], values[keep]
    ordered = np.sort(values)[::-1]
    ranks[positive] = np.searchsorted(-ordered, -values, side="left") + 1
    return ranks, positive


def _bm25(index: MatchIndex, ctx: JobContext) -> Array:
    """BM25 of every row: the query's term columns, gathered into one small CSC matrix, times
    the query's idf vector (scipy's compiled column loop; the same float32 products and sums,
    in the same term order, as adding the columns one by one with numpy)."""
    n_docs = max(index.alive_docs, 1)
    parts = []
    for segment, _ in index.segments():
        terms = segment.terms
        cols = [col for _, col in sorted(ctx.query) if 0 <= col < terms.n_cols]
        if not cols:
            parts.append(np.zeros(len(segment), dtype=F32))
            continue
        starts = np.asarray(terms.csc_indptr[cols], dtype=np.int64)
        ends = np.asarray(terms.csc_indptr[np.asarray(cols, dtype=np.int64) + 1], dtype=np.int64)
        indptr = np.zeros(len(cols) + 1, dtype=np.int64)
        np.cumsum(ends - starts, out=indptr[1:])
        tfc = terms.csc_values["tfc"]
        rows = np.concatenate([terms.csc_rows[a:b] for a, b in zip(starts, ends, strict=True)])
        values = np.concatenate([tfc[a:b] for a, b in zip(starts, ends, strict=True)]).astype(F32)
        weights = np.array([F32(idf(max(_df(index, col), 0), n_docs)) for col in cols], dtype=F32)
        matrix = csc_matrix((values, rows, indptr), shape=(len(segment), len(cols)))
        parts.append(np.asarray(matrix @ weights, dtype=F32))
    return np.concatenate(parts)


def _df(index: MatchIndex, col: int) -> int:
    return int(index.df[col]) if col < len(index.df) else 0


def _top(index: MatchIndex, scores: Array, valid: Array, top_k: int) -> list[int]:
    """Global rows of the best ``top_k`` valid scores, ordered by (score desc, id asc)."""
    candidates = np.flatnonzero(valid)
    if len(candidates) == 0 or top_k <= 0:
        return []
    values = scores[candidates]
    if len(candidates) > top_k:
        threshold = np.partition(values, len(values) - top_k)[len(values) - top_k]
        above = candidates[values > threshold]
        tied = candidates[values == threshold]
        need = top_k - len(above)
        if len(tied) > need + 1000:  # a huge tie (e.g. nobody matches anything): use the id order
            n_main = len(index.main)
            main_tied, delta_tied = tied[tied < n_main], tied[tied >= n_main]
            id_rank = np.asarray(index.main_id_rank())[main_tied]
            if len(main_tied) > need:
                main_tied = (
                    main_tied[np.argpartition(id_rank, need - 1)[:need]] if need > 0 else main_tied[:0]
                )
            tied = np.concatenate([main_tied, delta_tied])
        candidates = np.concatenate([above, tied])
    ids = _global_ids(index)
    ordered = sorted(candidates.tolist(), key=lambda row: (-scores[row], ids(row)))
    return ordered[:top_k]


def _global_ids(index: MatchIndex):  # type: ignore[no-untyped-def]
    main_ids = index.main.ids
    n_main = len(main_ids)
    delta_ids = [row.id for row in index.delta_rows]

    def lookup(row: int) -> str:
        return main_ids[row] if row < n_main else delta_ids[row - n_main]

    return lookup


def rank(
    index: MatchIndex,
    job: JobSpec,
    taxonomy: TaxonomyLike,
    *,
    top_k: int = 100,
    weights: Weights | None = None,
    encoder: EncoderLike | None = None,
    only_ids: Collection[str] | None = None,
    apply_filters: bool = False,
    reference_year: int | None = None,
    use_retrieval: bool = True,
) -> list[RankedCandidate]:
    """The best ``top_k`` people for ``job``, explained; ties broken by id ascending.

    ``apply_filters`` drops people failing a hard filter (must-have skill, required language
    level); otherwise they stay ranked with the failed filter shown. ``only_ids`` restricts the
    ranking to those people (e.g. a job's applicants).
    """
    config = engine_config()
    weights = weights or config.weights
    ctx = job_context(job, taxonomy, index.vocab, reference_year=reference_year)
    segments = index.segments()
    vector_search = _start_vector_search(index, ctx, encoder) if use_retrieval else None
    exact: dict[str, Array] = {}
    skill_parts, preferred_parts, must_parts, evidence_parts, alive_parts = [], [], [], [], []
    for segment, alive in segments:
        skills, must_ok = features.coverage(segment, ctx.required, ctx, config)
        preferred, _ = features.coverage(segment, ctx.preferred, ctx, config)
        skill_parts.append(skills)
        preferred_parts.append(preferred)
        must_parts.append(must_ok)
        evidence_parts.append(features.evidence_scores(segment))
        alive_parts.append(np.asarray(alive, dtype=bool))
    exact["skills"] = np.concatenate(skill_parts)
    exact["preferred"] = np.concatenate(preferred_parts)
    exact["evidence"] = np.concatenate(evidence_parts)
    must_ok = np.concatenate(must_parts)
    valid = np.concatenate(alive_parts)

    pool = max(int(config.param("retrieval_pool")), 10 * top_k)
    rrf_k = config.param("rrf_k")
    bm25_ranks = np.zeros(len(valid), dtype=np.int64)
    vector_ranks = np.zeros(len(valid), dtype=np.int64)
    vector_hits = np.zeros(0, dtype=np.int64)
    applicable = dict(ctx.applicable)
    if use_retrieval:
        bm25 = _bm25(index, ctx)
        bm25[~valid] = 0
        bm25_ranks, bm25_hits = _competition_ranks(bm25, pool)
        semantic = None if vector_search is None else vector_search.result()
        retrievers = 1
        if semantic is not None:
            semantic[~valid] = 0
            vector_ranks, vector_hits = _competition_ranks(semantic, pool)
            retrievers = 2
        fused = np.zeros(len(valid), dtype=F32)
        for ranks, hit in ((bm25_ranks, bm25_hits), (vector_ranks, vector_hits)):
            fused[hit] += (1.0 / (rrf_k + ranks[hit])).astype(F32)
        exact["retrieval"] = np.minimum(F32(1), fused / F32(retrievers / (rrf_k + 1)))
    else:
        applicable["retrieval"] = False
        exact["retrieval"] = np.zeros(len(valid), dtype=F32)

    effective = {name: float(getattr(weights, name)) if applicable.get(name) else 0.0 for name in FEATURES}
    total_weight = sum(effective.values())
    share = {name: (w / total_weight if total_weight > 0 else 0.0) for name, w in effective.items()}

    if only_ids is not None:
        allowed = np.zeros(len(valid), dtype=bool)
        n_main = len(index.main)
        for person_id in only_ids:
            where = index.row_of.get(person_id)
            if where is not None:
                allowed[where[1] if where[0] == 0 else n_main + where[1]] = True
        valid &= allowed

    scorer = _PoolScorer(index, ctx, config, exact, share, must_ok)
    rows = _candidate_pool(scorer, valid, top_k, apply_filters)
    pool_scores = scorer.score(rows)
    final = np.full(len(valid), -1.0, dtype=np.float64)
    final[rows] = pool_scores.final
    passed = np.zeros(len(valid), dtype=bool)
    passed[rows] = pool_scores.passed
    ranked = np.zeros(len(valid), dtype=bool)
    ranked[rows] = pool_scores.passed if apply_filters else True

    top = _top(index, final, ranked, top_k)
    top_rows = np.asarray(top, dtype=np.int64)
    at = np.searchsorted(rows, top_rows)
    picked = {
        name: (exact[name][top_rows] if name in exact else pool_scores.features[name][at]).tolist()
        for name in FEATURES
    }
    return [
        _explain(
            index,
            row,
            k,
            ctx,
            config,
            picked,
            share,
            effective,
            final,
            passed,
            bm25_ranks,
            vector_ranks,
            pool,
        )
        for k, row in enumerate(top)
    ]


DENSE_FEATURES = ("experience", "languages", "education", "location", "work_model")
"""Features that are cheap per person but touch every row: computed only for the candidate pool."""
FIRST_POOL = 2000
"""How many people (best upper bounds) are scored exactly to find the top_k-th score to beat."""
SCORE_SLACK = 1e-3
"""Margin (score points) below the threshold kept in the pool, covering float rounding."""


@dataclass
class _PoolScores:
    final: Array  # rounded 0..100 score per pool row
    passed: Array  # hard filters passed per pool row
    features: dict[str, Array]  # dense feature scores per pool row


class _PoolScorer:
    """Exact scores of chosen rows: the sparse features (skills, retrieval, evidence) are already
    known for everyone; the dense ones are computed here for the given rows only."""

    def __init__(
        self,
        index: MatchIndex,
        ctx: JobContext,
        config: EngineConfig,
        exact: dict[str, Array],
        share: dict[str, float],
        must_ok: Array,
    ) -> None:
        self.index, self.ctx, self.config = index, ctx, config
        self.exact, self.share, self.must_ok = exact, share, must_ok
        # float32 is enough for a bound: its rounding error (< 1e-4 points) is far below SCORE_SLACK.
        dense_max = _dense_cap(config) * sum(share[name] for name in DENSE_FEATURES)
        bound = np.full(len(must_ok), F32(100.0 * dense_max), dtype=F32)
        scratch = np.empty(len(must_ok), dtype=F32)
        for name in FEATURES:
            if share[name] > 0 and name in exact:
                np.multiply(exact[name], F32(100.0 * share[name]), out=scratch)
                bound += scratch
        self.upper = bound
        """Upper bound of every person's score (before rounding), in points."""

    def score(self, rows: Array) -> _PoolScores:
        """Exact scores of ``rows`` (sorted global rows), summed in the same order as always."""
        n_main = len(self.index.main)
        parts: dict[str, list[Array]] = {name: [] for name in DENSE_FEATURES}
        language_ok: list[Array] = []
        for segment, local in (
            (self.index.main, rows[rows < n_main]),
            *(
                ((self.index.delta_segment(), rows[rows >= n_main] - n_main),)
                if self.index.delta_rows
                else ()
            ),
        ):
            languages, languages_ok = features.language_scores(segment, self.ctx, self.config, local)
            parts["experience"].append(features.experience_scores(segment, self.ctx, self.config, local))
            parts["languages"].append(languages)
            parts["education"].append(features.education_scores(segment, self.ctx, local)[0])
            parts["location"].append(features.location_scores(segment, self.ctx, self.config, local))
            parts["work_model"].append(features.work_model_scores(segment, self.ctx, local))
            language_ok.append(languages_ok)
        dense = {name: np.concatenate(values).astype(F32) for name, values in parts.items()}
        final: Array = np.zeros(len(rows), dtype=np.float64)
        for name in FEATURES:
            if self.share[name] > 0:
                values = dense[name] if name in dense else self.exact[name][rows]
                final += self.share[name] * values.astype(np.float64)
        final = np.round(np.clip(final * 100.0, 0.0, 100.0), SCORE_DECIMALS)
        passed = self.must_ok[rows] & np.concatenate(language_ok)
        return _PoolScores(final, passed, dense)


SAMPLE = 50_000
"""Rows sampled (evenly spaced) to estimate the bound that about FIRST_POOL people reach."""


def _best_bounds(bound: Array, size: int) -> Array:
    """Sorted rows of roughly the ``size`` best bounds (any subset keeps the pool exact; a good
    one keeps it small). A sample's quantile avoids a selection over every row; a huge tie
    falls back to an exact selection among the tied rows."""
    n = len(bound)
    step = max(1, n // SAMPLE)
    sample = bound[::step]
    keep = max(1, (size * len(sample)) // n)
    cut = np.partition(sample, len(sample) - keep)[len(sample) - keep]
    rows = np.flatnonzero(bound >= cut) if np.isfinite(cut) else np.flatnonzero(np.isfinite(bound))
    if len(rows) > 4 * size or len(rows) < size // 4:
        values = bound[rows] if len(rows) >= size else bound
        picked = np.argpartition(values, len(values) - size)[len(values) - size :]
        rows = np.sort(rows[picked] if len(rows) >= size else picked)
    return rows


def _dense_cap(config: EngineConfig) -> float:
    """The most any dense feature can score: 1, unless a tuned parameter that feeds one of them
    directly was set above 1."""
    feeding = ("unknown_years_score", "relocation_score", "unknown_relocation_score", "below_level_factor")
    return max(1.0, *(float(config.param(name)) for name in feeding))


def _candidate_pool(scorer: _PoolScorer, valid: Array, top_k: int, apply_filters: bool) -> Array:
    """Sorted rows that hold every person who can reach the top ``top_k``.

    Exact, not approximate: a first pool (the best upper bounds) is scored to find the
    ``top_k``-th best score T; anyone whose upper bound is below T cannot be in the top ``top_k``,
    so only people with an upper bound of at least T are scored. Small indexes are scored whole.
    """
    eligible = np.flatnonzero(valid)
    if top_k <= 0 or len(eligible) <= 4 * max(FIRST_POOL, top_k):
        return eligible
    first_size = max(FIRST_POOL, 4 * top_k)
    bound = scorer.upper
    bound[~valid] = -np.inf
    first = _best_bounds(bound, first_size)
    scored = scorer.score(first)
    values = scored.final[scored.passed] if apply_filters else scored.final
    if len(values) < top_k:
        return eligible
    threshold = float(np.partition(values, len(values) - top_k)[len(values) - top_k])
    return np.flatnonzero(bound >= threshold - SCORE_SLACK)


_VECTOR_WORKER: tuple[int, ThreadPoolExecutor] | None = None
_VECTOR_WORKER_LOCK = threading.Lock()


def _start_vector_search(
    index: MatchIndex, ctx: JobContext, encoder: EncoderLike | None
) -> Future[Array | None] | None:
    """The semantic dot products, started on a worker thread so they overlap the sparse scoring
    (numpy releases the GIL in the matrix product). The query is encoded on the caller's thread."""
    if encoder is None or index.dim is None:
        return None
    query = np.asarray(encoder.encode([ctx.query_text]), dtype=np.float32).reshape(-1)
    if query.shape[0] != index.dim:
        return None
    matrices = [segment.vectors for segment, _ in index.segments()]
    sizes = [len(segment) for segment, _ in index.segments()]
    return _vector_worker().submit(_dot_products, matrices, sizes, query)


def _vector_worker() -> ThreadPoolExecutor:
    """This process's worker thread (a forked child gets its own: threads do not survive fork)."""
    global _VECTOR_WORKER
    with _VECTOR_WORKER_LOCK:
        if _VECTOR_WORKER is None or _VECTOR_WORKER[0] != os.getpid():
            worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tb-rank-vectors")
            _VECTOR_WORKER = (os.getpid(), worker)
        return _VECTOR_WORKER[1]


def _dot_products(matrices: list[Array | None], sizes: list[int], query: Array) -> Array:
    parts = [
        np.zeros(size, dtype=F32) if matrix is None else np.asarray(matrix @ query, dtype=F32)
        for matrix, size in zip(matrices, sizes, strict=True)
    ]
    return np.concatenate(parts)


def _explain(
    index: MatchIndex,
    row: int,
    k: int,
    ctx: JobContext,
    config: EngineConfig,
    scores: dict[str, list[float]],
    share: dict[str, float],
    effective: dict[str, float],
    final: Array,
    passed: Array,
    bm25_ranks: Array,
    vector_ranks: Array,
    pool: int,
) -> RankedCandidate:
    n_main = len(index.main)
    segment, i = (index.main, row) if row < n_main else (index.delta_segment(), row - n_main)
    reasons: dict[str, tuple[str, tuple[str, ...]]] = {}
    view = explain.person_view(segment, i)
    if effective["skills"] > 0:
        reasons["skills"] = explain.explain_skills(
            view, ctx.required, ctx, config, scores["skills"][k], preferred=False
        )
    if effective["preferred"] > 0:
        reasons["preferred"] = explain.explain_skills(
            view, ctx.preferred, ctx, config, scores["preferred"][k], preferred=True
        )
    if effective["experience"] > 0:
        reasons["experience"] = explain.explain_experience(segment, i, ctx)
    if effective["languages"] > 0:
        reasons["languages"] = explain.explain_languages(view, ctx)
    if effective["education"] > 0:
        reasons["education"] = explain.explain_education(segment, i, view, ctx, index.vocab)
    if effective["evidence"] > 0:
        reasons["evidence"] = explain.explain_evidence(segment, i, view, config)
    if effective["location"] > 0:
        reasons["location"] = explain.explain_location(segment, i, ctx, config, index.vocab)
    if effective["work_model"] > 0:
        reasons["work_model"] = explain.explain_work_model(segment, i, ctx)
    if effective["retrieval"] > 0:
        reasons["retrieval"] = explain.explain_retrieval(
            float(bm25_ranks[row]), float(vector_ranks[row]), pool
        )
    feature_scores = tuple(
        FeatureScore(
            feature=name,
            score=round(scores[name][k], 4),
            weight=round(share[name], 4),
            contribution=round(100.0 * share[name] * scores[name][k], 2),
            reason=reasons[name][0],
            details=reasons[name][1],
        )
        for name in FEATURES
        if name in reasons
    )
    filters = _filters(view, ctx)
    person_id = segment.ids[i]
    score = round(float(final[row]), 2)
    return RankedCandidate(
        id=person_id,
        score=score,
        features=feature_scores,
        filters=filters,
        passed_filters=bool(passed[row]),
        summary=_summary(score, feature_scores, filters),
        retrieval={"bm25_rank": float(bm25_ranks[row]), "vector_rank": float(vector_ranks[row])},
    )


def _filters(view: explain.PersonView, ctx: JobContext) -> tuple[HardFilterResult, ...]:
    results = []
    for requirement in ctx.required:
        if not requirement.must_have:
            continue
        held = requirement.col >= 0 and requirement.col in view.skills
        results.append(
            HardFilterResult(
                name=f"must-have skill: {requirement.label}",
                passed=held,
                reason=f"{requirement.label} {'held' if held else 'not held'} (must-have)",
            )
        )
    unified = unified_table()
    for need in ctx.languages:
        if not need.required:
            continue
        code = view.languages.get(need.col, 0) if need.col >= 0 else 0
        ok = code > 0 and unified[code] >= need.unified
        have = describe_level(code) if code else "not stated"
        results.append(
            HardFilterResult(
                name=f"{need.label} ≥ {describe_level(need.level_code)}",
                passed=bool(ok),
                reason=f"{need.label} {have}; {describe_level(need.level_code)} required",
            )
        )
    return tuple(results)


def _summary(
    score: float, feature_scores: tuple[FeatureScore, ...], filters: tuple[HardFilterResult, ...]
) -> str:
    strongest = sorted(feature_scores, key=lambda f: (-f.contribution, f.feature))[:2]
    parts = [f.reason[0].lower() + f.reason[1:] for f in strongest if f.reason]
    text = f"Scores {score:g}/100"
    if parts:
        text += ": " + "; ".join(parts)
    failed = [f.name for f in filters if not f.passed]
    if failed:
        text += ". Fails hard filter" + ("s" if len(failed) > 1 else "") + ": " + ", ".join(failed)
    return text + "."


def score_profile(
    profile: CandidateProfile,
    job: JobSpec,
    taxonomy: TaxonomyLike,
    weights: Weights | None = None,
    *,
    reference_year: int | None = None,
) -> RankedCandidate:
    """One person against one job (e.g. "best jobs for this person"): the same features as
    ``rank``; retrieval is left out because a rank within a corpus of one means nothing."""
    index = MatchIndex.build([profile], taxonomy)
    result = rank(
        index, job, taxonomy, top_k=1, weights=weights, reference_year=reference_year, use_retrieval=False
    )
    return result[0]
