"""JSON Resume input: validated structurally and passed through unchanged.

The schema (https://jsonresume.org/schema, v1.2.1) allows extra properties, so validation checks
only what the rest of TalentBridge relies on: section types, object entries and ISO 8601 dates.
"""

from __future__ import annotations

import json
import re
from typing import Any

from talentbridge.intake.parsing.text import evidence
from talentbridge.intake.parsing.types import FieldEvidence, UnreadableDocument

_SECTIONS_OF_OBJECTS = (
    "work", "volunteer", "education", "awards", "certificates", "publications", "skills", "languages",
    "interests", "references", "projects",
)  # fmt: skip
_KNOWN_KEYS = frozenset({"basics", "meta", *_SECTIONS_OF_OBJECTS})
_DATE = re.compile(r"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$")
_DATE_KEYS = ("startDate", "endDate", "date", "releaseDate")


def load_json_resume(text: str) -> dict[str, Any]:
    """The document, or UnreadableDocument naming the first structural problem."""
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise UnreadableDocument("corrupt", "The JSON file is malformed.") from None
    if not isinstance(document, dict) or not (_KNOWN_KEYS & document.keys()):
        raise UnreadableDocument("unsupported_type", "The JSON file is not a JSON Resume document.")
    problem = _problem(document)
    if problem:
        raise UnreadableDocument("corrupt", f"The JSON Resume document is invalid: {problem}.")
    return document


def _problem(document: dict[str, Any]) -> str | None:
    basics = document.get("basics", {})
    if not isinstance(basics, dict):
        return "basics must be an object"
    for key in ("name", "email", "phone", "url", "label", "summary"):
        if key in basics and not isinstance(basics[key], str):
            return f"basics.{key} must be a string"
    if "profiles" in basics and not (
        isinstance(basics["profiles"], list) and all(isinstance(p, dict) for p in basics["profiles"])
    ):
        return "basics.profiles must be a list of objects"
    if "location" in basics and not isinstance(basics["location"], dict):
        return "basics.location must be an object"
    for section in _SECTIONS_OF_OBJECTS:
        if section not in document:
            continue
        items = document[section]
        if not isinstance(items, list):
            return f"{section} must be a list"
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                return f"{section}[{index}] must be an object"
            for key in _DATE_KEYS:
                value = item.get(key)
                if value not in (None, "") and not (isinstance(value, str) and _DATE.match(value)):
                    return f"{section}[{index}].{key} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if "meta" in document and not isinstance(document["meta"], dict):
        return "meta must be an object"
    return None


def json_resume_evidence(document: dict[str, Any], text: str) -> list[FieldEvidence]:
    """Evidence for the basics a recruiter checks first, pointing at the value inside the JSON text."""
    found = []
    basics = document.get("basics") or {}
    for key in ("name", "email", "phone", "url"):
        value = basics.get(key)
        if isinstance(value, str) and value:
            encoded = json.dumps(value, ensure_ascii=False)[1:-1]
            start = text.find(encoded)
            span = (start, start + len(encoded)) if start >= 0 else (None, None)
            found.append(evidence(text, f"basics.{key}", value, span[0], span[1], 1.0))
    return found
