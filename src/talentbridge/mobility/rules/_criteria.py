"""Parse and check the direct A/B criteria, the B baseline and the computed-route sources."""

from __future__ import annotations

from talentbridge.mobility.rules._reader import Node
from talentbridge.mobility.rules.ruleset import BBaseline, CategoryName, DirectCriterion
from talentbridge.mobility.rules.vocabulary import DEGREES, VOCATIONAL_LEVELS


def parse_criteria(root: Node) -> dict[str, DirectCriterion]:
    criteria: dict[str, DirectCriterion] = {}
    for criterion_id, node in root.key("criteria").items():
        multiple = node.optional("requires_salary_multiple")
        criteria[str(criterion_id)] = DirectCriterion(
            id=str(criterion_id),
            category=_category(node.key("category")),
            label=node.key("label").text(),
            description=node.key("description").text(),
            source=node.key("source").text(),
            uncertain=node.key("uncertain").flag() if node.has("uncertain") else False,
            requires_degree=_degree(node.optional("requires_degree")),
            requires_salary_multiple=multiple.decimal() if multiple else None,
            also_met_by_vocational_level=_vocational_levels(node.optional("also_met_by_vocational_level")),
        )
    if not criteria:
        root.key("criteria").fail("needs at least one criterion")
    return criteria


def parse_b_baseline(node: Node) -> BBaseline:
    return BBaseline(
        label=node.key("label").text(),
        min_degree=_degree(node.key("min_degree")) or "bachelor",
        min_experience_years=node.key("min_experience_years").integer(),
        max_age=node.key("max_age").integer(minimum=18),
        source=node.key("source").text(),
    )


def _category(node: Node) -> CategoryName:
    value = node.text()
    if value == "A":
        return "A"
    if value != "B":
        node.fail(f"expected 'A' or 'B', got {value!r}")
    return "B"


def _degree(node: Node | None) -> str | None:
    if node is None:
        return None
    value = node.text()
    if value not in DEGREES:
        node.fail(f"expected one of {', '.join(DEGREES)}, got {value!r}")
    return value


def _vocational_levels(node: Node | None) -> frozenset[str]:
    if node is None:
        return frozenset()
    levels = node.texts()
    for level in levels:
        if level not in VOCATIONAL_LEVELS:
            node.fail(f"expected vocational levels from {', '.join(VOCATIONAL_LEVELS)}, got {level!r}")
    return frozenset(levels)
