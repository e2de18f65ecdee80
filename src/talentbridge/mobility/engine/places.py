"""Resolve the offer's work city and province to ids of the rules data (names in English or Chinese)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from talentbridge.mobility.engine._notes import Notes
from talentbridge.mobility.engine.types import OfferFacts
from talentbridge.mobility.rules.names import normalise_place
from talentbridge.mobility.rules.ruleset import Regions, WesternPrefecture


@dataclass(frozen=True)
class WorkPlace:
    """Where the job is, as far as the rules data can tell (``None`` = not known)."""

    city: str | None
    province: str | None
    prefecture: WesternPrefecture | None
    city_name: str | None


def resolve_work_place(offer: OfferFacts, regions: Regions, notes: Notes) -> WorkPlace:
    """City and province ids; an unrecognised name becomes unknown with a warning, never a guess."""
    city = _lookup(offer.work_city, regions.city_names)
    province = _lookup(offer.work_province, regions.province_names)
    prefecture = _prefecture(offer.work_city, regions)
    if offer.work_city and city is None and prefecture is None:
        notes.warn(
            "work_city_unrecognised",
            f"The work city {offer.work_city!r} is not in the rules data, so no local wage figure applies.",
        )
    if offer.work_province and province is None:
        notes.warn(
            "work_province_unrecognised",
            f"The work province {offer.work_province!r} is not a recognised Chinese province name.",
        )
    city_province = regions.city_province.get(city) if city else (prefecture.province if prefecture else None)
    if province and city_province and province != city_province:
        notes.warn(
            "work_place_conflict",
            f"The work city {offer.work_city!r} lies in {regions.display(city_province)}, "
            f"not in {offer.work_province!r}; the stated province is used for the work-location points.",
        )
    if city is None and province is not None and province in regions.city_province:
        city = province  # a municipality (Beijing, Shanghai, ...) is its own city
    return WorkPlace(
        city=city, province=province or city_province, prefecture=prefecture, city_name=offer.work_city
    )


def _lookup(name: str | None, names: Mapping[str, str]) -> str | None:
    return names.get(normalise_place(name)) if name else None


def _prefecture(name: str | None, regions: Regions) -> WesternPrefecture | None:
    if not name:
        return None
    key = normalise_place(name)
    for prefecture in regions.western_prefectures:
        if key in {normalise_place(alias) for alias in prefecture.names}:
            return prefecture
    return None
