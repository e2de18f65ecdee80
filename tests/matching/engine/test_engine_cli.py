"""``talentbridge rank`` through Typer's runner, with the real taxonomy (lexical mode)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from talentbridge.cli.main import app
from talentbridge.config import get_settings

FIXTURES = Path(__file__).parent / "fixtures"
JOB = FIXTURES / "job_ml.json"
PEOPLE = FIXTURES / "people_ml.jsonl"


@pytest.fixture(autouse=True, scope="module")
def lexical_only(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No sentence-transformers in these tests: the taxonomy (built once here) runs lexically."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TALENTBRIDGE_MATCHING_SEMANTIC", "false")
        patch.setenv("TALENTBRIDGE_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        get_settings.cache_clear()
        from talentbridge.matching import taxonomy

        taxonomy.default_taxonomy.cache_clear()
        yield
        taxonomy.default_taxonomy.cache_clear()
    get_settings.cache_clear()


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["rank", *args])


def test_rank_prints_the_contract_json_best_first() -> None:
    result = run("--job", str(JOB), "--people", str(PEOPLE), "--top", "10", "--format", "json")
    assert result.exit_code == 0, result.output
    ranking = json.loads(result.stdout)
    assert next(item["id"] for item in ranking) == "strong"
    assert {item["id"] for item in ranking} == {"strong", "2", "empty", "web"}  # line 1 is blank: skipped
    assert [item["score"] for item in ranking] == sorted((item["score"] for item in ranking), reverse=True)
    first = ranking[0]
    assert set(first) == {"id", "score", "explanation"}
    assert 0 <= first["score"] <= 100
    explanation = first["explanation"]
    assert explanation["summary"].startswith(f"Scores {first['score']:g}/100")
    features = {f["feature"]: f for f in explanation["features"]}
    assert {"skills", "experience", "languages", "evidence", "location", "retrieval"} <= set(features)
    assert set(features["skills"]) == {"feature", "score", "weight", "contribution", "reason", "details"}
    assert any(d.startswith("PyTorch: listed") for d in features["skills"]["details"])
    assert [(f["name"], f["passed"]) for f in explanation["filters"]] == [
        ("must-have skill: PyTorch", True),
        ("English ≥ B2", True),
    ]
    empty = next(item for item in ranking if item["id"] == "empty")
    assert empty["explanation"]["passed_filters"] is False


def test_free_text_resume_ranks_through_its_text() -> None:
    ranking = json.loads(run("--job", str(JOB), "--people", str(PEOPLE), "--format", "json").stdout)
    pasted = next(item for item in ranking if item["id"] == "2")
    empty = next(item for item in ranking if item["id"] == "empty")
    assert pasted["score"] > empty["score"]
    skills = next(f for f in pasted["explanation"]["features"] if f["feature"] == "skills")
    assert any("Python: found in the CV text" in d for d in skills["details"])


def test_top_limits_and_filters_drop_failures() -> None:
    assert len(json.loads(run("--job", str(JOB), "--people", str(PEOPLE), "--top", "2").stdout)) == 2
    kept = json.loads(run("--job", str(JOB), "--people", str(PEOPLE), "--filters").stdout)
    assert [item["id"] for item in kept] == ["strong"]


def test_malformed_resume_line_is_named_with_exit_2(tmp_path: Path) -> None:
    people = tmp_path / "people.jsonl"
    people.write_text('{"basics": {"name": "ok"}}\n{"work": [{"startDate": "last May"}]}\n', encoding="utf-8")
    result = run("--job", str(JOB), "--people", str(people))
    assert result.exit_code == 2
    assert "line 2: JSON Resume field work[0].startDate" in result.stderr
    assert result.stdout == ""


def test_broken_json_and_bad_job_are_named(tmp_path: Path) -> None:
    people = tmp_path / "people.jsonl"
    people.write_text('{"basics": {}}\n{not json\n', encoding="utf-8")
    result = run("--job", str(JOB), "--people", str(people))
    assert result.exit_code == 2
    assert "line 2: not valid JSON" in result.stderr
    job = tmp_path / "job.json"
    job.write_text(
        json.dumps({"@type": "JobPosting", "title": "x", "x-talentbridge": {"languages": ["en:Z9"]}})
    )
    result = run("--job", str(job), "--people", str(PEOPLE))
    assert result.exit_code == 2
    assert "JobPosting field x-talentbridge.languages[0].min_level" in result.stderr


def test_duplicate_ids_and_unknown_format_are_refused(tmp_path: Path) -> None:
    people = tmp_path / "people.jsonl"
    people.write_text('{"meta": {"id": "x"}}\n{"meta": {"id": "x"}}\n', encoding="utf-8")
    result = run("--job", str(JOB), "--people", str(people))
    assert result.exit_code == 2
    assert "meta.id 'x' repeats line 1" in result.stderr
    assert run("--job", str(JOB), "--people", str(PEOPLE), "--format", "csv").exit_code == 2


def test_empty_people_file_gives_an_empty_array(tmp_path: Path) -> None:
    people = tmp_path / "people.jsonl"
    people.write_text("\n\n", encoding="utf-8")
    result = run("--job", str(JOB), "--people", str(people))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
