"""Smoke test on the Vanetik & Kogan vacancy/CV set (Information 14(8):468, 2023; GPL-3.0).

DOCX CVs become free-text JSON Resumes ({"basics": {"summary": text}}) and are ranked for each
of the 5 vacancies through the real ``talentbridge rank`` command: the point is DOCX intake and
explanations end to end, not quality (the two annotators agree at Spearman ~0.12).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shared_data import SHARED_DATA
from talentbridge.cli.main import app
from talentbridge.config import get_settings

DATA = SHARED_DATA / "vacancy-resume-ranking"
pytestmark = pytest.mark.skipif(
    not DATA.exists() and os.environ.get("CI") != "true",
    reason=f"shared data absent: {DATA} (smoke test skipped)",
)


@pytest.fixture(scope="module", autouse=True)
def lexical_only(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TALENTBRIDGE_MATCHING_SEMANTIC", "false")
        patch.setenv("TALENTBRIDGE_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        get_settings.cache_clear()
        from talentbridge.matching import taxonomy

        taxonomy.default_taxonomy.cache_clear()
        yield
        taxonomy.default_taxonomy.cache_clear()
    get_settings.cache_clear()


def docx_text(path: Path) -> str:
    from docx2python import docx2python

    with docx2python(path) as document:
        return str(document.text)


def test_docx_cvs_rank_for_every_vacancy(tmp_path: Path) -> None:
    cvs = sorted((DATA / "CV").rglob("*.docx"))
    assert len(cvs) >= 30
    people = tmp_path / "people.jsonl"
    with people.open("w", encoding="utf-8") as handle:
        for path in cvs:
            handle.write(
                json.dumps({"meta": {"id": path.stem}, "basics": {"summary": docx_text(path)}}) + "\n"
            )
    vacancies_file = next(DATA.rglob("5_vacancies.csv"))
    with vacancies_file.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    for number, row in enumerate(rows):
        posting = {
            "@type": "JobPosting",
            "identifier": row["uid"],
            "title": row["job_title"],
            "description": row["job_description"],
        }
        job = tmp_path / f"job{number}.json"
        job.write_text(json.dumps(posting), encoding="utf-8")
        result = CliRunner().invoke(app, ["rank", "--job", str(job), "--people", str(people), "--top", "10"])
        assert result.exit_code == 0, result.output
        ranking = json.loads(result.stdout)
        assert len(ranking) == 10
        assert ranking[0]["score"] > ranking[-1]["score"] or ranking[0]["score"] > 0
        assert all(item["explanation"]["summary"] and item["explanation"]["features"] for item in ranking)
