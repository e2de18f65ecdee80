"""Turn one CandidateProfile into the compact row the index stores (the only per-person parse).

Runs once per person at index time: resolves skills against the taxonomy (listed skills by name,
free text by extraction), maps languages, degrees, location and work model onto small codes, and
scores the job-independent evidence signals. Ranking then never looks at the profile again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from talentbridge.kit.clock import utc_now
from talentbridge.matching.engine.config import EngineConfig, engine_config
from talentbridge.matching.engine.levels import (
    UNKNOWN_OFFSET,
    education_level,
    education_rank,
    language_code,
    level_code,
    seniority_of,
    seniority_rank,
    unified_table,
    utc_offset_minutes,
    work_model_code,
)
from talentbridge.matching.engine.ports import TaxonomyLike
from talentbridge.matching.engine.text import normalise_name, skill_token, tokenize
from talentbridge.matching.engine.types import CandidateProfile

TEXT_SKILLS_TOP_K = 30
"""How many skills the taxonomy may extract from one person's free text."""


class Vocab:
    """A growing string -> column mapping with a display label per column."""

    def __init__(self, keys: list[str] | None = None, labels: list[str] | None = None) -> None:
        self.keys: list[str] = list(keys or [])
        self.labels: list[str] = list(labels or self.keys)
        self.index: dict[str, int] = {key: i for i, key in enumerate(self.keys)}

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, key: str, label: str | None = None) -> int:
        """Column of ``key``, adding it when new."""
        column = self.index.get(key)
        if column is None:
            column = len(self.keys)
            self.index[key] = column
            self.keys.append(key)
            self.labels.append(label if label is not None else key)
        return column

    def get(self, key: str) -> int:
        """Column of ``key`` or -1."""
        return self.index.get(key, -1)


@dataclass
class Vocabularies:
    """Every vocabulary the segments share: skills, languages, study fields, countries, terms."""

    skills: Vocab = field(default_factory=Vocab)
    languages: Vocab = field(default_factory=Vocab)
    fields: Vocab = field(default_factory=Vocab)
    countries: Vocab = field(default_factory=Vocab)
    terms: Vocab = field(default_factory=Vocab)


@dataclass
class Row:
    """One person's compact data, before it is packed into a segment's arrays."""

    id: str
    skills: dict[int, tuple[float, float, int]]  # column -> (strength, years or nan, last used year or 0)
    languages: dict[int, int]  # column -> level code
    fields: list[int]
    venues: dict[int, int]  # evidence source index -> hits
    terms: dict[int, int]  # term column -> term frequency
    doc_len: int
    total_years: float
    education: int
    seniority: int
    country: int
    tz_offset: int
    relocate: int
    work_model: int
    evidence: float
    links: int  # bit 1 open-source profile, bit 2 research profile
    other_publications: int


class RowBuilder:
    """Builds rows with one taxonomy, caching skill look-ups by name across people."""

    def __init__(
        self, taxonomy: TaxonomyLike, vocabularies: Vocabularies, config: EngineConfig | None = None
    ):
        self.taxonomy = taxonomy
        self.vocab = vocabularies
        self.config = config or engine_config()
        self._lookup_cache: dict[str, tuple[str, str]] = {}

    def skill_key(self, name: str, skill_id: str | None) -> tuple[str, str]:
        """(vocabulary key, display label) for a skill name and optional taxonomy id."""
        if skill_id:
            known = self.taxonomy.skill(skill_id)
            return skill_id, known.label if known else name
        cached = self._lookup_cache.get(name)
        if cached is None:
            hit = self.taxonomy.lookup_skill(name) if name.strip() else None
            cached = (hit.id, hit.label) if hit else ("name:" + normalise_name(name), name.strip())
            if len(self._lookup_cache) < 200_000:
                self._lookup_cache[name] = cached
        return cached

    def build(self, profile: CandidateProfile, extract_text_skills: bool = True) -> Row:
        """The row for one profile; unknown fields become the 'unknown' code, never an error."""
        params = self.config.params
        listed = params["listed_skill_strength"]
        skills: dict[int, tuple[float, float, int]] = {}
        tokens: list[str] = []

        def put(key: str, label: str, strength: float, years: float, last: int) -> None:
            column = self.vocab.skills.add(key, label)
            old = skills.get(column)
            if old is not None:
                strength = max(strength, old[0])
                years = old[1] if math.isnan(years) else (years if math.isnan(old[1]) else max(years, old[1]))
                last = max(last, old[2])
            skills[column] = (strength, years, last)

        for item in profile.skills:
            if not item.name.strip() and not item.skill_id:
                continue
            key, label = self.skill_key(item.name, item.skill_id)
            years = float(item.years) if item.years is not None and item.years >= 0 else math.nan
            put(key, label, listed, years, int(item.last_used_year or 0))
        text = profile.text.strip()
        if extract_text_skills and text:
            for hit in self.taxonomy.extract_skills(text, top_k=TEXT_SKILLS_TOP_K):
                strength = params["text_skill_strength"] * min(1.0, max(0.0, float(hit.score)))
                if strength > 0:
                    put(hit.skill.id, hit.skill.label, strength, math.nan, 0)
        for column in skills:
            tokens.append(skill_token(self.vocab.skills.keys[column]))
            tokens.extend(tokenize(self.vocab.skills.labels[column]))
        for title in profile.titles:
            tokens.extend(tokenize(title))
        tokens.extend(tokenize(text))
        terms: dict[int, int] = {}
        for token in tokens:
            column = self.vocab.terms.add(token)
            terms[column] = terms.get(column, 0) + 1

        languages: dict[int, int] = {}
        unified = unified_table()
        for name, level in profile.languages:
            code = language_code(name)
            if code is None:
                continue
            column = self.vocab.languages.add(code)
            value = level_code(level)
            if column not in languages or unified[value] > unified[languages[column]]:
                languages[column] = value

        best_degree = -1
        fields: list[int] = []
        for degree, study_field in profile.education:
            best_degree = max(best_degree, education_rank(education_level(degree)))
            if study_field and study_field.strip():
                column = self.vocab.fields.add(normalise_name(study_field), study_field.strip())
                if column not in fields:
                    fields.append(column)

        seniority = max((seniority_rank(seniority_of(t)) for t in profile.titles[:1]), default=-1)
        country = self.vocab.countries.add(profile.country.upper()) if profile.country else -1
        tz_offset = utc_offset_minutes(profile.timezone, profile.country)
        relocate = -1 if profile.willing_to_relocate is None else int(profile.willing_to_relocate)
        venues, evidence, links, other = self._evidence(profile)
        total_years = (
            float(profile.total_years)
            if profile.total_years is not None and profile.total_years >= 0
            else _years_from_experience(profile)
        )
        return Row(
            id=profile.id,
            skills=skills,
            languages=languages,
            fields=fields,
            venues=venues,
            terms=terms,
            doc_len=len(tokens),
            total_years=total_years,
            education=best_degree,
            seniority=seniority,
            country=country,
            tz_offset=tz_offset if tz_offset != UNKNOWN_OFFSET else UNKNOWN_OFFSET,
            relocate=relocate,
            work_model=work_model_code(profile.work_model),
            evidence=evidence,
            links=links,
            other_publications=other,
        )

    def _evidence(self, profile: CandidateProfile) -> tuple[dict[int, int], float, int, int]:
        """Venue/competition hits, the 0..1 evidence score, link bits and unrecognised publications."""
        config = self.config
        sources = (*config.venues, *config.competitions)
        hits: dict[int, int] = {}
        other = 0
        for publication in profile.publications:
            found = False
            for index, source in enumerate(config.venues):
                if source.pattern.search(publication):
                    hits[index] = hits.get(index, 0) + 1
                    found = True
                    break
            other += not found
        offset = len(config.venues)
        for award in profile.awards:
            for index, source in enumerate(config.competitions):
                if source.pattern.search(award):
                    hits[offset + index] = hits.get(offset + index, 0) + 1
                    break
        score = 0.0
        for index, count in hits.items():
            source = sources[index]
            per_hit = config.evidence_scores[source.kind][source.tier]
            score += per_hit * (1 + 0.5 * min(count - 1, 2))  # more hits help, with diminishing returns
        links = 0
        for link in profile.links:
            lowered = link.lower()
            if any(host in lowered for host in config.open_source_hosts):
                links |= 1
            if any(host in lowered for host in config.research_hosts):
                links |= 2
        if links & 1:
            score += config.open_source_score
        if links & 2:
            score += config.research_profile_score
        score += config.other_publication_score * min(other, 4)
        return hits, min(1.0, score), links, other


def _years_from_experience(profile: CandidateProfile) -> float:
    """Years covered by the dated experience entries (overlaps merged), or nan when undated."""
    spans = sorted(
        (start, end if end is not None else utc_now().year)
        for _, _, start, end in profile.experience
        if start is not None
    )
    if not spans:
        return math.nan
    total, current_start, current_end = 0, spans[0][0], spans[0][1]
    for start, end in spans[1:]:
        if start > current_end:
            total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    total += current_end - current_start
    return float(max(total, 0))
