"""The work behind ``talentbridge rank``: read a JobPosting and JSON Resume lines, print a ranking.

Kept out of cli.py so the command there stays a thin edge. Errors name the file, the line and
the field; JSON goes to stdout, messages to stderr.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from talentbridge.errors import InvalidInput
from talentbridge.matching.engine.index import MatchIndex
from talentbridge.matching.engine.ports import EncoderLike, TaxonomyLike
from talentbridge.matching.engine.ranking import rank
from talentbridge.matching.engine.types import CandidateProfile, RankedCandidate
from talentbridge.matching.jobposting import parse_job_posting
from talentbridge.matching.jsonresume import parse_json_resume


class RankInputError(Exception):
    """Bad input file: the message names the file, line and field."""


def read_job(path: Path) -> Any:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise RankInputError(f"{path}: cannot read: {error}") from None
    except json.JSONDecodeError as error:
        raise RankInputError(f"{path}: line {error.lineno}: not valid JSON: {error.msg}") from None
    try:
        return parse_job_posting(document, fallback_id=path.stem)
    except InvalidInput as error:
        raise RankInputError(f"{path}: JobPosting field {error.message}") from None


def read_people(path: Path) -> list[CandidateProfile]:
    """One profile per non-empty line (id: meta.id or the 0-based line number)."""
    people: list[CandidateProfile] = []
    seen: dict[str, int] = {}
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise RankInputError(f"{path}: cannot read: {error}") from None
    with handle:
        try:
            for number, line in enumerate(handle):
                if not line.strip():
                    continue
                try:
                    document = json.loads(line)
                except json.JSONDecodeError as error:
                    raise RankInputError(f"{path}: line {number + 1}: not valid JSON: {error.msg}") from None
                try:
                    profile = parse_json_resume(document, fallback_id=str(number))
                except InvalidInput as error:
                    raise RankInputError(
                        f"{path}: line {number + 1}: JSON Resume field {error.message}"
                    ) from None
                if profile.id in seen:
                    raise RankInputError(
                        f"{path}: line {number + 1}: meta.id {profile.id!r} "
                        f"repeats line {seen[profile.id] + 1}"
                    )
                seen[profile.id] = number
                people.append(profile)
        except UnicodeDecodeError as error:
            raise RankInputError(f"{path}: not UTF-8 text: {error}") from None
    return people


def ranked_json(candidate: RankedCandidate) -> dict[str, Any]:
    """The CLI contract's {"id", "score", "explanation"} object."""
    return {
        "id": candidate.id,
        "score": candidate.score,
        "explanation": {
            "summary": candidate.summary,
            "passed_filters": candidate.passed_filters,
            "features": [asdict(f) | {"details": list(f.details)} for f in candidate.features],
            "filters": [asdict(f) for f in candidate.filters],
        },
    }


def run(
    job_path: Path,
    people_path: Path,
    top: int,
    taxonomy: TaxonomyLike,
    encoder: EncoderLike | None,
    apply_filters: bool = False,
) -> list[dict[str, Any]]:
    """Parse, index and rank; the JSON-ready result."""
    job = read_job(job_path)
    people = read_people(people_path)
    index = MatchIndex.build(people, taxonomy, encoder)
    results = rank(index, job, taxonomy, top_k=top, encoder=encoder, apply_filters=apply_filters)
    return [ranked_json(candidate) for candidate in results]
