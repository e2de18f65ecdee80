"""Every row of the 2017 points table (暂行版) and every band edge, one factor at a time."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from mobility_engine_helpers import AT, Run, born_years_before, factor

from talentbridge.mobility.rules import RuleSet


@pytest.mark.parametrize(
    ("salary", "points"),
    [
        ("0", 0),
        ("49999.99", 0),
        ("50000", 5),
        ("69999", 5),
        ("70000", 8),
        ("149999", 8),
        ("150000", 11),
        ("249999", 11),
        ("250000", 14),
        ("349999.99", 14),
        ("350000", 17),
        ("449999", 17),
        ("450000", 20),
        ("5000000", 20),
    ],
)
def test_salary_bands_are_lower_bound_inclusive(run: Run, salary: str, points: int) -> None:
    result = factor(run(offer={"annual_salary_cny": Decimal(salary)}), "salary")
    assert (result.points, result.max) == (points, 20)


@pytest.mark.parametrize(
    ("degree", "vocational", "points"),
    [
        ("none", "none", 0),
        ("bachelor", "none", 10),
        ("master", "none", 15),
        ("doctorate", "none", 20),
        ("none", "senior_worker", 10),
        ("none", "technician", 15),
        ("none", "senior_technician", 20),
        ("none", "international_top", 20),
        ("bachelor", "senior_technician", 20),
        ("master", "senior_worker", 15),
    ],
)
def test_education_takes_the_better_of_degree_and_vocational_level(
    run: Run, degree: str, vocational: str, points: int
) -> None:
    result = factor(run(person={"highest_degree": degree, "vocational_level": vocational}), "education")
    assert (result.points, result.max) == (points, 20)


def test_unknown_vocational_level_leaves_education_open_unless_the_degree_is_already_top(run: Run) -> None:
    master = run(person={"highest_degree": "master", "vocational_level": None})
    result = factor(master, "education")
    assert (result.points, result.points_min, result.points_max_possible) == (None, 15, 20)
    assert "vocational_level" in master.missing_facts
    doctor = run(person={"highest_degree": "doctorate", "vocational_level": None})
    assert factor(doctor, "education").points == 20
    both = factor(run(person={"highest_degree": None, "vocational_level": None}), "education")
    assert (both.points, both.points_min, both.points_max_possible) == (None, 0, 20)


@pytest.mark.parametrize(
    ("years", "points"),
    [(0, 0), (1, 0), (1.99, 0), (2, 5), (2.5, 5), (3, 6), (10, 13), (16, 19), (17, 20), (18, 20), (30, 20)],
)
def test_experience_two_years_give_five_then_one_per_year_capped_at_twenty(
    run: Run, years: float, points: int
) -> None:
    result = factor(run(person={"relevant_experience_years": years}), "experience")
    assert (result.points, result.max) == (points, 20)


def test_partial_years_count_as_whole_years_with_a_warning(run: Run) -> None:
    assert "experience_partial_years" in run(person={"relevant_experience_years": 3.5}).warning_ids
    assert "experience_partial_years" not in run(person={"relevant_experience_years": 3}).warning_ids


@pytest.mark.parametrize(
    ("months", "points"), [(0, 0), (2.9, 0), (3, 5), (5.99, 5), (6, 10), (8.99, 10), (9, 15), (12, 15)]
)
def test_months_in_china_bands(run: Run, months: float, points: int) -> None:
    result = factor(run(offer={"months_in_china_per_year": months}), "months_in_china")
    assert (result.points, result.max) == (points, 15)


@pytest.mark.parametrize(("hsk", "points"), [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 5)])
def test_hsk_levels(run: Run, hsk: int, points: int) -> None:
    result = factor(run(person={"hsk_level": hsk}), "chinese_language")
    assert (result.points, result.max) == (points, 5)


@pytest.mark.parametrize(
    "flags",
    [
        {"former_chinese_national": True},
        {"degree_taught_in_chinese": True},
        {"former_chinese_national": True, "degree_taught_in_chinese": True, "hsk_level": 6},
        {"degree_taught_in_chinese": True, "hsk_level": 2},
    ],
)
def test_chinese_language_counts_the_single_best_item_capped_at_five(
    run: Run, flags: dict[str, object]
) -> None:
    assert factor(run(person=flags), "chinese_language").points == 5


def test_unknown_hsk_is_open_unless_another_item_already_gives_the_cap(run: Run) -> None:
    unknown = run(person={"hsk_level": None})
    result = factor(unknown, "chinese_language")
    assert (result.points, result.points_min, result.points_max_possible) == (None, 0, 5)
    assert "hsk_level" in unknown.missing_facts
    assert (
        factor(run(person={"hsk_level": None, "former_chinese_national": True}), "chinese_language").points
        == 5
    )


@pytest.mark.parametrize(
    ("province", "points"),
    [
        ("Chongqing", 10),
        ("Sichuan", 10),
        ("Guizhou", 10),
        ("Yunnan", 10),
        ("Tibet", 10),
        ("Shaanxi", 10),
        ("Gansu", 10),
        ("Qinghai", 10),
        ("Ningxia", 10),
        ("Xinjiang", 10),
        ("Inner Mongolia", 10),
        ("Guangxi", 10),
        ("Liaoning", 10),
        ("Jilin", 10),
        ("Heilongjiang", 10),
        ("四川省", 10),
        ("sichuan province", 10),
        ("Beijing", 0),
        ("Shanghai", 0),
        ("Guangdong", 0),
        ("Zhejiang", 0),
        ("Shanxi", 0),
    ],
)
def test_work_location_western_and_north_east(run: Run, province: str, points: int) -> None:
    result = factor(run(offer={"work_city": None, "work_province": province}), "work_location")
    assert (result.points, result.max) == (points, 10)


def test_work_location_from_the_city_when_no_province_is_given(run: Run) -> None:
    assert factor(run(offer={"work_city": "Chengdu", "work_province": None}), "work_location").points == 10
    assert factor(run(offer={"work_city": "Shenzhen", "work_province": None}), "work_location").points == 0
    enshi = run(offer={"work_city": "Enshi", "work_province": "Hubei"})
    assert factor(enshi, "work_location").points == 10


def test_disputed_western_provinces_score_with_a_warning(run: Run) -> None:
    assert "region_definition" in run(offer={"work_city": None, "work_province": "Guangxi"}).warning_ids
    assert "region_definition" not in run(offer={"work_city": None, "work_province": "Sichuan"}).warning_ids


def test_unknown_or_unrecognised_work_place_is_unknown_not_zero(run: Run) -> None:
    unknown = run(offer={"work_city": None, "work_province": None})
    result = factor(unknown, "work_location")
    assert (result.points, result.points_max_possible) == (None, 10)
    assert "work_province" in unknown.missing_facts
    atlantis = run(offer={"work_city": None, "work_province": "Atlantis"})
    assert factor(atlantis, "work_location").points is None
    assert "work_province_unrecognised" in atlantis.warning_ids


@pytest.mark.parametrize(
    ("age", "points"),
    [(17, 0), (18, 10), (25, 10), (26, 15), (45, 15), (46, 10), (55, 10), (56, 5), (60, 5), (61, 0), (75, 0)],
)
def test_age_bands_are_closed_ranges_on_the_assessment_date(run: Run, age: int, points: int) -> None:
    result = factor(run(person={"birth_date": born_years_before(age)}), "age")
    assert (result.points, result.max) == (points, 15)
    assert f"Age {age} " in result.reason


def test_age_is_counted_at_the_assessment_date_not_today(run: Run) -> None:
    birth = born_years_before(26)
    assert factor(run(person={"birth_date": birth}), "age").points == 15  # 26 on their birthday
    day_before = run(person={"birth_date": birth}, at=AT - timedelta(days=1))
    assert factor(day_before, "age").points == 10  # still 25


def test_an_age_band_change_within_ninety_days_is_flagged(run: Run) -> None:
    soon = run(person={"birth_date": born_years_before(46, AT + timedelta(days=30))})
    assert "age_band_changes_soon" in soon.warning_ids
    assert "age_band_changes_soon" not in run(person={"birth_date": born_years_before(30)}).warning_ids


@pytest.mark.parametrize(
    "flags",
    [
        {"top_university_graduate": True},
        {"fortune500_experience": True},
        {"has_patents": True},
        {"years_worked_in_china": 5},
        {"top_university_graduate": True, "fortune500_experience": True, "has_patents": True},
        {
            "top_university_graduate": True,
            "fortune500_experience": True,
            "has_patents": True,
            "years_worked_in_china": 9,
        },
    ],
)
def test_the_five_point_group_counts_once(run: Run, flags: dict[str, object]) -> None:
    result = factor(run(person=flags), "excellence_group")
    assert (result.points, result.max) == (5, 5)


def test_the_five_point_group_needs_five_years_in_china(run: Run) -> None:
    assert factor(run(person={"years_worked_in_china": 4.9}), "excellence_group").points == 0
    open_group = factor(run(person={"years_worked_in_china": None}), "excellence_group")
    assert (open_group.points, open_group.points_max_possible) == (None, 5)
    assert (
        factor(run(person={"years_worked_in_china": None, "has_patents": True}), "excellence_group").points
        == 5
    )


def test_local_bonus_is_not_assessed_and_says_so(run: Run) -> None:
    result = factor(run(), "local_bonus")
    assert (result.points, result.max) == (0, 10)
    assert "Not assessed" in result.reason


def test_factor_caps_add_up_to_the_table_maximum_of_120(run: Run, rules: RuleSet) -> None:
    assert sum(f.max for f in run().factors) == rules.points.max_total == 120


def test_best_profile_scores_every_assessable_point(run: Run) -> None:
    best = run(
        person={
            "birth_date": born_years_before(30),
            "highest_degree": "doctorate",
            "relevant_experience_years": 20,
            "hsk_level": 6,
            "has_patents": True,
        },
        offer={"annual_salary_cny": Decimal(1000000), "work_city": "Chengdu", "work_province": "Sichuan"},
    )
    assert best.points_total == best.points_known_max == 110  # 120 minus the unassessed local bonus


def test_a_province_with_a_western_prefecture_stays_open_until_the_city_is_known(run: Run) -> None:
    hubei = run(offer={"work_city": None, "work_province": "Hubei"})
    result = factor(hubei, "work_location")
    assert (result.points, result.points_min, result.points_max_possible) == (None, 0, 10)
    assert "work_city" in hubei.missing_facts
    assert factor(run(offer={"work_city": "Wuhan", "work_province": "Hubei"}), "work_location").points == 0
