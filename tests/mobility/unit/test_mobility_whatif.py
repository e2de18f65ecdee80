"""What-if: smallest salary to the next category (by points and by the salary routes), single changes."""

from __future__ import annotations

from decimal import Decimal

from mobility_engine_helpers import Run, born_years_before

from talentbridge.mobility.engine import Assessment, WhatIf


def _changes(result: Assessment) -> dict[tuple[str, str | None], WhatIf]:
    return {(w.change, w.new_category): w for w in result.what_if}


GRADUATE = {"birth_date": born_years_before(24), "relevant_experience_years": 1}  # §1.6 example 3
GRADUATE_OFFER = {"annual_salary_cny": Decimal(150000)}


def test_salary_by_points_is_the_lowest_band_that_reaches_the_category(run: Run) -> None:
    # 0 + 10 + 0 + 15 + 0 + 0 (Beijing) + 10 = 35 without salary points; needs 25 for B: impossible,
    # so move to Xi'an (+10): 45 + 8 (70k band) = 53 < 60, 45 + 14 (250k band) = 59, 45 + 17 = 62 at 350k.
    result = run(person={**GRADUATE}, offer={**GRADUATE_OFFER, "work_city": "Xi'an", "work_province": None})
    assert result.category is None
    by_points = [w for w in result.what_if if w.change == "salary_by_points"]
    assert by_points[0].value == "350000"
    assert by_points[0].new_category == "B"
    assert by_points[1].value is None  # A is out of reach by salary points alone


def test_salary_by_route_uses_the_city_wage_figure(run: Run) -> None:
    result = run(person=GRADUATE, offer=GRADUATE_OFFER)
    routes = {w.new_category: w.value for w in result.what_if if w.change == "salary_by_route"}
    assert routes == {"B": "572976", "A": "859464"}


def test_salary_by_route_without_a_figure_says_so(run: Run) -> None:
    result = run(person=GRADUATE, offer={**GRADUATE_OFFER, "work_city": "Hangzhou", "work_province": None})
    route = [w for w in result.what_if if w.change == "salary_by_route"]
    assert route
    assert all(w.value is None for w in route)


def test_two_years_of_certified_experience_lift_the_graduate_to_b(run: Run) -> None:
    result = run(person=GRADUATE, offer=GRADUATE_OFFER)
    experience = _changes(result)[("relevant_experience_years", "B")]
    assert experience.value == "2"


def test_hsk_what_if_finds_the_lowest_level_that_changes_the_category(run: Run) -> None:
    # 20 + 20 + 8 (5 y) + 15 + 0 + 0 + 15 = 78; B already; HSK level 5 would still give 83 < 85.
    # With a Fortune 500 item (+5) = 83: HSK 2 gives 85 -> A.
    result = run(
        person={
            "highest_degree": "doctorate",
            "relevant_experience_years": 5,
            "fortune500_experience": True,
            "birth_date": born_years_before(30),
        },
        offer={"annual_salary_cny": Decimal(450000)},
    )
    assert result.points_total == 83
    assert result.category == "B"
    hsk = _changes(result)[("hsk_level", "A")]
    assert hsk.value == "2"


def test_months_and_degree_what_ifs(run: Run) -> None:
    # B by points needs 60: 11 + 10 + 0 (1.5 y) + 5 (3 months) + 0 + 10 (Sichuan) + 15 = 51;
    # 6 months gives 56, 9 months 61; a master's 56, a doctorate 61.
    result = run(
        person={"highest_degree": "bachelor", "relevant_experience_years": 1.5},
        offer={
            "annual_salary_cny": Decimal(150000),
            "months_in_china_per_year": 3,
            "work_city": "Chengdu",
            "work_province": None,
        },
    )
    assert result.category is None
    changes = _changes(result)
    assert result.points_total == 51
    assert changes[("months_in_china_per_year", "B")].value == "9"
    assert changes[("highest_degree", "B")].value == "doctorate"


def test_no_what_if_once_category_a_is_reached(run: Run) -> None:
    assert run(person={"direct_criteria": ("talent_programme",)}).what_if == ()
