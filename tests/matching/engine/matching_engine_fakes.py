"""A tiny in-memory taxonomy satisfying the engine's TaxonomyLike protocol, for unit tests.

Unit tests must not depend on the real ESCO data (its labels and relations change with
releases); this fake has a handful of technical skills, aliases and one relation with a known
credit, so every worked example can be checked by hand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from talentbridge.matching.engine.types import CandidateProfile, JobSpec


@dataclass(frozen=True)
class FakeSkill:
    id: str
    label: str


@dataclass(frozen=True)
class FakeRelated:
    skill: FakeSkill
    credit: float
    relation: str


@dataclass(frozen=True)
class FakeHit:
    skill: FakeSkill
    score: float


SKILLS = {
    "python": FakeSkill("tb:skill/python", "Python"),
    "pytorch": FakeSkill("tb:skill/pytorch", "PyTorch"),
    "tensorflow": FakeSkill("tb:skill/tensorflow", "TensorFlow"),
    "kubernetes": FakeSkill("tb:skill/kubernetes", "Kubernetes"),
    "sql": FakeSkill("tb:skill/sql", "SQL"),
    "go": FakeSkill("tb:skill/go", "Go"),
    "nlp": FakeSkill("tb:skill/nlp", "natural language processing"),
    "docker": FakeSkill("tb:skill/docker", "Docker"),
}
ALIASES = {
    "torch": "pytorch",
    "k8s": "kubernetes",
    "golang": "go",
    "tf": "tensorflow",
    "机器学习框架": "pytorch",
}


class FakeTaxonomy:
    version = "fake-1"

    def lookup_skill(self, name: str) -> FakeSkill | None:
        key = " ".join(name.lower().split())
        key = ALIASES.get(key, key)
        if key == "natural language processing":
            key = "nlp"
        return SKILLS.get(key)

    def skill(self, skill_id: str) -> FakeSkill | None:
        return next((s for s in SKILLS.values() if s.id == skill_id), None)

    def related(self, skill_id: str) -> Sequence[FakeRelated]:
        if skill_id == SKILLS["pytorch"].id:
            return (FakeRelated(SKILLS["tensorflow"], 0.6, "both deep-learning frameworks"),)
        if skill_id == SKILLS["tensorflow"].id:
            return (FakeRelated(SKILLS["pytorch"], 0.6, "both deep-learning frameworks"),)
        return ()

    def extract_skills(self, text: str, top_k: int = 20) -> list[FakeHit]:
        hits: list[FakeHit] = []
        lowered = text.lower()
        for key, skill in SKILLS.items():
            names = [key, skill.label.lower(), *(a for a, k in ALIASES.items() if k == key)]
            if any(re.search(rf"(?<![\w+#]){re.escape(n)}(?![\w+#])", lowered) for n in names):
                hits.append(FakeHit(skill, 0.9))
        return hits[:top_k]


def person(person_id: str, **values: object) -> CandidateProfile:
    """A CandidateProfile with defaults for everything not given."""
    return CandidateProfile(id=person_id, display_name=person_id, **values)  # type: ignore[arg-type]


def job(**values: object) -> JobSpec:
    """A JobSpec with defaults for everything not given."""
    values.setdefault("id", "job-1")
    values.setdefault("title", "Engineer")
    return JobSpec(**values)  # type: ignore[arg-type]
