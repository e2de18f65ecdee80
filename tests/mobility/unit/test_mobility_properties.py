"""Properties of the engine over many generated cases (hypothesis)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mobility_engine_helpers import AT

from talentbridge.mobility.engine import OfferFacts, PersonFacts, assess, load_rules
from talentbridge.mobility.engine.evaluate import CATEGORY_RANK
from talentbridge.mobility.engine.types import DEGREES, VOCATIONAL_LEVELS

RULES = load_rules()
# Real (city, province) pairs: a blanked province must be one that the city's real province could fill.
PLACES = [
    ("Beijing", "Beijing"),
    ("Shanghai", "上海市"),
    ("Guangzhou", "Guangdong"),
    ("Shenzhen", "Guangdong"),
    ("Hangzhou", "Zhejiang"),
    ("Chengdu", "Sichuan"),
    ("Harbin", "Heilongjiang"),
    ("Haikou", "Hainan"),
    ("Nanning", "Guangxi"),
    ("Enshi", "Hubei"),
]
CRITERIA = sorted(RULES.criteria)

salaries = st.integers(min_value=0, max_value=2_000_000).map(Decimal)
years = st.floats(min_value=0, max_value=40, allow_nan=False)
known_person = st.builds(
    PersonFacts,
    birth_date=st.dates(min_value=date(1940, 1, 1), max_value=date(2008, 12, 31)),
    highest_degree=st.sampled_from(DEGREES),
    vocational_level=st.sampled_from(VOCATIONAL_LEVELS),
    relevant_experience_years=years,
    hsk_level=st.integers(min_value=0, max_value=6),
    former_chinese_national=st.booleans(),
    degree_taught_in_chinese=st.booleans(),
    top_university_graduate=st.booleans(),
    fortune500_experience=st.booleans(),
    has_patents=st.booleans(),
    years_worked_in_china=years,
    direct_criteria=st.lists(st.sampled_from(CRITERIA), max_size=2, unique=True).map(tuple),
)
known_offer = st.builds(
    lambda salary, months, place: OfferFacts(salary, months, *place),
    salaries,
    st.floats(min_value=0, max_value=12, allow_nan=False),
    st.sampled_from(PLACES),
)
OPTIONAL_PERSON = [
    "birth_date",
    "highest_degree",
    "vocational_level",
    "relevant_experience_years",
    "hsk_level",
    "years_worked_in_china",
]
OPTIONAL_OFFER = [f.name for f in fields(OfferFacts)]
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _blank(facts: Any, names: list[str], chosen: list[bool]) -> Any:
    return replace(facts, **{name: None for name, blank in zip(names, chosen, strict=False) if blank})


@PROPERTY_SETTINGS
@given(known_person, known_offer)
def test_points_stay_within_the_table(person: PersonFacts, offer: OfferFacts) -> None:
    result = assess(person, offer, AT, RULES)
    assert 0 <= result.points_total <= result.points_known_max <= RULES.points.max_total
    for factor in result.factors:
        assert 0 <= factor.points_min <= factor.points_max_possible <= factor.max
        if factor.points is not None:
            assert factor.points == factor.points_min == factor.points_max_possible
    assert sum(f.points or 0 for f in result.factors) == result.points_total


@PROPERTY_SETTINGS
@given(known_person, known_offer, salaries, salaries)
def test_raising_the_salary_never_lowers_the_category(
    person: PersonFacts, offer: OfferFacts, first: Decimal, second: Decimal
) -> None:
    low, high = sorted((first, second))
    lower = assess(person, replace(offer, annual_salary_cny=low), AT, RULES)
    higher = assess(person, replace(offer, annual_salary_cny=high), AT, RULES)
    assert CATEGORY_RANK[higher.category] >= CATEGORY_RANK[lower.category]
    assert CATEGORY_RANK[higher.possible_category] >= CATEGORY_RANK[lower.possible_category]
    assert higher.points_total >= lower.points_total


@PROPERTY_SETTINGS
@given(
    known_person,
    known_offer,
    st.lists(st.booleans(), min_size=len(OPTIONAL_PERSON), max_size=len(OPTIONAL_PERSON)),
    st.lists(st.booleans(), min_size=len(OPTIONAL_OFFER), max_size=len(OPTIONAL_OFFER)),
)
def test_unknown_facts_never_beat_possible_category_nor_lose_a_met_category(
    person: PersonFacts, offer: OfferFacts, blank_person: list[bool], blank_offer: list[bool]
) -> None:
    """The full facts are one way the unknowns could turn out: their category lies in between."""
    partial = assess(
        _blank(person, OPTIONAL_PERSON, blank_person), _blank(offer, OPTIONAL_OFFER, blank_offer), AT, RULES
    )
    complete = assess(person, offer, AT, RULES)
    assert CATEGORY_RANK[partial.category] <= CATEGORY_RANK[complete.category]
    assert CATEGORY_RANK[complete.category] <= CATEGORY_RANK[partial.possible_category]
    assert partial.points_total <= complete.points_total <= partial.points_known_max


@PROPERTY_SETTINGS
@given(known_person, known_offer)
def test_every_what_if_is_what_the_engine_says_after_the_change(
    person: PersonFacts, offer: OfferFacts
) -> None:
    result = assess(person, offer, AT, RULES)
    for change in result.what_if:
        if change.value is None:
            continue
        if change.change in {"salary_by_points", "salary_by_route"}:
            after = assess(person, replace(offer, annual_salary_cny=Decimal(change.value)), AT, RULES)
        elif change.change == "hsk_level":
            after = assess(replace(person, hsk_level=int(change.value)), offer, AT, RULES)
        elif change.change == "relevant_experience_years":
            after = assess(replace(person, relevant_experience_years=float(change.value)), offer, AT, RULES)
        elif change.change == "months_in_china_per_year":
            after = assess(person, replace(offer, months_in_china_per_year=float(change.value)), AT, RULES)
        else:
            after = assess(replace(person, highest_degree=change.value), offer, AT, RULES)  # type: ignore[arg-type]
        assert after.category == change.new_category
        assert CATEGORY_RANK[after.category] > CATEGORY_RANK[result.category]
