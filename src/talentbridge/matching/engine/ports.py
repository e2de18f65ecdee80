"""What the engine needs from the taxonomy and the encoder, as structural protocols.

The engine codes against these rather than importing matching.taxonomy / matching.embeddings, so
it stays pure and its tests can use a tiny fake taxonomy. The real classes satisfy them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
from numpy.typing import NDArray


class SkillLike(Protocol):
    """A taxonomy skill: a stable id and a display label."""

    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...


class RelatedLike(Protocol):
    """A related skill that earns partial credit, with the human reason for the relation."""

    @property
    def skill(self) -> SkillLike: ...
    @property
    def credit(self) -> float: ...
    @property
    def relation(self) -> str: ...


class SkillHitLike(Protocol):
    """A skill found in free text, with a 0..1 confidence."""

    @property
    def skill(self) -> SkillLike: ...
    @property
    def score(self) -> float: ...


class TaxonomyLike(Protocol):
    """The taxonomy operations ranking uses."""

    @property
    def version(self) -> str: ...
    def lookup_skill(self, name: str) -> SkillLike | None: ...
    def skill(self, skill_id: str) -> SkillLike | None: ...
    def related(self, skill_id: str) -> Sequence[RelatedLike]: ...
    def extract_skills(self, text: str, top_k: int = 20) -> Sequence[SkillHitLike]: ...


class EncoderLike(Protocol):
    """Turns texts into L2-normalised float32 vectors (one row per text)."""

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]: ...
