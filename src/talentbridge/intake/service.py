"""Use cases of intake: start an import, report its progress, detect and merge duplicates,
review parsed fields, parse one résumé without storing it.

Services flush and never commit. The import itself runs item by item in ``tasks.drain_batch``,
which commits each item's work with its "done" mark (one unit of work per item).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.errors import Conflict, InvalidInput, NotFound
from talentbridge.files.storage import AttachmentStore, new_storage_key
from talentbridge.intake import archive, dedup, importer, merge, repository
from talentbridge.intake.models import (
    BatchStatus,
    DuplicateProposal,
    DuplicateStatus,
    ImportBatch,
    ImportItem,
    ItemStatus,
    Merge,
)
from talentbridge.intake.policies import require_intake
from talentbridge.intake.schemas import (
    BatchRead,
    DuplicateRead,
    EvidenceRead,
    ItemError,
    MergeRead,
    ParseResult,
    PersonRef,
    ReviewLine,
    ReviewRead,
    ScanResult,
    SignalRead,
)
from talentbridge.kit.clock import utc_now
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.models import Source
from talentbridge.sourcing.schemas import SourceCreate

MAX_LIST = 200
SCAN_PAGE = 500
MAX_NAME_BLOCK = 50
"""A name block shared by more people than this is skipped: comparing every "Wang, W." with every
other costs quadratic time and such a common name alone proves nothing (strong keys still count)."""


def source_for_name(session: Session, actor: Actor, name: str) -> uuid.UUID:
    """The source with this name (any kind, case-insensitive); a new one of kind "other" otherwise."""
    cleaned = name.strip()
    if not cleaned:
        raise InvalidInput("The source name must not be blank.", field="source")
    stmt = select(Source.id).where(func.lower(Source.name) == cleaned.lower())
    source_id = session.scalars(stmt).first()
    if source_id is None:
        source_id = sourcing_service.create_source(
            session, actor, SourceCreate(kind=SourceKind.OTHER, name=cleaned)
        ).id
    return source_id


def _add_items(session: Session, batch: ImportBatch, planned: Iterable[importer.PlannedItem]) -> None:
    position = repository.max_position(session, batch.id) + 1
    for item in planned:
        failed = item.error_code is not None
        session.add(
            ImportItem(
                batch_id=batch.id,
                position=position,
                kind=item.kind,
                filename=item.filename[-255:],
                locator=item.locator,
                record=item.record,
                status=ItemStatus.FAILED if failed else ItemStatus.PENDING,
                error_code=item.error_code[:32] if item.error_code else None,
                error_message=item.error_message[:500] if item.error_message else None,
                finished_at=utc_now() if failed else None,
            )
        )
        position += 1
    batch.total = position
    session.flush()


def paths_label(paths: Sequence[Path], source: str | None) -> str:
    """A stable label for an import of these paths, so re-running the command resumes it."""
    key = "\n".join(sorted(str(path.resolve()) for path in paths)) + f"\n{source or ''}"
    names = ", ".join(path.name for path in paths)[:180]
    return f"{names} [{hashlib.sha256(key.encode()).hexdigest()[:12]}]"


def find_unfinished(session: Session, actor: Actor, label: str) -> ImportBatch | None:
    """An unfinished batch with this label (the same command interrupted before)."""
    require_intake(actor)
    stmt = select(ImportBatch).where(ImportBatch.label == label, ImportBatch.status != BatchStatus.DONE)
    return session.scalars(stmt.order_by(ImportBatch.created_at.desc())).first()


def create_batch_from_paths(
    session: Session,
    actor: Actor,
    paths: Sequence[Path],
    *,
    source_name: str | None = None,
    limits: archive.ArchiveLimits | None = None,
) -> ImportBatch:
    """A batch with one item per résumé file, zip entry or export record under ``paths``."""
    require_intake(actor)
    source_id = source_for_name(session, actor, source_name) if source_name else None
    batch = ImportBatch(
        label=paths_label(paths, source_name), source_id=source_id, created_by_id=actor.user_id
    )
    session.add(batch)
    session.flush()
    _add_items(session, batch, importer.plan_paths(list(paths), limits or archive.ArchiveLimits()))
    audit.record(
        session,
        actor,
        "import",
        "intake_batch",
        batch.id,
        summary=f"Started an import of {batch.total} item(s)",
    )
    return batch


def create_batch_from_uploads(
    session: Session,
    actor: Actor,
    uploads: Sequence[tuple[str, bytes]],
    *,
    store: AttachmentStore,
    source_id: uuid.UUID | None = None,
    limits: archive.ArchiveLimits | None = None,
) -> ImportBatch:
    """A batch from uploaded files (résumés or zips), staged in the attachment store first."""
    require_intake(actor)
    if not uploads:
        raise InvalidInput("Choose at least one file to import.", field="files")
    if source_id is not None:
        sourcing_service.get_source(session, actor, source_id)
    label = ", ".join(name for name, _ in uploads)[:200] or "upload"
    batch = ImportBatch(label=label, source_id=source_id, created_by_id=actor.user_id)
    session.add(batch)
    session.flush()
    archive_limits = limits or archive.ArchiveLimits()
    planned: list[importer.PlannedItem] = []
    for filename, data in uploads:
        key = new_storage_key()
        store.put(key, data)
        planned.extend(importer.plan_upload(filename or "upload", key, data, archive_limits))
    _add_items(session, batch, planned)
    audit.record(
        session,
        actor,
        "import",
        "intake_batch",
        batch.id,
        summary=f"Started an import of {batch.total} item(s)",
    )
    return batch


def get_batch(session: Session, actor: Actor, batch_id: uuid.UUID) -> ImportBatch:
    """An import batch (404 when unknown)."""
    require_intake(actor)
    batch = repository.get_batch(session, batch_id)
    if batch is None:
        raise NotFound("No such import.")
    return batch


def batch_progress(session: Session, actor: Actor, batch_id: uuid.UUID) -> BatchRead:
    """Counts, share done and per-file errors of an import."""
    batch = get_batch(session, actor, batch_id)
    counts = repository.item_counts(session, batch.id)
    processed = counts.get("done", 0) + counts.get("failed", 0)
    errors = [
        ItemError(filename=item.filename, code=item.error_code or "error", message=item.error_message or "")
        for item in repository.failed_items(session, batch.id)
    ]
    return BatchRead(
        id=batch.id,
        label=batch.label,
        status=batch.status,
        total=batch.total,
        processed=processed,
        pending=counts.get("pending", 0),
        created=counts.get("created", 0),
        already_imported=counts.get("already_imported", 0),
        matched=counts.get("matched", 0),
        failed=counts.get("failed", 0),
        percent=100 if batch.total == 0 else processed * 100 // batch.total,
        errors=errors,
        created_at=batch.created_at,
        finished_at=batch.finished_at,
    )


def list_batches(session: Session, actor: Actor, *, limit: int = 20) -> list[BatchRead]:
    """The newest imports with their progress."""
    require_intake(actor)
    return [
        batch_progress(session, actor, batch.id) for batch in repository.list_batches(session, limit=limit)
    ]


def finish_batch_if_done(session: Session, batch_id: uuid.UUID) -> bool:
    """Mark the batch done once no item waits; True when it is done."""
    batch = repository.get_batch(session, batch_id)
    if batch is None:
        return True
    if repository.item_counts(session, batch_id).get("pending", 0):
        if batch.status is BatchStatus.PENDING:
            batch.status = BatchStatus.RUNNING
            session.flush()
        return False
    if batch.status is not BatchStatus.DONE:
        batch.status, batch.finished_at = BatchStatus.DONE, utc_now()
        session.flush()
    return True


# --- duplicates ---------------------------------------------------------------------------


def _ordered(a: uuid.UUID, b: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    return (a, b) if str(a) < str(b) else (b, a)


def index_and_detect(session: Session, actor: Actor, person_ids: Sequence[uuid.UUID]) -> tuple[int, int]:
    """File these people under their blocking keys and compare them with everyone sharing a key.

    A shared strong key (e-mail, phone, profile URL) merges the two automatically (the older
    record survives); a similar name with a similar employer or school becomes a proposal.
    Returns (proposals created, automatic merges).
    """
    profiles = repository.dedup_profiles(session, person_ids)
    proposals = merges = 0
    gone: set[uuid.UUID] = set()
    for person_id, profile in profiles.items():
        if person_id in gone:
            continue
        keys = dedup.blocking_keys(profile)
        repository.replace_match_keys(session, person_id, keys)
        names = {key for key in keys if key[0] == dedup.NAME_BLOCK}
        lookup = keys - repository.crowded_keys(session, names, limit=MAX_NAME_BLOCK)
        others = [
            pid for pid in repository.people_by_keys(session, lookup) if pid != person_id and pid not in gone
        ]
        candidates = repository.dedup_profiles(session, others)
        found: list[tuple[uuid.UUID, dedup.Comparison]] = []
        for other_id, other in candidates.items():
            verdict = dedup.compare(profile, other)
            if verdict.is_proposal:
                found.append((other_id, verdict))
        strong = [other_id for other_id, verdict in found if verdict.strong]
        if strong:
            survivor = strong[0]
            merge.merge_people(session, actor, survivor, person_id, automatic=True)
            gone.add(person_id)
            merges += 1
            continue
        proposals += _propose(session, person_id, found)
    return proposals, merges


def _propose(session: Session, person_id: uuid.UUID, found: list[tuple[uuid.UUID, dedup.Comparison]]) -> int:
    pairs = {_ordered(person_id, other_id): verdict for other_id, verdict in found}
    known = repository.existing_pairs(session, pairs)
    created = 0
    for (a, b), verdict in pairs.items():
        if (a, b) in known:
            continue
        signals = [{"kind": s.kind, "detail": s.detail, "strength": s.strength} for s in verdict.signals]
        session.add(DuplicateProposal(person_a_id=a, person_b_id=b, score=verdict.score, signals=signals))
        created += 1
    session.flush()
    return created


def scan_duplicates(session: Session, actor: Actor) -> ScanResult:
    """Re-file every person and look for duplicates among all of them (blocking keeps it linear)."""
    require_intake(actor)
    after: uuid.UUID | None = None
    people = proposals = merges = 0
    while page := repository.person_ids_page(session, after=after, limit=SCAN_PAGE):
        created, merged = index_and_detect(session, actor, page)
        people, proposals, merges = people + len(page), proposals + created, merges + merged
        after = page[-1]
    return ScanResult(people=people, proposals=proposals, merged=merges)


def _duplicate_read(
    proposal: DuplicateProposal, names: dict[uuid.UUID, tuple[str, str | None]]
) -> DuplicateRead:
    def ref(person_id: uuid.UUID) -> PersonRef:
        name, native = names.get(person_id, ("", None))
        return PersonRef(id=person_id, display_name=name, native_name=native)

    return DuplicateRead(
        id=proposal.id,
        person_a=ref(proposal.person_a_id),
        person_b=ref(proposal.person_b_id),
        score=proposal.score,
        signals=[SignalRead.model_validate(signal) for signal in proposal.signals],
        status=proposal.status,
        created_at=proposal.created_at,
    )


def list_duplicates(
    session: Session, actor: Actor, *, status: DuplicateStatus = DuplicateStatus.OPEN, limit: int = 50
) -> list[DuplicateRead]:
    """Duplicate proposals, most likely first."""
    require_intake(actor)
    proposals = repository.list_duplicates(session, status=status, limit=max(1, min(limit, MAX_LIST)))
    names = repository.names_of(session, [pid for p in proposals for pid in (p.person_a_id, p.person_b_id)])
    return [_duplicate_read(proposal, names) for proposal in proposals]


def get_duplicate(session: Session, actor: Actor, duplicate_id: uuid.UUID) -> DuplicateProposal:
    """A proposal (404 when unknown)."""
    require_intake(actor)
    proposal = repository.get_duplicate(session, duplicate_id)
    if proposal is None:
        raise NotFound("No such duplicate proposal.")
    return proposal


def duplicate_read(session: Session, actor: Actor, duplicate_id: uuid.UUID) -> DuplicateRead:
    """A proposal with the people's names."""
    proposal = get_duplicate(session, actor, duplicate_id)
    names = repository.names_of(session, [proposal.person_a_id, proposal.person_b_id])
    return _duplicate_read(proposal, names)


@dataclass(frozen=True)
class MergeField:
    """One line of the merge screen: both values and the default choice."""

    name: str
    a: str
    b: str
    default: str
    is_list: bool


def merge_screen(
    session: Session, actor: Actor, duplicate_id: uuid.UUID
) -> tuple[DuplicateRead, list[MergeField]]:
    """Both records side by side, field by field, with the suggested choice for each."""
    proposal = get_duplicate(session, actor, duplicate_id)
    a = merge._person_dump(session, actor, proposal.person_a_id)
    b = merge._person_dump(session, actor, proposal.person_b_id)
    defaults = merge.default_choices(a, b)
    fields = []
    for name in merge.MERGE_FIELDS:
        left, right = (
            (a.get("expected_salary_amount"), b.get("expected_salary_amount"))
            if name == "expected_salary"
            else (a.get(name), b.get(name))
        )
        left_text, right_text = _show(name, left, a), _show(name, right, b)
        if not left_text and not right_text:
            continue
        fields.append(MergeField(name, left_text, right_text, defaults[name], name in merge.LIST_FIELDS))
    return duplicate_read(session, actor, duplicate_id), fields


def _show(name: str, value: Any, record: dict[str, Any]) -> str:
    from talentbridge.intake.review import display

    if name == "expected_salary" and value:
        currency, period = (
            record.get("expected_salary_currency") or "",
            record.get("expected_salary_period") or "",
        )
        return f"{value} {currency} {period}".strip()
    if name in {"publications", "awards"}:
        return "; ".join(item["title"] for item in value or [])
    if name == "tags" or name == "nationalities" or name == "emails":
        return ", ".join(value or [])
    return display(name, value)


def merge_duplicate(
    session: Session,
    actor: Actor,
    duplicate_id: uuid.UUID,
    *,
    survivor: str = "a",
    choices: dict[str, str] | None = None,
) -> Merge:
    """Merge the two people of a proposal; ``choices`` name "a"/"b" as in the proposal."""
    proposal = get_duplicate(session, actor, duplicate_id)
    if proposal.status is not DuplicateStatus.OPEN:
        raise Conflict("This proposal has already been resolved.")
    if survivor not in {"a", "b"}:
        raise InvalidInput("survivor must be a or b.", field="survivor")
    keep, drop = (proposal.person_a_id, proposal.person_b_id)
    flipped = survivor == "b"
    if flipped:
        keep, drop = drop, keep
    relative = {
        field: {"a": "b", "b": "a"}.get(choice, choice) if flipped else choice
        for field, choice in (choices or {}).items()
    }
    proposal.status, proposal.resolved_at = DuplicateStatus.MERGED, utc_now()
    session.flush()
    return merge.merge_people(session, actor, keep, drop, choices=relative, duplicate_id=duplicate_id)


def dismiss_duplicate(session: Session, actor: Actor, duplicate_id: uuid.UUID) -> DuplicateRead:
    """Mark a proposal as not the same person (it is not proposed again)."""
    proposal = get_duplicate(session, actor, duplicate_id)
    if proposal.status is not DuplicateStatus.OPEN:
        raise Conflict("This proposal has already been resolved.")
    proposal.status, proposal.resolved_at = DuplicateStatus.DISMISSED, utc_now()
    session.flush()
    return duplicate_read(session, actor, duplicate_id)


def merge_read(merge_record: Merge) -> MergeRead:
    """A merge for the API."""
    read = MergeRead.model_validate(merge_record)
    read.conflicts = len(merge_record.snapshot.get("conflicts", []))
    return read


def undo_merge(session: Session, actor: Actor, merge_id: uuid.UUID) -> Merge:
    """Undo a merge (admins and recruiters)."""
    require_intake(actor)
    undone = merge.undo_merge(session, actor, merge_id)
    if undone.duplicate_id is not None:
        proposal = repository.get_duplicate(session, undone.duplicate_id)
        if proposal is not None:  # restored with the merged-away person: open it again
            proposal.status, proposal.resolved_at = DuplicateStatus.OPEN, None
            session.flush()
    return undone


def list_merges(session: Session, actor: Actor, *, limit: int = 50) -> list[MergeRead]:
    """Recent merges, newest first."""
    require_intake(actor)
    return [merge_read(item) for item in repository.list_merges(session, limit=limit)]


# --- reviews and parsing -------------------------------------------------------------------


def review_read(review: Any) -> ReviewRead:
    """A review for the API and pages."""
    return ReviewRead(
        id=review.id,
        person_id=review.person_id,
        kind=review.kind,
        status=review.status,
        filename=review.filename,
        fields=[ReviewLine.model_validate(line) for line in review.fields],
        created_at=review.created_at,
    )


def list_reviews(session: Session, actor: Actor, *, limit: int = 100) -> list[ReviewRead]:
    """Pending reviews, oldest first."""
    require_intake(actor)
    return [review_read(review) for review in repository.list_reviews(session, limit=limit)]


def parse_upload(actor: Actor, filename: str, data: bytes, *, max_bytes: int) -> ParseResult:
    """Parse one uploaded résumé and return the result; nothing is stored."""
    require_intake(actor)
    if not data:
        raise InvalidInput("The file is empty.", field="file")
    from talentbridge.intake.parsing import parse_document
    from talentbridge.intake.parsing.types import UnreadableDocument

    try:
        parsed = parse_document(data, filename, max_bytes=max_bytes)
    except UnreadableDocument as exc:
        raise InvalidInput(exc.message, field="file", extra={"reason": exc.code}) from exc
    return ParseResult(
        resume=parsed.resume,
        evidence=[EvidenceRead.model_validate(item, from_attributes=True) for item in parsed.evidence],
        warnings=list(parsed.warnings),
        language=parsed.language,
        detected_type=parsed.detected_type,
        content_hash=parsed.content_hash,
    )
