"""Bulk import: idempotent by content, resumable after a crash at any item, per-file errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from intake_helpers import cv_text, make_zip
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from talentbridge.auth.actor import Actor
from talentbridge.config import Settings
from talentbridge.db.session import unit_of_work
from talentbridge.files.models import Attachment
from talentbridge.intake import importer, service, tasks
from talentbridge.intake.models import FieldReview, ImportItem, ItemStatus
from talentbridge.people.models import Person, PersonEmail
from talentbridge.sourcing.models import Source


class SimulatedCrash(BaseException):
    """Stands for the process dying mid-item (not caught like an ordinary error)."""


def _write_cvs(folder: Path, count: int, start: int = 0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(start, start + count):
        (folder / f"cv{index:04d}.txt").write_bytes(cv_text(index))


def _people(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return int(session.scalar(select(func.count()).select_from(Person)) or 0)


def _import(
    factory: sessionmaker[Session], settings: Settings, paths: list[Path], source: str | None = None
) -> object:
    with unit_of_work(factory) as session:
        batch = service.create_batch_from_paths(session, Actor.system(), paths, source_name=source)
        batch_id = batch.id
    tasks.drain_batch(factory, settings, batch_id)
    with unit_of_work(factory) as session:
        return service.batch_progress(session, Actor.system(), batch_id)


def test_import_creates_people_with_their_source_and_cv(
    tmp_path: Path, session_factory: sessionmaker[Session], settings: Settings
) -> None:
    _write_cvs(tmp_path / "cvs", 3)
    report = _import(session_factory, settings, [tmp_path / "cvs"], source="LinkedIn")
    assert (report.created, report.failed, report.percent) == (3, 0, 100)  # type: ignore[attr-defined]
    with session_factory() as session:
        source = session.scalars(select(Source).where(Source.name == "LinkedIn")).one()
        people = session.scalars(select(Person)).all()
        assert {person.source_id for person in people} == {source.id}
        assert session.scalar(select(func.count()).select_from(Attachment)) == 3


def test_the_same_file_twice_never_creates_two_people(
    tmp_path: Path, session_factory: sessionmaker[Session], settings: Settings
) -> None:
    _write_cvs(tmp_path / "a", 2)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "copy.txt").write_bytes(cv_text(0))
    first = _import(session_factory, settings, [tmp_path / "a", tmp_path / "b"])
    assert (first.created, first.already_imported) == (2, 1)  # type: ignore[attr-defined]
    again = _import(session_factory, settings, [tmp_path / "a"])
    assert (again.created, again.already_imported) == (0, 2)  # type: ignore[attr-defined]
    assert _people(session_factory) == 2


def test_a_crash_at_any_item_loses_and_duplicates_nothing(
    tmp_path: Path,
    session_factory: sessionmaker[Session],
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _write_cvs(tmp_path / "cvs", 6)
    with unit_of_work(session_factory) as session:
        batch_id = service.create_batch_from_paths(session, Actor.system(), [tmp_path / "cvs"]).id
    original = importer.process_item
    calls = {"n": 0}

    def crash_on_third(
        session: Session, actor: Actor, item: ImportItem, context: importer.ImportContext
    ) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            original(session, actor, item, context)  # the work is done but never committed
            raise SimulatedCrash
        original(session, actor, item, context)

    monkeypatch.setattr(importer, "process_item", crash_on_third)
    with pytest.raises(SimulatedCrash):
        tasks.drain_batch(session_factory, settings, batch_id)
    assert _people(session_factory) == 2
    monkeypatch.setattr(importer, "process_item", original)
    tasks.drain_batch(session_factory, settings, batch_id)
    assert _people(session_factory) == 6
    with session_factory() as session:
        statuses = session.scalars(select(ImportItem.status).where(ImportItem.batch_id == batch_id)).all()
        assert set(statuses) == {ItemStatus.DONE}
        emails = session.scalars(select(PersonEmail.normalized)).all()
        assert len(emails) == len(set(emails)) == 6


def test_bad_files_are_reported_per_file_and_the_rest_continue(
    tmp_path: Path, session_factory: sessionmaker[Session], settings: Settings
) -> None:
    folder = tmp_path / "mixed"
    _write_cvs(folder, 2)
    (folder / "binary.pdf").write_bytes(b"\x00\x01\x02garbage")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bundle.zip").write_bytes(make_zip({"../evil.txt": cv_text(7), "inner/cv.txt": cv_text(8)}))
    (folder / "people.csv").write_text(
        "first_name,last_name,emails,languages\nAda,King,ada@example.com,en:C1\nBad,Row,bad@example.com,xx:weird\n",
        encoding="utf-8",
    )
    report = _import(session_factory, settings, [folder])
    errors = {error.filename.split("/")[-1]: error.code for error in report.errors}  # type: ignore[attr-defined]
    assert errors["binary.pdf"] == "unsupported_type"
    assert errors["empty.txt"] == "empty"
    assert errors["evil.txt"] == "unsafe_path"
    assert errors[["mixed", "people.csv:3"][-1]] == "invalid_row"
    assert report.created == 4  # type: ignore[attr-defined]  # two CVs, the zipped CV, Ada from the CSV


def test_a_cv_matching_someone_by_email_waits_for_review(
    tmp_path: Path, session_factory: sessionmaker[Session], settings: Settings
) -> None:
    _write_cvs(tmp_path / "first", 1)
    _import(session_factory, settings, [tmp_path / "first"])
    changed = tmp_path / "second"
    changed.mkdir()
    (changed / "newer.txt").write_bytes(cv_text(0, employer="Tencent"))
    report = _import(session_factory, settings, [changed])
    assert (report.created, report.matched) == (0, 1)  # type: ignore[attr-defined]
    with session_factory() as session:
        person = session.scalars(select(Person)).one()
        assert person.current_employer == "Alibaba"  # not overwritten silently
        review = session.scalars(select(FieldReview)).one()
    lines = {line["field"]: line for line in review.fields}
    assert lines["current_employer"]["parsed"] == "Tencent"
    assert lines["current_employer"]["existing"] == "Alibaba"
    with unit_of_work(session_factory) as session:
        from talentbridge.intake import review as review_service

        review_service.apply_review(session, Actor.system(), review.id, accepted=["current_employer"])
    with session_factory() as session:
        assert session.scalars(select(Person)).one().current_employer == "Tencent"


@pytest.mark.skipif(
    os.environ.get("TALENTBRIDGE_TEST_DATABASE") == "postgres", reason="uses its own SQLite file"
)
def test_killing_the_import_process_and_rerunning_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    _write_cvs(folder, 40)
    env = {**os.environ, "TALENTBRIDGE_DATABASE_URL": f"sqlite:///{tmp_path / 'kill.db'}",
           "TALENTBRIDGE_DATA_DIR": str(tmp_path / "data"), "TALENTBRIDGE_ENV": "development"}  # fmt: skip
    command = [sys.executable, "-m", "talentbridge", "import", "resumes", str(folder)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from talentbridge.db.session import make_engine

    engine = make_engine(env["TALENTBRIDGE_DATABASE_URL"])
    deadline = time.monotonic() + 120
    done = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        try:
            with engine.connect() as conn:
                done = (
                    conn.scalar(
                        select(func.count())
                        .select_from(ImportItem)
                        .where(ImportItem.status != ItemStatus.PENDING)
                    )
                    or 0
                )
        except Exception:  # noqa: S112 - the schema does not exist until the process has migrated it
            continue
        if done >= 10:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 10 <= done < 40
    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert "Resuming" in finished.stderr
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Person)) == 40
        assert conn.scalar(select(func.count(func.distinct(PersonEmail.normalized)))) == 40
    engine.dispose()
