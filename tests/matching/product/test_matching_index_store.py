"""The persisted index: generations, the journal of incremental changes, other processes' view."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

from talentbridge.matching import index_store
from talentbridge.matching.engine.index import MatchIndex
from talentbridge.matching.engine.types import CandidateProfile, ProfileSkill
from talentbridge.matching.index_store import IndexUpdate, profile_from_dict


@dataclass(frozen=True)
class _Skill:
    id: str
    label: str


class _Taxonomy:
    """Knows no skills: enough for indexing and replaying without loading ESCO."""

    version = "test"

    def lookup_skill(self, name: str) -> _Skill | None:
        del name

    def skill(self, skill_id: str) -> _Skill | None:
        del skill_id

    def related(self, skill_id: str) -> Sequence[object]:
        del skill_id
        return ()

    def extract_skills(self, text: str, top_k: int = 20) -> Sequence[object]:
        del text, top_k
        return []


TAXONOMY = _Taxonomy()


def _profile(person_id: str, *skills: str) -> CandidateProfile:
    return CandidateProfile(
        id=person_id,
        display_name=person_id.title(),
        skills=tuple(ProfileSkill(name=name, years=2.0) for name in skills),
        titles=("Engineer",),
        experience=(("Engineer", "Co", 2020, None),),
        education=(("master", "Physics"),),
        languages=(("en", "C1"),),
        text=f"{person_id} works with " + " ".join(skills),
    )


def _build(directory: Path, *profiles: CandidateProfile) -> None:
    index = MatchIndex.build(profiles, TAXONOMY, None, extract_text_skills=False)
    index_store.replace(directory, index, {profile.id: 1 for profile in profiles}, semantic=False)


def test_profiles_survive_the_journal_encoding() -> None:
    profile = _profile("ana", "PyTorch", "Go")
    line = json.loads(json.dumps(asdict(profile)))
    assert profile_from_dict(line) == profile


def test_no_index_means_nothing_to_load_or_update(tmp_path: Path) -> None:
    assert index_store.load(tmp_path, TAXONOMY) is None
    assert index_store.apply(tmp_path, [IndexUpdate(_profile("ana"), 1)], []) is False
    assert not index_store.exists(tmp_path)


def test_changes_are_journaled_and_seen_by_another_process(tmp_path: Path) -> None:
    _build(tmp_path, _profile("ana", "Go"), _profile("bo", "Rust"))
    generation = (tmp_path / index_store.CURRENT).read_text(encoding="utf-8")
    assert index_store.apply(tmp_path, [IndexUpdate(_profile("cy", "Python"), 3)], ["bo", "nobody"])
    journal = (tmp_path / generation / index_store.JOURNAL).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["op"] for line in journal] == ["upsert", "remove"]

    index_store.forget()  # what a second process sees: the saved generation plus the journal
    loaded = index_store.load(tmp_path, TAXONOMY)
    assert loaded is not None
    assert loaded.versions == {"ana": 1, "cy": 3}
    assert sorted(loaded.index.ids) == ["ana", "cy"]
    assert loaded.generation == generation


def test_a_running_process_picks_up_journal_lines_written_elsewhere(tmp_path: Path) -> None:
    _build(tmp_path, _profile("ana", "Go"))
    mine = index_store.load(tmp_path, TAXONOMY)
    assert mine is not None
    generation = mine.generation
    line = json.dumps(
        {
            "op": "upsert",
            "version": 2,
            "profile": asdict(_profile("dee", "SQL")),
            "vector": None,
        }
    )
    with (tmp_path / generation / index_store.JOURNAL).open("a", encoding="utf-8") as journal:
        journal.write(line + "\n" + '{"op": "remove", "id": "ana"')  # the second line is incomplete
    again = index_store.load(tmp_path, TAXONOMY)
    assert again is mine
    assert mine.versions == {"ana": 1, "dee": 2}


def test_a_long_journal_is_compacted_into_a_new_generation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_store, "COMPACT_AFTER", 2)
    _build(tmp_path, _profile("ana", "Go"))
    first = (tmp_path / index_store.CURRENT).read_text(encoding="utf-8")
    index_store.apply(tmp_path, [IndexUpdate(_profile("bo", "Rust"), 1)], [])
    index_store.apply(
        tmp_path, [IndexUpdate(_profile("cy", "C"), 1), IndexUpdate(_profile("dee", "D"), 1)], []
    )
    second = (tmp_path / index_store.CURRENT).read_text(encoding="utf-8")
    assert second != first
    assert not (tmp_path / second / index_store.JOURNAL).exists()
    index_store.forget()
    loaded = index_store.load(tmp_path, TAXONOMY)
    assert loaded is not None
    assert sorted(loaded.versions) == ["ana", "bo", "cy", "dee"]


def test_old_generations_are_pruned(tmp_path: Path) -> None:
    for _ in range(4):
        _build(tmp_path, _profile("ana", "Go"))
    assert len(list(tmp_path.glob("gen-*"))) == 2


def test_the_write_lock_is_reentrant(tmp_path: Path) -> None:
    with index_store.write_lock(tmp_path), index_store.write_lock(tmp_path):
        _build(tmp_path, _profile("ana", "Go"))
    assert index_store.exists(tmp_path)
