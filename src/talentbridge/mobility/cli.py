"""``talentbridge permit``: China work-permit assessment from the command line.

Thin edge: parse the case JSON, call the pure engine, print JSON (stdout) or a readable summary.
Errors name the file or field and exit with code 2 (bad input) or 1 (bad rules data).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from talentbridge.errors import InvalidInput
from talentbridge.mobility.engine import assess, assessment_to_dict, case_from_dict
from talentbridge.mobility.engine.types import Assessment
from talentbridge.mobility.rules import RuleDataError, load_rules, rule_versions

permit_app = typer.Typer(help="China work-permit assessment (category A/B/C).", no_args_is_help=True)


class OutputFormat(StrEnum):
    json = "json"
    text = "text"


@permit_app.command("assess")
def assess_command(
    input_path: Annotated[
        str,
        typer.Option("--input", "-i", help="Case JSON file (see docs/cli.md), or '-' for standard input."),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json or text.")
    ] = OutputFormat.json,
    rules_version: Annotated[
        str | None, typer.Option("--rules-version", help="Rule-set version id (default: the newest).")
    ] = None,
) -> None:
    """Assess one case: points per factor, routes to A and B, category, what-if and warnings."""
    data = _read_case(input_path)
    try:
        rules = load_rules(rules_version)
    except RuleDataError as error:
        _exit(f"rules data: {error}", 2 if rules_version else 1)
    try:
        case = case_from_dict(data)
        result = assess(case.person, case.offer, case.assessment_date, rules)
    except InvalidInput as error:
        _exit(f"{input_path}: {error.message}", 2)
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(assessment_to_dict(result), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_text(result))


@permit_app.command("rules")
def rules_command(
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json or text.")
    ] = OutputFormat.json,
) -> None:
    """List the rule-set versions and the local average-wage figures each one holds."""
    try:
        sets = [load_rules(version) for version in rule_versions()]
    except RuleDataError as error:
        _exit(f"rules data: {error}", 1)
    listing = [
        {
            "version": rules.version,
            "effective_from": rules.effective_from.isoformat(),
            "description": rules.description,
            "points_table": rules.points.id,
            "thresholds": dict(rules.points.thresholds.items()),
            "average_wages": {
                city: [
                    {
                        "applies_from": f.applies_from.isoformat() if f.applies_from else None,
                        "data_year": f.data_year,
                        "annual_average_wage_cny": str(f.annual_average_wage_cny)
                        if f.annual_average_wage_cny
                        else None,
                        "source": f.source,
                        "note": f.note,
                    }
                    for f in figures
                ]
                for city, figures in rules.wages.items()
            },
        }
        for rules in sets
    ]
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(listing, ensure_ascii=False, indent=2))
        return
    for entry in listing:
        typer.echo(f"{entry['version']}  (from {entry['effective_from']})  {entry['description']}")


def _read_case(input_path: str) -> Any:
    try:
        text = sys.stdin.read() if input_path == "-" else Path(input_path).read_text(encoding="utf-8")
    except OSError as error:
        _exit(f"{input_path}: cannot read: {error.strerror or error}", 2)
    except UnicodeDecodeError:
        _exit(f"{input_path}: not UTF-8 text", 2)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        _exit(f"{input_path}: not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}", 2)


def _exit(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def render_text(result: Assessment) -> str:
    """A readable summary for a terminal (the JSON output is the stable contract)."""
    category = result.category or "none"
    lines = [
        f"Category: {category}   (possible: {result.possible_category or 'none'})",
        f"Points: {result.points_total}"
        + (f" (up to {result.points_known_max})" if result.points_known_max != result.points_total else ""),
        f"Rules: {result.rule_version}   date: {result.assessment_date.isoformat()}",
        "",
        "Factors:",
    ]
    for factor in result.factors:
        points = "?" if factor.points is None else str(factor.points)
        lines.append(f"  {factor.factor:<18} {points:>3}/{factor.max:<3} {factor.reason}")
    lines += ["", "Routes:"]
    lines += [f"  {r.category} {r.route:<36} {r.status:<8} {r.reason}" for r in result.routes]
    if result.what_if:
        lines += ["", "What if:"] + [f"  - {w.description}" for w in result.what_if]
    if result.missing_facts:
        lines += ["", "Missing facts: " + ", ".join(result.missing_facts)]
    if result.warnings:
        lines += ["", "Warnings:"] + [f"  ! {w}" for w in result.warnings]
    return "\n".join(lines)
