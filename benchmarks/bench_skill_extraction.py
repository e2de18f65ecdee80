"""Benchmark: skill extraction as ranking (MRR, R-Precision@5) on TECH and HOUSE, against two baselines.

Data: the Skill-Extraction benchmark's validation splits, ../shared/data/skill-extraction/
(Decorte et al., "Design of Negative Sampling Strategies for Distantly Supervised Skill
Extraction", RecSys in HR 2022, arXiv 2209.05987; and arXiv 2307.10778; repository
jensjorisdecorte/Skill-Extraction-benchmark, research use with citation). Each job-ad sentence is
labelled with ESCO v1.1.0 skills; sentences whose only labels are LABEL NOT PRESENT /
UNDERSPECIFIED are left out, as in the papers.

Methods measured in the same run:
  * plain bm25s  — bm25s over the benchmark's ESCO label list, sentence as the query,
  * plain MiniLM — all-MiniLM-L6-v2 cosine between the sentence and each ESCO label,
  * TalentBridge — Taxonomy.extract_skills (ESCO v1.2.0 from the wheel + our aliases), its ESCO hits
    mapped to the benchmark's labels through the label text (hits outside that list are skipped).

    .venv/bin/python benchmarks/bench_skill_extraction.py
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import bm25s  # type: ignore[import-untyped]
import numpy as np

from talentbridge.matching.embeddings import load_encoder
from talentbridge.matching.taxonomy import build_taxonomy
from talentbridge.matching.taxonomy.esco import EscoConcept

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "skill-extraction"
NOT_LABELS = {"LABEL NOT PRESENT", "UNDERSPECIFIED"}
DEPTH = 100


def load_split(path: Path) -> list[tuple[str, set[str]]]:
    """(sentence, gold labels) pairs, keeping sentences with at least one real label."""
    gold: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            gold.setdefault(row["sentence"], set())
            if row["label"] not in NOT_LABELS:
                gold[row["sentence"]].add(row["label"])
    return [(sentence, labels) for sentence, labels in gold.items() if labels]


def label_for_concepts(concepts: Sequence[EscoConcept], labels: Sequence[str]) -> dict[str, str]:
    """ESCO URI (v1.2.0 wheel) -> benchmark label (v1.1.0), via the label text the concept starts with."""
    by_first: dict[str, list[str]] = {}
    for label in labels:
        if label.split():
            by_first.setdefault(label.split()[0], []).append(label)
    out: dict[str, str] = {}
    for concept in concepts:
        if not concept.labels:
            continue
        candidates = [
            label
            for label in by_first.get(concept.labels.split()[0], [])
            if concept.labels == label or concept.labels.startswith(label + " ")
        ]
        if candidates:
            out[concept.uri] = max(candidates, key=len)
    return out


def metrics(rankings: Sequence[Sequence[str]], golds: Sequence[set[str]]) -> tuple[float, float]:
    """MRR and R-Precision@5 (relevant in top 5 / min(5, number relevant))."""
    rr, rp = [], []
    for ranking, gold in zip(rankings, golds, strict=True):
        first = next((i + 1 for i, label in enumerate(ranking) if label in gold), None)
        rr.append(1.0 / first if first else 0.0)
        rp.append(len(set(ranking[:5]) & gold) / min(5, len(gold)))
    return float(np.mean(rr)), float(np.mean(rp))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    label_file = args.data / "skills_en_label.txt"
    if not label_file.is_file():
        print(
            f"SKIP: {args.data} not found (the Skill-Extraction validation splits from ../shared/data).",
            file=sys.stderr,
        )
        return 0
    labels = [line.strip() for line in label_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    taxonomy = build_taxonomy()
    encoder = load_encoder()
    extractor = taxonomy.skill_extractor
    esco = taxonomy.esco_concepts
    uri_to_label = label_for_concepts(esco, labels)
    print(
        f"built in {time.perf_counter() - started:.1f}s; {len(uri_to_label)} of {len(esco)} ESCO v1.2.0 "
        "skills "
        f"mapped to the {len(labels)} benchmark labels",
        file=sys.stderr,
    )

    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(labels, stopwords="en", show_progress=False), show_progress=False)
    label_vectors = encoder.encode(labels) if encoder is not None else None

    print("\nSkill extraction as ranking; Skill-Extraction benchmark validation splits (Decorte et al. 2022)")
    print(
        f"{'split':6} {'n':>4} {'method':30} {'MRR':>7} {'RP@5':>7} "
        f"{'MRR / bm25s':>12} {'MRR / MiniLM':>13} {'ms/sent':>8}"
    )
    for split in ("tech", "house"):
        data = load_split(args.data / f"{split}_validation_annotations.csv")
        sentences = [sentence for sentence, _ in data]
        golds = [gold for _, gold in data]
        results: dict[str, tuple[float, float, float]] = {}
        t0 = time.perf_counter()
        tokenized = bm25s.tokenize(sentences, stopwords="en", show_progress=False)
        docs, _ = retriever.retrieve(tokenized, k=DEPTH, show_progress=False)
        results["plain bm25s (labels)"] = (
            *metrics([[labels[i] for i in row] for row in docs], golds),
            (time.perf_counter() - t0) / len(sentences) * 1000,
        )
        if label_vectors is not None and encoder is not None:
            t0 = time.perf_counter()
            sims = encoder.encode(sentences) @ label_vectors.T
            order = np.argsort(-sims, axis=1)[:, :DEPTH]
            results["plain all-MiniLM-L6-v2 cosine"] = (
                *metrics([[labels[i] for i in row] for row in order], golds),
                (time.perf_counter() - t0) / len(sentences) * 1000,
            )
        for name, semantic in (("TalentBridge lexical only", False), ("TalentBridge (fused)", True)):
            if semantic and not extractor.semantic:
                continue
            t0 = time.perf_counter()
            rankings = []
            for sentence in sentences:
                hits = extractor.extract(sentence, DEPTH * 2, semantic=semantic)
                ranked = [uri_to_label[hit.skill_id] for hit in hits if hit.skill_id in uri_to_label]
                rankings.append(list(dict.fromkeys(ranked)))
            results[name] = (*metrics(rankings, golds), (time.perf_counter() - t0) / len(sentences) * 1000)
        base_bm25 = results["plain bm25s (labels)"][0] or 1e-9
        base_minilm = results.get("plain all-MiniLM-L6-v2 cosine", results["plain bm25s (labels)"])[0] or 1e-9
        for name, (mrr, rp5, ms) in results.items():
            print(
                f"{split.upper():6} {len(data):4} {name:30} {mrr:7.3f} {rp5:7.3f} {mrr / base_bm25:11.2f}x "
                f"{mrr / base_minilm:12.2f}x {ms:8.1f}"
            )
    print("\ntargets: MRR >= 0.55 (TECH), >= 0.42 (HOUSE)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
