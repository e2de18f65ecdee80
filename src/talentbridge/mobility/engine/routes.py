"""Every route to category A and B: direct criteria, the salary multiples and the points thresholds.

A route is ``met`` only when known facts prove it, ``not_met`` only when known facts rule it out,
and ``unknown`` otherwise — missing data never counts as zero.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from talentbridge.mobility.engine._notes import Notes
from talentbridge.mobility.engine.factors import age_on, cny
from talentbridge.mobility.engine.places import WorkPlace
from talentbridge.mobility.engine.types import (
    DEGREES,
    FactorResult,
    OfferFacts,
    PersonFacts,
    RouteResult,
    RouteStatus,
)
from talentbridge.mobility.rules.ruleset import CategoryName, DirectCriterion, RuleSet, WageFigure

STALE_AFTER = timedelta(days=366)


@dataclass(frozen=True)
class Check:
    """One condition of a route, with its status and a short explanation."""

    status: RouteStatus
    text: str


def combine(checks: Iterable[Check]) -> RouteStatus:
    """All met → met; any not met → not met; otherwise unknown."""
    statuses = [check.status for check in checks]
    if "not_met" in statuses:
        return "not_met"
    return "unknown" if "unknown" in statuses else "met"


def wage_figure_at(city: str | None, at: date, rules: RuleSet) -> WageFigure | None:
    """The newest sourced figure for the city in effect on ``at``."""
    for figure in rules.wages.get(city or "", ()):
        if figure.annual_average_wage_cny is not None and figure.applies_from and figure.applies_from <= at:
            return figure
    return None


def evaluate_routes(
    person: PersonFacts,
    offer: OfferFacts,
    place: WorkPlace,
    at: date,
    factors: tuple[FactorResult, ...],
    rules: RuleSet,
    notes: Notes,
) -> tuple[RouteResult, ...]:
    low = sum(factor.points_min for factor in factors)
    high = sum(factor.points_max_possible for factor in factors)
    results: list[RouteResult] = []
    categories: tuple[CategoryName, ...] = ("A", "B")
    for category in categories:
        if category == "B":
            results.append(_baseline(person, at, rules))
        for criterion in rules.criteria.values():
            if criterion.category == category:
                results.append(_direct(criterion, person, offer, place, at, rules, notes))
        results.append(_salary_multiple(category, offer, place, at, rules, notes))
        results.append(_points(category, low, high, rules))
    return tuple(results)


def _route(category: CategoryName, route: str, checks: list[Check]) -> RouteResult:
    return RouteResult(category, route, combine(checks), " ".join(check.text for check in checks))


def _baseline(person: PersonFacts, at: date, rules: RuleSet) -> RouteResult:
    baseline = rules.b_baseline
    return _route(
        "B",
        "degree_and_experience",
        [
            _degree_check(person, baseline.min_degree),
            _experience_check(person, baseline.min_experience_years),
            _age_limit_check(person, at, baseline.max_age),
            Check("met", "The post must also fit the Guide Catalogue for foreigners working in China."),
        ],
    )


def _degree_check(person: PersonFacts, minimum: str) -> Check:
    if person.highest_degree is None:
        return Check("unknown", "Degree unknown.")
    ok = DEGREES.index(person.highest_degree) >= DEGREES.index(minimum)
    word = "at least" if ok else "below"
    return Check("met" if ok else "not_met", f"Degree ({person.highest_degree}) is {word} {minimum}.")


def _experience_check(person: PersonFacts, minimum: int) -> Check:
    years = person.relevant_experience_years
    if years is None:
        return Check("unknown", "Relevant experience unknown.")
    if years >= minimum:
        return Check("met", f"{years:g} years of relevant experience (at least {minimum}).")
    return Check("not_met", f"{years:g} years of relevant experience is under {minimum}.")


def _age_limit_check(person: PersonFacts, at: date, maximum: int) -> Check:
    if person.birth_date is None:
        return Check("unknown", "Age unknown.")
    age = age_on(person.birth_date, at)
    if age <= maximum:
        return Check("met", f"Age {age} is within the limit of {maximum}.")
    return Check("not_met", f"Age {age} is over {maximum} (can be relaxed only where genuinely needed).")


def _direct(
    criterion: DirectCriterion,
    person: PersonFacts,
    offer: OfferFacts,
    place: WorkPlace,
    at: date,
    rules: RuleSet,
    notes: Notes,
) -> RouteResult:
    by_level = person.vocational_level in criterion.also_met_by_vocational_level
    if criterion.id not in person.direct_criteria and not by_level:
        if criterion.also_met_by_vocational_level and person.vocational_level is None:
            notes.missing_fact("vocational_level")
            reason = f"Not recorded; an unknown vocational level could meet it: {criterion.label}."
            return RouteResult(criterion.category, criterion.id, "unknown", reason)
        reason = f"Not recorded as met: {criterion.label}."
        return RouteResult(criterion.category, criterion.id, "not_met", reason)
    if criterion.uncertain:
        notes.warn(
            f"criterion_unverified_{criterion.id}",
            f"The details of '{criterion.label}' come from secondary sources, not the official text.",
        )
    reason = "Recorded as met" if not by_level else "Met by the vocational qualification"
    checks = [Check("met", f"{reason}: {criterion.label}.")]
    if criterion.requires_degree is not None:
        checks.append(_degree_check(person, criterion.requires_degree))
    if criterion.requires_salary_multiple is not None:
        checks.append(_multiple_check(criterion.requires_salary_multiple, offer, place, at, rules, notes))
    return _route(criterion.category, criterion.id, checks)


def _salary_multiple(
    category: CategoryName, offer: OfferFacts, place: WorkPlace, at: date, rules: RuleSet, notes: Notes
) -> RouteResult:
    check = _multiple_check(rules.salary_routes[category].multiple, offer, place, at, rules, notes)
    return RouteResult(category, "salary_multiple", check.status, check.text)


def _multiple_check(
    multiple: Decimal, offer: OfferFacts, place: WorkPlace, at: date, rules: RuleSet, notes: Notes
) -> Check:
    figure = _figure_or_warn(place, at, rules, notes)
    if figure is None or figure.annual_average_wage_cny is None:
        return Check("unknown", f"No local average wage figure for the {multiple:g}x salary test.")
    threshold = multiple * figure.annual_average_wage_cny
    if offer.annual_salary_cny is None:
        return Check("unknown", f"Salary unknown; {multiple:g}x the local average is {cny(threshold)}.")
    if offer.annual_salary_cny >= threshold:
        return Check(
            "met",
            f"Salary {cny(offer.annual_salary_cny)} is at least {multiple:g}x the local average "
            f"({cny(threshold)}).",
        )
    return Check(
        "not_met",
        f"Salary {cny(offer.annual_salary_cny)} is below {multiple:g}x the local average ({cny(threshold)}).",
    )


def _figure_or_warn(place: WorkPlace, at: date, rules: RuleSet, notes: Notes) -> WageFigure | None:
    if place.city is None:
        if place.city_name is None:
            notes.missing_fact("work_city")
        return None
    city = rules.regions.display(place.city)
    figure = wage_figure_at(place.city, at, rules)
    if figure is None or figure.annual_average_wage_cny is None:
        history = rules.wages.get(place.city, ())
        note = next((f.note for f in history if f.annual_average_wage_cny is None and f.note), None)
        notes.warn(
            "wage_figure_missing",
            f"No sourced average-wage figure for {city} in effect on {at.isoformat()}, so the 4x/6x "
            f"salary routes cannot be checked.{' ' + note if note else ''}",
        )
        return None
    year = f"{figure.data_year} " if figure.data_year else ""
    denominator = f" ({figure.denominator})" if figure.denominator else ""
    notes.warn(
        "salary_denominator",
        f"The salary routes use {city}'s {year}average wage of {cny(figure.annual_average_wage_cny)} a year"
        f"{denominator}, applied from {figure.applies_from}. Cities use different denominators and "
        "refresh them every year; check the local announcement.",
    )
    if figure.applies_from and at - figure.applies_from > STALE_AFTER:
        notes.warn(
            "wage_figure_stale",
            f"The {city} average-wage figure has applied since {figure.applies_from}; "
            "a newer figure is likely.",
        )
    return figure


def _points(category: CategoryName, low: int, high: int, rules: RuleSet) -> RouteResult:
    threshold = rules.points.thresholds[category]
    if low >= threshold:
        return RouteResult(
            category, "points", "met", f"{low} points reach the {category} threshold of {threshold}."
        )
    if high < threshold:
        reason = f"{high} points at most, below the {category} threshold of {threshold}."
        if high != low:
            reason = f"{low} points known, {reason}"
        return RouteResult(category, "points", "not_met", reason)
    return RouteResult(
        category,
        "points",
        "unknown",
        f"{low} points known, up to {high} possible; the {category} threshold is {threshold}.",
    )
