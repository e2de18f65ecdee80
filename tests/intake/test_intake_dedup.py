"""Duplicate detection rules: normalisation, blocking keys and scoring (worked examples and properties)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from talentbridge.intake import dedup
from talentbridge.intake.dedup import DedupProfile


def test_profile_urls_normalise_to_the_profile() -> None:
    assert dedup.url_key("https://www.linkedin.com/in/Wei-Zhang/?trk=abc") == "linkedin:in/wei-zhang"
    assert dedup.url_key("cn.linkedin.com/in/wei-zhang") == "linkedin:in/wei-zhang"
    assert dedup.url_key("http://github.com/WeiZ/repo") == "github:weiz"
    assert dedup.url_key("https://scholar.google.com/citations?user=AbC123&hl=en") == "scholar:AbC123"
    assert dedup.url_key("https://Example.org/Me/") == "example.org/me"


def test_phone_key_is_e164() -> None:
    assert dedup.phone_key("+86 138 0013 8000") == "+8613800138000"
    assert dedup.phone_key("not a phone") is None


def test_native_script_name_meets_its_pinyin_in_any_order() -> None:
    latin = DedupProfile("1", first_name="Wei", last_name="Zhang")
    native = DedupProfile("2", first_name="Zhang", last_name="Wei", native_name="张伟")
    only_native = DedupProfile("3", first_name="张伟")
    assert dedup.name_similarity(latin, native) == 1.0
    assert dedup.name_similarity(latin, only_native) == 1.0
    assert dedup.name_blocks(latin) & dedup.name_blocks(only_native)


def test_shared_strong_key_is_a_strong_match() -> None:
    a = DedupProfile("1", "Wei", "Zhang", phones=("+8613800138000",))
    b = DedupProfile("2", "W.", "Chang", phones=("+86 138 0013 8000",))
    verdict = dedup.compare(a, b)
    assert verdict.strong
    assert verdict.score == 1.0
    assert verdict.signals[0].kind == "phone"


def test_same_name_and_employer_is_proposed_not_merged() -> None:
    a = DedupProfile("1", "Wei", "Zhang", employers=("Alibaba Group",), institutions=("Tsinghua University",))
    b = DedupProfile("2", "Zhang", "Wei", employers=("Alibaba",), institutions=("Tsinghua",))
    verdict = dedup.compare(a, b)
    assert not verdict.strong
    assert verdict.is_proposal
    assert {signal.kind for signal in verdict.signals} == {"name", "employer", "education"}


def test_different_names_are_never_proposed() -> None:
    a = DedupProfile("1", "Wei", "Zhang", employers=("Alibaba",), institutions=("Tsinghua",))
    b = DedupProfile("2", "Maria", "Garcia", employers=("Alibaba",), institutions=("Tsinghua",))
    assert not dedup.compare(a, b).is_proposal


names = st.text(alphabet=st.sampled_from("abcdefgzhAWZ 张伟李娜-'é"), max_size=20)
urls = st.builds(
    lambda host, path: f"https://{host}/{path}",
    st.sampled_from(["www.linkedin.com", "github.com", "Example.org", "linkedin.com"]),
    st.text(alphabet=st.sampled_from("abcXYZ-_/"), max_size=15),
)


@given(urls)
def test_url_normalisation_is_idempotent(url: str) -> None:
    key = dedup.url_key(url)
    if key is not None and ":" not in key.split("/")[0]:
        assert dedup.url_key(key) == key


@given(st.emails())
def test_email_normalisation_is_idempotent(email: str) -> None:
    assert dedup.email_key(dedup.email_key(email)) == dedup.email_key(email)


@given(names)
def test_name_tokens_are_idempotent(name: str) -> None:
    tokens = dedup.name_tokens(name)
    assert dedup.name_tokens(" ".join(tokens)) == tokens


@given(names, names, names, names)
def test_comparison_is_symmetric(first_a: str, last_a: str, first_b: str, last_b: str) -> None:
    a = DedupProfile("1", first_a, last_a, employers=("Acme",))
    b = DedupProfile("2", first_b, last_b, employers=("Acme Ltd",))
    assert dedup.compare(a, b).score == dedup.compare(b, a).score
