"""The value types the taxonomy hands to the engine and the product (see MATCHING_CONTRACT)."""

from __future__ import annotations

from dataclasses import dataclass

CATEGORIES = ("language", "framework", "method", "tool", "domain", "soft", "other")


@dataclass(frozen=True)
class Skill:
    """A skill: an ESCO concept (``id`` is its URI) or one of ours (``tb:skill/<slug>``)."""

    id: str
    label: str
    category: str
    aliases: tuple[str, ...]  # normalised (folded) names and abbreviations
    zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class Related:
    """Partial credit for holding ``skill`` when another skill is required, and why."""

    skill: Skill
    credit: float
    relation: str


@dataclass(frozen=True)
class Evidence:
    """A character span ``text[start:end]`` of the input that supports a hit."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SkillHit:
    """A skill found in free text, with its score (0..1) and the spans that show it."""

    skill: Skill
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class OccupationHit:
    """An ESCO occupation a job title normalises to, with its score (0..1)."""

    uri: str
    label: str
    score: float
