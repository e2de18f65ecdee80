"""Feature scores as array operations over a whole segment (every person at once).

Each function returns one 0..1 float32 score per row. The same functions are applied to tiny
arrays when explaining one person, so an explanation can never disagree with the ranking.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any

import numpy as np

from talentbridge.matching.engine.config import EngineConfig
from talentbridge.matching.engine.job import JobContext, Requirement
from talentbridge.matching.engine.levels import UNKNOWN_OFFSET, unified_table
from talentbridge.matching.engine.segment import Array, Segment

F32 = np.float32


def skill_credit(
    strength: Array, years: Array, last: Array, min_years: float | None, ctx: JobContext, config: EngineConfig
) -> Array:
    """Credit for holding a skill: evidence strength x years factor x recency factor."""
    p = config.params
    years = years.astype(F32)
    known = ~np.isnan(years)
    safe_years = np.where(known, years, F32(0))
    if min_years:
        years_factor = np.where(
            known, np.minimum(F32(1), safe_years / F32(min_years)), F32(p["missing_min_years_factor"])
        )
    else:
        base = F32(p["unknown_years_factor"])
        known_factor = base + (F32(1) - base) * np.minimum(F32(1), safe_years / F32(p["years_saturation"]))
        years_factor = np.where(known, known_factor, base)
    last = last.astype(np.int32)
    age = np.maximum(0, ctx.reference_year - last - int(p["recency_full_years"])).astype(F32)
    span = F32(max(1.0, p["recency_floor_years"] - p["recency_full_years"]))
    floor = F32(p["recency_floor"])
    recency = np.where(
        last > 0, F32(1) - (F32(1) - floor) * np.minimum(F32(1), age / span), F32(p["unknown_recency_factor"])
    )
    return (strength.astype(F32) * years_factor * recency).astype(F32)


_CREDIT_PARAMS = (
    "missing_min_years_factor",
    "unknown_years_factor",
    "years_saturation",
    "recency_full_years",
    "recency_floor_years",
    "recency_floor",
    "unknown_recency_factor",
)
CREDIT_CACHE_BYTES = 96 * 1024 * 1024
"""Memory for skill-column credits kept between rankings (popular skills recur in most jobs);
at a million people the most popular column takes about 2 MB."""
_credit_cache: OrderedDict[tuple[Any, ...], tuple[weakref.ref[Array], Array]] = OrderedDict()
_credit_lock = threading.Lock()
_credit_bytes = 0


def clear_credit_cache() -> None:
    """Forget every remembered skill-column credit (tests; a benchmark's cold runs)."""
    global _credit_bytes
    with _credit_lock:
        _credit_cache.clear()
        _credit_bytes = 0


def column_credit(
    segment: Segment,
    col: int,
    values: dict[str, Array],
    min_years: float | None,
    ctx: JobContext,
    config: EngineConfig,
) -> Array:
    """``skill_credit`` of one skill column, remembered per (segment arrays, column, min years,
    reference year, parameters): the same column scored for the next job costs a lookup. The
    entry holds a weak reference to the segment's array, so a rebuilt segment never hits it."""
    owner = segment.skills.csc_values["strength"]
    key = (
        id(owner),
        col,
        min_years,
        ctx.reference_year,
        tuple(config.params[name] for name in _CREDIT_PARAMS),
    )
    with _credit_lock:
        hit = _credit_cache.get(key)
        if hit is not None and hit[0]() is owner:
            _credit_cache.move_to_end(key)
            return hit[1]
    credit = skill_credit(values["strength"], values["years"], values["last"], min_years, ctx, config)
    credit.setflags(write=False)
    with _credit_lock:
        global _credit_bytes
        previous = _credit_cache.pop(key, None)
        if previous is not None:
            _credit_bytes -= previous[1].nbytes
        _credit_cache[key] = (weakref.ref(owner), credit)
        _credit_bytes += credit.nbytes
        while _credit_bytes > CREDIT_CACHE_BYTES and _credit_cache:
            _credit_bytes -= _credit_cache.popitem(last=False)[1][1].nbytes
    return credit


def requirement_credit(
    segment: Segment,
    requirement: Requirement,
    ctx: JobContext,
    config: EngineConfig,
    best: Array | None = None,
) -> tuple[Array, Array]:
    """(rows holding the skill or a related one, their best credit, related skills included).

    Only the holders' rows are touched: ``best`` is a zeroed scratch array of the segment's
    length, used for the per-row maximum and zeroed again before returning.
    """
    if best is None:
        best = np.zeros(len(segment), dtype=F32)
    touched: list[Array] = []
    for col, factor in ((requirement.col, 1.0), *((rel.col, rel.credit) for rel in requirement.related)):
        hit_rows, values = segment.skills.column(col)
        if len(hit_rows) == 0:
            continue
        credit = column_credit(segment, col, values, requirement.min_years, ctx, config)
        if factor != 1.0:
            credit = (credit * F32(factor)).astype(F32)
        best[hit_rows] = np.maximum(best[hit_rows], credit)
        touched.append(hit_rows)
    if not touched:
        return _NO_ROWS, np.zeros(0, dtype=F32)
    rows = touched[0] if len(touched) == 1 else np.unique(np.concatenate(touched))
    credits = best[rows]
    best[rows] = F32(0)
    return rows, credits


_NO_ROWS = np.zeros(0, dtype=np.int64)


def coverage(
    segment: Segment, requirements: list[Requirement], ctx: JobContext, config: EngineConfig
) -> tuple[Array, Array]:
    """(weighted coverage 0..1, all-must-haves-held mask).

    Work is proportional to the number of people holding a wanted skill, not to the segment:
    a row nobody credits keeps its score (adding a zero credit would not change it)."""
    n = len(segment)
    total = sum(r.weight for r in requirements)
    score = np.zeros(n, dtype=F32)
    must_ok = np.ones(n, dtype=bool)
    if total <= 0:
        return score, must_ok
    scratch = np.zeros(n, dtype=F32)
    for requirement in requirements:
        rows, credits = requirement_credit(segment, requirement, ctx, config, scratch)
        score[rows] += F32(requirement.weight / total) * credits
        if requirement.must_have:
            held = np.zeros(n, dtype=bool)
            held[segment.skills.column(requirement.col)[0]] = True
            must_ok &= held
    return np.minimum(score, F32(1)), must_ok


def language_levels(segment: Segment, col: int) -> Array:
    """Level code (uint8, 0 = not stated) of one language for every row."""
    n = len(segment)
    codes = np.zeros(n, dtype=np.uint8)
    hit_rows, values = segment.languages.column(col)
    if len(hit_rows):
        codes[hit_rows] = values["level"]
    return codes


def language_scores(
    segment: Segment, ctx: JobContext, config: EngineConfig, rows: Array | None = None
) -> tuple[Array, Array]:
    """(0..1 language score, all-required-languages-met mask), for ``rows`` only when given."""
    n = len(segment) if rows is None else len(rows)
    unified = unified_table()
    below = F32(config.param("below_level_factor"))
    preferred_weight = config.param("preferred_language_weight")
    score = np.zeros(n, dtype=F32)
    met_all = np.ones(n, dtype=bool)
    total = 0.0
    for need in ctx.languages:
        weight = 1.0 if need.required else preferred_weight
        total += weight
        if need.col >= 0:
            codes = language_levels(segment, need.col)
            held = unified[codes if rows is None else codes[rows]].astype(F32)
        else:
            held = np.zeros(n, F32)
        meets = held >= F32(need.unified)
        partial = below * held / F32(need.unified)
        score += F32(weight) * np.where(meets, F32(1), partial)
        if need.required:
            met_all &= meets
    if total > 0:
        score /= F32(total)
    return score.astype(F32), met_all


def experience_scores(
    segment: Segment, ctx: JobContext, config: EngineConfig, rows: Array | None = None
) -> Array:
    """min(1, years / required years); the configured neutral value when years are unknown."""
    years = np.asarray(segment.total_years if rows is None else segment.total_years[rows], dtype=F32)
    if not ctx.required_years:
        return np.ones(len(years), dtype=F32)
    known = ~np.isnan(years)
    ratio = np.minimum(F32(1), np.where(known, years, F32(0)) / F32(ctx.required_years))
    return np.where(known, ratio, F32(config.param("unknown_years_score"))).astype(F32)


EDUCATION_BELOW_ONE = 0.6
EDUCATION_FAR_BELOW = 0.25
EDUCATION_UNKNOWN = 0.4
FIELD_OTHER = 0.3
FIELD_UNKNOWN = 0.5
FIELD_SHARE = 0.3


def _level_score(held: int, wanted: int) -> float:
    if held >= wanted:
        return 1.0
    return EDUCATION_BELOW_ONE if held == wanted - 1 else EDUCATION_FAR_BELOW


def education_scores(segment: Segment, ctx: JobContext, rows: Array | None = None) -> tuple[Array, Array]:
    """(0..1 education score, field-matches mask): degree level against the job's, then the field."""
    level = np.asarray(segment.education if rows is None else segment.education[rows]).astype(np.int16)
    n = len(level)
    field_match = np.zeros(len(segment), dtype=bool)
    if ctx.field_cols:
        for col in ctx.field_cols:
            field_match[segment.study_fields.column(col)[0]] = True
    if rows is not None:
        field_match = field_match[rows]
    if ctx.education_rank >= 0:
        table = np.array(
            [EDUCATION_UNKNOWN] + [_level_score(r, ctx.education_rank) for r in range(6)],
            dtype=F32,
        )
        level_score = table[level + 1]
    else:
        level_score = None
    if ctx.education_fields:
        indptr = np.asarray(segment.study_fields.indptr)
        has_any = np.diff(indptr) > 0
        if rows is not None:
            has_any = has_any[rows]
        field_score = np.where(field_match, F32(1), np.where(has_any, F32(FIELD_OTHER), F32(FIELD_UNKNOWN)))
        if level_score is None:
            return field_score.astype(F32), field_match
        return (
            (F32(1 - FIELD_SHARE) * level_score + F32(FIELD_SHARE) * field_score).astype(F32)
        ), field_match
    if level_score is None:
        return np.ones(n, dtype=F32), field_match
    return level_score.astype(F32), field_match


def tz_overlap(segment: Segment, ctx: JobContext, config: EngineConfig, rows: Array | None = None) -> Array:
    """Shared office hours / office hours (0..1); -1 where either time zone is unknown."""
    offsets = np.asarray(segment.tz_offset if rows is None else segment.tz_offset[rows]).astype(np.int32)
    if ctx.tz_offset == UNKNOWN_OFFSET:
        return np.full(len(offsets), F32(-1))
    hours = config.param("office_hours") * 60
    gap = np.abs(offsets - ctx.tz_offset)
    gap = np.minimum(gap, 1440 - gap)
    share = np.clip((F32(hours) - gap.astype(F32)) / F32(hours), F32(0), F32(1))
    return np.where(offsets == UNKNOWN_OFFSET, F32(-1), share).astype(F32)


def location_scores(
    segment: Segment, ctx: JobContext, config: EngineConfig, rows: Array | None = None
) -> Array:
    """Same country, else willingness to relocate; for remote jobs, time-zone overlap."""
    overlap = tz_overlap(segment, ctx, config, rows)
    tz_score = np.where(overlap < 0, F32(0.5), overlap)
    remote = ctx.work_model == 2 or ctx.country is None
    if remote:
        return tz_score.astype(F32)
    country = np.asarray(segment.country if rows is None else segment.country[rows]).astype(np.int32)
    relocate = np.asarray(segment.relocate if rows is None else segment.relocate[rows]).astype(np.int32)
    offered = ctx.job.relocation_offered
    relocation_table = np.array(
        [
            config.param("unknown_relocation_score") if offered else 0.2,  # unknown
            0.1,  # not willing
            config.param("relocation_score") if offered else 0.3,  # willing
        ],
        dtype=F32,
    )
    elsewhere = relocation_table[relocate + 1]
    if ctx.work_model == 1:  # hybrid: a near time zone helps a little while relocating
        elsewhere = np.maximum(elsewhere, F32(0.5) * tz_score)
    unknown_country = np.where(
        overlap < 0, F32(config.param("unknown_relocation_score")), F32(0.5) * tz_score + F32(0.2)
    )
    score = np.where(country == ctx.country_col, F32(1), np.where(country < 0, unknown_country, elsewhere))
    return score.astype(F32)


WORK_MODEL_TABLE = np.array(
    # person: unknown, onsite, hybrid, remote
    [
        [0.7, 1.0, 0.6, 0.2],  # job onsite
        [0.8, 0.9, 1.0, 0.5],  # job hybrid
        [0.9, 0.8, 0.9, 1.0],  # job remote
    ],
    dtype=F32,
)


def work_model_scores(segment: Segment, ctx: JobContext, rows: Array | None = None) -> Array:
    """How the person's preferred work model fits the job's (table above, 1 = same)."""
    models = np.asarray(segment.work_model if rows is None else segment.work_model[rows]).astype(np.int32)
    if ctx.work_model < 0:
        return np.ones(len(models), dtype=F32)
    fit: Array = WORK_MODEL_TABLE[ctx.work_model][models + 1]
    return fit


def evidence_scores(segment: Segment, rows: Array | None = None) -> Array:
    """Job-independent evidence (venues, competitions, open-source profile), scored at index time."""
    return np.asarray(segment.evidence if rows is None else segment.evidence[rows], dtype=F32)
