"""``talentbridge taxonomy titles|skills`` through Typer's runner (lexical, to stay fast)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from talentbridge.cli.main import app
from talentbridge.matching.taxonomy.esco import wheel_data_dir

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["taxonomy", *args, "--no-semantic"])
    return result.exit_code, result.stdout, result.stderr


def test_skills_for_one_text_as_json() -> None:
    code, out, _ = run("skills", "熟悉PyTorch和深度学习", "--top", "5")
    assert code == 0
    hits = json.loads(out)
    assert {"uri", "label", "score", "evidence"} <= set(hits[0])
    by_label = {hit["label"]: hit for hit in hits}
    assert by_label["PyTorch"]["evidence"] == [{"start": 2, "end": 9, "text": "PyTorch"}]
    assert by_label["Deep learning"]["evidence"] == [{"start": 10, "end": 14, "text": "深度学习"}]


def test_skills_jsonl_one_line_per_input_line(tmp_path: Path) -> None:
    source = tmp_path / "texts.txt"
    source.write_text("Python and SQL\n\nKubernetes (k8s)\n", encoding="utf-8")
    code, out, _ = run("skills", "--input", str(source), "--format", "jsonl", "--top", "3")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 3
    assert lines[1] == []
    assert lines[2][0]["label"] == "Kubernetes"


@pytest.mark.skipif(wheel_data_dir() is None, reason="the ESCO wheel is not installed")
def test_titles_json_and_jsonl(tmp_path: Path) -> None:
    code, out, _ = run("titles", "Data Scientist", "--top", "3")
    assert code == 0
    hits = json.loads(out)
    assert len(hits) == 3
    assert set(hits[0]) == {"uri", "label", "score"}
    assert hits[0]["label"] == "data scientist"
    source = tmp_path / "titles.txt"
    source.write_text("Data Scientist\nnurse\n", encoding="utf-8")
    code, out, _ = run("titles", "--input", str(source), "--format", "jsonl", "--top", "2")
    assert code == 0
    assert [len(json.loads(line)) for line in out.splitlines()] == [2, 2]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("skills", ""), "TEXT is empty"),
        (("skills",), "exactly one"),
        (("titles", "x", "--input", "also.txt"), "exactly one"),
        (("titles", "--input", "/nonexistent/titles.txt"), "file not found"),
        (("titles", "Nurse", "--format", "xml"), "--format"),
    ],
)
def test_clear_errors(args: tuple[str, ...], message: str) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert message in err


def test_empty_input_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    code, _, err = run("skills", "--input", str(empty))
    assert code == 2
    assert "contains no text" in err
