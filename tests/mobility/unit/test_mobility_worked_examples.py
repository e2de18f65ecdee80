"""The worked examples of china_rules.md §1.6 (2017 table), factor by factor.

Facts the table leaves implicit are stated: a full year in China (15 months points), no Chinese
unless given, no other bonus item, Chengdu in Sichuan.
"""

from __future__ import annotations

from decimal import Decimal

from mobility_engine_helpers import AT, born_years_before, route_status

from talentbridge.mobility.engine import Assessment, OfferFacts, PersonFacts, assess
from talentbridge.mobility.rules import RuleSet

FACTOR_ORDER = (
    "salary",
    "education",
    "experience",
    "months_in_china",
    "chinese_language",
    "work_location",
    "age",
)


def _points(result: Assessment) -> tuple[int | None, ...]:
    by_id = {f.factor: f.points for f in result.factors}
    return (*(by_id[f] for f in FACTOR_ORDER), by_id["excellence_group"])


def test_thirty_year_old_msc_in_shanghai_with_fortune_500_is_b_with_75(rules: RuleSet) -> None:
    person = PersonFacts(
        birth_date=born_years_before(30),
        highest_degree="master",
        vocational_level="none",
        relevant_experience_years=5,
        hsk_level=0,
        fortune500_experience=True,
        years_worked_in_china=0,
    )
    offer = OfferFacts(Decimal(400000), 12, "Shanghai", "Shanghai")
    result = assess(person, offer, AT, rules)
    assert _points(result) == (17, 15, 8, 15, 0, 0, 15, 5)
    assert result.points_total == 75
    assert route_status(result, "B", "points") == "met"
    assert route_status(result, "A", "points") == "not_met"
    assert result.category == "B"


def test_thirty_five_year_old_phd_in_chengdu_with_hsk4_is_a_with_97(rules: RuleSet) -> None:
    person = PersonFacts(
        birth_date=born_years_before(35),
        highest_degree="doctorate",
        vocational_level="none",
        relevant_experience_years=10,
        hsk_level=4,
        years_worked_in_china=0,
    )
    offer = OfferFacts(Decimal(500000), 12, "Chengdu", "Sichuan")
    result = assess(person, offer, AT, rules)
    assert _points(result) == (20, 20, 13, 15, 4, 10, 15, 0)
    assert result.points_total == 97
    assert route_status(result, "A", "points") == "met"
    assert result.category == "A"


def test_twenty_four_year_old_bsc_in_beijing_is_not_b_by_points_with_46(rules: RuleSet) -> None:
    person = PersonFacts(
        birth_date=born_years_before(24),
        highest_degree="bachelor",
        vocational_level="none",
        relevant_experience_years=1,
        hsk_level=0,
        years_worked_in_china=0,
    )
    offer = OfferFacts(Decimal(150000), 12, "Beijing", "Beijing")
    result = assess(person, offer, AT, rules)
    assert _points(result) == (11, 10, 0, 15, 0, 0, 10, 0)
    assert result.points_total == 46
    assert route_status(result, "B", "points") == "not_met"
    assert route_status(result, "B", "degree_and_experience") == "not_met"  # 1 year of experience
    # "check the graduate route or other routes": the excellent-graduate route needs a master's
    assert result.category is None
    assert "category_c_not_by_points" in result.warning_ids
