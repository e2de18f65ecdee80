"""Load a rule set (``data/rulesets.yaml`` + the files it names) and validate it on load.

Any problem raises ``RuleDataError`` naming the file and the key, so a bad data change fails at
start-up or in CI rather than producing a wrong category.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from talentbridge.mobility.rules._criteria import parse_b_baseline, parse_criteria
from talentbridge.mobility.rules._places import (
    parse_regions,
    parse_salary_routes,
    parse_variants,
    parse_wages,
)
from talentbridge.mobility.rules._points import parse_points_table
from talentbridge.mobility.rules._reader import Node, RuleDataError
from talentbridge.mobility.rules.ruleset import RuleSet

DATA_DIRECTORY = Path(__file__).parent / "data"
MANIFEST = "rulesets.yaml"
_FILE_KEYS = ("points_table", "direct_criteria", "average_wages", "regions", "local_variants")


def load_rules(version: str | None = None, directory: Path | None = None) -> RuleSet:
    """The rule set with this version id, or the newest (latest ``effective_from``) by default."""
    where = (directory or DATA_DIRECTORY).resolve()
    return _load_cached(version or _newest_version(where), where)


def rule_versions(directory: Path | None = None) -> tuple[str, ...]:
    """Every rule-set version id, oldest first."""
    return tuple(
        entry.key("version").text() for entry in _manifest_entries((directory or DATA_DIRECTORY).resolve())
    )


@lru_cache(maxsize=16)
def _newest_version(directory: Path) -> str:
    return _manifest_entries(directory)[-1].key("version").text()


@lru_cache(maxsize=16)
def _load_cached(version: str, directory: Path) -> RuleSet:
    entries = _manifest_entries(directory)
    for entry in entries:
        if entry.key("version").text() == version:
            return _build(entry, directory)
    known = ", ".join(entry.key("version").text() for entry in entries)
    raise RuleDataError(MANIFEST, "rulesets", f"no rule set with version {version!r} (known: {known})")


def _manifest_entries(directory: Path) -> list[Node]:
    entries = list(_read(directory, MANIFEST).key("rulesets").elements())
    if not entries:
        raise RuleDataError(MANIFEST, "rulesets", "needs at least one rule set")
    versions = [entry.key("version").text() for entry in entries]
    if len(set(versions)) != len(versions):
        raise RuleDataError(MANIFEST, "rulesets", "version ids must be unique")
    return sorted(entries, key=lambda entry: entry.key("effective_from").day())


def _build(entry: Node, directory: Path) -> RuleSet:
    files = {key: entry.key(key).text() for key in _FILE_KEYS}
    criteria_root = _read(directory, files["direct_criteria"])
    salary_routes = parse_salary_routes(criteria_root.key("salary_multiple_routes"))
    regions = parse_regions(_read(directory, files["regions"]))
    return RuleSet(
        version=entry.key("version").text(),
        effective_from=entry.key("effective_from").day(),
        description=entry.key("description").text(),
        points=parse_points_table(_read(directory, files["points_table"])),
        criteria=parse_criteria(criteria_root),
        b_baseline=parse_b_baseline(criteria_root.key("b_baseline")),
        salary_routes=salary_routes,
        points_route_source=criteria_root.key("points_routes").key("source").text(),
        wages=parse_wages(_read(directory, files["average_wages"]), regions, salary_routes),
        regions=regions,
        variants=parse_variants(_read(directory, files["local_variants"]), regions),
        files=tuple(files.values()),
    )


def _read(directory: Path, name: str) -> Node:
    path = directory / name
    if path.parent != directory:
        raise RuleDataError(name, "", "data files must sit directly in the rules data directory")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleDataError(name, "", f"file not found in {directory}") from None
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise RuleDataError(name, "", f"not valid YAML: {error}") from None
    if not isinstance(value, dict):
        raise RuleDataError(name, "", "the file must hold a mapping at the top level")
    return Node(name, "", value)
