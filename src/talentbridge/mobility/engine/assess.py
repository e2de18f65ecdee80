"""``assess``: the public entry point of the pure work-permit engine."""

from __future__ import annotations

from datetime import date

from talentbridge.mobility.engine.evaluate import evaluate
from talentbridge.mobility.engine.types import Assessment, OfferFacts, PersonFacts
from talentbridge.mobility.engine.validate import check_facts
from talentbridge.mobility.engine.whatif import what_if
from talentbridge.mobility.rules import RuleSet, load_rules


def assess(person: PersonFacts, offer: OfferFacts, at: date, rules: RuleSet | None = None) -> Assessment:
    """Assess the person and offer on ``at`` with ``rules`` (the newest rule set by default).

    Raises ``InvalidInput`` (naming the field) for impossible facts.
    """
    rules = rules or load_rules()
    check_facts(person, offer, at, rules)
    evaluation = evaluate(person, offer, at, rules)
    notes = evaluation.notes
    return Assessment(
        assessment_date=at,
        rule_version=rules.version,
        points_total=evaluation.points_total,
        points_known_max=evaluation.points_known_max,
        factors=evaluation.factors,
        routes=evaluation.routes,
        category=evaluation.category,
        possible_category=evaluation.possible_category,
        what_if=what_if(person, offer, at, rules, evaluation),
        warnings=tuple(notes.warnings.values()),
        missing_facts=tuple(notes.missing),
        warning_ids=tuple(notes.warnings),
    )
