"""Demo data of the matching context: the index of the demo people, so rankings show at once.

The demo people and jobs already carry skills, languages, education and experience; what the
matching context adds is the built index. It is built lexically inside the demo's transaction
(seconds for the demo's 400 people); where the sentence encoder is installed, a semantic rebuild
is queued to run after the commit. A demo seeded without a job queue (a bare script) has no data
directory to write to, so its index is built on the first visit to a "Best matches" tab instead.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from talentbridge.config import Environment
from talentbridge.demo.loader import DemoContext
from talentbridge.matching import index_store, indexing, tasks
from talentbridge.worker import QueueNotConfigured, current_settings

log = logging.getLogger(__name__)


def extend_demo(session: Session, context: DemoContext) -> None:
    """Build the index of the demo people (and queue its semantic rebuild where that is possible)."""
    del context
    try:
        settings = current_settings()
    except QueueNotConfigured:
        log.info("no job queue configured: the matching index is built on first use")
        return
    session.flush()
    directory = index_store.index_directory(settings.data_dir)
    loaded = indexing.rebuild_index(session, directory=directory)
    log.info("matching index built for %d demo people", len(loaded.versions))
    if settings.env is not Environment.TEST and indexing.semantic_available():
        tasks.schedule_rebuild(session)
