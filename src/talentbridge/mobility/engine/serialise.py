"""The JSON shape of an assessment shared by the CLI and the API (issue 5 contract)."""

from __future__ import annotations

from typing import Any

from talentbridge.mobility.engine.types import Assessment


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """Plain JSON-ready dict: points_total, factors, routes, category, rule_version, what_if, warnings, ..."""
    return {
        "assessment_date": assessment.assessment_date.isoformat(),
        "rule_version": assessment.rule_version,
        "category": assessment.category,
        "possible_category": assessment.possible_category,
        "points_total": assessment.points_total,
        "points_known_max": assessment.points_known_max,
        "factors": [
            {
                "factor": factor.factor,
                "points": factor.points,
                "max": factor.max,
                "points_min": factor.points_min,
                "points_max_possible": factor.points_max_possible,
                "reason": factor.reason,
            }
            for factor in assessment.factors
        ],
        "routes": [
            {"category": route.category, "route": route.route, "status": route.status, "reason": route.reason}
            for route in assessment.routes
        ],
        "what_if": [
            {
                "change": w.change,
                "description": w.description,
                "new_category": w.new_category,
                "value": w.value,
            }
            for w in assessment.what_if
        ],
        "warnings": list(assessment.warnings),
        "warning_ids": list(assessment.warning_ids),
        "missing_facts": list(assessment.missing_facts),
    }
