"""Value types shared by the ranking engine, its inputs (JSON Resume, JobPosting) and the product.

They are plain frozen dataclasses so the engine stays pure (no ORM, no web framework) and so the
product (matching/profiles.py) can map database rows onto them without the engine knowing how
people and jobs are stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EDUCATION_LEVELS: tuple[str, ...] = ("none", "secondary", "associate", "bachelor", "master", "doctorate")
"""Degree levels in increasing order; the position is the level's rank."""

SENIORITY_LEVELS: tuple[str, ...] = ("intern", "junior", "mid", "senior", "lead", "principal")
"""Seniority words in increasing order; the position is the level's rank."""

WORK_MODELS: tuple[str, ...] = ("onsite", "hybrid", "remote")


@dataclass(frozen=True)
class ProfileSkill:
    """One skill a person claims or shows, with whatever evidence and recency we know."""

    name: str
    skill_id: str | None = None
    years: float | None = None
    last_used_year: int | None = None
    evidence: str = ""


@dataclass(frozen=True)
class CandidateProfile:
    """Everything the engine knows about a person; built once per person at index time."""

    id: str
    display_name: str = ""
    skills: tuple[ProfileSkill, ...] = ()
    titles: tuple[str, ...] = ()
    """Current and past job titles, most recent first."""
    total_years: float | None = None
    """Professional experience in years."""
    experience: tuple[tuple[str, str, int | None, int | None], ...] = ()
    """(title, employer, start_year, end_year); end_year None means ongoing."""
    education: tuple[tuple[str, str | None], ...] = ()
    """(degree level from EDUCATION_LEVELS, field of study)."""
    languages: tuple[tuple[str, str], ...] = ()
    """(ISO 639-1 code, level: A1..C2 | native | HSK1..HSK6)."""
    publications: tuple[str, ...] = ()
    awards: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    country: str | None = None
    """ISO 3166-1 alpha-2 code."""
    timezone: str | None = None
    """IANA zone name (e.g. "Asia/Shanghai") or a fixed offset such as "UTC+08:00"."""
    willing_to_relocate: bool | None = None
    work_model: str | None = None
    """Preferred work model: onsite | hybrid | remote."""
    text: str = ""
    """All free text (summary, descriptions, pasted CV) for lexical and semantic retrieval."""


@dataclass(frozen=True)
class SkillRequirement:
    """A skill a job asks for; ``weight`` scales its share of the coverage score."""

    name: str
    skill_id: str | None = None
    weight: float = 1.0
    min_years: float | None = None
    must_have: bool = False


@dataclass(frozen=True)
class LanguageRequirement:
    """A language level a job asks for; ``required=False`` makes it a preference."""

    language: str
    min_level: str
    required: bool = True


@dataclass(frozen=True)
class JobSpec:
    """What a job asks for, in the engine's terms."""

    id: str
    title: str
    description: str = ""
    required_skills: tuple[SkillRequirement, ...] = ()
    preferred_skills: tuple[SkillRequirement, ...] = ()
    min_years: float | None = None
    seniority: str | None = None
    """intern | junior | mid | senior | lead | principal."""
    languages: tuple[LanguageRequirement, ...] = ()
    education_level: str | None = None
    education_fields: tuple[str, ...] = ()
    country: str | None = None
    timezone: str | None = None
    work_model: str | None = None
    """onsite | hybrid | remote."""
    relocation_offered: bool = True


@dataclass(frozen=True)
class Weights:
    """Relative weight of each feature in the final score; defaults live in data/weights.yaml."""

    skills: float = 0.40
    preferred: float = 0.10
    experience: float = 0.12
    languages: float = 0.10
    education: float = 0.06
    evidence: float = 0.06
    location: float = 0.06
    work_model: float = 0.03
    retrieval: float = 0.07


@dataclass(frozen=True)
class FeatureScore:
    """One feature's part of a candidate's score, with the explanation a recruiter reads."""

    feature: str
    score: float
    """0..1."""
    weight: float
    contribution: float
    """Points out of 100 this feature adds to the total."""
    reason: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class HardFilterResult:
    """A yes/no requirement (must-have skill, minimum language level), kept apart from the score."""

    name: str
    passed: bool
    reason: str


@dataclass(frozen=True)
class RankedCandidate:
    """A person's place in a job's ranking, with every feature and filter that produced it."""

    id: str
    score: float
    """0..100."""
    features: tuple[FeatureScore, ...] = ()
    filters: tuple[HardFilterResult, ...] = ()
    passed_filters: bool = True
    summary: str = ""
    """One sentence a recruiter can read first."""
    retrieval: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    """Diagnostic ranks/scores from retrieval (bm25 rank, vector rank, fused score)."""
