"""Load the engine's data files (weights, parameters, venues) once per process.

The numbers are data, not code: matching/data/weights.yaml and matching/data/venues.yaml say where
they come from, and a recruiter's per-request weights override the defaults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Any

import yaml

from talentbridge.matching.engine.types import Weights


@dataclass(frozen=True)
class EvidenceSource:
    """A venue or competition recognised in publications and awards."""

    name: str
    tier: int
    kind: str  # "publication" | "competition"
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class EngineConfig:
    """Everything tunable about ranking, as loaded from the data files."""

    version: str
    weights: Weights
    params: dict[str, float]
    seniority_years: dict[str, float]
    hsk_to_cefr: dict[str, str]
    venues: tuple[EvidenceSource, ...]
    competitions: tuple[EvidenceSource, ...]
    evidence_scores: dict[str, dict[int, float]]
    open_source_score: float
    research_profile_score: float
    other_publication_score: float
    open_source_hosts: tuple[str, ...]
    research_hosts: tuple[str, ...]

    def param(self, name: str) -> float:
        """One numeric parameter from weights.yaml (KeyError names it when missing)."""
        return float(self.params[name])


def _read_yaml(name: str) -> dict[str, Any]:
    text = resources.files("talentbridge.matching").joinpath("data", name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"matching/data/{name} must hold a mapping")
    return data


def _sources(entries: list[dict[str, Any]], kind: str) -> tuple[EvidenceSource, ...]:
    sources = []
    for entry in entries:
        alternatives = "|".join(re.escape(str(p)) for p in entry["patterns"])
        pattern = re.compile(rf"(?<![\w/])(?:{alternatives})(?![\w/])", re.IGNORECASE)
        sources.append(EvidenceSource(str(entry["name"]), int(entry["tier"]), kind, pattern))
    return tuple(sources)


@cache
def engine_config() -> EngineConfig:
    """The default configuration (cached: the files are read once per process)."""
    weights_doc = _read_yaml("weights.yaml")
    venues_doc = _read_yaml("venues.yaml")
    weight_names = {f.name for f in fields(Weights)}
    raw_weights = weights_doc["weights"]
    unknown = set(raw_weights) - weight_names
    if unknown:
        raise ValueError(f"weights.yaml: unknown weights {sorted(unknown)}")
    weights = Weights(**{name: float(value) for name, value in raw_weights.items()})
    scores = venues_doc["scores"]
    return EngineConfig(
        version=f"weights {weights_doc['version']}, venues {venues_doc['version']}",
        weights=weights,
        params={str(k): float(v) for k, v in weights_doc["parameters"].items()},
        seniority_years={str(k): float(v) for k, v in weights_doc["seniority_years"].items()},
        hsk_to_cefr={str(k): str(v) for k, v in weights_doc["language_equivalence"]["hsk_to_cefr"].items()},
        venues=_sources(venues_doc["venues"], "publication"),
        competitions=_sources(venues_doc["competitions"], "competition"),
        evidence_scores={
            kind: {int(t): float(v) for t, v in scores[kind].items()}
            for kind in ("publication", "competition")
        },
        open_source_score=float(scores["open_source"]),
        research_profile_score=float(scores["research_profile"]),
        other_publication_score=float(scores["other_publication"]),
        open_source_hosts=tuple(venues_doc["profiles"]["open_source"]),
        research_hosts=tuple(venues_doc["profiles"]["research"]),
    )


def weights_from(overrides: dict[str, float] | None) -> Weights:
    """The default weights with a recruiter's overrides applied (negative values are refused)."""
    base = engine_config().weights
    if not overrides:
        return base
    values = {f.name: getattr(base, f.name) for f in fields(Weights)}
    for name, value in overrides.items():
        if name not in values:
            raise ValueError(f"unknown weight {name!r}")
        if value < 0:
            raise ValueError(f"weight {name!r} must not be negative")
        values[name] = float(value)
    return Weights(**values)
