"""Bulk import and export of people (CSV and JSON Resume) as use cases.

Import is idempotent: a record whose e-mail or phone already belongs to someone is skipped, so
running the same file twice creates nobody twice. Each record is written in its own savepoint:
a bad record is reported with its line and reason and the good ones are kept. The edge (CLI)
commits once per batch, so a long import never holds one huge transaction.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_recruiting_write
from talentbridge.errors import InvalidInput, TalentBridgeError
from talentbridge.kit.text import normalise_email
from talentbridge.people import interchange, repository, service
from talentbridge.people.models import Person, PersonPhone
from talentbridge.people.schemas import PersonCreate
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.models import Source
from talentbridge.sourcing.schemas import SourceCreate


@dataclass(frozen=True)
class ImportRecord:
    """One record read from a file: where it was (line, or item number) and its mapped data."""

    line: int
    data: dict[str, Any] | None
    source_name: str | None = None
    error: str | None = None


@dataclass
class ImportReport:
    """What an import did."""

    created: int = 0
    skipped: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    new_sources: list[str] = field(default_factory=list)

    def merge(self, other: ImportReport) -> None:
        """Add another batch's counts."""
        self.created += other.created
        self.skipped += other.skipped
        self.errors.extend(other.errors)
        self.new_sources.extend(other.new_sources)


def read_records(path: Path) -> Iterator[ImportRecord]:
    """Records of a CSV file or JSON Resume file (one document, an array, or JSON lines)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_records(path)
    elif suffix in {".json", ".jsonl", ".ndjson"}:
        yield from _json_records(path)
    else:
        raise InvalidInput(f"{path.name}: unsupported file type (use .csv, .json or .jsonl)", field="file")


def _csv_records(path: Path) -> Iterator[ImportRecord]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "first_name" not in reader.fieldnames:
            raise InvalidInput(
                f"{path.name}: the CSV needs a header row with at least first_name", field="file"
            )
        for row in reader:
            line = reader.line_num
            try:
                data, source_name = interchange.csv_row_to_person_data(row)
            except interchange.RecordError as exc:
                yield ImportRecord(line, None, error=str(exc))
                continue
            yield ImportRecord(line, data, source_name)


def _json_records(path: Path) -> Iterator[ImportRecord]:
    text = path.read_text(encoding="utf-8-sig")
    documents: list[tuple[int, Any]]
    try:
        parsed = json.loads(text)
        documents = list(enumerate(parsed, start=1)) if isinstance(parsed, list) else [(1, parsed)]
    except json.JSONDecodeError:
        documents = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    for number, document in documents:
        yield _json_record(number, document)


def _json_record(number: int, document: Any) -> ImportRecord:
    try:
        if isinstance(document, str):
            document = json.loads(document)
        return ImportRecord(number, interchange.json_resume_to_person_data(document))
    except json.JSONDecodeError as exc:
        return ImportRecord(number, None, error=f"not valid JSON ({exc.msg})")
    except interchange.RecordError as exc:
        return ImportRecord(number, None, error=str(exc))


def import_records(session: Session, actor: Actor, records: list[ImportRecord]) -> ImportReport:
    """Create the people of a batch; skip those already present; report bad records."""
    require_recruiting_write(actor)
    report = ImportReport()
    for record in records:
        if record.error is not None or record.data is None:
            report.errors.append((record.line, record.error or "empty record"))
            continue
        _import_one(session, actor, record, report)
    return report


def _import_one(session: Session, actor: Actor, record: ImportRecord, report: ImportReport) -> None:
    assert record.data is not None
    try:
        source_id = _source_id(session, actor, record.source_name, report)
        data = PersonCreate.model_validate({**record.data, "source_id": source_id})
    except ValidationError as exc:
        report.errors.append((record.line, _validation_message(exc)))
        return
    except TalentBridgeError as exc:
        report.errors.append((record.line, exc.message))
        return
    if not data.emails and not data.phones:
        report.errors.append((record.line, "needs an e-mail or a phone, so that re-imports cannot duplicate"))
        return
    if _already_present(session, data):
        report.skipped += 1
        return
    try:
        with session.begin_nested():
            service.create_person(session, actor, data)
    except TalentBridgeError as exc:
        report.errors.append((record.line, exc.message))
        return
    except DataError:
        report.errors.append((record.line, "a value cannot be stored (e.g. it contains a NUL character)"))
        return
    report.created += 1


def _validation_message(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(part) for part in err['loc'])}: {err['msg']}" for err in exc.errors())


def _source_id(session: Session, actor: Actor, name: str | None, report: ImportReport) -> uuid.UUID | None:
    """The source with this name (any kind); an unknown name becomes a new source of kind "other"."""
    if not name:
        return None
    stmt = select(Source.id).where(func.lower(Source.name) == name.strip().lower())
    source_id = session.scalars(stmt).first()
    if source_id is None:
        source_id = sourcing_service.create_source(
            session, actor, SourceCreate(kind=SourceKind.OTHER, name=name)
        ).id
        report.new_sources.append(name.strip())
    return source_id


def _already_present(session: Session, data: PersonCreate) -> bool:
    """Whether someone already holds one of these e-mails or phones (the strong identity keys)."""
    if repository.email_owners(session, [normalise_email(str(email)) for email in data.emails]):
        return True
    numbers = [phone.number for phone in data.phones]
    if not numbers:
        return False
    stmt = select(PersonPhone.id).where(PersonPhone.e164.in_(numbers)).limit(1)
    return session.scalars(stmt).first() is not None


def export_people(session: Session, actor: Actor, *, fmt: str, batch_size: int = 200) -> Iterator[str]:
    """The people the actor may see, as JSON lines (JSON Resume) or CSV text chunks."""
    if fmt not in {"jsonresume", "csv"}:
        raise InvalidInput("format must be jsonresume or csv", field="format")
    sources = {source.id: source.name for source in session.scalars(select(Source))}
    audit.record(session, actor, "export", "person", None, summary=f"Exported people as {fmt}")
    if fmt == "csv":
        yield _csv_line(dict(zip(interchange.CSV_COLUMNS, interchange.CSV_COLUMNS, strict=True)))
    for person in _all_people(session, actor, batch_size):
        read = service.person_to_read(actor, person)
        if fmt == "csv":
            source_name = sources.get(read.source_id) if read.source_id else None
            yield _csv_line(interchange.person_to_csv_row(read, source_name))
        else:
            yield json.dumps(interchange.person_to_json_resume(read), ensure_ascii=False, default=str) + "\n"


def _all_people(session: Session, actor: Actor, batch_size: int) -> Iterator[Person]:
    cursor: str | None = None
    while True:
        page = service.list_people(session, actor, cursor=cursor, limit=batch_size)
        ids = [item.id for item in page.items]
        yield from repository.get_people_full(session, ids)
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def _csv_line(row: dict[str, str]) -> str:
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=interchange.CSV_COLUMNS).writerow(row)
    return buffer.getvalue()
