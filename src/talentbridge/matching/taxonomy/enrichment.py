"""Our own technical-skills file (``data/tech_skills.yaml``): aliases, Chinese names, categories, relations.

The file is versioned data written by the team (its header cites its sources); this module only
validates and loads it. A malformed file is a programming error and fails loudly at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from talentbridge.matching.taxonomy.text import fold
from talentbridge.matching.taxonomy.types import CATEGORIES

DATA_PACKAGE = "talentbridge.matching.data"


@dataclass(frozen=True)
class CuratedSkill:
    """One entry of ``tech_skills.yaml``."""

    key: str
    id: str
    label: str
    category: str
    aliases: tuple[str, ...]  # folded; includes lookup-only ones
    lookup_only: frozenset[str]  # folded aliases not matched in free text
    exact_case: tuple[str, ...]  # case-sensitive forms that are matched in free text
    zh: tuple[str, ...]


@dataclass(frozen=True)
class Relation:
    """Partial credit between two curated skills, in both directions."""

    a: str
    b: str
    credit: float  # holding b when a is required
    reverse: float  # holding a when b is required
    reason: str


@dataclass(frozen=True)
class Enrichment:
    """The whole file: its version, skills and relations."""

    version: str
    skills: tuple[CuratedSkill, ...]
    relations: tuple[Relation, ...]


def read_data_file(name: str) -> dict[str, Any]:
    """A YAML data file shipped in ``talentbridge.matching.data``."""
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    loaded = yaml.safe_load(text)
    if not isinstance(loaded, dict):
        raise ValueError(f"{name}: expected a mapping at the top level")
    return loaded


def _strings(entry: dict[str, Any], field: str, where: str) -> list[str]:
    value = entry.get(field, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{where}: '{field}' must be a list of strings")
    return value


def parse_enrichment(raw: dict[str, Any], source: str = "tech_skills.yaml") -> Enrichment:
    """Validate the parsed YAML and build the value objects."""
    skills: list[CuratedSkill] = []
    keys: set[str] = set()
    for index, entry in enumerate(raw.get("skills") or []):
        where = f"{source}: skills[{index}]"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: expected a mapping")
        key, skill_id, label, category = (entry.get(f) for f in ("key", "id", "label", "category"))
        if not all(isinstance(v, str) and v for v in (key, skill_id, label, category)):
            raise ValueError(f"{where}: key, id, label and category are required strings")
        assert isinstance(key, str)
        assert isinstance(skill_id, str)
        assert isinstance(label, str)
        assert isinstance(category, str)
        if category not in CATEGORIES:
            raise ValueError(f"{where}: unknown category {category!r}")
        if key in keys:
            raise ValueError(f"{where}: duplicate key {key!r}")
        keys.add(key)
        aliases = [fold(a) for a in [label, *_strings(entry, "aliases", where)]]
        skills.append(
            CuratedSkill(
                key=key,
                id=skill_id,
                label=label,
                category=category,
                aliases=tuple(dict.fromkeys(a for a in aliases if a)),
                lookup_only=frozenset(fold(a) for a in _strings(entry, "lookup_only", where)),
                exact_case=tuple(_strings(entry, "exact_case", where)),
                zh=tuple(_strings(entry, "zh", where)),
            )
        )
    relations: list[Relation] = []
    for index, entry in enumerate(raw.get("relations") or []):
        where = f"{source}: relations[{index}]"
        if not isinstance(entry, dict) or entry.get("a") not in keys or entry.get("b") not in keys:
            raise ValueError(f"{where}: a and b must be keys of listed skills")
        credit_raw, reverse_raw = entry.get("credit"), entry.get("reverse", entry.get("credit"))
        if not isinstance(credit_raw, int | float) or not isinstance(reverse_raw, int | float):
            raise ValueError(f"{where}: credit and reverse must be numbers")
        credit, reverse = float(credit_raw), float(reverse_raw)
        if not (0.0 <= credit <= 1.0 and 0.0 <= reverse <= 1.0):
            raise ValueError(f"{where}: credits must lie in 0..1")
        reason = entry.get("reason")
        if not isinstance(reason, str) or not reason:
            raise ValueError(f"{where}: a reason is required")
        relations.append(Relation(str(entry["a"]), str(entry["b"]), credit, reverse, reason))
    return Enrichment(str(raw.get("version", "unversioned")), tuple(skills), tuple(relations))


def load_enrichment() -> Enrichment:
    """The shipped ``tech_skills.yaml``."""
    return parse_enrichment(read_data_file("tech_skills.yaml"))
