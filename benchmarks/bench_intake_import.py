"""Bulk résumé import: throughput (text PDFs and DOCX parsed and stored) and crash safety.

1. Throughput: CVs from ``benchmarks/intake_corpus.py`` (generated at run time) are imported by
   the same loop the worker and the CLI use (``intake.tasks.drain_batch``: one unit of work per
   item) into a fresh SQLite database, PDF and DOCX separately. Baselines measured in the same
   run: the people JSON import path (``people.transfer.import_records``, what
   ``talentbridge import people`` does) and a bare insert of people through the service.
2. Kill test: ``talentbridge import resumes`` on ``--count`` CVs runs as a subprocess, is killed
   with SIGKILL at ~10 %, ~50 % and ~90 % and re-run; at the end there must be exactly ``count``
   people and no duplicate e-mail.

    .venv/bin/python benchmarks/bench_intake_import.py --throughput-count 300 --count 10000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from talentbridge.auth.actor import Actor
from talentbridge.config import Settings
from talentbridge.db import migrate
from talentbridge.db.session import make_engine, session_factory, unit_of_work
from talentbridge.intake import service, tasks
from talentbridge.intake.models import ImportItem, ItemStatus
from talentbridge.people import transfer
from talentbridge.people.models import Person, PersonEmail

TARGET_PER_SECOND = 20.0


def _settings(root: Path) -> Settings:
    return Settings(env="development", data_dir=root / "data", database_url=f"sqlite:///{root / 'bench.db'}")


def _fresh(root: Path) -> Settings:
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    settings = _settings(root)
    migrate.upgrade(settings.effective_database_url)
    return settings


def _import_folder(root: Path, folder: Path) -> tuple[int, float]:
    settings = _fresh(root)
    factory = session_factory(make_engine(settings.effective_database_url))
    with unit_of_work(factory) as session:
        batch_id = service.create_batch_from_paths(session, Actor.system(), [folder]).id
    started = time.perf_counter()
    tasks.drain_batch(factory, settings, batch_id)
    elapsed = time.perf_counter() - started
    with factory() as session:
        stored = session.scalar(
            select(func.count()).select_from(ImportItem).where(ImportItem.status == ItemStatus.DONE)
        )
    return int(stored or 0), elapsed


def _corpus(count: int, out: Path) -> dict[str, Path]:
    from intake_corpus import generate

    raw = out / "raw"
    truths = generate(count, 20261126, raw)
    folders = {"pdf": out / "pdf", "docx": out / "docx"}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    for truth in truths:
        if truth.fmt in folders:
            shutil.copy(raw / truth.file, folders[truth.fmt] / truth.file)
    return folders


def _json_baseline(root: Path, count: int) -> float:
    settings = _fresh(root)
    factory = session_factory(make_engine(settings.effective_database_url))
    records = [
        transfer.ImportRecord(index, {"first_name": f"Base{index}", "last_name": "Line",
                                      "emails": [f"base{index}@example.com"], "skills": [{"name": "Python"}]})
        for index in range(count)
    ]  # fmt: skip
    started = time.perf_counter()
    for start in range(0, count, 100):
        with unit_of_work(factory) as session:
            transfer.import_records(session, Actor.system(), records[start : start + 100])
    return count / (time.perf_counter() - started)


FIRST = (
    "Wei",
    "Na",
    "Jie",
    "Maria",
    "John",
    "Anna",
    "Ravi",
    "Sara",
    "Omar",
    "Yuki",
    "Lena",
    "Tom",
    "Ivan",
    "Mei",
)
LAST = ("Zhang", "Li", "Chen", "Garcia", "Smith", "Schmidt", "Kumar", "Lee", "Haddad", "Sato", "Berg", "Fox")


def _text_cv(index: int) -> bytes:
    first, last = FIRST[index % len(FIRST)], LAST[index // len(FIRST) % len(LAST)]
    return (
        f"{first} {last}\n"
        f"Email: kill{index}@example.com\nPhone: +86 138 {index // 10000:04d} {index % 10000:04d}\n\n"
        "Experience\nEngineer, Acme, 2019 - present\n\nSkills\nPython\n"
    ).encode()


def _done_items(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            stmt = select(func.count()).select_from(ImportItem).where(ImportItem.status != ItemStatus.PENDING)
            return int(conn.scalar(stmt) or 0)
    except Exception:
        return 0
    finally:
        engine.dispose()


def _kill_test(root: Path, count: int) -> dict[str, object]:
    shutil.rmtree(root, ignore_errors=True)
    folder = root / "cvs"
    folder.mkdir(parents=True)
    for index in range(count):
        (folder / f"cv{index:05d}.txt").write_bytes(_text_cv(index))
    url = f"sqlite:///{root / 'kill.db'}"
    env = {**os.environ, "TALENTBRIDGE_DATABASE_URL": url, "TALENTBRIDGE_DATA_DIR": str(root / "data")}
    command = [sys.executable, "-m", "talentbridge", "import", "resumes", str(folder), "--source", "Bench"]
    kills = []
    started = time.perf_counter()
    for fraction in (0.1, 0.5, 0.9):
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
        while process.poll() is None and _done_items(url) < fraction * count:
            time.sleep(0.5)
        done = _done_items(url)
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills.append(f"{done}/{count}")
    final = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    elapsed = time.perf_counter() - started
    engine = make_engine(url)
    with engine.connect() as conn:
        people = int(conn.scalar(select(func.count()).select_from(Person)) or 0)
        distinct = int(conn.scalar(select(func.count(func.distinct(PersonEmail.normalized)))) or 0)
    engine.dispose()
    return {
        "count": count,
        "killed_at": kills,
        "final_exit": final.returncode,
        "people": people,
        "distinct_emails": distinct,
        "seconds": round(elapsed, 1),
        "ok": people == count == distinct,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--throughput-count", type=int, default=300, help="CVs generated for the throughput run"
    )
    parser.add_argument("--count", type=int, default=10_000, help="CVs of the kill test")
    parser.add_argument("--skip-kill", action="store_true")
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_intake_"))
    try:
        folders = _corpus(arguments.throughput_count, work / "corpus")
        rows = []
        for kind, folder in folders.items():
            stored, elapsed = _import_folder(work / f"db_{kind}", folder)
            rows.append((f"résumé import ({kind})", stored, stored / elapsed))
        baseline = _json_baseline(work / "db_json", 500)
        print(f"{'path':<28} {'items':>6} {'items/s':>9} {'vs JSON import':>15} {'target':>8}")
        for name, stored, rate in rows:
            verdict = "ok" if rate >= TARGET_PER_SECOND else "MISSED"
            print(f"{name:<28} {stored:>6} {rate:>9.1f} {rate / baseline:>14.2f}x {verdict:>8}")
        print(f"{'baseline: people JSON import':<28} {500:>6} {baseline:>9.1f} {1:>14.2f}x {'':>8}")
        if not arguments.skip_kill:
            result = _kill_test(work / "kill", arguments.count)
            print("kill test:", json.dumps(result))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
