"""Bulk import: turning paths and uploads into items, and processing one item.

Planning expands a folder, a zip, loose files or a CSV/JSON Resume export into items whose
``locator`` says where the bytes are (``file:/abs/path``, ``store:<key>`` for uploads staged in
the attachment store, ``zip:<container>\\n<member>``); nothing is inflated while planning.
Processing one item reads its bytes, recognises bytes imported before (SHA-256), parses the
résumé, and then either creates the person or, when a strong key (e-mail, phone, profile URL)
names an existing person, leaves the parsed values for the recruiter to review. The caller
commits the item's work together with its "done" mark.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.errors import InvalidInput, TalentBridgeError
from talentbridge.files import service as files_service
from talentbridge.files.storage import AttachmentStore, StoredFileMissing
from talentbridge.files.uploads import UploadLimits
from talentbridge.intake import archive, dedup, repository, review
from talentbridge.intake.models import ImportedDocument, ImportItem, ItemKind, ItemOutcome, ItemStatus
from talentbridge.kit.clock import utc_now
from talentbridge.people import interchange
from talentbridge.people import service as people_service
from talentbridge.people.schemas import PersonCreate
from talentbridge.people.transfer import read_records

RECORD_SUFFIXES = frozenset({".csv", ".json", ".jsonl", ".ndjson"})
MAX_RECORD_FILE_BYTES = 200 * 1024 * 1024


class ItemFailed(Exception):
    """One item cannot be imported; the reason is recorded and the batch goes on."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class PlannedItem:
    """An item to create: a résumé to read from ``locator`` or a mapped record (or an error)."""

    kind: ItemKind
    filename: str
    locator: str = ""
    record: dict[str, Any] | None = None
    error_code: str | None = None
    error_message: str | None = None


@dataclass
class ImportContext:
    """What processing needs besides the item: where bytes are, limits, the channel."""

    store: AttachmentStore
    upload_limits: UploadLimits
    archive_limits: archive.ArchiveLimits
    source_id: uuid.UUID | None = None
    review_threshold: float = review.REVIEW_THRESHOLD
    sources_by_name: dict[str, uuid.UUID] = field(default_factory=dict)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _is_record_file(name: str) -> bool:
    return Path(name).suffix.lower() in RECORD_SUFFIXES


def plan_records(path: Path, display: str) -> Iterator[PlannedItem]:
    """One item per record of a CSV/JSON Resume export; bad rows become failed items with the line."""
    try:
        records = list(read_records(path))
    except (TalentBridgeError, UnicodeDecodeError, OSError) as exc:
        yield PlannedItem(ItemKind.RECORD, display, error_code="invalid", error_message=_message(exc))
        return
    for record in records:
        name = f"{display}:{record.line}"
        if record.error is not None or record.data is None:
            yield PlannedItem(
                ItemKind.RECORD, name, error_code="invalid_row", error_message=record.error or "empty record"
            )
        else:
            data = {"data": _jsonable(record.data), "source": record.source_name, "line": record.line}
            yield PlannedItem(ItemKind.RECORD, name, record=data)


def _message(exc: BaseException) -> str:
    return str(getattr(exc, "message", None) or exc)[:500]


def plan_archive(
    container: str, data_or_path: Path | bytes, display: str, limits: archive.ArchiveLimits
) -> Iterator[PlannedItem]:
    """One item per usable zip entry; refused entries (traversal, bombs, oversize) as failed items."""
    try:
        entries, rejected = archive.inspect(data_or_path, limits)
    except archive.ArchiveRejected as exc:
        yield PlannedItem(ItemKind.RESUME, display, error_code=exc.code, error_message=exc.message)
        return
    for entry in sorted(entries, key=lambda item: item.member):
        name = f"{display}/{entry.member}"[-255:]
        if _is_record_file(entry.member):
            message = "exports (CSV/JSON) inside a zip are not imported; import the file itself"
            yield PlannedItem(ItemKind.RESUME, name, error_code="unsupported_type", error_message=message)
            continue
        yield PlannedItem(ItemKind.RESUME, name, locator=f"zip:{container}\n{entry.member}")
    for refused in rejected:
        yield PlannedItem(
            ItemKind.RESUME,
            f"{display}/{refused.member}"[-255:],
            error_code=refused.code,
            error_message=refused.reason,
        )


def plan_paths(paths: list[Path], limits: archive.ArchiveLimits) -> Iterator[PlannedItem]:
    """Items for files, folders (recursively, hidden files skipped), zips and exports."""
    for path in paths:
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            for file in files:
                yield from _plan_file(file, str(file.relative_to(path.parent)), limits)
        elif path.is_file():
            yield from _plan_file(path, path.name, limits)
        else:
            yield PlannedItem(
                ItemKind.RESUME, path.name, error_code="missing", error_message="no such file or folder"
            )


def _plan_file(path: Path, display: str, limits: archive.ArchiveLimits) -> Iterator[PlannedItem]:
    absolute = path.resolve()
    if _is_record_file(path.name):
        if path.stat().st_size > MAX_RECORD_FILE_BYTES:
            yield PlannedItem(
                ItemKind.RECORD, display, error_code="too_large", error_message="the export file is too large"
            )
            return
        yield from plan_records(absolute, display)
        return
    with absolute.open("rb") as handle:
        head = handle.read(4)
    if archive.is_zip(head) and not _is_docx(absolute):
        yield from plan_archive(f"file:{absolute}", absolute, display, limits)
        return
    yield PlannedItem(ItemKind.RESUME, display[-255:], locator=f"file:{absolute}")


def _is_docx(path: Path | bytes) -> bool:
    try:
        with archive.open_zip(path) as opened:
            return archive.is_docx_zip(opened)
    except archive.ArchiveRejected:
        return False


def plan_upload(filename: str, key: str, data: bytes, limits: archive.ArchiveLimits) -> Iterator[PlannedItem]:
    """Items for one uploaded file already staged in the store under ``key``."""
    if archive.is_zip(data) and not _is_docx(data):
        yield from plan_archive(f"store:{key}", data, filename, limits)
    else:
        yield PlannedItem(ItemKind.RESUME, filename[-255:], locator=f"store:{key}")


def read_bytes(locator: str, context: ImportContext) -> bytes:
    """The bytes an item's locator points at, size-checked before reading."""
    max_bytes = context.upload_limits.max_bytes
    scheme, _, rest = locator.partition(":")
    if scheme == "zip":
        container, _, member = rest.partition("\n")
        source: Path | bytes = _container(container, context)
        try:
            return archive.read_member(source, member, context.archive_limits)
        except archive.ArchiveRejected as exc:
            raise ItemFailed(exc.code, exc.message) from exc
    if scheme == "file":
        path = Path(rest)
        try:
            if path.stat().st_size > max_bytes:
                raise ItemFailed("too_large", f"the file is larger than the limit of {max_bytes} bytes")
            return path.read_bytes()
        except OSError as exc:
            raise ItemFailed("missing", "the file can no longer be read") from exc
    if scheme == "store":
        try:
            return context.store.read(rest)
        except (StoredFileMissing, ValueError) as exc:
            raise ItemFailed("missing", "the uploaded file is no longer available") from exc
    raise ItemFailed("missing", "the item does not say where its file is")


def _container(container: str, context: ImportContext) -> Path | bytes:
    scheme, _, rest = container.partition(":")
    if scheme == "file":
        return Path(rest)
    try:
        return context.store.read(rest)
    except (StoredFileMissing, ValueError) as exc:
        raise ItemFailed("missing", "the uploaded archive is no longer available") from exc


def content_hash(data: bytes) -> str:
    """SHA-256 of the bytes, the idempotency key of an imported document."""
    return hashlib.sha256(data).hexdigest()


def record_hash(record: dict[str, Any]) -> str:
    """SHA-256 of a record's canonical JSON."""
    return content_hash(json.dumps(record.get("data"), sort_keys=True, ensure_ascii=False).encode())


def process_item(session: Session, actor: Actor, item: ImportItem, context: ImportContext) -> None:
    """Import one item and mark it done or failed (the caller commits both together)."""
    try:
        if item.kind is ItemKind.RECORD:
            _process_record(session, actor, item, context)
        else:
            _process_resume(session, actor, item, context)
    except ItemFailed as exc:
        item.status, item.outcome = ItemStatus.FAILED, ItemOutcome.ERROR
        item.error_code, item.error_message = exc.code[:32], exc.message[:500]
    else:
        item.status = ItemStatus.DONE
    item.finished_at = utc_now()
    session.flush()


def _already_imported(session: Session, item: ImportItem, digest: str) -> bool:
    document = repository.document_by_hash(session, digest)
    if document is None:
        return False
    item.outcome, item.person_id = ItemOutcome.ALREADY_IMPORTED, document.person_id
    return True


def _parse(data: bytes, filename: str, max_bytes: int) -> Any:
    from talentbridge.intake.parsing import parse_document
    from talentbridge.intake.parsing.types import UnreadableDocument

    try:
        return parse_document(data, filename, max_bytes=max_bytes)
    except UnreadableDocument as exc:
        raise ItemFailed(exc.code, exc.message) from exc


def _process_resume(session: Session, actor: Actor, item: ImportItem, context: ImportContext) -> None:
    data = read_bytes(item.locator, context)
    digest = content_hash(data)
    if _already_imported(session, item, digest):
        return
    parsed = _parse(data, item.filename.rsplit("/", 1)[-1], context.upload_limits.max_bytes)
    try:
        person_data = interchange.json_resume_to_person_data(parsed.resume)
    except interchange.RecordError as exc:
        person_data = _lenient_person_data(parsed.resume, str(exc))
    evidence = review.evidence_by_field(parsed.evidence)
    _ingest(session, actor, item, context, person_data, digest, evidence=evidence, data=data)


def _lenient_person_data(resume: dict[str, Any], problem: str) -> dict[str, Any]:
    """Map what can be mapped when one section (e.g. an unknown degree) cannot: drop that section."""
    section = problem.split(":", 1)[0].split("[", 1)[0].split(".", 1)[0]
    trimmed = {key: value for key, value in resume.items() if key != section}
    try:
        return interchange.json_resume_to_person_data(trimmed)
    except interchange.RecordError as exc:
        raise ItemFailed("invalid", f"the résumé cannot be mapped: {exc}") from exc


def _process_record(session: Session, actor: Actor, item: ImportItem, context: ImportContext) -> None:
    record = item.record or {}
    digest = record_hash(record)
    if _already_imported(session, item, digest):
        return
    person_data = dict(record.get("data") or {})
    source_name = record.get("source")
    if source_name:
        person_data["source_id"] = str(_source_by_name(session, actor, source_name, context))
    _ingest(session, actor, item, context, person_data, digest, evidence={}, data=None)


def _source_by_name(session: Session, actor: Actor, name: str, context: ImportContext) -> uuid.UUID:
    from talentbridge.intake import service

    key = name.strip().lower()
    if key not in context.sources_by_name:
        context.sources_by_name[key] = service.source_for_name(session, actor, name)
    return context.sources_by_name[key]


def _validated(person_data: dict[str, Any], source_id: uuid.UUID | None) -> tuple[PersonCreate, list[str]]:
    """``PersonCreate`` from mapped data; fields that fail validation are dropped (and named)."""
    data = {**person_data}
    if source_id is not None and not data.get("source_id"):
        data["source_id"] = str(source_id)
    dropped: list[str] = []
    for _attempt in range(5):
        try:
            return PersonCreate.model_validate(data), dropped
        except ValidationError as exc:
            bad = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
            if not bad or "first_name" in bad or not bad & data.keys():
                raise ItemFailed("invalid", "no usable name was found in the file") from exc
            dropped.extend(sorted(bad & data.keys()))
            data = {key: value for key, value in data.items() if key not in bad}
    raise ItemFailed("invalid", "the record has too many invalid fields")


def _strong_match(session: Session, create: PersonCreate) -> uuid.UUID | None:
    emails = repository.people_by_emails(session, [dedup.email_key(str(email)) for email in create.emails])
    phones = repository.people_by_phones(session, [phone.number for phone in create.phones])
    urls = {("url", key) for url in create.links.values() if (key := dedup.url_key(str(url)))}
    candidates = [*emails, *phones, *repository.people_by_keys(session, urls)]
    return candidates[0] if candidates else None


def _ingest(
    session: Session,
    actor: Actor,
    item: ImportItem,
    context: ImportContext,
    person_data: dict[str, Any],
    digest: str,
    *,
    evidence: dict[str, review.Evidence],
    data: bytes | None,
) -> None:
    from talentbridge.intake import service

    create, dropped = _validated(person_data, context.source_id)
    match = _strong_match(session, create)
    if match is not None:
        review.propose_update(
            session, actor, match, create, evidence, item_id=item.id, filename=item.filename
        )
        item.outcome, item.person_id = ItemOutcome.MATCHED, match
    else:
        # No savepoint here: on SQLite a SAVEPOINT opened before any write starts (and its release
        # commits) the transaction, which would break "one item, one unit of work". The checks
        # that can refuse a person run before anything is written; anything later fails the item.
        try:
            person = people_service.create_person(session, actor, create)
        except TalentBridgeError as exc:
            raise ItemFailed("invalid", exc.message) from exc
        item.outcome, item.person_id = ItemOutcome.CREATED, person.id
        review.flag_new(session, person.id, create, evidence, dropped, context.review_threshold,
                        item_id=item.id, filename=item.filename)  # fmt: skip
        service.index_and_detect(session, actor, [person.id])
    if data is not None:
        _attach(session, actor, item.person_id, item.filename, data, context)
    session.add(
        ImportedDocument(content_hash=digest, person_id=item.person_id, filename=item.filename[-255:])
    )


def _attach(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID | None,
    filename: str,
    data: bytes,
    context: ImportContext,
) -> None:
    """Keep the original CV on the person; a file whose name disagrees with its content is kept out."""
    if person_id is None:
        return
    try:  # the content check refuses before anything is written
        files_service.upload_attachment(
            session, actor, person_id, filename=filename.rsplit("/", 1)[-1], data=data,
            store=context.store, limits=context.upload_limits,
        )  # fmt: skip
    except InvalidInput:
        return
