"""One pass of the assessment without what-if: factors, routes, category and warnings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from talentbridge.mobility.engine._notes import Notes
from talentbridge.mobility.engine.factors import age_on, score_factors
from talentbridge.mobility.engine.places import WorkPlace, resolve_work_place
from talentbridge.mobility.engine.routes import evaluate_routes
from talentbridge.mobility.engine.types import Category, FactorResult, OfferFacts, PersonFacts, RouteResult
from talentbridge.mobility.rules.ruleset import RuleSet

CATEGORY_RANK: dict[Category | None, int] = {None: 0, "B": 1, "A": 2}


@dataclass(frozen=True)
class Evaluation:
    factors: tuple[FactorResult, ...]
    routes: tuple[RouteResult, ...]
    category: Category | None
    possible_category: Category | None
    points_total: int
    points_known_max: int
    place: WorkPlace
    notes: Notes


def evaluate(person: PersonFacts, offer: OfferFacts, at: date, rules: RuleSet) -> Evaluation:
    """Score, check every route and pick the category: A if any A route is met, else B, else none."""
    notes = Notes()
    place = resolve_work_place(offer, rules.regions, notes)
    factors = score_factors(person, offer, place, at, rules, notes)
    routes = evaluate_routes(person, offer, place, at, factors, rules, notes)
    evaluation = Evaluation(
        factors=factors,
        routes=routes,
        category=_best(routes, {"met"}),
        possible_category=_best(routes, {"met", "unknown"}),
        points_total=sum(factor.points_min for factor in factors),
        points_known_max=sum(factor.points_max_possible for factor in factors),
        place=place,
        notes=notes,
    )
    _add_outcome_warnings(evaluation, person, at, rules)
    return evaluation


def _best(routes: tuple[RouteResult, ...], statuses: set[str]) -> Category | None:
    for category in ("A", "B"):
        if any(route.category == category and route.status in statuses for route in routes):
            return "A" if category == "A" else "B"
    return None


def _status(evaluation: Evaluation, category: str, route: str) -> str | None:
    return next((r.status for r in evaluation.routes if r.category == category and r.route == route), None)


def _add_outcome_warnings(evaluation: Evaluation, person: PersonFacts, at: date, rules: RuleSet) -> None:
    """Uncertainties of china_rules.md §6 that depend on the outcome of this assessment."""
    notes = evaluation.notes
    thresholds = rules.points.thresholds
    total, high = evaluation.points_total, evaluation.points_known_max
    if total == high and total in thresholds.values():
        notes.warn(
            "threshold_wording",
            f"The total of {total} is exactly on a threshold. The official '以上' includes the number, "
            "but some secondary sources say '>85' or '86+'.",
        )
    if evaluation.category is None:
        notes.warn(
            "category_c_not_by_points",
            "Reaching no category does not make the person category C: C is defined by the kind of work "
            "(90 days or less, quota schemes, interns), not by a score under 60.",
        )
    if (
        _status(evaluation, "B", "salary_multiple") == "met"
        and _status(evaluation, "B", "degree_and_experience") != "met"
    ):
        notes.warn(
            "salary_route_experience",
            "Some consultancies say the 4x salary route also needs 2 years of relevant experience.",
        )
    if evaluation.category == "B" and _status(evaluation, "B", "salary_multiple") == "not_met":
        notes.warn(
            "salary_scrutiny",
            "The 4x salary rule is one route to B, not a minimum for everyone, but since February 2026 "
            "Beijing and Shanghai enforce the salary thresholds strictly and officers may scrutinise B "
            "applicants who earn less.",
        )
    if person.birth_date is not None and evaluation.category != "A":
        age = age_on(person.birth_date, at)
        if age > rules.b_baseline.max_age:
            notes.warn(
                "over_age_limit",
                f"Category B normally requires age {rules.b_baseline.max_age} or under. Applicants over it "
                "were tolerated since 2020 but are reported to be refused again unless they qualify for A.",
            )
    _local_bonus_warning(evaluation, rules)
    for variant in rules.variants:
        if (variant.province and variant.province == evaluation.place.province) or (
            variant.city and variant.city == evaluation.place.city
        ):
            notes.warn(f"local_variant_{variant.id}", variant.message)
    notes.warn(
        "table_version_unconfirmed",
        f"Scored with the {rules.points.id} points table; the live online system could not be checked "
        "to confirm it still uses this table unchanged.",
    )


def _local_bonus_warning(evaluation: Evaluation, rules: RuleSet) -> None:
    bonus = rules.points.local_bonus.max
    ascending: tuple[Category, ...] = ("B", "A")
    for category in ascending:
        threshold = rules.points.thresholds[category]
        below = CATEGORY_RANK[evaluation.category] < CATEGORY_RANK[category]
        if below and evaluation.points_known_max < threshold <= evaluation.points_known_max + bonus:
            evaluation.notes.warn(
                "local_bonus_could_change",
                f"A provincial encouragement bonus (up to {bonus} points, not assessed) could lift the "
                f"total to the {category} threshold of {threshold}; ask the local bureau.",
            )
            return
