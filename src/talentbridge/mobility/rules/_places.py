"""Parse and check the region lists, the city wage figures and the local variants."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from talentbridge.mobility.rules._reader import Node
from talentbridge.mobility.rules.names import normalise_place
from talentbridge.mobility.rules.ruleset import (
    CategoryName,
    LocalVariant,
    Regions,
    SalaryRoute,
    WageFigure,
    WesternPrefecture,
)


def parse_regions(root: Node) -> Regions:
    """Province/city names and the western / north-eastern lists (every id must be a province)."""
    province_names: dict[str, str] = {}
    display_names: dict[str, str] = {}
    provinces_node = root.key("provinces")
    for province_id, names in provinces_node.items():
        _register_names(province_names, str(province_id), names)
        display_names[str(province_id)] = names.texts()[0] if names.texts() else str(province_id)
    known = set(province_names.values())

    def province_set(key: str) -> frozenset[str]:
        node = root.key(key)
        ids = node.texts()
        for unknown in [pid for pid in ids if pid not in known]:
            node.fail(f"{unknown!r} is not a province listed under 'provinces'")
        return frozenset(ids)

    city_names: dict[str, str] = {}
    city_province: dict[str, str] = {}
    for city_id, city in root.key("cities").items():
        city_province[str(city_id)] = _province_of(city, known)
        _register_names(city_names, str(city_id), city.key("names"))
        display_names[str(city_id)] = (
            city.key("names").texts()[0] if city.key("names").texts() else str(city_id)
        )
    prefectures = tuple(
        WesternPrefecture(
            id=str(prefecture_id),
            province=_province_of(node, known),
            names=node.key("names").texts(),
            disputed=node.key("disputed").flag(),
        )
        for prefecture_id, node in root.key("western_prefectures").items()
    )
    western = province_set("western_provinces")
    disputed = province_set("western_disputed")
    if not disputed <= western:
        root.key("western_disputed").fail("every disputed province must also be in western_provinces")
    return Regions(
        western=western,
        western_disputed=disputed,
        northeast=province_set("northeast_provinces"),
        western_prefectures=prefectures,
        province_names=province_names,
        city_names=city_names,
        city_province=city_province,
        display_names=display_names,
    )


def _register_names(names: dict[str, str], place_id: str, node: Node) -> None:
    for element, name in zip(node.elements(), node.texts(), strict=True):
        key = normalise_place(name)
        if names.get(key, place_id) != place_id:
            element.fail(f"the name {name!r} is already used for {names[key]!r}")
        names[key] = place_id
    names.setdefault(normalise_place(place_id), place_id)


def _province_of(node: Node, known: set[str]) -> str:
    province = node.key("province").text()
    if province not in known:
        node.key("province").fail(f"{province!r} is not a province listed under 'provinces'")
    return province


def parse_wages(
    root: Node, regions: Regions, routes: Mapping[CategoryName, SalaryRoute]
) -> dict[str, tuple[WageFigure, ...]]:
    """City wage histories, newest first; published thresholds must match multiple x average."""
    wages: dict[str, tuple[WageFigure, ...]] = {}
    for city_id, history in root.key("cities").items():
        city = str(city_id)
        if city not in regions.city_province:
            root.key("cities").fail(f"{city!r} is not a city listed in the regions file")
        figures = tuple(_wage_figure(city, node, routes) for node in history.elements())
        if not figures:
            history.fail("needs at least one entry (use null figures with a note when missing)")
        dated = [figure for figure in figures if figure.applies_from is not None]
        if len({figure.applies_from for figure in dated}) != len(dated):
            history.fail("two entries have the same applies_from date")
        wages[city] = tuple(
            sorted(figures, key=lambda f: (f.applies_from is not None, f.applies_from), reverse=True)
        )
    return wages


def _wage_figure(city: str, node: Node, routes: Mapping[CategoryName, SalaryRoute]) -> WageFigure:
    average = node.optional("annual_average_wage_cny")
    figure = WageFigure(
        city=city,
        applies_from=_optional_day(node, "applies_from"),
        data_year=_optional_year(node, "data_year"),
        annual_average_wage_cny=average.decimal() if average else None,
        denominator=_optional_text(node, "denominator"),
        source=_optional_text(node, "source"),
        note=_optional_text(node, "note"),
    )
    if figure.annual_average_wage_cny is None:
        if figure.note is None:
            node.fail("a missing figure (null annual_average_wage_cny) needs a note saying why")
        return figure
    if figure.applies_from is None or figure.source is None:
        node.fail("a figure needs applies_from and source")
    published = node.optional("published_thresholds_cny")
    if published is not None:
        for category, threshold in published.items():
            route = routes.get("A" if category == "A" else "B") if category in ("A", "B") else None
            if route is None:
                published.fail(f"unknown category {category!r}")
            expected = route.multiple * figure.annual_average_wage_cny
            if threshold.decimal() != expected:
                threshold.fail(f"is {threshold.value} but {route.multiple} x the average is {expected}")
    return figure


def _optional_text(node: Node, key: str) -> str | None:
    value = node.optional(key)
    return value.text() if value else None


def _optional_day(node: Node, key: str) -> date | None:
    value = node.optional(key)
    return value.day() if value else None


def _optional_year(node: Node, key: str) -> int | None:
    value = node.optional(key)
    return value.integer(minimum=1990) if value else None


def parse_variants(root: Node, regions: Regions) -> tuple[LocalVariant, ...]:
    """Local variants, each matched by a province id or a city id from the regions file."""
    variants = []
    for variant_id, node in root.key("variants").items():
        match = node.key("match")
        province = _optional_text(match, "province")
        city = _optional_text(match, "city")
        if (province is None) == (city is None):
            match.fail("give exactly one of 'province' or 'city'")
        if province is not None and province not in set(regions.province_names.values()):
            match.key("province").fail(f"{province!r} is not a province in the regions file")
        if city is not None and city not in regions.city_province:
            match.key("city").fail(f"{city!r} is not a city in the regions file")
        variants.append(
            LocalVariant(
                str(variant_id), province, city, node.key("message").text(), node.key("source").text()
            )
        )
    return tuple(variants)


def parse_salary_routes(node: Node) -> dict[CategoryName, SalaryRoute]:
    routes: dict[CategoryName, SalaryRoute] = {}
    categories: tuple[CategoryName, ...] = ("A", "B")
    for category in categories:
        route = node.key(category)
        multiple = route.key("multiple").decimal()
        if multiple <= Decimal(0):
            route.key("multiple").fail("must be positive")
        routes[category] = SalaryRoute(multiple, route.key("source").text())
    if not routes["A"].multiple > routes["B"].multiple:
        node.fail("the A multiple must be above the B multiple")
    return routes
