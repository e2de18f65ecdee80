"""The uncertainties of china_rules.md §6 are surfaced when they apply, with stable ids."""

from __future__ import annotations

from decimal import Decimal

from mobility_engine_helpers import Run


def test_warnings_and_ids_line_up_and_the_table_version_caveat_is_always_there(run: Run) -> None:
    result = run()
    assert len(result.warnings) == len(result.warning_ids)
    assert "table_version_unconfirmed" in result.warning_ids


def test_hsk_scoring_mentions_hsk_3(run: Run) -> None:
    assert "hsk_version" in run(person={"hsk_level": 4}).warning_ids
    assert "hsk_version" not in run(person={"hsk_level": 0}).warning_ids


def test_top_university_and_years_in_china_items_are_flagged(run: Run) -> None:
    result = run(person={"top_university_graduate": True, "years_worked_in_china": 6})
    assert {"top_university_undefined", "china_years_continuous"} <= set(result.warning_ids)


def test_b_below_four_times_in_a_strict_city_warns_about_scrutiny(run: Run) -> None:
    result = run(person={"relevant_experience_years": 5})
    assert result.category == "B"
    assert "salary_scrutiny" in result.warning_ids


def test_salary_route_without_experience_warns(run: Run) -> None:
    result = run(person={"relevant_experience_years": 0}, offer={"annual_salary_cny": Decimal(600000)})
    assert "salary_route_experience" in result.warning_ids


def test_local_variants_follow_the_work_place(run: Run) -> None:
    assert "local_variant_hainan" in run(offer={"work_city": "Haikou", "work_province": None}).warning_ids
    assert "local_variant_shanghai" in run(offer={"work_city": "Shanghai", "work_province": None}).warning_ids
    assert not any(w.startswith("local_variant") for w in run().warning_ids)


def test_a_city_outside_the_stated_province_warns(run: Run) -> None:
    result = run(offer={"work_city": "Shenzhen", "work_province": "Sichuan"})
    assert "work_place_conflict" in result.warning_ids
    unknown_city = run(offer={"work_city": "Gotham", "work_province": None})
    assert "work_city_unrecognised" in unknown_city.warning_ids


def test_local_bonus_warning_only_when_it_could_change_the_category(run: Run) -> None:
    # baseline B-less person at 55 points (age 46): a 10-point bonus could reach 60
    near = run(person={"highest_degree": "none"}, offer={"work_city": "Chengdu", "work_province": None})
    assert near.category is None
    assert "local_bonus_could_change" in near.warning_ids
    far = run(
        person={"highest_degree": "none"},
        offer={"annual_salary_cny": Decimal(0), "months_in_china_per_year": 0},
    )
    assert "local_bonus_could_change" not in far.warning_ids
