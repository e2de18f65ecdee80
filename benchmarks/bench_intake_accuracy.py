# ruff: noqa: E501  (report table lines)
"""Benchmark: field accuracy and throughput of the résumé parser on a generated labelled set.

Generates (seeded, at run time, in a temporary folder) a set of CVs with ground truth via
``intake_corpus.py`` — English, Chinese and bilingual; PDF, DOCX and TXT (UTF-8, BOM, GBK,
UTF-16, wrong extensions) — parses each with ``talentbridge.intake.parsing.parse_document`` and
prints per field precision / recall (F1 for skills), per language kind, and parse-only
throughput per format. Targets: name/e-mail/phone >= 0.98, skills F1 >= 0.85, degree level >= 0.9,
languages >= 0.9, >= 20 CVs/s for text PDFs and DOCX. The baseline in the same run is the bare
text extraction (pypdfium2 / docx2python / decode) so the cost of field extraction is visible.
Then a smoke test over the Vanetik & Kogan DOCX CVs (/work/shared/data/vacancy-resume-ranking/CV)
when present: every file must parse; fields found are counted.

    .venv/bin/python benchmarks/bench_intake_accuracy.py [--count 240] [--seed N] [--show-errors 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake_corpus import TODAY, Truth, generate

from talentbridge.intake.parsing import ParsedResume, UnreadableDocument, parse_document
from talentbridge.intake.parsing.readers import read_docx, read_pdf, read_text, sniff
from talentbridge.intake.parsing.skills import vocabulary

VANETIK_KOGAN = Path("/work/shared/data/vacancy-resume-ranking/CV")


@dataclass
class Score:
    """Counts for precision/recall of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, expected: set[str], got: set[str], label: str) -> None:
        self.tp += len(expected & got)
        self.fp += len(got - expected)
        self.fn += len(expected - got)
        if expected != got and len(self.errors) < 50:
            self.errors.append(f"{label}: expected {sorted(expected)} got {sorted(got)}")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _canonical_skill(name: str) -> str:
    known = vocabulary().canonical(name)
    return (known[0] if known else name).casefold()


def _fields(parsed: ParsedResume) -> dict[str, set[str]]:
    resume = parsed.resume
    basics = resume.get("basics") or {}
    extension = (resume.get("meta") or {}).get("talentbridge") or {}
    parser_meta = (resume.get("meta") or {}).get("talentbridge_parser") or {}
    names = {basics["name"].casefold()} if basics.get("name") else set()
    native = {extension["native_name"]} if extension.get("native_name") else set()
    years = parser_meta.get("total_years")
    from talentbridge.people.interchange import language_code

    return {
        "name": names,
        "native_name": native,
        "email": {basics["email"].casefold()} if basics.get("email") else set(),
        "phone": {basics["phone"]} if basics.get("phone") else set(),
        "skills": {_canonical_skill(s["name"]) for s in resume.get("skills") or []},
        "degree": {parser_meta["highest_degree"]} if parser_meta.get("highest_degree") else set(),
        "languages": {
            f"{language_code(item['language'])}:{item['fluency']}" for item in resume.get("languages") or []
        },
        "links": {
            f"{kind}:{url.rstrip('/').lower()}" for kind, url in (parser_meta.get("links") or {}).items()
        },
        "years": {"?"} if years is None else {str(years)},
    }


def _expected(truth: Truth) -> dict[str, set[str]]:
    return {
        "name": {truth.name.casefold()},
        "native_name": {truth.native_name} if truth.native_name else set(),
        "email": {truth.email.casefold()},
        "phone": {truth.phone},
        "skills": {_canonical_skill(s) for s in truth.skills},
        "degree": {truth.degree},
        "languages": {f"{code}:{level}" for code, level in truth.languages},
        "links": {f"{kind}:{url.rstrip('/').lower()}" for kind, url in truth.links.items()},
    }


def accuracy(directory: Path, truths: list[Truth], show_errors: int) -> None:
    scores: dict[str, Score] = defaultdict(Score)
    by_kind: dict[tuple[str, str], Score] = defaultdict(Score)
    years_ok = years_total = 0
    failures = []
    for truth in truths:
        data = (directory / truth.file).read_bytes()
        try:
            parsed = parse_document(data, truth.file, today=TODAY)
        except UnreadableDocument as exc:
            failures.append(f"{truth.file}: {exc}")
            continue
        got, expected = _fields(parsed), _expected(truth)
        for key, wanted in expected.items():
            label = f"{truth.file} [{truth.fmt}, {','.join(truth.features) or 'plain'}]"
            scores[key].add(wanted, got[key], label)
            if key in ("name", "email", "phone", "skills", "degree", "languages"):
                by_kind[(truth.kind, key)].add(wanted, got[key], label)
        years_total += 1
        value = next(iter(got["years"]))
        if value != "?" and abs(float(value) - truth.total_years) <= 1.0:
            years_ok += 1
        elif len(scores["years"].errors) < 50:
            scores["years"].errors.append(f"{truth.file}: expected {truth.total_years} got {value}")
    kinds = defaultdict(int)
    for truth in truths:
        kinds[truth.kind] += 1
    print(f"\nField accuracy on {len(truths)} generated CVs ({dict(kinds)}); unreadable: {len(failures)}")
    print(f"{'field':<12} {'precision':>9} {'recall':>7} {'F1':>6}   target")
    targets = {"name": "P,R >= 0.98", "email": "P,R >= 0.98", "phone": "P,R >= 0.98", "skills": "F1 >= 0.85", "degree": "P,R >= 0.9", "languages": "P,R >= 0.9"}  # fmt: skip
    for key in ("name", "native_name", "email", "phone", "skills", "degree", "languages", "links"):
        score = scores[key]
        print(
            f"{key:<12} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f}   {targets.get(key, '')}"
        )
    print(
        f"{'exp. years':<12} {'':>9} {years_ok / max(1, years_total):>7.3f} {'':>6}   within ±1 year (accuracy)"
    )
    print("\nBy language kind (F1):")
    print(
        f"{'kind':<10}"
        + "".join(f"{key:>11}" for key in ("name", "email", "phone", "skills", "degree", "languages"))
    )
    for kind in ("en", "zh", "bilingual"):
        print(f"{kind:<10}" + "".join(f"{by_kind[(kind, key)].f1:>11.3f}" for key in ("name", "email", "phone", "skills", "degree", "languages")))  # fmt: skip
    for failure in failures[:show_errors]:
        print("  unreadable:", failure)
    if show_errors:
        for key in ("name", "email", "phone", "skills", "degree", "languages", "links", "years"):
            for error in scores[key].errors[:show_errors]:
                print(f"  [{key}] {error}")


def _extract_only(data: bytes) -> None:
    kind = sniff(data)
    if kind == "pdf":
        read_pdf(data)
    elif kind == "docx":
        read_docx(data, len(data) * 10)
    else:
        read_text(data)


def throughput(directory: Path, truths: list[Truth], rounds: int) -> None:
    by_format: dict[str, list[bytes]] = defaultdict(list)
    for truth in truths:
        by_format[truth.fmt.split("-")[0]].append((directory / truth.file).read_bytes())
    print(f"\nThroughput, parse only (one process, single thread; best of {rounds} rounds)")
    print(
        f"{'format':<8} {'files':>6} {'text only CV/s':>15} {'full parse CV/s':>16} {'ratio':>7}  target >= 20 CV/s"
    )
    for fmt, files in sorted(by_format.items()):
        best_text = best_full = 0.0
        for _ in range(rounds):
            start = time.perf_counter()
            for data in files:
                _extract_only(data)
            best_text = max(best_text, len(files) / (time.perf_counter() - start))
            start = time.perf_counter()
            for data in files:
                parse_document(data, "cv", today=TODAY)
            best_full = max(best_full, len(files) / (time.perf_counter() - start))
        print(f"{fmt:<8} {len(files):>6} {best_text:>15.1f} {best_full:>16.1f} {best_full / best_text:>7.2f}")


def smoke_vanetik_kogan(show_errors: int) -> None:
    if not VANETIK_KOGAN.is_dir():
        print(f"\nVanetik & Kogan CVs: skipped ({VANETIK_KOGAN} is absent)")
        return
    files = sorted(
        p for p in VANETIK_KOGAN.rglob("*") if p.is_file() and p.suffix.lower() in (".docx", ".pdf", ".txt")
    )
    counts: dict[str, int] = defaultdict(int)
    failures = []
    start = time.perf_counter()
    for path in files:
        try:
            parsed = parse_document(path.read_bytes(), path.name, today=date(2026, 11, 1))
        except UnreadableDocument as exc:
            failures.append(f"{path.name}: {exc}")
            continue
        resume: dict[str, Any] = parsed.resume
        basics = resume.get("basics") or {}
        for key in ("name", "email", "phone"):
            counts[key] += bool(basics.get(key))
        for key in ("work", "education", "skills", "languages"):
            counts[key] += bool(resume.get(key))
        counts["links"] += bool(basics.get("profiles") or basics.get("url"))
    elapsed = time.perf_counter() - start
    parsed_count = len(files) - len(failures)
    print(f"\nVanetik & Kogan CVs (smoke): {len(files)} files, {parsed_count} parsed, {len(failures)} unreadable, {len(files) / elapsed:.1f} CV/s")  # fmt: skip
    print(
        "  files with field found: "
        + ", ".join(f"{key} {value}/{parsed_count}" for key, value in counts.items())
    )
    for failure in failures[:show_errors]:
        print("  unreadable:", failure)


def main() -> None:
    parser = argparse.ArgumentParser(description="Résumé parser accuracy and throughput")
    parser.add_argument("--count", type=int, default=240)
    parser.add_argument("--seed", type=int, default=20261101)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--show-errors", type=int, default=3)
    arguments = parser.parse_args()
    start = time.perf_counter()
    vocabulary()
    print(
        f"vocabulary loaded in {time.perf_counter() - start:.1f} s (taxonomy: {vocabulary().taxonomy is not None})"
    )
    with tempfile.TemporaryDirectory(prefix="tb-intake-bench-") as folder:
        directory = Path(folder)
        truths = generate(arguments.count, arguments.seed, directory)
        accuracy(directory, truths, arguments.show_errors)
        throughput(directory, truths, arguments.rounds)
    smoke_vanetik_kogan(arguments.show_errors)


if __name__ == "__main__":
    main()
