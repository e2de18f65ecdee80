"""Routes to A and B, the resulting category, and unknown facts (never silently zero)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from mobility_engine_helpers import AT, BASE_OFFER, BASE_PERSON, Run, born_years_before, route_status

from talentbridge.errors import InvalidInput
from talentbridge.mobility.engine import OfferFacts, PersonFacts, assess
from talentbridge.mobility.rules import RuleSet

WEAK = {"highest_degree": "none", "relevant_experience_years": 0}  # reaches no B route by itself


@pytest.mark.parametrize(
    "criterion",
    [
        "talent_programme",
        "international_achievement",
        "encouraged_post",
        "innovation_entrepreneurship",
        "outstanding_young_talent",
    ],
)
def test_any_direct_a_criterion_gives_a_regardless_of_points(run: Run, criterion: str) -> None:
    result = run(person={**WEAK, "direct_criteria": (criterion,)})
    assert route_status(result, "A", criterion) == "met"
    assert result.category == "A"


def test_secondary_source_criteria_carry_a_warning(run: Run) -> None:
    result = run(person={"direct_criteria": ("innovation_entrepreneurship",)})
    assert "criterion_unverified_innovation_entrepreneurship" in result.warning_ids
    assert not any(
        w.startswith("criterion_unverified")
        for w in run(person={"direct_criteria": ("talent_programme",)}).warning_ids
    )


@pytest.mark.parametrize(
    "criterion",
    ["vocational_certificate_or_shortage", "foreign_language_teacher", "specialist_project_staff"],
)
def test_direct_b_criteria_give_b(run: Run, criterion: str) -> None:
    result = run(person={**WEAK, "direct_criteria": (criterion,)})
    assert route_status(result, "B", criterion) == "met"
    assert result.category == "B"


def test_a_top_international_vocational_certificate_meets_the_b_certificate_route(run: Run) -> None:
    result = run(person={**WEAK, "vocational_level": "international_top"})
    assert route_status(result, "B", "vocational_certificate_or_shortage") == "met"


@pytest.mark.parametrize(
    ("salary", "a_status", "b_status", "category"),
    [
        ("859464", "met", "met", "A"),  # exactly 6x Beijing's 143,244
        ("859463.99", "not_met", "met", "B"),
        ("572976", "not_met", "met", "B"),  # exactly 4x
        ("572975", "not_met", "not_met", None),
    ],
)
def test_salary_multiple_routes_in_beijing(
    run: Run, salary: str, a_status: str, b_status: str, category: str | None
) -> None:
    result = run(person=WEAK, offer={"annual_salary_cny": Decimal(salary), "months_in_china_per_year": 0})
    assert route_status(result, "A", "salary_multiple") == a_status
    assert route_status(result, "B", "salary_multiple") == b_status
    assert result.category == category


def test_shanghai_thresholds_and_the_denominator_warning(run: Run) -> None:
    result = run(
        person=WEAK, offer={"annual_salary_cny": Decimal(895248), "work_city": "上海", "work_province": None}
    )
    assert route_status(result, "A", "salary_multiple") == "met"
    assert "salary_denominator" in result.warning_ids


@pytest.mark.parametrize("city", ["Shenzhen", "Hangzhou", "Chengdu"])
def test_missing_wage_figures_make_the_salary_routes_unknown(run: Run, city: str) -> None:
    result = run(
        person=WEAK, offer={"annual_salary_cny": Decimal(2_000_000), "work_city": city, "work_province": None}
    )
    assert route_status(result, "A", "salary_multiple") == "unknown"
    assert route_status(result, "B", "salary_multiple") == "unknown"
    assert "wage_figure_missing" in result.warning_ids
    assert result.possible_category == "A"


def test_wage_figure_applies_only_from_its_date(run: Run) -> None:
    before = run(person=WEAK, offer={"annual_salary_cny": Decimal(2_000_000)}, at=date(2026, 2, 3))
    assert route_status(before, "A", "salary_multiple") == "unknown"
    on_the_day = run(person=WEAK, offer={"annual_salary_cny": Decimal(2_000_000)}, at=date(2026, 2, 4))
    assert route_status(on_the_day, "A", "salary_multiple") == "met"


def test_an_old_wage_figure_is_used_with_a_staleness_warning(run: Run) -> None:
    offer = {"annual_salary_cny": Decimal(501552), "work_city": "Guangzhou", "work_province": "Guangdong"}
    result = run(person=WEAK, offer=offer)
    assert route_status(result, "B", "salary_multiple") == "met"  # 4 x 125,388
    assert {"wage_figure_stale", "local_variant_guangzhou"} <= set(result.warning_ids)


def test_unknown_salary_leaves_salary_routes_unknown(run: Run) -> None:
    result = run(offer={"annual_salary_cny": None})
    assert route_status(result, "B", "salary_multiple") == "unknown"
    assert "annual_salary_cny" in result.missing_facts


@pytest.mark.parametrize(
    ("person", "status"),
    [
        (
            {
                "highest_degree": "bachelor",
                "relevant_experience_years": 2,
                "birth_date": born_years_before(60),
            },
            "met",
        ),
        (
            {
                "highest_degree": "bachelor",
                "relevant_experience_years": 2,
                "birth_date": born_years_before(61),
            },
            "not_met",
        ),
        ({"highest_degree": "bachelor", "relevant_experience_years": 1.9}, "not_met"),
        ({"highest_degree": "none", "relevant_experience_years": 10}, "not_met"),
        ({"highest_degree": None, "relevant_experience_years": 10}, "unknown"),
        ({"highest_degree": "master", "relevant_experience_years": None}, "unknown"),
        ({"highest_degree": "master", "relevant_experience_years": 3, "birth_date": None}, "unknown"),
    ],
)
def test_degree_and_experience_route(run: Run, person: dict[str, object], status: str) -> None:
    assert route_status(run(person=person), "B", "degree_and_experience") == status


def test_over_sixty_gets_the_age_limit_warning(run: Run) -> None:
    result = run(
        person={"birth_date": born_years_before(62), "direct_criteria": ("specialist_project_staff",)}
    )
    assert result.category == "B"
    assert "over_age_limit" in result.warning_ids


@pytest.mark.parametrize(
    ("person", "offer", "status"),
    [
        ({"highest_degree": "master"}, {"annual_salary_cny": Decimal(143244)}, "met"),
        ({"highest_degree": "bachelor"}, {"annual_salary_cny": Decimal(143244)}, "not_met"),
        ({"highest_degree": "master"}, {"annual_salary_cny": Decimal(143243)}, "not_met"),
        (
            {"highest_degree": "master"},
            {"annual_salary_cny": Decimal(200000), "work_city": "Hangzhou", "work_province": None},
            "unknown",
        ),
    ],
)
def test_excellent_graduate_route_checks_degree_and_local_average_salary(
    run: Run, person: dict[str, object], offer: dict[str, object], status: str
) -> None:
    result = run(
        person={**person, "relevant_experience_years": 0, "direct_criteria": ("excellent_graduate",)},
        offer=offer,
    )
    assert route_status(result, "B", "excellent_graduate") == status


def test_points_thresholds_are_inclusive(run: Run) -> None:
    # 5 (salary 50k) + 10 + 5 + 15 + 0 + 0 + 15 (age 36) = 50; +10 for a western province = 60
    sixty = run(offer={"annual_salary_cny": Decimal(50000), "work_city": None, "work_province": "Sichuan"})
    assert sixty.points_total == 60
    assert route_status(sixty, "B", "points") == "met"
    assert "threshold_wording" in sixty.warning_ids
    fifty_five = run(
        offer={
            "annual_salary_cny": Decimal(50000),
            "work_city": None,
            "work_province": "Sichuan",
            "months_in_china_per_year": 12,
        },
        person={"relevant_experience_years": 2, "birth_date": born_years_before(46)},
    )
    assert fifty_five.points_total == 55
    assert route_status(fifty_five, "B", "points") == "not_met"


def test_eighty_five_points_is_a(run: Run) -> None:
    # 20 + 20 + 5 (2 y) + 15 + 0 + 10 + 15 = 85
    result = run(
        person={"highest_degree": "doctorate", "birth_date": born_years_before(30)},
        offer={"annual_salary_cny": Decimal(450000), "work_city": "Xi'an", "work_province": None},
    )
    assert result.points_total == 85
    assert route_status(result, "A", "points") == "met"
    assert result.category == "A"


def test_no_route_means_no_category_and_never_c(run: Run) -> None:
    result = run(person=WEAK, offer={"annual_salary_cny": Decimal(60000), "months_in_china_per_year": 2})
    assert (result.category, result.possible_category) == (None, None)
    assert "category_c_not_by_points" in result.warning_ids


def test_unknown_facts_give_a_possible_category_not_a_category(rules: RuleSet) -> None:
    result = assess(PersonFacts(), OfferFacts(), AT, rules)
    assert result.category is None
    assert result.possible_category == "A"
    assert result.points_total == 0
    assert result.points_known_max == 110
    assert {
        r.status for r in result.routes if r.route in {"points", "salary_multiple", "degree_and_experience"}
    } == {"unknown"}
    assert {"birth_date", "highest_degree", "annual_salary_cny", "hsk_level"} <= set(result.missing_facts)


def test_the_assessment_records_the_rule_version(run: Run, rules: RuleSet) -> None:
    assert run().rule_version == rules.version == "cn-wp-2017zx/2026.02"


@pytest.mark.parametrize(
    ("person", "offer", "field"),
    [
        ({"hsk_level": 7}, {}, "person.hsk_level"),
        ({"birth_date": date(2030, 1, 1)}, {}, "person.birth_date"),
        ({"relevant_experience_years": -1}, {}, "person.relevant_experience_years"),
        ({"direct_criteria": ("nobel",)}, {}, "person.direct_criteria"),
        ({"highest_degree": "phd"}, {}, "person.highest_degree"),
        ({}, {"annual_salary_cny": Decimal(-1)}, "offer.annual_salary_cny"),
        ({}, {"months_in_china_per_year": 13}, "offer.months_in_china_per_year"),
    ],
)
def test_impossible_facts_are_rejected_naming_the_field(
    rules: RuleSet, person: dict[str, object], offer: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        assess(replace(BASE_PERSON, **person), replace(BASE_OFFER, **offer), AT, rules)  # type: ignore[arg-type]
    assert raised.value.field == field


def test_unknown_vocational_level_leaves_the_certificate_route_open(run: Run) -> None:
    result = run(person={**WEAK, "vocational_level": None})
    assert route_status(result, "B", "vocational_certificate_or_shortage") == "unknown"
    assert result.possible_category == "B"
    assert "vocational_level" in result.missing_facts
