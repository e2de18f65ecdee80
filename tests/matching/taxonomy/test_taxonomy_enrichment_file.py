"""The enrichment file loader refuses malformed data with a message naming the entry."""

from __future__ import annotations

from typing import Any

import pytest

from talentbridge.matching.taxonomy.enrichment import load_enrichment, parse_enrichment
from talentbridge.matching.taxonomy.esco import load_esco, wheel_data_dir


def _skill(**changes: Any) -> dict[str, Any]:
    skill: dict[str, Any] = {
        "key": "x",
        "id": "tb:skill/x",
        "label": "X",
        "category": "tool",
        "aliases": ["ex"],
    }
    skill.update(changes)
    return skill


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"skills": [_skill(category="wizardry")]}, "unknown category"),
        ({"skills": [_skill(label="")]}, "required strings"),
        ({"skills": [_skill(), _skill()]}, "duplicate key"),
        ({"skills": [_skill(aliases="ex")]}, "list of strings"),
        (
            {"skills": [_skill()], "relations": [{"a": "x", "b": "y", "credit": 0.5, "reason": "r"}]},
            "keys of listed",
        ),
        (
            {
                "skills": [_skill(), _skill(key="y", id="tb:skill/y")],
                "relations": [{"a": "x", "b": "y", "credit": 1.5, "reason": "r"}],
            },
            "0..1",
        ),
        (
            {
                "skills": [_skill(), _skill(key="y", id="tb:skill/y")],
                "relations": [{"a": "x", "b": "y", "credit": 0.5}],
            },
            "reason",
        ),
    ],
)
def test_malformed_entries_are_refused(raw: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_enrichment(raw)


def test_valid_entry_is_folded() -> None:
    parsed = parse_enrichment(
        {"version": "t1", "skills": [_skill(aliases=["\uff25\uff38", "Ex Two"], lookup_only=["ex two"])]}
    )
    assert parsed.version == "t1"
    assert parsed.skills[0].aliases == ("x", "ex", "ex two")
    assert parsed.skills[0].lookup_only == frozenset({"ex two"})


@pytest.mark.skipif(wheel_data_dir() is None, reason="the ESCO wheel is not installed")
def test_every_esco_uri_in_our_file_exists_in_the_wheel() -> None:
    esco = load_esco(None)
    assert esco is not None
    uris = {concept.uri for concept in esco.skills}
    missing = [s.key for s in load_enrichment().skills if s.id.startswith("http") and s.id not in uris]
    assert missing == []
