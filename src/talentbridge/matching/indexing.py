"""Keeping the persisted index of people in step with the database.

* ``rebuild_index`` reads every person once (chunked, no N+1), maps them to profiles and saves a
  new generation. Builds started from a request are lexical (BM25 and features: seconds even for
  many thousands of people); a semantic build (embeddings, ~6 résumés per second per two cores)
  runs only where waiting is expected: the demo, a background task, the command line.
* ``update_people`` is the incremental path the background task takes when people are created,
  changed or deleted: only those people are re-read and upserted or removed, and only if their
  record version differs from the one indexed (so duplicate or late jobs cost nothing).
* ``stale_people`` compares the index with the database, so a change that reached the database
  without a task (a lost in-process job, a restore) is caught up on the next ranking.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from sqlalchemy.orm import Session

from talentbridge.kit.clock import utc_now
from talentbridge.matching import index_store, repository
from talentbridge.matching.engine.index import MatchIndex, encode_profiles, profile_text
from talentbridge.matching.engine.ports import EncoderLike, TaxonomyLike
from talentbridge.matching.engine.ranking import rank
from talentbridge.matching.engine.types import CandidateProfile
from talentbridge.matching.index_store import IndexUpdate, LoadedIndex
from talentbridge.matching.profiles import SkillResolver, candidate_profile, job_spec

CHUNK_SIZE = 500
INLINE_BUILD_LIMIT = 5000
"""Up to this many people a request builds a missing index itself (about 10 s at the limit)."""
BUILD_RETRY_SECONDS = 600.0
"""How long a process waits before queueing another background build of a missing index."""
STALE_CHECK_SECONDS = 30.0
"""How often (per process and index) a ranking compares the index with the database."""


@dataclass(frozen=True)
class Staleness:
    """People whose indexed version differs from the database, and indexed people who are gone."""

    changed: list[str]
    removed: list[str]

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed)


def taxonomy() -> TaxonomyLike:
    """The process-wide skill taxonomy (ESCO plus our own data file)."""
    from talentbridge.matching.taxonomy import default_taxonomy

    return default_taxonomy()


def encoder() -> EncoderLike | None:
    """The sentence encoder (loaded once per process); None when it is not installed or disabled."""
    from talentbridge.matching.embeddings import load_encoder

    return load_encoder()


def semantic_available() -> bool:
    """Whether a semantic build could embed (enabled, model and library installed), without loading it."""
    from talentbridge.matching import embeddings

    return (
        embeddings.semantic_enabled()
        and embeddings.model_directory() is not None
        and importlib.util.find_spec("sentence_transformers") is not None
    )


class CachedQueryEncoder:
    """The encoder with a disk cache: a job's query is embedded once, by the first process needing it.

    Ranking with a semantic index embeds the job (not the people); caching the vector under the
    data directory lets the background task that runs after a job edit pay for it, not the recruiter.
    """

    def __init__(self, model: EncoderLike, directory: Path) -> None:
        self.model = model
        self.directory = directory

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Vectors of the texts, from the cache where present (computed and stored otherwise)."""
        keys = [hashlib.sha256(f"{type(self.model).__name__}\n{text}".encode()).hexdigest() for text in texts]
        found: dict[int, npt.NDArray[np.float32]] = {}
        for position, key in enumerate(keys):
            path = self.directory / f"{key}.npy"
            if path.is_file():
                found[position] = np.load(path)
        missing = [position for position in range(len(texts)) if position not in found]
        if missing:
            fresh = self.model.encode([texts[position] for position in missing])
            self.directory.mkdir(parents=True, exist_ok=True)
            for row, position in enumerate(missing):
                found[position] = np.asarray(fresh[row], dtype=np.float32)
                np.save(self.directory / f"{keys[position]}.npy", found[position])
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([found[position] for position in range(len(texts))])


def query_encoder(loaded: LoadedIndex, directory: Path) -> EncoderLike | None:
    """The encoder a ranking on this index uses: none for a lexical index, cached for a semantic one."""
    if not loaded.semantic:
        return None
    model = encoder()
    return None if model is None else CachedQueryEncoder(model, directory.parent / "queries")


def warm_job_query(session: Session, *, directory: Path, job_id: uuid.UUID) -> None:
    """Embed a job's query now (after the job changed), so its next ranking finds it cached."""
    loaded = index_store.load(directory)
    job = repository.job_for_matching(session, job_id)
    if loaded is None or job is None:
        return
    model = query_encoder(loaded, directory)
    if model is None:
        return
    tax = taxonomy()
    with loaded.lock:
        rank(loaded.index, job_spec(job, skill_resolver(tax)), tax, top_k=1, encoder=model)


def skill_resolver(tax: TaxonomyLike) -> SkillResolver:
    """Skill name -> taxonomy id, remembered per name for the duration of one build or update."""
    known: dict[str, str | None] = {}

    def resolve(name: str) -> str | None:
        if name not in known:
            skill = tax.lookup_skill(name)
            known[name] = skill.id if skill is not None else None
        return known[name]

    return resolve


def rebuild_index(
    session: Session,
    *,
    directory: Path,
    semantic: bool = False,
    read_text: bool = True,
    release_rows: bool = False,
    progress: Callable[[int], None] | None = None,
) -> LoadedIndex:
    """Build the index of every person from the database and make it the current one.

    ``semantic`` embeds every person (slow; for background builds). ``read_text=False`` skips
    finding skills in free text (summaries, position descriptions): a quick build that a request
    can afford, completed later by a full one. ``release_rows`` lets each chunk of people leave
    the session once mapped, for large databases in a session of its own.
    """
    tax = taxonomy()
    model = encoder() if semantic else None
    resolve = skill_resolver(tax)
    versions: dict[str, int] = {}
    today = utc_now().date()

    def profiles() -> Iterator[CandidateProfile]:
        for chunk in repository.iter_people_for_matching(
            session, chunk_size=CHUNK_SIZE, release=release_rows
        ):
            for person in chunk:
                versions[str(person.id)] = person.version
                yield candidate_profile(person, resolve, today=today)

    index = MatchIndex.build(profiles(), tax, model, progress=progress, extract_text_skills=read_text)
    return index_store.replace(directory, index, versions, semantic=model is not None)


def ensure_index(session: Session, *, directory: Path) -> tuple[LoadedIndex | None, bool]:
    """The current index, and whether it had to be built now (quickly: see ``rebuild_index``).

    With no index and more than ``INLINE_BUILD_LIMIT`` people there is no index yet (None): a
    request must not wait minutes; the caller queues the build (``tasks.schedule_rebuild``) and
    says so. A caller that got a quick build queues the full one the same way.
    """
    loaded = index_store.load(directory)
    if loaded is not None:
        return loaded, False
    if repository.count_people(session) > INLINE_BUILD_LIMIT:
        return None, False
    with index_store.write_lock(directory):
        loaded = index_store.load(directory)  # another request may have built it meanwhile
        if loaded is not None:
            return loaded, False
        return rebuild_index(session, directory=directory, read_text=False), True


def due_for_background_build(directory: Path, *, now: float | None = None) -> bool:
    """True at most once per ``BUILD_RETRY_SECONDS`` per index directory in this process."""
    moment = time.monotonic() if now is None else now
    with _check_lock:
        last = _build_requested.get(directory)
        if last is not None and moment - last < BUILD_RETRY_SECONDS:
            return False
        _build_requested[directory] = moment
        return True


_build_requested: dict[Path, float] = {}


def update_people(session: Session, *, directory: Path, person_ids: Sequence[uuid.UUID]) -> int:
    """Re-index these people (deleted ones are removed); returns how many entries changed.

    A person whose indexed version equals the stored one is skipped, so the task is idempotent.
    Without an index nothing happens: the next build reads everyone anyway.
    """
    loaded = index_store.load(directory)
    if loaded is None or not person_ids:
        return 0
    people = {str(person.id): person for person in repository.people_for_matching(session, set(person_ids))}
    removals = [str(pid) for pid in person_ids if str(pid) not in people and str(pid) in loaded.versions]
    changed = [person for key, person in people.items() if loaded.versions.get(key) != person.version]
    if not changed and not removals:
        return 0
    tax = taxonomy()
    resolve = skill_resolver(tax)
    today = utc_now().date()
    profiles = [(candidate_profile(person, resolve, today=today), person.version) for person in changed]
    vectors = _vectors([profile for profile, _version in profiles]) if loaded.semantic else None
    updates = [
        IndexUpdate(profile=profile, version=version, vector=None if vectors is None else vectors[position])
        for position, (profile, version) in enumerate(profiles)
    ]
    index_store.apply(directory, updates, removals)
    return len(updates) + len(removals)


def stale_people(session: Session, loaded: LoadedIndex) -> Staleness:
    """What differs between the index and the database (one two-column query)."""
    stored = repository.person_versions(session)
    changed = sorted(key for key, version in stored.items() if loaded.versions.get(key) != version)
    removed = sorted(key for key in loaded.versions if key not in stored)
    return Staleness(changed=changed, removed=removed)


_last_checked: dict[Path, float] = {}
_check_lock = threading.Lock()


def due_for_stale_check(directory: Path, *, now: float | None = None) -> bool:
    """True at most once per ``STALE_CHECK_SECONDS`` per index directory in this process."""
    moment = time.monotonic() if now is None else now
    with _check_lock:
        last = _last_checked.get(directory)
        if last is not None and moment - last < STALE_CHECK_SECONDS:
            return False
        _last_checked[directory] = moment
        return True


def reset_stale_checks() -> None:
    """Forget when indexes were last compared with the database (tests, after a rebuild)."""
    with _check_lock:
        _last_checked.clear()
        _build_requested.clear()


def _vectors(profiles: Sequence[CandidateProfile]) -> list[np.ndarray | None] | None:
    """Embeddings of these profiles the way the index embeds them, or None without an encoder."""
    model = encoder()
    if model is None or not profiles:
        return None
    return list(encode_profiles(model, [profile_text(profile) for profile in profiles]))
