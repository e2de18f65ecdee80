"""Background jobs of the matching context: keeping the index of people up to date.

``people.service`` calls ``person_changed`` when a person is created, changed or deleted;
the job runs after the commit (in-process in development and tests, procrastinate in
production), re-reads only those people and upserts or removes them in the persisted index.
``jobs.service`` calls ``job_changed``; with a semantic index the job's query embedding is
computed then, so the first ranking after an edit does not wait for it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy.orm import Session

from talentbridge.config import Environment
from talentbridge.worker import QueueNotConfigured, current_settings, enqueue, task, task_session

SCHEDULED_KEY = "talentbridge_matching_scheduled"
BATCH = 500


@task(name="matching.update_people")
def update_people(*, person_ids: list[str]) -> None:
    """Re-index these people (idempotent: people already indexed at their version are skipped)."""
    from talentbridge.matching import index_store, indexing

    directory = index_store.index_directory(current_settings().data_dir)
    if not index_store.exists(directory):
        return
    with task_session() as session:
        indexing.update_people(
            session, directory=directory, person_ids=[uuid.UUID(pid) for pid in person_ids]
        )


@task(name="matching.rebuild_index", max_attempts=1)
def rebuild_index(*, semantic: bool = False) -> None:
    """Build the whole index again (``semantic``: with embeddings; slow, hence in the background)."""
    from talentbridge.matching import index_store, indexing

    directory = index_store.index_directory(current_settings().data_dir)
    with task_session() as session:
        indexing.rebuild_index(session, directory=directory, semantic=semantic, release_rows=True)
        indexing.reset_stale_checks()


@task(name="matching.warm_job")
def warm_job(*, job_id: str) -> None:
    """Embed the job's query now when the index is semantic (nothing to do for a lexical index)."""
    from talentbridge.matching import index_store, indexing

    directory = index_store.index_directory(current_settings().data_dir)
    loaded = index_store.load(directory)
    if loaded is None or not loaded.semantic:
        return
    with task_session() as session:
        indexing.warm_job_query(session, directory=directory, job_id=uuid.UUID(job_id))


def person_changed(session: Session, person_id: uuid.UUID) -> None:
    """Re-index the person once this transaction commits (once per person per transaction)."""
    schedule_reindex(session, [str(person_id)])


def job_changed(session: Session, job_id: uuid.UUID) -> None:
    """Prepare the job's ranking once this transaction commits."""
    if _queue_ready():
        enqueue(session, warm_job, job_id=str(job_id))


def schedule_rebuild(session: Session) -> None:
    """Queue a full rebuild after commit: with free-text skills, and embeddings where they run.

    Embedding every person takes minutes, so tests (``env=test``, jobs run inline) never do it.
    """
    if not _queue_ready():
        return
    from talentbridge.matching import indexing

    semantic = current_settings().env is not Environment.TEST and indexing.semantic_available()
    enqueue(session, rebuild_index, semantic=semantic)


def schedule_reindex(session: Session, person_ids: Iterable[str]) -> None:
    """Queue re-indexing of people after commit, in batches, skipping ones already queued."""
    if not _queue_ready():
        return
    scheduled = _scheduled_in_this_transaction(session)
    fresh = sorted(set(person_ids) - scheduled)
    scheduled.update(fresh)
    for start in range(0, len(fresh), BATCH):
        enqueue(session, update_people, person_ids=fresh[start : start + BATCH])


def _scheduled_in_this_transaction(session: Session) -> set[str]:
    """People already queued by the current transaction (a new transaction starts afresh)."""
    transaction = session.get_transaction()
    marker = id(transaction) if transaction is not None else 0
    held = session.info.get(SCHEDULED_KEY)
    if held is None or held[0] != marker:
        held = (marker, set())
        session.info[SCHEDULED_KEY] = held
    scheduled: set[str] = held[1]
    return scheduled


def _queue_ready() -> bool:
    """Whether this process has a job queue (scripts that only seed data may have none)."""
    try:
        current_settings()
    except QueueNotConfigured:
        return False
    return True
