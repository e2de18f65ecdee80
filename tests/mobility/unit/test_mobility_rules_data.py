"""The rules data: sourced, versioned, and validated on load with errors naming file and key."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from mobility_engine_helpers import BASE_OFFER, BASE_PERSON

from talentbridge.mobility.engine import assess
from talentbridge.mobility.rules import DATA_DIRECTORY, RuleDataError, RuleSet, load_rules, rule_versions

REQUIRED_CITIES = ("beijing", "shanghai", "shenzhen", "guangzhou", "hangzhou")


def test_the_newest_rule_set_is_the_default(rules: RuleSet) -> None:
    assert rule_versions()[-1] == rules.version
    assert load_rules(rules.version) is rules


def test_every_criterion_and_factor_cites_a_source(rules: RuleSet) -> None:
    assert all(criterion.source for criterion in rules.criteria.values())
    table = rules.points
    factors = (table.salary, table.education, table.experience, table.months_in_china, table.chinese_language)
    factors += (table.work_location, table.age, table.excellence_group, table.local_bonus)  # type: ignore[assignment]
    assert all(factor.source for factor in factors)
    assert all(factor.label for factor in factors)
    assert rules.b_baseline.source
    assert rules.points_route_source
    assert all(route.source for route in rules.salary_routes.values())


def test_required_cities_have_a_sourced_figure_or_an_explained_gap(rules: RuleSet) -> None:
    for city in REQUIRED_CITIES:
        for figure in rules.wages[city]:
            if figure.annual_average_wage_cny is None:
                assert figure.note
                assert "Missing" in figure.note
            else:
                assert figure.source
                assert figure.applies_from
    assert rules.wages["shenzhen"][0].annual_average_wage_cny is None
    assert rules.wages["hangzhou"][0].annual_average_wage_cny is None
    assert rules.wages["beijing"][0].annual_average_wage_cny == Decimal(143244)
    assert (rules.wages["beijing"][0].data_year, rules.wages["shanghai"][0].data_year) == (2025, 2025)


def test_regions_hold_twelve_western_and_three_north_eastern_provinces(rules: RuleSet) -> None:
    assert len(rules.regions.western) == 12
    assert rules.regions.northeast == {"liaoning", "jilin", "heilongjiang"}
    assert rules.regions.western_disputed == {"inner_mongolia", "guangxi"}


def test_unknown_version_is_a_clear_error() -> None:
    with pytest.raises(RuleDataError, match="no rule set with version 'v0'"):
        load_rules("v0")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(DATA_DIRECTORY, target)
    return target


Edit = Callable[[dict], None]  # type: ignore[type-arg]


def _edit(directory: Path, name: str, change: Edit) -> None:
    path = directory / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _set_band_points(data: dict) -> None:  # type: ignore[type-arg]
    data["factors"]["salary"]["bands"][0]["points"] = 25


def _drop_threshold(data: dict) -> None:  # type: ignore[type-arg]
    del data["thresholds"]["A"]


def _wrong_total(data: dict) -> None:  # type: ignore[type-arg]
    data["max_total"] = 119


def _unsorted_bands(data: dict) -> None:  # type: ignore[type-arg]
    bands = data["factors"]["months_in_china"]["bands"]
    bands[0], bands[1] = bands[1], bands[0]


def _missing_hsk(data: dict) -> None:  # type: ignore[type-arg]
    del data["factors"]["chinese_language"]["hsk_points"][6]


def _bad_threshold(data: dict) -> None:  # type: ignore[type-arg]
    data["cities"]["beijing"][0]["published_thresholds_cny"]["A"] = 860000


def _gap_without_note(data: dict) -> None:  # type: ignore[type-arg]
    data["cities"]["shenzhen"][0]["note"] = None


def _unknown_city(data: dict) -> None:  # type: ignore[type-arg]
    data["cities"]["gotham"] = data["cities"]["beijing"]


def _unknown_province(data: dict) -> None:  # type: ignore[type-arg]
    data["western_provinces"].append("atlantis")


def _bad_category(data: dict) -> None:  # type: ignore[type-arg]
    data["criteria"]["talent_programme"]["category"] = "C"


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        ("points_table_2017_zanxing.yaml", _set_band_points, "factors.salary.bands[0].points"),
        ("points_table_2017_zanxing.yaml", _drop_threshold, "thresholds.A: required key"),
        ("points_table_2017_zanxing.yaml", _wrong_total, "max_total: is 119"),
        ("points_table_2017_zanxing.yaml", _unsorted_bands, "factors.months_in_china.bands"),
        ("points_table_2017_zanxing.yaml", _missing_hsk, "factors.chinese_language.hsk_points"),
        ("average_wages_2026.yaml", _bad_threshold, "cities.beijing[0].published_thresholds_cny.A"),
        ("average_wages_2026.yaml", _gap_without_note, "cities.shenzhen[0]"),
        ("average_wages_2026.yaml", _unknown_city, "'gotham' is not a city"),
        ("regions.yaml", _unknown_province, "western_provinces: 'atlantis'"),
        ("direct_criteria_2017.yaml", _bad_category, "criteria.talent_programme.category"),
    ],
)
def test_bad_data_is_rejected_naming_file_and_key(
    data_copy: Path, file: str, change: Edit, expected: str
) -> None:
    _edit(data_copy, file, change)
    with pytest.raises(RuleDataError) as raised:
        load_rules(directory=data_copy)
    assert str(raised.value).startswith(f"{file}: ")
    assert expected in str(raised.value)


def test_broken_yaml_and_missing_files_name_the_file(data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_text("provinces: [unclosed", encoding="utf-8")
    with pytest.raises(RuleDataError, match=r"^regions\.yaml: <top>: not valid YAML"):
        load_rules(directory=data_copy)
    (data_copy / "regions.yaml").unlink()
    with pytest.raises(RuleDataError, match=r"^regions\.yaml: <top>: file not found"):
        load_rules(directory=data_copy)


def test_a_new_years_figures_are_a_data_change_recorded_in_the_assessment(data_copy: Path) -> None:
    """Add a 2027 Beijing figure as a new rule set: no code changes, and the new version is used."""

    def add_figure(data: dict) -> None:  # type: ignore[type-arg]
        data["cities"]["beijing"].insert(
            0,
            {
                "applies_from": date(2027, 2, 1),
                "data_year": 2026,
                "annual_average_wage_cny": 150000,
                "source": "test figure",
            },
        )

    shutil.copy(data_copy / "average_wages_2026.yaml", data_copy / "average_wages_2027.yaml")
    _edit(data_copy, "average_wages_2027.yaml", add_figure)

    def add_ruleset(data: dict) -> None:  # type: ignore[type-arg]
        newest = dict(data["rulesets"][-1])
        newest.update(
            version="test/2027.02", effective_from=date(2027, 2, 1), average_wages="average_wages_2027.yaml"
        )
        data["rulesets"].append(newest)

    _edit(data_copy, "rulesets.yaml", add_ruleset)
    rules = load_rules(directory=data_copy)
    assert rules.version == "test/2027.02"
    offer = BASE_OFFER.__class__(Decimal(600000), 12, "Beijing", "Beijing")
    assessed = assess(BASE_PERSON, offer, date(2027, 3, 1), rules)
    assert assessed.rule_version == "test/2027.02"
    assert any("900,000 CNY" in r.reason for r in assessed.routes if r.route == "salary_multiple")
    older = load_rules("cn-wp-2017zx/2026.02", directory=data_copy)
    assert assess(BASE_PERSON, offer, date(2027, 3, 1), older).rule_version == "cn-wp-2017zx/2026.02"
