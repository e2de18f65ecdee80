"""Fixtures for the taxonomy tests: one lexical-only taxonomy per session (building takes seconds)."""

from __future__ import annotations

import pytest

from talentbridge.matching.taxonomy import Taxonomy, build_taxonomy
from talentbridge.matching.taxonomy import lexical_taxonomy as shared_lexical_taxonomy


@pytest.fixture(scope="session")
def lexical_taxonomy() -> Taxonomy:
    """ESCO (when installed) + our file, without embeddings (the CLI's ``--no-semantic`` instance)."""
    return shared_lexical_taxonomy()


@pytest.fixture(scope="session")
def curated_only() -> Taxonomy:
    """Our own skills file only, as when the ESCO wheel is missing."""
    return build_taxonomy(semantic=False, esco=False)
