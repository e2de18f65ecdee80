"""``talentbridge parse FILE --format json``: JSON on stdout, exit 2 with a reason for bad files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from talentbridge.cli.main import app


def test_parse_prints_resume_evidence_and_metadata(tmp_path: Path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text("张伟 Wei Zhang\nwei@example.com\n\nSKILLS\nPython, Docker\n", encoding="gbk")
    result = CliRunner().invoke(app, ["parse", str(cv), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"resume", "evidence", "warnings", "language", "detected_type", "content_hash"}
    assert payload["resume"]["basics"]["name"] == "Wei Zhang"
    assert payload["detected_type"] == "text"
    assert {"path", "value", "snippet", "start", "end", "confidence"} <= set(payload["evidence"][0])


def test_unreadable_file_exits_2_with_a_reason(tmp_path: Path) -> None:
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    result = CliRunner().invoke(app, ["parse", str(scan)])
    assert result.exit_code == 2
    assert "image_only" in result.stderr
    missing = CliRunner().invoke(app, ["parse", str(tmp_path / "missing.pdf")])
    assert missing.exit_code == 2
    assert "cannot read" in missing.stderr
