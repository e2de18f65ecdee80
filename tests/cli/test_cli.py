"""The command line through Typer's runner, on the test database."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner, Result

from talentbridge.audit.models import AuditEvent
from talentbridge.auth.models import ApiToken, User
from talentbridge.cli.main import app
from talentbridge.config import get_settings
from talentbridge.people.models import Person

Invoke = Callable[..., Result]


@pytest.fixture
def invoke(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, session_factory: sessionmaker[Session]
) -> Iterator[Invoke]:
    """Run ``talentbridge ...`` against the test database with its own data directory."""
    del session_factory  # the database is wiped after the test
    monkeypatch.setenv("TALENTBRIDGE_DATABASE_URL", database_url)
    monkeypatch.setenv("TALENTBRIDGE_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()

    def _invoke(*args: str, input_text: str | None = None) -> Result:
        get_settings.cache_clear()
        return runner.invoke(app, list(args), input=input_text)

    yield _invoke
    get_settings.cache_clear()


def _count(db: Session, model: type) -> int:
    return db.scalar(select(func.count()).select_from(model)) or 0


def test_db_upgrade_is_idempotent(invoke: Invoke) -> None:
    assert invoke("db", "upgrade").exit_code == 0
    second = invoke("db", "upgrade")
    assert second.exit_code == 0
    assert "up to date" in second.output


def test_users_and_tokens(invoke: Invoke, db: Session) -> None:
    created = invoke(
        "users", "create", "--email", "Ops@Example.com", "--role", "admin", "--password", "long-password-1"
    )
    assert created.exit_code == 0, created.output
    assert db.scalars(select(User.email)).all() == ["ops@example.com"]
    duplicate = invoke(
        "users", "create", "--email", "ops@example.com", "--role", "admin", "--password", "long-password-1"
    )
    assert duplicate.exit_code == 1
    assert "already exists" in duplicate.output
    token = invoke("tokens", "create", "--email", "ops@example.com").output.strip()
    assert token.startswith("tb_")
    assert token not in db.scalars(select(ApiToken.token_hash)).all()
    assert invoke("tokens", "create", "--email", "nobody@example.com").exit_code == 1


def test_users_create_rejects_a_short_password(invoke: Invoke) -> None:
    result = invoke(
        "users", "create", "--email", "a@example.com", "--role", "recruiter", "--password", "short"
    )
    assert result.exit_code == 2
    assert "password" in result.output


CSV = """first_name,last_name,emails,phones,country,skills,languages,source
Ana,Lima,ana@example.com,+5511987654321,BR,Python;SQL,pt:native;en:C1,LinkedIn
Bad,Country,bad@example.com,,XX,,,
,NoName,noname@example.com,,,,,
Wei,Zhang,wei@example.com,,CN,PyTorch,zh:native,
Nobody,Reachable,,,,,,
"""


def test_import_people_keeps_good_rows_reports_bad_ones_and_never_duplicates(
    invoke: Invoke, db: Session, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    first = invoke("import", "people", str(path))
    assert first.exit_code == 1
    assert "Created 2, already present 0, rejected 3." in first.output
    assert "people.csv:3:" in first.output
    assert "location_country" in first.output
    assert "people.csv:4:" in first.output
    assert "first_name" in first.output
    assert "people.csv:6:" in first.output
    assert "e-mail or a phone" in first.output
    assert "Created source 'LinkedIn'" in first.output
    again = invoke("import", "people", str(path))
    assert "Created 0, already present 2, rejected 3." in again.output
    assert _count(db, Person) == 2


def test_import_rejects_unknown_file_types(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "people.xlsx"
    path.write_bytes(b"PK\x03\x04")
    result = invoke("import", "people", str(path))
    assert result.exit_code == 2
    assert "unsupported file type" in result.output


def test_export_and_reimport_json_resume(invoke: Invoke, db: Session, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text(CSV, encoding="utf-8")
    invoke("import", "people", str(source))
    exported = tmp_path / "people.jsonl"
    assert invoke("export", "people", "--format", "jsonresume", "-o", str(exported)).exit_code == 0
    documents = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert sorted(doc["basics"]["email"] for doc in documents) == ["ana@example.com", "wei@example.com"]
    assert db.scalar(select(func.count()).where(AuditEvent.action == "export")) == 1
    csv_out = invoke("export", "people", "--format", "csv").output.splitlines()
    assert csv_out[0].startswith("id,first_name,last_name")
    assert len(csv_out) == 3
    reimport = invoke("import", "people", str(exported))
    assert "Created 0, already present 2, rejected 0." in reimport.output


def test_export_rejects_unknown_format(invoke: Invoke) -> None:
    result = invoke("export", "people", "--format", "xml")
    assert result.exit_code == 2


def test_demo_loads_once_and_prints_logins(invoke: Invoke, db: Session) -> None:
    result = invoke("demo", "--no-serve", "--people", "25")
    assert result.exit_code == 0, result.output
    assert "admin@talentbridge.example" in result.output
    assert "talentbridge-demo" in result.output
    loaded = _count(db, Person)
    assert loaded >= 25  # the generated crowd, plus careers-site applicants and a duplicate pair
    again = invoke("demo", "--no-serve", "--people", "25")
    assert "already loaded" in again.output
    assert _count(db, Person) == loaded


def test_worker_refuses_the_in_process_backend(invoke: Invoke) -> None:
    result = invoke("worker")
    assert result.exit_code != 0
    assert "TALENTBRIDGE_QUEUE_BACKEND=procrastinate" in result.output
