"""Property: one person per e-mail address, whatever case and surrounding spaces it is written with."""

from __future__ import annotations

from itertools import chain, repeat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.errors import Conflict
from talentbridge.people import service
from talentbridge.people.schemas import PersonCreate

local_parts = st.from_regex(r"[a-z0-9]{1,10}(\.[a-z0-9]{1,5})?", fullmatch=True)
domains = st.sampled_from(["example.com", "uni.edu.cn", "mail.example.org"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(local=local_parts, domain=domains, flips=st.lists(st.booleans(), max_size=40), pad=st.booleans())
def test_an_address_in_any_case_belongs_to_one_person(
    db: Session, local: str, domain: str, flips: list[bool], pad: bool
) -> None:
    address = f"{local}@{domain}"
    variant = "".join(
        ch.upper() if flip else ch for ch, flip in zip(address, chain(flips, repeat(False)), strict=False)
    )
    if pad:
        variant = f"  {variant} "
    system = Actor.system()
    try:
        service.create_person(db, system, PersonCreate(first_name="First", emails=[address]))
        with pytest.raises(Conflict) as caught:
            service.create_person(db, system, PersonCreate(first_name="Second", emails=[variant]))
        assert caught.value.field == "emails"
    finally:
        db.rollback()
