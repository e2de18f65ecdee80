"""Fixtures for the work-permit engine tests (helpers live in ``mobility_engine_helpers``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from mobility_engine_helpers import AT, BASE_OFFER, BASE_PERSON, Run

from talentbridge.mobility.engine import Assessment, assess, load_rules
from talentbridge.mobility.rules import RuleSet


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture
def run(rules: RuleSet) -> Run:
    """Assess the baseline with some facts replaced: ``run(person={...}, offer={...}, at=...)``."""

    def _run(
        person: dict[str, Any] | None = None, offer: dict[str, Any] | None = None, at: date = AT
    ) -> Assessment:
        return assess(replace(BASE_PERSON, **(person or {})), replace(BASE_OFFER, **(offer or {})), at, rules)

    return _run
