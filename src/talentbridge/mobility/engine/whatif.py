"""What-if: the smallest salary that reaches a higher category, and single changes that would.

Each candidate change is re-assessed with the same rules (no shortcuts), so a what-if can never
disagree with what the engine would say after the change.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from decimal import Decimal

from talentbridge.mobility.engine.evaluate import CATEGORY_RANK, Evaluation, evaluate
from talentbridge.mobility.engine.factors import cny
from talentbridge.mobility.engine.routes import wage_figure_at
from talentbridge.mobility.engine.types import DEGREES, Category, OfferFacts, PersonFacts, WhatIf
from talentbridge.mobility.rules.ruleset import RuleSet

HSK_LEVELS = range(1, 7)


def what_if(
    person: PersonFacts, offer: OfferFacts, at: date, rules: RuleSet, current: Evaluation
) -> tuple[WhatIf, ...]:
    ascending: tuple[Category, ...] = ("B", "A")
    results: list[WhatIf] = []
    for target in [c for c in ascending if CATEGORY_RANK[c] > CATEGORY_RANK[current.category]]:
        results.append(_salary_by_points(target, person, offer, at, rules))
        salary_route = _salary_by_route(target, person, offer, at, rules, current)
        if salary_route is not None:
            results.append(salary_route)
    if current.category != "A":
        for candidate in (_hsk, _experience, _months, _degree):
            change = candidate(person, offer, at, rules, current)
            if change is not None:
                results.append(change)
    return tuple(results)


def _points_route_met(evaluation: Evaluation, target: Category) -> bool:
    return any(r.category == target and r.route == "points" and r.status == "met" for r in evaluation.routes)


def _salary_by_points(
    target: Category, person: PersonFacts, offer: OfferFacts, at: date, rules: RuleSet
) -> WhatIf:
    current = offer.annual_salary_cny if offer.annual_salary_cny is not None else Decimal(-1)
    for band in sorted(rules.points.salary.bands, key=lambda b: b.min):
        if band.min <= current:
            continue
        changed = evaluate(person, replace(offer, annual_salary_cny=band.min), at, rules)
        if _points_route_met(changed, target):
            return WhatIf(
                "salary_by_points",
                f"An annual salary of {cny(band.min)} gives {band.points} salary points and "
                f"{changed.points_total} points in total, reaching {target} by points.",
                changed.category,
                str(band.min),
            )
    top = max(rules.points.salary.bands, key=lambda b: b.points)
    return WhatIf(
        "salary_by_points",
        f"No salary alone reaches {target} by points: even {cny(top.min)} or more leaves the total under "
        f"{rules.points.thresholds[target]} with the other facts as they are.",
        None,
        None,
    )


def _salary_by_route(
    target: Category, person: PersonFacts, offer: OfferFacts, at: date, rules: RuleSet, current: Evaluation
) -> WhatIf | None:
    figure = wage_figure_at(current.place.city, at, rules)
    multiple = rules.salary_routes[target].multiple
    if figure is None or figure.annual_average_wage_cny is None:
        return WhatIf(
            "salary_by_route",
            f"The {multiple:g}x salary route to {target} cannot be worked out: no local average-wage figure.",
            None,
            None,
        )
    threshold = multiple * figure.annual_average_wage_cny
    if offer.annual_salary_cny is not None and offer.annual_salary_cny >= threshold:
        return None
    changed = evaluate(person, replace(offer, annual_salary_cny=threshold), at, rules)
    return WhatIf(
        "salary_by_route",
        f"An annual salary of {cny(threshold)} ({multiple:g}x the {rules.regions.display(figure.city)} "
        f"average of {cny(figure.annual_average_wage_cny)}) reaches {target} by the salary route.",
        changed.category,
        str(threshold),
    )


def _improves(changed: Evaluation, current: Evaluation) -> bool:
    return CATEGORY_RANK[changed.category] > CATEGORY_RANK[current.category]


def _hsk(
    person: PersonFacts, offer: OfferFacts, at: date, rules: RuleSet, current: Evaluation
) -> WhatIf | None:
    start = (person.hsk_level or 0) + 1
    for level in range(start, max(HSK_LEVELS) + 1):
        changed = evaluate(replace(person, hsk_level=level), offer, at, rules)
        if _improves(changed, current):
            return WhatIf(
                "hsk_level",
                f"A certified HSK level {level} would give {changed.points_total} points: "
                f"category {changed.category}.",
                changed.category,
                str(level),
            )
    return None


def _experience(
    person: PersonFacts, offer: OfferFacts, at: date, rules: RuleSet, current: Evaluation
) -> WhatIf | None:
    factor = rules.points.experience
    cap_years = factor.min_years + math.ceil(
        (factor.max - factor.points_at_min) / max(factor.points_per_further_year, 1)
    )
    start = (
        math.floor(person.relevant_experience_years) + 1
        if person.relevant_experience_years is not None
        else 0
    )
    for years in range(start, cap_years + 1):
        changed = evaluate(replace(person, relevant_experience_years=float(years)), offer, at, rules)
        if _improves(changed, current):
            return WhatIf(
                "relevant_experience_years",
                f"{years} years of certified relevant experience would give category {changed.category}.",
                changed.category,
                str(years),
            )
    return None


def _months(
    person: PersonFacts, offer: OfferFacts, at: date, rules: RuleSet, current: Evaluation
) -> WhatIf | None:
    months = offer.months_in_china_per_year
    for band in sorted(rules.points.months_in_china.bands, key=lambda b: b.min):
        if months is not None and band.min <= Decimal(str(months)):
            continue
        changed = evaluate(person, replace(offer, months_in_china_per_year=float(band.min)), at, rules)
        if _improves(changed, current):
            return WhatIf(
                "months_in_china_per_year",
                f"Working at least {band.min:g} months a year in China would give "
                f"category {changed.category}.",
                changed.category,
                f"{band.min:g}",
            )
    return None


def _degree(
    person: PersonFacts, offer: OfferFacts, at: date, rules: RuleSet, current: Evaluation
) -> WhatIf | None:
    start = DEGREES.index(person.highest_degree) + 1 if person.highest_degree is not None else 1
    for degree in DEGREES[start:]:
        changed = evaluate(replace(person, highest_degree=degree), offer, at, rules)
        if _improves(changed, current):
            return WhatIf(
                "highest_degree",
                f"A {degree} degree would give category {changed.category}.",
                changed.category,
                degree,
            )
    return None
