"""Parse and check one points-table file (积分要素计分赋值表) into a ``PointsTable``."""

from __future__ import annotations

from itertools import pairwise

from talentbridge.mobility.rules._reader import Node
from talentbridge.mobility.rules.ruleset import (
    AgeBand,
    AgeFactor,
    Band,
    CategoryName,
    ChineseFactor,
    EducationFactor,
    ExcellenceFactor,
    ExperienceFactor,
    LocalBonusFactor,
    LocationFactor,
    MonthsFactor,
    PointsTable,
    SalaryFactor,
)
from talentbridge.mobility.rules.vocabulary import DEGREES, VOCATIONAL_LEVELS

HSK_LEVELS = range(0, 7)


def parse_points_table(root: Node) -> PointsTable:
    """Build the table; every cap, band and threshold is checked against the others."""
    factors = root.key("factors")
    table = PointsTable(
        id=root.key("id").text(),
        effective_from=root.key("effective_from").day(),
        thresholds=_thresholds(root.key("thresholds")),
        max_total=root.key("max_total").integer(minimum=1),
        salary=_salary(factors.key("salary")),
        education=_education(factors.key("education")),
        experience=_experience(factors.key("experience")),
        months_in_china=_months(factors.key("months_in_china")),
        chinese_language=_chinese(factors.key("chinese_language")),
        work_location=_location(factors.key("work_location")),
        age=_age(factors.key("age")),
        excellence_group=_excellence(factors.key("excellence_group")),
        local_bonus=_local_bonus(factors.key("local_bonus")),
    )
    caps = (
        table.salary.max,
        table.education.max,
        table.experience.max,
        table.months_in_china.max,
        table.chinese_language.max,
        table.work_location.max,
        table.age.max,
        table.excellence_group.max,
        table.local_bonus.max,
    )
    if sum(caps) != table.max_total:
        root.key("max_total").fail(f"is {table.max_total} but the factor caps add up to {sum(caps)}")
    if table.thresholds["A"] > table.max_total:
        root.key("thresholds").fail("the A threshold is above the maximum total")
    return table


def _thresholds(node: Node) -> dict[CategoryName, int]:
    a, b = node.key("A").integer(minimum=1), node.key("B").integer(minimum=1)
    if not a > b:
        node.fail(f"A ({a}) must be above B ({b})")
    return {"A": a, "B": b}


def _header(node: Node) -> tuple[str, int, str]:
    return node.key("label").text(), node.key("max").integer(minimum=1), node.key("source").text()


def _points(node: Node, cap: int) -> int:
    points = node.integer()
    if points > cap:
        node.fail(f"{points} points is above the factor's max of {cap}")
    return points


def _bands(node: Node, cap: int) -> tuple[Band, ...]:
    bands = tuple(
        Band(min=e.key("min").decimal(), points=_points(e.key("points"), cap)) for e in node.elements()
    )
    if not bands:
        node.fail("needs at least one band")
    for index, (higher, lower) in enumerate(pairwise(bands)):
        if not higher.min > lower.min:
            node.fail(f"band {index + 1} must start below band {index} (bands run from highest to lowest)")
        if higher.points < lower.points:
            node.fail(f"band {index} gives fewer points than the lower band {index + 1}")
    if bands[-1].min != 0:
        node.fail("the last band must start at 0 so that every value falls in a band")
    return bands


def _salary(node: Node) -> SalaryFactor:
    label, cap, source = _header(node)
    return SalaryFactor(label, cap, source, _bands(node.key("bands"), cap))


def _months(node: Node) -> MonthsFactor:
    label, cap, source = _header(node)
    return MonthsFactor(label, cap, source, _bands(node.key("bands"), cap))


def _complete_map(node: Node, keys: tuple[str, ...], cap: int) -> dict[str, int]:
    values = {str(key): _points(value, cap) for key, value in node.items()}
    missing = [key for key in keys if key not in values]
    unknown = [key for key in values if key not in keys]
    if missing or unknown:
        node.fail(f"must map exactly {', '.join(keys)} (missing: {missing}, unknown: {unknown})")
    return values


def _education(node: Node) -> EducationFactor:
    label, cap, source = _header(node)
    return EducationFactor(
        label,
        cap,
        source,
        degree_points=_complete_map(node.key("degree_points"), DEGREES, cap),
        vocational_points=_complete_map(node.key("vocational_points"), VOCATIONAL_LEVELS, cap),
    )


def _experience(node: Node) -> ExperienceFactor:
    label, cap, source = _header(node)
    if node.key("partial_years").text() != "floor":
        node.key("partial_years").fail("only 'floor' (whole years count) is supported")
    return ExperienceFactor(
        label,
        cap,
        source,
        min_years=node.key("min_years").integer(),
        points_at_min=_points(node.key("points_at_min"), cap),
        points_per_further_year=node.key("points_per_further_year").integer(),
    )


def _chinese(node: Node) -> ChineseFactor:
    label, cap, source = _header(node)
    hsk_node = node.key("hsk_points")
    hsk: dict[int, int] = {}
    for key, value in hsk_node.items():
        if isinstance(key, bool) or not isinstance(key, int) or key not in HSK_LEVELS:
            hsk_node.fail(f"keys must be HSK levels 0..6, got {key!r}")
        hsk[key] = _points(value, cap)
    if sorted(hsk) != list(HSK_LEVELS):
        hsk_node.fail("must give points for every HSK level 0..6")
    if any(hsk[level] > hsk[level + 1] for level in range(6)):
        hsk_node.fail("a higher HSK level must never give fewer points")
    return ChineseFactor(
        label,
        cap,
        source,
        former_chinese_national=_points(node.key("former_chinese_national"), cap),
        degree_taught_in_chinese=_points(node.key("degree_taught_in_chinese"), cap),
        hsk_points=hsk,
    )


def _location(node: Node) -> LocationFactor:
    label, cap, source = _header(node)
    return LocationFactor(
        label,
        cap,
        source,
        western=_points(node.key("western"), cap),
        northeast=_points(node.key("northeast"), cap),
        special_area=_points(node.key("special_area"), cap),
    )


def _age(node: Node) -> AgeFactor:
    label, cap, source = _header(node)
    bands_node = node.key("bands")
    bands = tuple(
        AgeBand(min=e.key("min").integer(), max=e.key("max").integer(), points=_points(e.key("points"), cap))
        for e in bands_node.elements()
    )
    for index, band in enumerate(bands):
        if band.min > band.max:
            bands_node.fail(f"band {index} starts after it ends")
        if index and band.min <= bands[index - 1].max:
            bands_node.fail(f"band {index} overlaps the band before it (bands must ascend)")
    return AgeFactor(label, cap, source, bands)


def _excellence(node: Node) -> ExcellenceFactor:
    label, cap, source = _header(node)
    return ExcellenceFactor(
        label,
        cap,
        source,
        points=_points(node.key("points"), cap),
        years_in_china_min=node.key("years_in_china_min").integer(minimum=1),
    )


def _local_bonus(node: Node) -> LocalBonusFactor:
    label, cap, source = _header(node)
    return LocalBonusFactor(label, cap, source)
