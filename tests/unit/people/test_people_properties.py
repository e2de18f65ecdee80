"""Property tests: e-mail de-duplication and the name search key hold for varied input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from talentbridge.kit.text import normalise_email, normalise_key
from talentbridge.people._records import name_key_for
from talentbridge.people.schemas import PersonCreate

# Letters recruiters meet in names: Latin with diacritics, and Chinese characters.
NAME_LETTERS = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèüöäçñøåÉÜÖÅ李王张伟明芳")
names = st.text(alphabet=NAME_LETTERS, min_size=1, max_size=12)
local_parts = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._", min_size=1, max_size=12).filter(
    lambda part: not part.startswith(".") and not part.endswith(".") and ".." not in part
)
domains = st.sampled_from(["example.com", "mail.example.org", "uni.edu.cn"])


def _vary_case(text: str, flips: list[bool]) -> str:
    return "".join(
        ch.upper() if flip else ch for ch, flip in zip(text, flips + [False] * len(text), strict=False)
    )


@given(local=st.lists(local_parts, min_size=1, max_size=5), domain=domains, data=st.data())
def test_emails_that_differ_only_in_case_are_kept_once(
    local: list[str], domain: str, data: st.DataObject
) -> None:
    addresses = [f"{part}@{domain}" for part in local]
    variants = [
        _vary_case(address, data.draw(st.lists(st.booleans(), max_size=len(address))))
        for address in addresses
    ]
    person = PersonCreate.model_validate({"first_name": "X", "emails": addresses + variants})
    normalised = [normalise_email(email) for email in person.emails]
    assert len(normalised) == len(set(normalised))
    assert set(normalised) == {normalise_email(address) for address in addresses}


@given(first=names, last=names, native=st.one_of(st.none(), names))
def test_name_key_ignores_case_and_contains_every_part(first: str, last: str, native: str | None) -> None:
    key = name_key_for(first, last, native)
    assert key == name_key_for(first.upper(), last.swapcase(), native)
    for part in (first, last, native or ""):
        assert normalise_key(part) in key
    assert key == normalise_key(key)
