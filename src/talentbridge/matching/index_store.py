"""The persisted index of people under ``<data dir>/matching/index``, shared by web and worker.

Layout: each full build is saved as an immutable *generation* directory (``gen-<ns>/engine`` from
``MatchIndex.save``, plus ``manifest.json`` with the person versions it holds); ``CURRENT`` names
the generation in use and is replaced atomically. Incremental changes (one person created,
changed or deleted) are appended to the generation's ``journal.jsonl`` instead of rewriting the
whole index, which at 100k people would cost seconds per change; after ``COMPACT_AFTER`` entries
the next change writes a fresh generation. Every process keeps the loaded index in memory and
replays only the journal lines it has not seen, so the web process picks up what a worker wrote.

Writers (builds, the update task) hold an exclusive file lock; readers never wait for it because
generations are immutable and journal lines are only ever appended whole.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from talentbridge.matching.engine.index import MatchIndex
from talentbridge.matching.engine.ports import TaxonomyLike
from talentbridge.matching.engine.types import CandidateProfile, ProfileSkill

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
JOURNAL = "journal.jsonl"
ENGINE_DIR = "engine"
LOCK = ".lock"
COMPACT_AFTER = 2000
FORMAT = 1


@dataclass(frozen=True)
class IndexUpdate:
    """One person to (re)index at a record version, with their vector when the index is semantic."""

    profile: CandidateProfile
    version: int
    vector: np.ndarray | None = None


@dataclass
class LoadedIndex:
    """An index in memory with the record version of every person it holds."""

    index: MatchIndex
    versions: dict[str, int]
    semantic: bool
    generation: str
    journal_offset: int = 0
    journal_entries: int = 0
    lock: threading.RLock = field(default_factory=threading.RLock)


_cache: dict[Path, LoadedIndex] = {}
_cache_lock = threading.Lock()


def index_directory(data_dir: Path) -> Path:
    """Where the index of this data directory lives."""
    return data_dir / "matching" / "index"


def exists(directory: Path) -> bool:
    """Whether an index has been built in this directory."""
    return (directory / CURRENT).is_file()


def load(directory: Path, taxonomy: TaxonomyLike | None = None) -> LoadedIndex | None:
    """The current index (cached; journal lines written since the last call are applied), or None.

    ``taxonomy`` resolves skills of replayed changes (the default taxonomy when None).
    """
    generation = _current_generation(directory)
    if generation is None:
        return None
    with _cache_lock:
        loaded = _cache.get(directory)
        if loaded is None or loaded.generation != generation:
            loaded = _load_generation(directory, generation, taxonomy)
            _cache[directory] = loaded
    _replay(directory, loaded)
    return loaded


def replace(
    directory: Path, index: MatchIndex, versions: Mapping[str, int], *, semantic: bool
) -> LoadedIndex:
    """Save a freshly built index as the new current generation."""
    with write_lock(directory):
        return _write_generation(directory, index, dict(versions), semantic=semantic)


def apply(directory: Path, updates: Sequence[IndexUpdate], removals: Sequence[str]) -> bool:
    """Upsert and remove people in the current index; False when there is no index yet.

    With no index there is nothing to update: the next build reads every person anyway.
    """
    with write_lock(directory):
        loaded = load(directory)
        if loaded is None:
            return False
        lines = []
        with loaded.lock:
            for update in updates:
                loaded.index.upsert(update.profile, update.vector)
                loaded.versions[update.profile.id] = update.version
                lines.append(_update_line(update))
            for person_id in removals:
                if person_id in loaded.versions:
                    loaded.index.remove(person_id)
                    del loaded.versions[person_id]
                    lines.append(json.dumps({"op": "remove", "id": person_id}))
        if not lines:
            return True
        if loaded.journal_entries + len(lines) > COMPACT_AFTER:
            with loaded.lock:
                loaded.index.compact()
            _write_generation(directory, loaded.index, loaded.versions, semantic=loaded.semantic)
            return True
        data = ("\n".join(lines) + "\n").encode()
        with (directory / loaded.generation / JOURNAL).open("ab") as journal:
            journal.write(data)
            journal.flush()
            os.fsync(journal.fileno())
        loaded.journal_offset += len(data)
        loaded.journal_entries += len(lines)
        return True


@contextmanager
def write_lock(directory: Path) -> Iterator[None]:
    """Exclusive across processes and threads: one writer at a time per index directory.

    Re-entrant within a thread (a build started under the lock saves under it too); the file
    lock is taken once, by the outermost holder, because a second ``flock`` on another file
    descriptor of the same file would wait for the first forever.
    """
    directory.mkdir(parents=True, exist_ok=True)
    depth = _held.__dict__.setdefault("depth", {})
    with _thread_lock(directory):
        if depth.get(directory, 0):
            depth[directory] += 1
            try:
                yield
            finally:
                depth[directory] -= 1
            return
        with (directory / LOCK).open("a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            depth[directory] = 1
            try:
                yield
            finally:
                depth[directory] = 0
                fcntl.flock(handle, fcntl.LOCK_UN)


_thread_locks: dict[Path, threading.RLock] = {}
_held = threading.local()


def _thread_lock(directory: Path) -> threading.RLock:
    with _cache_lock:
        return _thread_locks.setdefault(directory, threading.RLock())


def forget(directory: Path | None = None) -> None:
    """Drop cached indexes (all, or one directory's); the next ``load`` reads from disk."""
    with _cache_lock:
        if directory is None:
            _cache.clear()
        else:
            _cache.pop(directory, None)


def _current_generation(directory: Path) -> str | None:
    try:
        name = (directory / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return name if name and (directory / name / MANIFEST).is_file() else None


def _load_generation(directory: Path, generation: str, taxonomy: TaxonomyLike | None) -> LoadedIndex:
    manifest = json.loads((directory / generation / MANIFEST).read_text(encoding="utf-8"))
    index = MatchIndex.load(directory / generation / ENGINE_DIR, taxonomy)
    return LoadedIndex(
        index=index,
        versions={str(key): int(value) for key, value in manifest["versions"].items()},
        semantic=bool(manifest.get("semantic", False)),
        generation=generation,
    )


def _write_generation(
    directory: Path, index: MatchIndex, versions: dict[str, int], *, semantic: bool
) -> LoadedIndex:
    generation = f"gen-{time.time_ns()}"
    staging = directory / f".{generation}.tmp"
    index.save(staging / ENGINE_DIR)
    manifest = {"format": FORMAT, "semantic": semantic, "versions": versions}
    (staging / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    staging.rename(directory / generation)
    pointer = directory / f".{CURRENT}.tmp"
    pointer.write_text(generation, encoding="utf-8")
    os.replace(pointer, directory / CURRENT)
    loaded = LoadedIndex(index=index, versions=versions, semantic=semantic, generation=generation)
    with _cache_lock:
        _cache[directory] = loaded
    _prune(directory, keep={generation})
    return loaded


def _prune(directory: Path, *, keep: set[str]) -> None:
    """Remove all but the newest two generations (a reader may still be loading the previous one)."""
    generations = sorted(path.name for path in directory.glob("gen-*") if path.is_dir())
    for name in generations[:-2]:
        if name not in keep:
            shutil.rmtree(directory / name, ignore_errors=True)
    for stale in directory.glob(".gen-*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)


def _replay(directory: Path, loaded: LoadedIndex) -> None:
    """Apply journal lines another process (or an earlier call) appended since the last replay."""
    path = directory / loaded.generation / JOURNAL
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size <= loaded.journal_offset:
        return
    with loaded.lock:
        with path.open("rb") as journal:
            journal.seek(loaded.journal_offset)
            data = journal.read(size - loaded.journal_offset)
        complete = data[: data.rfind(b"\n") + 1]
        for raw in complete.splitlines():
            entry = json.loads(raw)
            if entry["op"] == "remove":
                loaded.index.remove(entry["id"])
                loaded.versions.pop(entry["id"], None)
            else:
                update = _parse_update(entry)
                loaded.index.upsert(update.profile, update.vector)
                loaded.versions[update.profile.id] = update.version
            loaded.journal_entries += 1
        loaded.journal_offset += len(complete)


def _update_line(update: IndexUpdate) -> str:
    vector = None if update.vector is None else [float(value) for value in update.vector]
    return json.dumps(
        {"op": "upsert", "version": update.version, "profile": asdict(update.profile), "vector": vector},
        ensure_ascii=False,
    )


def _parse_update(entry: dict[str, Any]) -> IndexUpdate:
    vector = entry.get("vector")
    return IndexUpdate(
        profile=profile_from_dict(entry["profile"]),
        version=int(entry["version"]),
        vector=None if vector is None else np.asarray(vector, dtype=np.float32),
    )


def profile_from_dict(data: dict[str, Any]) -> CandidateProfile:
    """A profile back from ``dataclasses.asdict`` (lists become the tuples the type declares)."""
    values = dict(data)
    values["skills"] = tuple(ProfileSkill(**skill) for skill in data.get("skills", ()))
    values["experience"] = tuple(tuple(item) for item in data.get("experience", ()))
    values["education"] = tuple(tuple(item) for item in data.get("education", ()))
    values["languages"] = tuple(tuple(item) for item in data.get("languages", ()))
    for key in ("titles", "publications", "awards", "links"):
        values[key] = tuple(data.get(key, ()))
    return CandidateProfile(**values)
