"""Resolve a JobSpec against the taxonomy and the index's vocabularies, once per ranking request.

Everything here is per job, not per person: skill requirements become index columns (plus the
columns of related skills with their partial credit), language requirements become level codes,
and the BM25 query becomes (term column, idf) pairs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from talentbridge.kit.clock import utc_now
from talentbridge.matching.engine.config import engine_config
from talentbridge.matching.engine.levels import (
    UNKNOWN_OFFSET,
    education_level,
    education_rank,
    language_code,
    language_label,
    level_code,
    seniority_of,
    unified_table,
    utc_offset_minutes,
    work_model_code,
)
from talentbridge.matching.engine.ports import TaxonomyLike
from talentbridge.matching.engine.rows import Vocabularies
from talentbridge.matching.engine.text import normalise_name, skill_token, tokenize
from talentbridge.matching.engine.types import JobSpec, SkillRequirement

MIN_YEARS = 0.05
"""Year requirements below this (under three weeks) are treated as no requirement."""
INFERRED_SKILLS_TOP_K = 10
"""How many skills are read from a job's text when it lists none explicitly."""


@dataclass(frozen=True)
class RelatedColumn:
    col: int
    credit: float
    relation: str
    label: str


@dataclass(frozen=True)
class Requirement:
    """A skill requirement resolved to an index column, with related columns for partial credit."""

    name: str
    label: str
    key: str
    col: int
    weight: float
    min_years: float | None
    must_have: bool
    inferred: bool
    related: tuple[RelatedColumn, ...]


@dataclass(frozen=True)
class LanguageNeed:
    code: str
    label: str
    col: int
    level: str
    level_code: int
    unified: int
    required: bool


@dataclass
class JobContext:
    """A job in the engine's terms, ready to score every person with array operations."""

    job: JobSpec
    required: list[Requirement]
    preferred: list[Requirement]
    required_years: float | None
    years_source: str
    languages: list[LanguageNeed]
    education_rank: int
    education_fields: tuple[str, ...]
    field_cols: list[int]
    country: str | None
    country_col: int
    tz_offset: int
    work_model: int
    query: list[tuple[str, int]]
    query_text: str
    reference_year: int
    inferred_skills: bool = False
    applicable: dict[str, bool] = field(default_factory=dict)


def _resolve(
    requirement: SkillRequirement, taxonomy: TaxonomyLike, vocab: Vocabularies, inferred: bool
) -> Requirement:
    skill = taxonomy.skill(requirement.skill_id) if requirement.skill_id else None
    if skill is None and requirement.name.strip():
        skill = taxonomy.lookup_skill(requirement.name)
    if skill is not None:
        key, label = skill.id, skill.label
    else:
        key, label = "name:" + normalise_name(requirement.name), requirement.name.strip()
    related: list[RelatedColumn] = []
    if skill is not None:
        for item in taxonomy.related(skill.id):
            col = vocab.skills.get(item.skill.id)
            credit = max(0.0, min(1.0, float(item.credit)))
            if col >= 0 and credit > 0 and item.skill.id != key:
                related.append(RelatedColumn(col, credit, item.relation, item.skill.label))
    return Requirement(
        name=requirement.name,
        label=label,
        key=key,
        col=vocab.skills.get(key),
        weight=max(0.0, float(requirement.weight)),
        min_years=requirement.min_years
        if requirement.min_years and requirement.min_years >= MIN_YEARS
        else None,
        must_have=requirement.must_have,
        inferred=inferred,
        related=tuple(related),
    )


def _dedupe(requirements: list[Requirement]) -> list[Requirement]:
    seen: set[str] = set()
    unique = []
    for requirement in requirements:
        if requirement.key not in seen and requirement.weight > 0:
            seen.add(requirement.key)
            unique.append(requirement)
    return unique


def job_context(
    job: JobSpec,
    taxonomy: TaxonomyLike,
    vocab: Vocabularies,
    *,
    reference_year: int | None = None,
    max_query_terms: int | None = None,
) -> JobContext:
    """Resolve ``job`` once; if it lists no required skills they are read from its title and text."""
    config = engine_config()
    required = [_resolve(r, taxonomy, vocab, False) for r in job.required_skills]
    inferred = False
    if not required and (job.title.strip() or job.description.strip()):
        hits = taxonomy.extract_skills(f"{job.title}\n{job.description}", top_k=INFERRED_SKILLS_TOP_K)
        for hit in hits:
            weight = max(0.3, min(1.0, float(hit.score)))
            requirement = SkillRequirement(name=hit.skill.label, skill_id=hit.skill.id, weight=weight)
            required.append(_resolve(requirement, taxonomy, vocab, True))
        inferred = bool(required)
    required = _dedupe(required)
    # A skill listed as both required and preferred stays in both: removing it from the preferred
    # list would drop a feature the person may score fully on, so adding a requirement the person
    # meets could lower their score.
    preferred = _dedupe([_resolve(p, taxonomy, vocab, False) for p in job.preferred_skills])

    required_years: float | None = None
    years_source = ""
    if job.min_years is not None and job.min_years >= MIN_YEARS:
        required_years, years_source = float(job.min_years), f"{job.min_years:g}+ years required"
    else:
        seniority = job.seniority or seniority_of(job.title)
        if seniority in config.seniority_years and config.seniority_years[seniority] > 0:
            required_years = config.seniority_years[seniority]
            years_source = f"{seniority} role (~{required_years:g} years)"

    unified = unified_table()
    languages = []
    for need in job.languages:
        code = language_code(need.language) or need.language.strip().lower()
        value = level_code(need.min_level)
        if value == 0:
            continue
        languages.append(
            LanguageNeed(
                code=code,
                label=language_label(code),
                col=vocab.languages.get(code),
                level=need.min_level,
                level_code=value,
                unified=int(unified[value]),
                required=need.required,
            )
        )

    field_cols = match_fields(job.education_fields, vocab)
    country = job.country.upper() if job.country else None
    country_col = vocab.countries.get(country) if country else -1
    if country and country_col < 0:
        country_col = -2  # the job's country is nobody's country
    tz_offset = utc_offset_minutes(job.timezone, country)

    max_terms = int(max_query_terms or config.param("max_query_terms"))
    query_tokens: list[str] = []
    for resolved in (*required, *preferred):
        query_tokens.append(skill_token(resolved.key))
        query_tokens.extend(tokenize(resolved.label))
    query_tokens.extend(tokenize(job.title))
    query_tokens.extend(tokenize(job.description))
    query: list[tuple[str, int]] = []
    seen: set[str] = set()
    for token in query_tokens:
        col = vocab.terms.get(token)
        if token not in seen and col >= 0:
            seen.add(token)
            query.append((token, col))
    query = query[:max_terms]

    context = JobContext(
        job=job,
        required=required,
        preferred=preferred,
        required_years=required_years,
        years_source=years_source,
        languages=languages,
        education_rank=education_rank(education_level(job.education_level)),
        education_fields=tuple(f for f in job.education_fields if f.strip()),
        field_cols=field_cols,
        country=country,
        country_col=country_col,
        tz_offset=tz_offset,
        work_model=work_model_code(job.work_model),
        query=query,
        query_text=f"{job.title}\n{', '.join(r.label for r in required)}\n{job.description}",
        reference_year=reference_year or utc_now().year,
        inferred_skills=inferred,
    )
    context.applicable = {
        "skills": bool(required),
        "preferred": bool(preferred),
        "experience": required_years is not None,
        "languages": bool(languages),
        "education": context.education_rank >= 0 or bool(context.education_fields),
        "evidence": True,
        "location": country is not None or tz_offset != UNKNOWN_OFFSET,
        "work_model": context.work_model >= 0,
        "retrieval": True,
    }
    return context


_GENERIC_FIELD_WORDS = frozenset(
    {"of", "and", "in", "science", "sciences", "studies", "engineering", "technology"}
)


def match_fields(wanted: tuple[str, ...], vocab: Vocabularies) -> list[int]:
    """Study-field columns matching any wanted field (containment of the distinctive words)."""
    wanted_sets = []
    for text in wanted:
        words = set(normalise_name(text).replace(",", " ").split())
        distinctive = words - _GENERIC_FIELD_WORDS
        wanted_sets.append(distinctive or words)
    if not wanted_sets:
        return []
    cols = []
    for col, key in enumerate(vocab.fields.keys):
        words = set(key.replace(",", " ").split())
        if any(
            w and (w <= words or (words - _GENERIC_FIELD_WORDS and words - _GENERIC_FIELD_WORDS <= w))
            for w in wanted_sets
        ):
            cols.append(col)
    return cols


def idf(df: int, n_docs: int) -> float:
    """BM25 idf, Lucene variant (as bm25s): ln(1 + (N - df + 0.5) / (df + 0.5))."""
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
