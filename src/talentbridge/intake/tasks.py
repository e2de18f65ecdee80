"""Background jobs of the intake context: running an import batch item by item.

``drain_batch`` is the one loop that processes a batch, used by the worker task and by the CLI
(which shows a progress bar). Each item is processed in its own unit of work that also marks it
done, so killing the process at any moment loses at most the item in flight, which is simply
still pending when the batch is resumed. A file that breaks the parser fails alone.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from talentbridge.auth.actor import Actor
from talentbridge.config import Settings
from talentbridge.db.session import engine_for, session_factory, unit_of_work
from talentbridge.files.storage import attachment_store_for
from talentbridge.files.uploads import UploadLimits
from talentbridge.intake import archive, importer, repository, service
from talentbridge.intake.models import ImportItem, ItemOutcome, ItemStatus
from talentbridge.kit.clock import utc_now
from talentbridge.worker import current_settings, task

log = logging.getLogger(__name__)

RUN_IMPORT_TASK = "intake.run_import"
RESUME_CRON = "*/5 * * * *"
Progress = Callable[[int, int], None]


def import_context(settings: Settings, source_id: uuid.UUID | None) -> importer.ImportContext:
    """Where an import finds its files and which limits apply, from the settings."""
    limits = UploadLimits.from_settings(settings)
    return importer.ImportContext(
        store=attachment_store_for(settings),
        upload_limits=limits,
        archive_limits=archive.ArchiveLimits(max_member_bytes=limits.max_bytes),
        source_id=source_id,
    )


def _fail_item(factory: sessionmaker[Session], item_id: uuid.UUID, error: BaseException) -> None:
    """Record an unexpected failure of one item so the batch goes on without it."""
    log.warning("import item %s failed unexpectedly (%s)", item_id, type(error).__name__)
    with unit_of_work(factory) as session:
        item = session.get(ImportItem, item_id)
        if item is not None and item.status is ItemStatus.PENDING:
            item.status, item.outcome, item.finished_at = ItemStatus.FAILED, ItemOutcome.ERROR, utc_now()
            item.error_code, item.error_message = "internal", "the file could not be processed"


def _process_next(
    factory: sessionmaker[Session],
    batch_id: uuid.UUID,
    context: importer.ImportContext,
    current: list[uuid.UUID],
) -> bool:
    """Process one pending item in its own transaction; False when none is left."""
    with unit_of_work(factory) as session:
        item = repository.next_pending_item(session, batch_id)
        if item is None:
            return False
        current.append(item.id)
        importer.process_item(session, Actor.system(), item, context)
    return True


def drain_batch(
    factory: sessionmaker[Session],
    settings: Settings,
    batch_id: uuid.UUID,
    *,
    on_progress: Progress | None = None,
) -> None:
    """Process every pending item of the batch, committing each one with its "done" mark."""
    with unit_of_work(factory) as session:
        batch = repository.get_batch(session, batch_id)
        if batch is None:
            return
        source_id = batch.source_id
        service.finish_batch_if_done(session, batch_id)
        counts = repository.item_counts(session, batch_id)
    total = sum(counts.get(status.value, 0) for status in ItemStatus)
    processed = total - counts.get(ItemStatus.PENDING.value, 0)
    if on_progress is not None:
        on_progress(processed, total)
    context = import_context(settings, source_id)
    retried: set[uuid.UUID] = set()
    while True:
        current: list[uuid.UUID] = []
        try:
            if not _process_next(factory, batch_id, context, current):
                break
        except (IntegrityError, OperationalError) as exc:
            # Another worker took the same item or the same file at the same time: try once more,
            # after which the item is recorded as failed rather than blocking the batch.
            if not current:
                raise
            if current[0] not in retried:
                retried.add(current[0])
                continue
            _fail_item(factory, current[0], exc)
        except Exception as exc:
            if not current:
                raise
            _fail_item(factory, current[0], exc)
        processed += 1
        if on_progress is not None:
            on_progress(processed, total)
    with unit_of_work(factory) as session:
        service.finish_batch_if_done(session, batch_id)


@task(name=RUN_IMPORT_TASK)
def run_import(batch_id: str) -> None:
    """Run (or resume) an import batch; safe to run twice, items done are never redone."""
    settings = current_settings()
    drain_batch(session_factory(engine_for(settings.effective_database_url)), settings, uuid.UUID(batch_id))


@task(name="intake.resume_imports", cron=RESUME_CRON, max_attempts=1)
def resume_imports() -> None:
    """Pick up batches left unfinished by a stopped worker (production workers run this periodically)."""
    settings = current_settings()
    factory = session_factory(engine_for(settings.effective_database_url))
    with unit_of_work(factory) as session:
        batch_ids = repository.unfinished_batch_ids(session)
    for batch_id in batch_ids:
        drain_batch(factory, settings, batch_id)
