"""China work-permit rules as versioned, sourced data (YAML in ``data/``) and their loader."""

from __future__ import annotations

from talentbridge.mobility.rules._reader import RuleDataError
from talentbridge.mobility.rules.loader import DATA_DIRECTORY, load_rules, rule_versions
from talentbridge.mobility.rules.names import normalise_place
from talentbridge.mobility.rules.ruleset import RuleSet, WageFigure

__all__ = [
    "DATA_DIRECTORY",
    "RuleDataError",
    "RuleSet",
    "WageFigure",
    "load_rules",
    "normalise_place",
    "rule_versions",
]
