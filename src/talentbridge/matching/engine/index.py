"""MatchIndex: every person's compact row, searchable and incrementally updatable, saved to disk.

Layout: one large immutable *main* segment plus a small *delta* segment holding recent upserts.
Updating a person tombstones the old row and appends a new delta row (no array is rewritten, so
an upsert costs one row build, well under 50 ms); ``compact()`` folds the delta into a new main
segment with vectorised array operations. ``save`` writes .npy files plus a versioned JSON
manifest; ``load`` memory-maps the large arrays so opening a million-person index is quick.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from talentbridge.matching.engine.config import engine_config
from talentbridge.matching.engine.ports import EncoderLike, TaxonomyLike
from talentbridge.matching.engine.rows import Row, RowBuilder, Vocab, Vocabularies
from talentbridge.matching.engine.segment import (
    Array,
    Segment,
    SegmentBuilder,
    bm25_tfc,
    load_segment,
    save_segment,
    sparse_from_arrays,
)
from talentbridge.matching.engine.types import CandidateProfile

FORMAT = "talentbridge-match-index"
FORMAT_VERSION = 1
ENCODE_BATCH = 64
CHUNK_WORDS = 180
MAX_CHUNKS = 8
Progress = Callable[[int], None]


def profile_text(profile: CandidateProfile) -> str:
    """The text a person is embedded from: titles, skills and free text."""
    parts = [" / ".join(profile.titles), ", ".join(s.name for s in profile.skills), profile.text]
    return "\n".join(part for part in parts if part.strip())


def encode_profiles(encoder: EncoderLike, texts: Sequence[str]) -> Array:
    """One L2-normalised vector per text: the mean of its chunk embeddings (long CVs are chunked,
    not truncated, because truncation to the model's 256 tokens loses most of a CV)."""
    chunks: list[str] = []
    owners: list[int] = []
    for owner, text in enumerate(texts):
        words = text.split()
        pieces = [" ".join(words[i : i + CHUNK_WORDS]) for i in range(0, len(words), CHUNK_WORDS)][
            :MAX_CHUNKS
        ]
        for piece in pieces or [""]:
            chunks.append(piece)
            owners.append(owner)
    encoded = np.asarray(encoder.encode(chunks), dtype=np.float32)
    vectors = np.zeros((len(texts), encoded.shape[1]), dtype=np.float32)
    np.add.at(vectors, np.asarray(owners), encoded)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    normalised: Array = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    return normalised


class MatchIndex:
    """All indexed people. Use ``build`` or ``load``; then ``upsert``/``remove``; rank with ``rank()``."""

    def __init__(self, vocab: Vocabularies, main: Segment, taxonomy: TaxonomyLike | None) -> None:
        config = engine_config()
        self.k1 = config.param("bm25_k1")
        self.b = config.param("bm25_b")
        self.vocab = vocab
        self.main = main
        self.main_alive = np.ones(len(main), dtype=bool)
        self.generation = uuid.uuid4().hex
        self.delta_rows: list[Row] = []
        self.delta_vectors: list[Array] = []
        self.delta_alive: list[bool] = []
        self._delta_segment: Segment | None = None
        self.row_of: dict[str, tuple[int, int]] = {}
        for i, person_id in enumerate(main.ids):
            previous = self.row_of.get(person_id)
            if previous is not None:
                self.main_alive[previous[1]] = False
            self.row_of[person_id] = (0, i)
        self.dim: int | None = None if main.vectors is None else int(main.vectors.shape[1])
        self._taxonomy = taxonomy
        self._builder: RowBuilder | None = None
        self.df = self._main_df()
        self.taxonomy_version = taxonomy.version if taxonomy is not None else ""
        self._id_rank: Array | None = None

    # ----------------------------------------------------------------- building
    @classmethod
    def build(
        cls,
        profiles: Iterable[CandidateProfile],
        taxonomy: TaxonomyLike,
        encoder: EncoderLike | None = None,
        progress: Progress | None = None,
        *,
        vectors: Array | None = None,
        extract_text_skills: bool = True,
    ) -> MatchIndex:
        """Index ``profiles`` (later duplicates of an id replace earlier ones).

        ``vectors`` gives precomputed embeddings, one row per profile in order (the benchmark uses
        random unit vectors); otherwise ``encoder`` embeds each profile's text, chunked.
        """
        vocab = Vocabularies()
        rows = RowBuilder(taxonomy, vocab)
        builder = SegmentBuilder()
        texts: list[str] = []
        encoded: list[Array] = []
        for count, profile in enumerate(profiles, start=1):
            builder.add(rows.build(profile, extract_text_skills=extract_text_skills))
            if encoder is not None and vectors is None:
                texts.append(profile_text(profile))
                if len(texts) >= ENCODE_BATCH:
                    encoded.append(encode_profiles(encoder, texts))
                    texts = []
            if progress is not None and count % 10_000 == 0:
                progress(count)
        if encoder is not None and vectors is None and (texts or not encoded) and texts:
            encoded.append(encode_profiles(encoder, texts))
        if vectors is None and encoded:
            vectors = np.concatenate(encoded).astype(np.float32)
        if vectors is not None:
            vectors = np.ascontiguousarray(vectors, dtype=np.float32)
            if vectors.ndim != 2 or vectors.shape[0] != len(builder):
                raise ValueError(
                    f"vectors must have one row per profile ({len(builder)}), got {vectors.shape}"
                )
        config = engine_config()
        main = builder.finish(
            _n_cols(vocab), vectors, k1=config.param("bm25_k1"), b=config.param("bm25_b"), avgdl=None
        )
        index = cls(vocab, main, taxonomy)
        index._builder = rows
        return index

    @property
    def taxonomy(self) -> TaxonomyLike:
        """The taxonomy upserts resolve skills with (the default one when none was given)."""
        if self._taxonomy is None:
            from talentbridge.matching.taxonomy import default_taxonomy  # pure module, loaded lazily

            self._taxonomy = default_taxonomy()
        return self._taxonomy

    @taxonomy.setter
    def taxonomy(self, value: TaxonomyLike) -> None:
        self._taxonomy = value
        self._builder = None

    def _row_builder(self) -> RowBuilder:
        if self._builder is None:
            self._builder = RowBuilder(self.taxonomy, self.vocab)
        return self._builder

    # ----------------------------------------------------------------- reading
    def __len__(self) -> int:
        return len(self.row_of)

    def __contains__(self, person_id: object) -> bool:
        return person_id in self.row_of

    @property
    def ids(self) -> list[str]:
        """Ids of every live person, sorted."""
        return sorted(self.row_of)

    def segments(self) -> list[tuple[Segment, Array]]:
        """(segment, alive mask) for main and, when not empty, delta."""
        result = [(self.main, self.main_alive)]
        if self.delta_rows:
            result.append((self.delta_segment(), np.array(self.delta_alive, dtype=bool)))
        return result

    def delta_segment(self) -> Segment:
        """The delta rows packed into a segment (rebuilt only after a change)."""
        if self._delta_segment is None:
            builder = SegmentBuilder()
            for row in self.delta_rows:
                builder.add(row)
            vectors = np.stack(self.delta_vectors).astype(np.float32) if self.dim is not None else None
            self._delta_segment = builder.finish(
                _n_cols(self.vocab), vectors, k1=self.k1, b=self.b, avgdl=self.main.avgdl
            )
        return self._delta_segment

    def main_id_rank(self) -> Array:
        """Position of each main row's id in sorted id order (for deterministic tie-breaking)."""
        if self._id_rank is None:
            order = np.argsort(np.asarray(self.main.ids, dtype=object), kind="stable")
            ranks = np.empty(len(order), dtype=np.int64)
            ranks[order] = np.arange(len(order))
            self._id_rank = ranks
        return self._id_rank

    @property
    def alive_docs(self) -> int:
        return len(self.row_of)

    # ----------------------------------------------------------------- updating
    def upsert(self, profile: CandidateProfile, vector: Array | None = None) -> None:
        """Add or replace one person (tombstone + delta row; no re-indexing of anyone else)."""
        row = self._row_builder().build(profile)
        self._kill(profile.id)
        if self.dim is None and vector is not None and len(self) == 0 and not self.delta_rows:
            self.dim = int(np.asarray(vector).shape[-1])
        if self.dim is not None:
            if vector is None:
                vector = np.zeros(self.dim, dtype=np.float32)
            vector = np.asarray(vector, dtype=np.float32).reshape(-1)
            if vector.shape[0] != self.dim:
                raise ValueError(f"vector has {vector.shape[0]} dimensions, the index {self.dim}")
            self.delta_vectors.append(vector)
        self.delta_rows.append(row)
        self.delta_alive.append(True)
        self.row_of[profile.id] = (1, len(self.delta_rows) - 1)
        self._add_df(list(row.terms))
        self._delta_segment = None

    def remove(self, profile_id: str) -> None:
        """Drop one person; unknown ids are ignored (removal is idempotent)."""
        self._kill(profile_id)

    def _kill(self, profile_id: str) -> None:
        where = self.row_of.pop(profile_id, None)
        if where is None:
            return
        segment, row = where
        if segment == 0:
            self.main_alive[row] = False
            terms = self.main.terms.row(row)[0]
        else:
            self.delta_alive[row] = False
            terms = np.fromiter(self.delta_rows[row].terms, dtype=np.int64)
            self._delta_segment = None
        self.df[np.asarray(terms, dtype=np.int64)] -= 1

    def _add_df(self, terms: list[int]) -> None:
        if len(self.vocab.terms) > len(self.df):
            grown = np.zeros(max(len(self.vocab.terms), 2 * len(self.df)), dtype=np.int64)
            grown[: len(self.df)] = self.df
            self.df = grown
        if terms:
            self.df[np.asarray(terms, dtype=np.int64)] += 1

    def _main_df(self) -> Array:
        df = np.zeros(max(len(self.vocab.terms), 1), dtype=np.int64)
        counts = np.diff(np.asarray(self.main.terms.csc_indptr))
        df[: len(counts)] = counts
        for row in np.flatnonzero(~self.main_alive):
            df[np.asarray(self.main.terms.row(int(row))[0], dtype=np.int64)] -= 1
        return df

    def compact(self) -> None:
        """Fold the delta and drop tombstones: one new main segment, built with array operations."""
        parts = self.segments()
        self.main = concat_live(parts, _n_cols(self.vocab), k1=self.k1, b=self.b, dim=self.dim)
        self.main_alive = np.ones(len(self.main), dtype=bool)
        self.delta_rows, self.delta_vectors, self.delta_alive = [], [], []
        self._delta_segment = None
        self.row_of = {person_id: (0, i) for i, person_id in enumerate(self.main.ids)}
        self.df = self._main_df()
        self.generation = uuid.uuid4().hex
        self._id_rank = None

    # ----------------------------------------------------------------- persistence
    def save(self, directory: Path) -> None:
        """Write the index under ``directory`` (main segment only when it changed since last save)."""
        directory.mkdir(parents=True, exist_ok=True)
        old = _read_manifest(directory)
        main_dir = directory / f"main-{self.generation}"
        if old is None or old.get("main", {}).get("generation") != self.generation or not main_dir.exists():
            tmp = directory / f"main-{self.generation}.tmp"
            shutil.rmtree(tmp, ignore_errors=True)
            entry = save_segment(self.main, tmp)
            (tmp / "ids.json").write_text(json.dumps(self.main.ids), encoding="utf-8")
            np.save(tmp / "id_rank.npy", self.main_id_rank())
            shutil.rmtree(main_dir, ignore_errors=True)
            os.replace(tmp, main_dir)
        else:
            entry = old["main"]["segment"]
        delta_tmp = directory / f"delta-{uuid.uuid4().hex}"
        delta_entry = None
        if self.delta_rows:
            delta_entry = save_segment(self.delta_segment(), delta_tmp)
            (delta_tmp / "ids.json").write_text(json.dumps(self.delta_segment().ids), encoding="utf-8")
            np.save(delta_tmp / "alive.npy", np.array(self.delta_alive, dtype=bool))
        np.save(directory / f"alive-{self.generation}.npy", self.main_alive)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "config": engine_config().version,
            "taxonomy_version": self.taxonomy_version,
            "people": len(self),
            "dim": self.dim,
            "bm25": {"k1": self.k1, "b": self.b},
            "main": {"generation": self.generation, "dir": main_dir.name, "segment": entry},
            "main_alive": f"alive-{self.generation}.npy",
            "delta": None if delta_entry is None else {"dir": delta_tmp.name, "segment": delta_entry},
        }
        vocab_file = directory / "vocab.json"
        vocab_tmp = directory / "vocab.json.tmp"
        vocab_tmp.write_text(json.dumps(_vocab_json(self.vocab), ensure_ascii=False), encoding="utf-8")
        os.replace(vocab_tmp, vocab_file)
        manifest_tmp = directory / "manifest.json.tmp"
        manifest_tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        os.replace(manifest_tmp, directory / "manifest.json")
        keep = {main_dir.name, manifest["main_alive"], "manifest.json", "vocab.json"}
        if delta_entry is not None:
            keep.add(delta_tmp.name)
        for child in directory.iterdir():
            if child.name not in keep and (child.name.startswith(("main-", "delta-", "alive-"))):
                shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink(missing_ok=True)

    @classmethod
    def load(cls, directory: Path, taxonomy: TaxonomyLike | None = None, *, mmap: bool = True) -> MatchIndex:
        """Open an index written by ``save`` (large arrays memory-mapped unless ``mmap=False``)."""
        manifest = _read_manifest(directory)
        if manifest is None:
            raise FileNotFoundError(f"no match index in {directory}")
        if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
            raise ValueError(
                f"{directory} holds index format {manifest.get('format_version')}, need {FORMAT_VERSION}"
            )
        vocab = _vocab_from_json(json.loads((directory / "vocab.json").read_text(encoding="utf-8")))
        main_dir = directory / manifest["main"]["dir"]
        ids = json.loads((main_dir / "ids.json").read_text(encoding="utf-8"))
        main = load_segment(main_dir, ids, manifest["main"]["segment"], mmap=mmap)
        index = cls(vocab, main, taxonomy)
        index.generation = manifest["main"]["generation"]
        index.main_alive = np.load(directory / manifest["main_alive"]).astype(bool)
        index.row_of = {person_id: (0, i) for i, person_id in enumerate(ids) if index.main_alive[i]}
        index._id_rank = np.load(main_dir / "id_rank.npy", mmap_mode="r" if mmap else None)
        index.taxonomy_version = manifest.get("taxonomy_version", "")
        if manifest.get("dim"):
            index.dim = int(manifest["dim"])
        delta = manifest.get("delta")
        if delta:
            delta_dir = directory / delta["dir"]
            delta_ids = json.loads((delta_dir / "ids.json").read_text(encoding="utf-8"))
            segment = load_segment(delta_dir, delta_ids, delta["segment"], mmap=False)
            from talentbridge.matching.engine.segment import segment_row

            alive = np.load(delta_dir / "alive.npy")
            index.delta_rows = [segment_row(segment, i) for i in range(len(segment))]
            index.delta_alive = [bool(a) for a in alive]
            if segment.vectors is not None:
                index.delta_vectors = list(np.asarray(segment.vectors))
            for i, person_id in enumerate(delta_ids):
                if index.delta_alive[i]:
                    index.row_of[person_id] = (1, i)
        index.df = index._main_df()
        for i, row in enumerate(index.delta_rows):
            if index.delta_alive[i]:
                index._add_df(list(row.terms))
        return index


def _read_manifest(directory: Path) -> dict[str, Any] | None:
    path = directory / "manifest.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else None


def _n_cols(vocab: Vocabularies) -> dict[str, int]:
    config = engine_config()
    return {
        "skills": len(vocab.skills),
        "languages": len(vocab.languages),
        "study_fields": len(vocab.fields),
        "venues": len(config.venues) + len(config.competitions),
        "terms": len(vocab.terms),
    }


def _vocab_json(vocab: Vocabularies) -> dict[str, Any]:
    return {
        "skills": {"keys": vocab.skills.keys, "labels": vocab.skills.labels},
        "languages": {"keys": vocab.languages.keys},
        "fields": {"keys": vocab.fields.keys, "labels": vocab.fields.labels},
        "countries": {"keys": vocab.countries.keys},
        "terms": {"keys": vocab.terms.keys},
    }


def _vocab_from_json(data: dict[str, Any]) -> Vocabularies:
    return Vocabularies(
        skills=Vocab(data["skills"]["keys"], data["skills"]["labels"]),
        languages=Vocab(data["languages"]["keys"]),
        fields=Vocab(data["fields"]["keys"], data["fields"]["labels"]),
        countries=Vocab(data["countries"]["keys"]),
        terms=Vocab(data["terms"]["keys"]),
    )


def concat_live(
    parts: list[tuple[Segment, Array]], n_cols: dict[str, int], *, k1: float, b: float, dim: int | None
) -> Segment:
    """One segment holding the live rows of ``parts`` in order (vectorised; no per-row Python)."""
    offsets = []
    total = 0
    for _, alive in parts:
        offsets.append(total)
        total += int(np.count_nonzero(alive))
    new_index = []
    for (segment, alive), offset in zip(parts, offsets, strict=True):
        mapping = np.full(len(segment), -1, dtype=np.int64)
        mapping[alive] = offset + np.arange(int(np.count_nonzero(alive)))
        new_index.append(mapping)

    def block(name: str, value_names: Sequence[str], with_csc: bool = True) -> Any:
        rows_list, cols_list = [], []
        values: dict[str, list[Array]] = {v: [] for v in value_names}
        for (segment, _), mapping in zip(parts, new_index, strict=True):
            sparse = getattr(segment, name)
            indptr = np.asarray(sparse.indptr)
            entry_rows = np.repeat(np.arange(len(segment)), np.diff(indptr))
            mapped = mapping[entry_rows]
            keep = mapped >= 0
            rows_list.append(mapped[keep].astype(np.int32))
            cols_list.append(np.asarray(sparse.cols)[keep])
            for v in value_names:
                values[v].append(np.asarray(sparse.values[v])[keep])
        return sparse_from_arrays(
            total,
            n_cols[name],
            np.concatenate(rows_list) if rows_list else np.zeros(0, np.int32),
            np.concatenate(cols_list).astype(np.int32) if cols_list else np.zeros(0, np.int32),
            {v: np.concatenate(arrays) for v, arrays in values.items()},
            with_csc=with_csc,
        )

    def dense(name: str) -> Array:
        return np.concatenate([np.asarray(getattr(s, name))[alive] for s, alive in parts])

    doc_len = dense("doc_len")
    mean = float(doc_len.mean()) if total else 0.0
    avgdl = mean if mean > 0 else 1.0
    terms = block("terms", ["tf"])
    terms.csc_values = {"tfc": bm25_tfc(terms.csc_values["tf"], doc_len[terms.csc_rows], avgdl, k1, b)}
    ids = [
        person_id for segment, alive in parts for person_id, a in zip(segment.ids, alive, strict=True) if a
    ]
    vectors = None
    if dim is not None:
        vectors = np.concatenate(
            [
                np.asarray(s.vectors)[alive]
                if s.vectors is not None
                else np.zeros((int(alive.sum()), dim), np.float32)
                for s, alive in parts
            ]
        ).astype(np.float32)
    return Segment(
        ids=ids,
        skills=block("skills", ["strength", "years", "last"]),
        languages=block("languages", ["level"]),
        study_fields=block("study_fields", []),
        venues=block("venues", ["hits"], with_csc=False),
        terms=terms,
        doc_len=doc_len,
        total_years=dense("total_years"),
        education=dense("education"),
        seniority=dense("seniority"),
        country=dense("country"),
        tz_offset=dense("tz_offset"),
        relocate=dense("relocate"),
        work_model=dense("work_model"),
        evidence=dense("evidence"),
        links=dense("links"),
        other_publications=dense("other_publications"),
        vectors=vectors,
        avgdl=avgdl,
    )
