"""``talentbridge permit assess`` / ``permit rules`` through Typer's runner (no database needed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from talentbridge.cli.main import app

CASE: dict[str, Any] = {
    "assessment_date": "2026-11-26",
    "person": {
        "birth_date": "1991-06-01",
        "highest_degree": "doctorate",
        "vocational_level": "none",
        "relevant_experience_years": 10,
        "hsk_level": 4,
        "former_chinese_national": False,
        "degree_taught_in_chinese": False,
        "top_university_graduate": False,
        "fortune500_experience": False,
        "has_patents": False,
        "years_worked_in_china": 0,
        "direct_criteria": [],
    },
    "offer": {
        "annual_salary_cny": 500000,
        "months_in_china_per_year": 12,
        "work_city": "Chengdu",
        "work_province": "Sichuan",
    },
}


def _invoke(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, ["permit", *args], input=stdin)


def _write(tmp_path: Path, data: Any) -> str:
    path = tmp_path / "case.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_assess_prints_the_contract_json(tmp_path: Path) -> None:
    result = _invoke("assess", "--input", _write(tmp_path, CASE), "--format", "json")
    assert result.exit_code == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["points_total"] == 97
    assert output["category"] == "A"
    assert output["rule_version"] == "cn-wp-2017zx/2026.02"
    assert {f["factor"]: f["points"] for f in output["factors"]}["experience"] == 13
    assert all({"factor", "points", "max", "reason"} <= set(f) for f in output["factors"])
    assert all({"category", "route", "status"} <= set(r) for r in output["routes"])
    assert {"what_if", "warnings", "missing_facts", "possible_category"} <= set(output)


def test_assess_reads_standard_input_and_keeps_unknowns_unknown() -> None:
    case = {
        "assessment_date": "2026-11-26",
        "person": {"highest_degree": "master"},
        "offer": {"work_city": "Beijing"},
    }
    result = _invoke("assess", "--input", "-", stdin=json.dumps(case))
    assert result.exit_code == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["category"] is None
    assert output["possible_category"] == "A"
    assert {f["factor"]: f["points"] for f in output["factors"]}["salary"] is None
    assert "annual_salary_cny" in output["missing_facts"]


def test_text_format_is_readable(tmp_path: Path) -> None:
    result = _invoke("assess", "--input", _write(tmp_path, CASE), "--format", "text")
    assert result.exit_code == 0
    assert result.stdout.startswith("Category: A")
    assert "Sichuan is in the western region" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON (line 1"),
        ({**CASE, "person": {**CASE["person"], "hsk_level": 9}}, "person.hsk_level"),
        ({**CASE, "offer": {**CASE["offer"], "salary": 1}}, "offer.salary: unknown field"),
        ({**CASE, "assessment_date": "tomorrow"}, "assessment_date: must be a date"),
        (
            {**CASE, "person": {**CASE["person"], "direct_criteria": ["nobel"]}},
            "person.direct_criteria: unknown criteria",
        ),
        ({**CASE, "person": {**CASE["person"], "birth_date": "2030-01-01"}}, "person.birth_date"),
    ],
)
def test_malformed_input_exits_2_naming_the_field(tmp_path: Path, content: Any, message: str) -> None:
    result = _invoke("assess", "--input", _write(tmp_path, content))
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = _invoke("assess", "--input", str(tmp_path / "absent.json"))
    assert result.exit_code == 2
    assert "absent.json: cannot read" in result.stderr


def test_unknown_rules_version_exits_2(tmp_path: Path) -> None:
    result = _invoke("assess", "--input", _write(tmp_path, CASE), "--rules-version", "v0")
    assert result.exit_code == 2
    assert "no rule set with version 'v0'" in result.stderr


def test_rules_lists_versions_and_wage_figures() -> None:
    result = _invoke("rules")
    assert result.exit_code == 0
    listing = json.loads(result.stdout)
    newest = listing[-1]
    assert newest["version"] == "cn-wp-2017zx/2026.02"
    assert newest["thresholds"] == {"A": 85, "B": 60}
    assert newest["average_wages"]["shenzhen"][0]["annual_average_wage_cny"] is None
    assert newest["average_wages"]["beijing"][0]["annual_average_wage_cny"] == "143244"
