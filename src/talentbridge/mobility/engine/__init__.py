"""Pure China work-permit assessment engine (no FastAPI/SQLAlchemy): points, routes, what-if.

``assess(person, offer, at)`` scores the 2017 points table, checks every route to categories A
and B, and lists what single change would lift the category; ``assessment_to_dict`` gives the
JSON shape shared by the CLI and the API; ``case_from_dict`` parses that input shape.
"""

from __future__ import annotations

from talentbridge.mobility.engine.assess import assess
from talentbridge.mobility.engine.case_input import case_from_dict
from talentbridge.mobility.engine.serialise import assessment_to_dict
from talentbridge.mobility.engine.types import (
    Assessment,
    FactorResult,
    OfferFacts,
    PersonFacts,
    RouteResult,
    WhatIf,
)
from talentbridge.mobility.rules import RuleSet, load_rules

__all__ = [
    "Assessment",
    "FactorResult",
    "OfferFacts",
    "PersonFacts",
    "RouteResult",
    "RuleSet",
    "WhatIf",
    "assess",
    "assessment_to_dict",
    "case_from_dict",
    "load_rules",
]
