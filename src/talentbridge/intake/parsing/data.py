"""Loads the parser's vocabularies from ``intake/data/*.yaml`` (each file cites its source).

Headings, degree words, language levels, venues, competitions, cities and the fallback skill
list change with markets and conventions, so they are data, not code. Files are read once per
process and compiled into small frozen structures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _load(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle)
    if not isinstance(loaded, dict):
        raise ValueError(f"{name}: expected a mapping at the top level")
    return loaded


def _is_cjk(text: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" for char in text)


def alias_pattern(aliases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any alias: Latin spellings on word boundaries, CJK ones anywhere."""
    parts = []
    for alias in sorted({a.lower() for a in aliases}, key=len, reverse=True):
        escaped = re.escape(alias)
        parts.append(escaped if _is_cjk(alias) else rf"(?<![\w+#.]){escaped}(?![\w+#])")
    return re.compile("|".join(parts), re.IGNORECASE)


@dataclass(frozen=True)
class Headings:
    """Normalised heading text → section name."""

    by_text: dict[str, str]


@cache
def headings() -> Headings:
    raw = _load("section_headings.yaml")["sections"]
    by_text: dict[str, str] = {}
    for section, spellings in raw.items():
        for language in ("en", "zh"):
            for text in spellings.get(language) or []:
                by_text[str(text).lower()] = str(section)
    return Headings(by_text=by_text)


@dataclass(frozen=True)
class DegreeRule:
    level: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Degrees:
    rules: tuple[DegreeRule, ...]  # highest level first
    study_type: dict[str, str]


def _degree_pattern(words: list[str]) -> re.Pattern[str]:
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word)
        parts.append(escaped if _is_cjk(word) else rf"(?<![A-Za-z]){escaped}(?![A-Za-z])")
    return re.compile("|".join(parts), re.IGNORECASE)


@cache
def degrees() -> Degrees:
    raw = _load("degrees.yaml")
    rules = tuple(
        DegreeRule(
            level=str(item["level"]),
            pattern=_degree_pattern([str(w) for w in (item.get("en") or []) + (item.get("zh") or [])]),
        )
        for item in raw["levels"]
    )
    return Degrees(rules=rules, study_type={str(k): str(v) for k, v in raw["study_type"].items()})


@dataclass(frozen=True)
class ScoreTest:
    name: str
    pattern: re.Pattern[str]
    language: str
    bands: tuple[tuple[float, str], ...]  # (lowest score, level), highest first


@dataclass(frozen=True)
class LanguageData:
    names: dict[str, str]  # lower-case name → ISO 639 code
    name_pattern: re.Pattern[str]
    display: dict[str, str]
    fluency_words: tuple[tuple[str, str], ...]
    tests: tuple[ScoreTest, ...]
    certificates: tuple[tuple[re.Pattern[str], str, str, str], ...]  # (pattern, text, language, level)
    hsk_pattern: re.Pattern[str]
    hsk_cap: int


@cache
def language_data() -> LanguageData:
    raw = _load("language_levels.yaml")
    names = {
        str(name).lower(): str(code) for code, spellings in raw["languages"].items() for name in spellings
    }
    tests = tuple(
        ScoreTest(
            name=str(name),
            pattern=re.compile(str(spec["pattern"]), re.IGNORECASE),
            language=str(spec["language"]),
            bands=tuple((float(low), str(level)) for low, level in spec["bands"]),
        )
        for name, spec in raw["tests"].items()
    )
    certificates = tuple(
        (alias_pattern([str(text)]), str(text), str(language), str(level))
        for text, language, level in raw["named_certificates"]
    )
    return LanguageData(
        names=names,
        name_pattern=alias_pattern(list(names)),
        display={str(k): str(v) for k, v in raw["display"].items()},
        fluency_words=tuple((str(word).lower(), str(level)) for word, level in raw["fluency_words"]),
        tests=tests,
        certificates=certificates,
        hsk_pattern=re.compile(str(raw["hsk"]["pattern"]), re.IGNORECASE),
        hsk_cap=int(raw["hsk"]["cap"]),
    )


@dataclass(frozen=True)
class Named:
    """A recognised thing (venue, competition, city, skill) and the regex for its spellings."""

    name: str
    pattern: re.Pattern[str]
    detail: str  # venue field, competition issuer, city country, skill "ambiguous"/""


def _named(items: list[dict[str, Any]], detail_key: str) -> tuple[Named, ...]:
    result = []
    for item in items:
        aliases = [str(a) for a in (item.get("aliases") or [])] + [str(z) for z in (item.get("zh") or [])]
        detail = item.get(detail_key)
        result.append(
            Named(
                name=str(item.get("name") or item.get("label")),
                pattern=alias_pattern(aliases or [str(item.get("name") or item.get("label"))]),
                detail="" if detail in (None, False) else ("ambiguous" if detail is True else str(detail)),
            )
        )
    return tuple(result)


@cache
def venues() -> tuple[Named, ...]:
    return _named(_load("venues.yaml")["venues"], "field")


@cache
def competitions() -> tuple[Named, ...]:
    return _named(_load("competitions.yaml")["competitions"], "issuer")


@cache
def cities() -> tuple[Named, ...]:
    return _named(_load("locations.yaml")["cities"], "country")


@cache
def fallback_skills() -> tuple[Named, ...]:
    return _named(_load("skills.yaml")["skills"], "ambiguous")


@cache
def fallback_skill_aliases() -> dict[str, tuple[str, bool]]:
    """Lower-case alias → (label, ambiguous)."""
    raw = _load("skills.yaml")["skills"]
    table: dict[str, tuple[str, bool]] = {}
    for item in raw:
        label = str(item["label"])
        for alias in [label, *(item.get("aliases") or []), *(item.get("zh") or [])]:
            table.setdefault(str(alias).lower(), (label, bool(item.get("ambiguous"))))
    return table
