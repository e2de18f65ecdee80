"""Recruiter-readable reasons and details for one person's feature scores.

Scores come from the vectorised features (so ranking and explanation agree); this module only
reads the person's row (CSR slices and small codes) to say *why*, e.g. which required skills are
evidenced, which count partially through a related skill, and which are missing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from talentbridge.matching.engine.config import EngineConfig
from talentbridge.matching.engine.job import JobContext, Requirement
from talentbridge.matching.engine.levels import (
    LEVEL_CODES,
    UNKNOWN_OFFSET,
    describe_level,
    describe_offset,
    scale_table,
    unified_table,
)
from talentbridge.matching.engine.rows import Vocabularies
from talentbridge.matching.engine.segment import Segment
from talentbridge.matching.engine.types import EDUCATION_LEVELS, SENIORITY_LEVELS, WORK_MODELS


def _pct(value: float) -> str:
    return f"{round(value * 100):d}%"


@dataclass(frozen=True)
class PersonView:
    """One person's sparse data as plain Python values, read once per explained candidate."""

    skills: dict[int, tuple[float, float, int]]
    languages: dict[int, int]
    fields: tuple[int, ...]
    venues: tuple[tuple[int, int], ...]


def person_view(segment: Segment, i: int) -> PersonView:
    cols, values = segment.skills.row(i)
    skills = {
        int(c): (float(s), float(y), int(t))
        for c, s, y, t in zip(
            cols.tolist(),
            values["strength"].tolist(),
            values["years"].tolist(),
            values["last"].tolist(),
            strict=True,
        )
    }
    lang_cols, lang_values = segment.languages.row(i)
    venue_cols, venue_values = segment.venues.row(i)
    return PersonView(
        skills=skills,
        languages=dict(zip(lang_cols.tolist(), lang_values["level"].tolist(), strict=True)),
        fields=tuple(segment.study_fields.row(i)[0].tolist()),
        venues=tuple(zip(venue_cols.tolist(), venue_values["hits"].tolist(), strict=True)),
    )


def credit_scalar(
    strength: float, years: float, last: int, min_years: float | None, ctx: JobContext, config: EngineConfig
) -> float:
    """features.skill_credit for one entry, in plain floats (explanations only show rounded %)."""
    p = config.params
    known = not math.isnan(years)
    if min_years:
        years_factor = min(1.0, years / min_years) if known else p["missing_min_years_factor"]
    else:
        base = p["unknown_years_factor"]
        years_factor = base + (1 - base) * min(1.0, years / p["years_saturation"]) if known else base
    if last > 0:
        age = max(0, ctx.reference_year - last - int(p["recency_full_years"]))
        span = max(1.0, p["recency_floor_years"] - p["recency_full_years"])
        recency = 1 - (1 - p["recency_floor"]) * min(1.0, age / span)
    else:
        recency = p["unknown_recency_factor"]
    return strength * years_factor * recency


def requirement_detail(
    view: PersonView, requirement: Requirement, ctx: JobContext, config: EngineConfig
) -> tuple[float, str, str]:
    """(credit, kind "exact"|"related"|"missing", detail sentence) for one requirement."""
    listed = config.param("listed_skill_strength")
    must = " (must-have)" if requirement.must_have else ""
    best, kind, text = 0.0, "missing", f"{requirement.label}: missing{must}"
    held = view.skills.get(requirement.col) if requirement.col >= 0 else None
    if held is not None:
        strength, years, last = held
        credit = credit_scalar(strength, years, last, requirement.min_years, ctx, config)
        parts = ["listed" if strength >= listed else "found in the CV text"]
        if not math.isnan(years):
            parts.append(f"{years:g} years")
            if requirement.min_years:
                parts.append(f"{requirement.min_years:g} wanted")
        elif requirement.min_years:
            parts.append(f"years unknown, {requirement.min_years:g} wanted")
        if last > 0:
            parts.append(f"last used {last}")
        best, kind, text = credit, "exact", f"{requirement.label}: {', '.join(parts)} — {_pct(credit)}"
    for related in requirement.related:
        other = view.skills.get(related.col)
        if other is None:
            continue
        credit = related.credit * credit_scalar(*other, requirement.min_years, ctx, config)
        if credit > best:
            best, kind = credit, "related"
            text = (
                f"{requirement.label}: not held{must}; {related.label} counts {_pct(related.credit)} for "
                f"{requirement.label} ({related.relation}) — {_pct(credit)}"
            )
    return best, kind, text


def explain_skills(
    view: PersonView,
    requirements: list[Requirement],
    ctx: JobContext,
    config: EngineConfig,
    score: float,
    preferred: bool,
) -> tuple[str, tuple[str, ...]]:
    details = []
    exact = related = 0
    for requirement in requirements:
        _, kind, text = requirement_detail(view, requirement, ctx, config)
        details.append(text)
        exact += kind == "exact"
        related += kind == "related"
    noun = "preferred" if preferred else "required"
    reason = f"Has {exact} of {len(requirements)} {noun} skills"
    if related:
        reason += f", {related} more partly through related skills"
    reason += f" (weighted coverage {_pct(score)})"
    if ctx.inferred_skills and not preferred:
        reason += "; requirements inferred from the job text"
    return reason, tuple(details)


def explain_experience(segment: Segment, i: int, ctx: JobContext) -> tuple[str, tuple[str, ...]]:
    years = float(segment.total_years[i])
    seniority = int(segment.seniority[i])
    details = []
    if seniority >= 0:
        details.append(f"Most recent title reads as {SENIORITY_LEVELS[seniority]}")
    if math.isnan(years):
        return f"Years of experience unknown; {ctx.years_source}", tuple(details)
    verdict = "meets" if ctx.required_years is not None and years >= ctx.required_years else "below"
    return f"{years:g} years of experience ({verdict}: {ctx.years_source})", tuple(details)


def explain_languages(view: PersonView, ctx: JobContext) -> tuple[str, tuple[str, ...]]:
    held = view.languages
    unified, scales = unified_table(), scale_table()
    details = []
    met = 0
    for need in ctx.languages:
        kind = "required" if need.required else "preferred"
        wanted = describe_level(need.level_code)
        code = held.get(need.col, 0) if need.col >= 0 else 0
        if code == 0:
            details.append(f"{need.label}: not stated ({wanted} {kind})")
            continue
        ok = unified[code] >= need.unified
        met += ok
        approximate = scales[code] != scales[need.level_code] and LEVEL_CODES[code] != "native"
        verb = "meets" if ok else "below"
        text = f"{need.label}: {describe_level(code)} {verb} {wanted} ({kind})"
        if approximate:
            text += "; HSK↔CEFR compared approximately"
        details.append(text)
    return f"Meets {met} of {len(ctx.languages)} language requirements", tuple(details)


def explain_education(
    segment: Segment, i: int, view: PersonView, ctx: JobContext, vocab: Vocabularies
) -> tuple[str, tuple[str, ...]]:
    level = int(segment.education[i])
    cols = view.fields
    studied = [vocab.fields.labels[c] for c in cols]
    held = EDUCATION_LEVELS[level] if level >= 0 else "unknown degree"
    details = []
    if studied:
        details.append("Studied " + ", ".join(studied))
    if ctx.education_fields:
        matched = bool(set(cols) & set(ctx.field_cols))
        wanted_fields = " / ".join(ctx.education_fields)
        if not studied:
            details.append(f"No field of study stated ({wanted_fields} wanted)")
        else:
            details.append(("Field matches " if matched else "Field differs from ") + wanted_fields)
    if ctx.education_rank >= 0:
        wanted = EDUCATION_LEVELS[ctx.education_rank]
        verdict = "meets" if level >= ctx.education_rank else ("unknown against" if level < 0 else "below")
        return f"Highest degree {held} ({verdict} {wanted})", tuple(details)
    return f"Highest degree {held}", tuple(details)


def explain_evidence(
    segment: Segment, i: int, view: PersonView, config: EngineConfig
) -> tuple[str, tuple[str, ...]]:
    sources = (*config.venues, *config.competitions)
    details = []
    for col, hits in view.venues:
        source = sources[col]
        if source.kind == "publication":
            noun = "publication" if int(hits) == 1 else "publications"
            details.append(f"{int(hits)} {noun} at {source.name} (tier {source.tier})")
        else:
            details.append(f"{source.name} (competition, tier {source.tier})")
    other = int(segment.other_publications[i])
    if other:
        details.append(f"{other} other publication{'s' if other > 1 else ''}")
    links = int(segment.links[i])
    if links & 1:
        details.append("Open-source profile linked (e.g. GitHub)")
    if links & 2:
        details.append("Research profile linked (e.g. Google Scholar, ORCID)")
    if not details:
        return "No publications, competitions or open-source profile found", ()
    return f"{len(details)} evidence signal{'s' if len(details) > 1 else ''}", tuple(details)


def explain_location(
    segment: Segment, i: int, ctx: JobContext, config: EngineConfig, vocab: Vocabularies
) -> tuple[str, tuple[str, ...]]:
    details = []
    country_col = int(segment.country[i])
    country = vocab.countries.keys[country_col] if country_col >= 0 else None
    offset = int(segment.tz_offset[i])
    if ctx.tz_offset != UNKNOWN_OFFSET and offset != UNKNOWN_OFFSET:
        gap = abs(offset - ctx.tz_offset)
        gap = min(gap, 1440 - gap)
        office = config.param("office_hours")
        hours = round(max(0.0, min(office, office - gap / 60)), 1)
        details.append(
            f"{describe_offset(offset)} vs job {describe_offset(ctx.tz_offset)}: "
            f"{hours:g} of {config.param('office_hours'):g} office hours overlap"
        )
    relocate = int(segment.relocate[i])
    if relocate >= 0:
        details.append("Willing to relocate" if relocate else "Not willing to relocate")
    if ctx.country and ctx.work_model != 2:
        details.append("Relocation offered" if ctx.job.relocation_offered else "No relocation support")
    if ctx.work_model == 2 or ctx.country is None:
        reason = (
            "Remote: time-zone overlap decides" if ctx.work_model == 2 else "Time-zone overlap with the job"
        )
    elif country is None:
        reason = "Location unknown"
    elif country == ctx.country:
        reason = f"Based in {country}, the job's country"
    else:
        reason = f"Based in {country}; job in {ctx.country}"
    return reason, tuple(details)


def explain_work_model(segment: Segment, i: int, ctx: JobContext) -> tuple[str, tuple[str, ...]]:
    model = int(segment.work_model[i])
    if model < 0:
        return f"Work-model preference not stated; job is {WORK_MODELS[ctx.work_model]}", ()
    return f"Prefers {WORK_MODELS[model]}; job is {WORK_MODELS[ctx.work_model]}", ()


def explain_retrieval(bm25_rank: float, vector_rank: float, pool: int) -> tuple[str, tuple[str, ...]]:
    details = []
    if bm25_rank > 0:
        details.append(f"Lexical (BM25) rank {int(bm25_rank)}")
    if vector_rank > 0:
        details.append(f"Semantic rank {int(vector_rank)}")
    if not details:
        return f"Not among the top {pool} text matches", ()
    return "Text match with the job, fused by reciprocal rank", tuple(details)
