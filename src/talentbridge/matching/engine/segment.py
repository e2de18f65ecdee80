"""A segment: many people's rows packed into numpy arrays (CSR + CSC sparse blocks, small ints).

The main segment holds almost everyone and is immutable between compactions (memory-mapped when
loaded); recent upserts go to a small delta segment rebuilt on demand. Sparse blocks are stored
row-wise (CSR, for explanations of one person) and column-wise (CSC, for scoring one skill or term
over everyone without touching other columns).
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from talentbridge.matching.engine.rows import Row

Array = NDArray[Any]


@dataclass
class Sparse:
    """A CSR block (indptr over rows, column indices, parallel value arrays) and its CSC twin."""

    indptr: Array
    cols: Array
    values: dict[str, Array]
    csc_indptr: Array
    csc_rows: Array
    csc_values: dict[str, Array]

    @property
    def n_cols(self) -> int:
        return len(self.csc_indptr) - 1

    def row(self, row: int) -> tuple[Array, dict[str, Array]]:
        """Column indices and values of one row."""
        start, end = int(self.indptr[row]), int(self.indptr[row + 1])
        return self.cols[start:end], {name: array[start:end] for name, array in self.values.items()}

    def column(self, col: int) -> tuple[Array, dict[str, Array]]:
        """Row indices and values of one column (empty when the column is beyond this segment)."""
        if col < 0 or col >= self.n_cols:
            return _EMPTY_ROWS, {name: array[:0] for name, array in self.csc_values.items()}
        start, end = int(self.csc_indptr[col]), int(self.csc_indptr[col + 1])
        return self.csc_rows[start:end], {name: array[start:end] for name, array in self.csc_values.items()}


_EMPTY_ROWS = np.zeros(0, dtype=np.int32)


def sparse_from_arrays(
    n_rows: int, n_cols: int, rows: Array, cols: Array, values: dict[str, Array], *, with_csc: bool = True
) -> Sparse:
    """CSR + CSC from coordinate arrays whose rows are already in ascending order."""
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
    if with_csc:
        order = np.argsort(cols, kind="stable")
        csc_indptr = np.zeros(n_cols + 1, dtype=np.int64)
        np.cumsum(np.bincount(cols, minlength=n_cols), out=csc_indptr[1:])
        csc_rows = rows[order]
        csc_values = {name: array[order] for name, array in values.items()}
    else:
        csc_indptr, csc_rows, csc_values = np.zeros(1, dtype=np.int64), _EMPTY_ROWS, {}
    return Sparse(indptr, cols, values, csc_indptr, csc_rows, csc_values)


@dataclass
class Segment:
    """People packed column-wise; row i of every array is person ``ids[i]``."""

    ids: list[str]
    skills: Sparse  # values: strength f32, years f32 (nan unknown), last i16 (0 unknown)
    languages: Sparse  # values: level u8
    study_fields: Sparse  # values: none
    venues: Sparse  # values: hits u8 (row-wise only)
    terms: Sparse  # values: tf u16, csc: tfc f32 (BM25 term-frequency component)
    doc_len: Array  # i32
    total_years: Array  # f32, nan unknown
    education: Array  # i8, -1 unknown
    seniority: Array  # i8, -1 unknown
    country: Array  # i16, -1 unknown
    tz_offset: Array  # i16 minutes, UNKNOWN_OFFSET
    relocate: Array  # i8, -1 unknown
    work_model: Array  # i8, -1 unknown
    evidence: Array  # f32 0..1
    links: Array  # u8 bits
    other_publications: Array  # u8
    vectors: Array | None  # f32 [n, dim], L2-normalised; zero rows when a person has no vector
    avgdl: float  # average document length the BM25 tfc values were computed with

    def __len__(self) -> int:
        return len(self.ids)


def bm25_tfc(tf: Array, doc_len: Array, avgdl: float, k1: float, b: float) -> Array:
    """BM25 term-frequency component per (doc, term) entry, exactly as bm25s computes it (Lucene)."""
    tf32 = tf.astype(np.float32)
    norm = np.float32(k1) * (
        np.float32(1 - b) + np.float32(b) * doc_len.astype(np.float32) / np.float32(avgdl)
    )
    return (tf32 / (tf32 + norm)).astype(np.float32)


class SegmentBuilder:
    """Packs rows one at a time into compact C arrays (array.array), so building a million people
    never holds a million Python row objects or tuples at once."""

    _DENSE_CODES = {
        "doc_len": "i",
        "total_years": "f",
        "education": "b",
        "seniority": "b",
        "country": "h",
        "tz_offset": "h",
        "relocate": "b",
        "work_model": "b",
        "evidence": "f",
        "links": "B",
        "other_publications": "B",
    }

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.coords: dict[str, tuple[array[int], array[int]]] = {
            name: (array("i"), array("i"))
            for name in ("skills", "languages", "study_fields", "venues", "terms")
        }
        self.values: dict[str, array[Any]] = {
            "skills.strength": array("f"),
            "skills.years": array("f"),
            "skills.last": array("h"),
            "languages.level": array("B"),
            "venues.hits": array("B"),
            "terms.tf": array("H"),
        }
        self.dense: dict[str, array[Any]] = {name: array(code) for name, code in self._DENSE_CODES.items()}

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, row: Row) -> None:
        """Append one person's row."""
        i = len(self.ids)
        self.ids.append(row.id)
        skill_cols = sorted(row.skills)
        self._coords("skills", i, skill_cols)
        for c in skill_cols:
            strength, years, last = row.skills[c]
            self.values["skills.strength"].append(strength)
            self.values["skills.years"].append(years)
            self.values["skills.last"].append(max(-32768, min(32767, last)))
        lang_cols = sorted(row.languages)
        self._coords("languages", i, lang_cols)
        self.values["languages.level"].extend(row.languages[c] for c in lang_cols)
        self._coords("study_fields", i, sorted(row.fields))
        venue_cols = sorted(row.venues)
        self._coords("venues", i, venue_cols)
        self.values["venues.hits"].extend(min(row.venues[c], 255) for c in venue_cols)
        term_cols = sorted(row.terms)
        self._coords("terms", i, term_cols)
        self.values["terms.tf"].extend(min(row.terms[c], 65535) for c in term_cols)
        for name in self._DENSE_CODES:
            value = getattr(row, name)
            if name in ("links", "other_publications"):
                value = min(int(value), 255)
            self.dense[name].append(value)

    def _coords(self, block: str, i: int, cols: list[int]) -> None:
        rows, columns = self.coords[block]
        rows.extend([i] * len(cols))
        columns.extend(cols)

    def finish(
        self,
        n_cols: dict[str, int],
        vectors: Array | None,
        *,
        k1: float,
        b: float,
        avgdl: float | None = None,
    ) -> Segment:
        """The packed segment; ``avgdl`` fixes BM25 length normalisation (the main one's for deltas)."""
        n = len(self.ids)

        def coords(block: str) -> tuple[Array, Array]:
            rows, columns = self.coords[block]
            return np.frombuffer(rows, dtype=np.int32).copy(), np.frombuffer(columns, dtype=np.int32).copy()

        def values(name: str, dtype: Any) -> Array:
            return np.frombuffer(self.values[name], dtype=dtype).copy()

        skills = sparse_from_arrays(
            n,
            n_cols["skills"],
            *coords("skills"),
            {
                "strength": values("skills.strength", np.float32),
                "years": values("skills.years", np.float32),
                "last": values("skills.last", np.int16),
            },
        )
        languages = sparse_from_arrays(
            n, n_cols["languages"], *coords("languages"), {"level": values("languages.level", np.uint8)}
        )
        study_fields = sparse_from_arrays(n, n_cols["study_fields"], *coords("study_fields"), {})
        venues = sparse_from_arrays(
            n, n_cols["venues"], *coords("venues"), {"hits": values("venues.hits", np.uint8)}, with_csc=False
        )
        dense = {
            name: np.frombuffer(buffer, dtype=np.dtype(buffer.typecode)).copy()
            for name, buffer in self.dense.items()
        }
        doc_len = dense["doc_len"].astype(np.int32)
        if avgdl is None:
            mean = float(doc_len.mean()) if n else 0.0
            avgdl = mean if mean > 0 else 1.0
        terms = sparse_from_arrays(
            n, n_cols["terms"], *coords("terms"), {"tf": values("terms.tf", np.uint16)}
        )
        terms.csc_values = {"tfc": bm25_tfc(terms.csc_values["tf"], doc_len[terms.csc_rows], avgdl, k1, b)}
        return Segment(
            ids=list(self.ids),
            skills=skills,
            languages=languages,
            study_fields=study_fields,
            venues=venues,
            terms=terms,
            doc_len=doc_len,
            total_years=dense["total_years"].astype(np.float32),
            education=dense["education"].astype(np.int8),
            seniority=dense["seniority"].astype(np.int8),
            country=dense["country"].astype(np.int16),
            tz_offset=dense["tz_offset"].astype(np.int16),
            relocate=dense["relocate"].astype(np.int8),
            work_model=dense["work_model"].astype(np.int8),
            evidence=dense["evidence"].astype(np.float32),
            links=dense["links"].astype(np.uint8),
            other_publications=dense["other_publications"].astype(np.uint8),
            vectors=vectors,
            avgdl=avgdl,
        )


def segment_row(segment: Segment, i: int) -> Row:
    """Unpack one person's row again (used when compacting live rows into a new main segment)."""
    skill_cols, skill_values = segment.skills.row(i)
    lang_cols, lang_values = segment.languages.row(i)
    field_cols, _ = segment.study_fields.row(i)
    venue_cols, venue_values = segment.venues.row(i)
    term_cols, term_values = segment.terms.row(i)
    return Row(
        id=segment.ids[i],
        skills={
            int(c): (float(s), float(y), int(t))
            for c, s, y, t in zip(
                skill_cols, skill_values["strength"], skill_values["years"], skill_values["last"], strict=True
            )
        },
        languages={int(c): int(v) for c, v in zip(lang_cols, lang_values["level"], strict=True)},
        fields=[int(c) for c in field_cols],
        venues={int(c): int(v) for c, v in zip(venue_cols, venue_values["hits"], strict=True)},
        terms={int(c): int(v) for c, v in zip(term_cols, term_values["tf"], strict=True)},
        doc_len=int(segment.doc_len[i]),
        total_years=float(segment.total_years[i]),
        education=int(segment.education[i]),
        seniority=int(segment.seniority[i]),
        country=int(segment.country[i]),
        tz_offset=int(segment.tz_offset[i]),
        relocate=int(segment.relocate[i]),
        work_model=int(segment.work_model[i]),
        evidence=float(segment.evidence[i]),
        links=int(segment.links[i]),
        other_publications=int(segment.other_publications[i]),
    )


_SPARSE_BLOCKS = ("skills", "languages", "study_fields", "venues", "terms")
_DENSE = (
    "doc_len",
    "total_years",
    "education",
    "seniority",
    "country",
    "tz_offset",
    "relocate",
    "work_model",
    "evidence",
    "links",
    "other_publications",
)


def save_segment(segment: Segment, directory: Path) -> dict[str, Any]:
    """Write every array as .npy (memory-mappable); returns the segment's manifest entry."""
    directory.mkdir(parents=True, exist_ok=True)
    blocks: dict[str, Any] = {}
    for name in _SPARSE_BLOCKS:
        block: Sparse = getattr(segment, name)
        parts = {
            "indptr": block.indptr,
            "cols": block.cols,
            "csc_indptr": block.csc_indptr,
            "csc_rows": block.csc_rows,
        }
        parts.update({f"v_{k}": v for k, v in block.values.items()})
        parts.update({f"cv_{k}": v for k, v in block.csc_values.items()})
        for part, values in parts.items():
            np.save(directory / f"{name}.{part}.npy", np.ascontiguousarray(values))
        blocks[name] = {"values": sorted(block.values), "csc_values": sorted(block.csc_values)}
    for name in _DENSE:
        np.save(directory / f"{name}.npy", getattr(segment, name))
    if segment.vectors is not None:
        np.save(directory / "vectors.npy", segment.vectors)
    return {
        "rows": len(segment),
        "avgdl": segment.avgdl,
        "blocks": blocks,
        "vectors": None if segment.vectors is None else int(segment.vectors.shape[1]),
    }


def load_segment(directory: Path, ids: list[str], entry: dict[str, Any], *, mmap: bool = True) -> Segment:
    """Read a segment written by ``save_segment``; large arrays are memory-mapped read-only."""
    mode: Any = "r" if mmap else None

    def read(name: str) -> Array:
        loaded: Array = np.load(directory / f"{name}.npy", mmap_mode=mode)
        return loaded

    loaded: dict[str, Any] = {}
    for name in _SPARSE_BLOCKS:
        spec = entry["blocks"][name]
        loaded[name] = Sparse(
            indptr=read(f"{name}.indptr"),
            cols=read(f"{name}.cols"),
            values={k: read(f"{name}.v_{k}") for k in spec["values"]},
            csc_indptr=read(f"{name}.csc_indptr"),
            csc_rows=read(f"{name}.csc_rows"),
            csc_values={k: read(f"{name}.cv_{k}") for k in spec["csc_values"]},
        )
    for name in _DENSE:
        loaded[name] = read(name)
    vectors = read("vectors") if entry.get("vectors") else None
    if len(ids) != entry["rows"]:
        raise ValueError(f"index damaged: {len(ids)} ids for {entry['rows']} rows in {directory}")
    names = {f.name for f in fields(Segment)}
    assert names == {*loaded, "ids", "vectors", "avgdl"}, "segment fields and file layout disagree"
    return Segment(ids=ids, vectors=vectors, avgdl=float(entry["avgdl"]), **loaded)
