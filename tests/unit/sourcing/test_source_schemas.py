"""Validation of source input."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.schemas import SourceCreate, SourceFilter, SourceUpdate


def test_source_create_strips_the_name_and_keeps_flat_details() -> None:
    source = SourceCreate.model_validate(
        {"kind": "university", "name": "  Tsinghua joint lab ", "details": {"programme": "AI", "seats": 4}}
    )
    assert source.kind is SourceKind.UNIVERSITY
    assert source.name == "Tsinghua joint lab"
    assert source.details == {"programme": "AI", "seats": 4}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "newspaper", "name": "X"}, "kind"),
        ({"kind": "agency", "name": ""}, "name"),
        ({"kind": "agency", "name": "Hays", "details": {"nested": {"a": 1}}}, "details"),
        ({"kind": "agency", "name": "Hays", "cost": 3}, "cost"),
    ],
)
def test_invalid_source_payloads_name_the_field(payload: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        SourceCreate.model_validate(payload)
    assert field in {str(err["loc"][0]) for err in caught.value.errors()}


def test_source_update_refuses_null_for_required_fields_but_allows_clearing_the_referrer() -> None:
    with pytest.raises(ValidationError):
        SourceUpdate.model_validate({"name": None})
    update = SourceUpdate.model_validate({"referrer_name": None})
    assert update.model_fields_set == {"referrer_name"}


def test_source_filter_refuses_unknown_parameters() -> None:
    with pytest.raises(ValidationError):
        SourceFilter.model_validate({"kind": "agency", "colour": "red"})
