"""Score each row of the points table (积分要素计分赋值表) with a reason; unknown facts give a range.

Every number comes from the rule set. A factor whose facts are unknown is reported with
``points=None`` and the range it could still take (``points_min``..``points_max_possible``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from talentbridge.mobility.engine._notes import Notes
from talentbridge.mobility.engine.places import WorkPlace
from talentbridge.mobility.engine.types import FactorResult, OfferFacts, PersonFacts
from talentbridge.mobility.rules.ruleset import AgeFactor, Band, PointsTable, RuleSet

# How far ahead an age-band change is flagged: a typical work-permit application takes weeks.
AGE_BAND_LOOKAHEAD = timedelta(days=90)
DEGREE_NAMES = {
    "none": "No degree",
    "bachelor": "Bachelor's degree",
    "master": "Master's degree",
    "doctorate": "Doctorate",
}
VOCATIONAL_NAMES = {
    "none": "no vocational qualification",
    "senior_worker": "senior worker (高级工)",
    "technician": "technician (技师)",
    "senior_technician": "senior technician (高级技师)",
    "international_top": "highest-level international vocational-skill certificate",
}


def cny(amount: Decimal) -> str:
    return f"{amount:,.0f} CNY"


def age_on(birth_date: date, at: date) -> int:
    """Full years of age on ``at`` (the table's reference date is not stated; the assessment date is used)."""
    return at.year - birth_date.year - ((at.month, at.day) < (birth_date.month, birth_date.day))


def score_factors(
    person: PersonFacts, offer: OfferFacts, place: WorkPlace, at: date, rules: RuleSet, notes: Notes
) -> tuple[FactorResult, ...]:
    table = rules.points
    return (
        _salary(offer, table, notes),
        _education(person, table, notes),
        _experience(person, table, notes),
        _months(offer, table, notes),
        _chinese(person, table, notes),
        _location(place, rules, notes),
        _age(person, at, table.age, notes),
        _excellence(person, table, notes),
        _local_bonus(table),
    )


def sentence(text: str) -> str:
    """Upper-case the first letter only (``str.capitalize`` would lower-case the rest)."""
    return text[:1].upper() + text[1:]


def known(factor: str, points: int, cap: int, reason: str) -> FactorResult:
    return FactorResult(factor, points, cap, reason, points_min=points, points_max_possible=points)


def open_range(factor: str, low: int, high: int, cap: int, reason: str) -> FactorResult:
    if low == high:
        return known(factor, low, cap, reason)
    return FactorResult(factor, None, cap, reason, points_min=low, points_max_possible=high)


def band_for(value: Decimal, bands: Sequence[Band]) -> Band:
    """The highest band whose lower bound the value reaches (bands are sorted highest first)."""
    return next(band for band in bands if value >= band.min)


def _salary(offer: OfferFacts, table: PointsTable, notes: Notes) -> FactorResult:
    factor = table.salary
    if offer.annual_salary_cny is None:
        notes.missing_fact("annual_salary_cny")
        return open_range("salary", 0, factor.max, factor.max, "Annual salary unknown.")
    band = band_for(offer.annual_salary_cny, factor.bands)
    higher = [b for b in factor.bands if b.min > band.min]
    upper = f" and below {cny(higher[-1].min)}" if higher else ""
    salary = cny(offer.annual_salary_cny)
    reason = f"Annual salary {salary} is at least {cny(band.min)}{upper}: {band.points} points."
    return known("salary", band.points, factor.max, reason)


def _education(person: PersonFacts, table: PointsTable, notes: Notes) -> FactorResult:
    factor = table.education
    parts: list[str] = []
    known_points: list[int] = []
    open_high = 0
    if person.highest_degree is None:
        open_high = max(factor.degree_points.values())
    else:
        points = factor.degree_points[person.highest_degree]
        known_points.append(points)
        parts.append(f"{DEGREE_NAMES[person.highest_degree]} ({points})")
    if person.vocational_level is None:
        open_high = max(open_high, *factor.vocational_points.values())
    else:
        points = factor.vocational_points[person.vocational_level]
        known_points.append(points)
        parts.append(f"{VOCATIONAL_NAMES[person.vocational_level]} ({points})")
    low = max(known_points, default=0)
    high = max(low, open_high)
    if high > low:
        for name, value in (
            ("highest_degree", person.highest_degree),
            ("vocational_level", person.vocational_level),
        ):
            if value is None:
                notes.missing_fact(name)
    stated = "; ".join(parts) if parts else "Degree and vocational qualification unknown"
    if low == high:
        return known("education", low, factor.max, f"{stated}: the better one counts, {low} points.")
    return open_range(
        "education", low, high, factor.max, f"{stated}; the unknown one could give up to {high} points."
    )


def _experience(person: PersonFacts, table: PointsTable, notes: Notes) -> FactorResult:
    factor = table.experience
    years = person.relevant_experience_years
    if years is None:
        notes.missing_fact("relevant_experience_years")
        return open_range("experience", 0, factor.max, factor.max, "Relevant work experience unknown.")
    whole = math.floor(years)
    if whole != years:
        notes.warn(
            "experience_partial_years",
            f"{years:g} years of experience were counted as {whole}: "
            "the table does not say how partial years count.",
        )
    if whole < factor.min_years:
        reason = f"{whole} full years of relevant experience is under {factor.min_years} years: 0 points."
        return known("experience", 0, factor.max, reason)
    points = min(
        factor.max, factor.points_at_min + (whole - factor.min_years) * factor.points_per_further_year
    )
    reason = (
        f"{whole} full years of relevant experience: {factor.points_at_min} for {factor.min_years} years "
        f"+ {factor.points_per_further_year} per further year, capped at {factor.max}: {points} points."
    )
    return known("experience", points, factor.max, reason)


def _months(offer: OfferFacts, table: PointsTable, notes: Notes) -> FactorResult:
    factor = table.months_in_china
    months = offer.months_in_china_per_year
    if months is None:
        notes.missing_fact("months_in_china_per_year")
        return open_range("months_in_china", 0, factor.max, factor.max, "Months in China per year unknown.")
    band = band_for(Decimal(str(months)), factor.bands)
    reason = f"{months:g} months a year in China (band from {band.min:g} months): {band.points} points."
    return known("months_in_china", band.points, factor.max, reason)


def _chinese(person: PersonFacts, table: PointsTable, notes: Notes) -> FactorResult:
    factor = table.chinese_language
    items: list[tuple[int, str]] = []
    if person.former_chinese_national:
        items.append((factor.former_chinese_national, "former Chinese national"))
    if person.degree_taught_in_chinese:
        items.append((factor.degree_taught_in_chinese, "degree taught in Chinese"))
    if person.hsk_level is not None:
        items.append((factor.hsk_points[person.hsk_level], f"HSK level {person.hsk_level}"))
    low = min(factor.max, max((points for points, _ in items), default=0))
    high = low if person.hsk_level is not None else min(factor.max, max(low, *factor.hsk_points.values()))
    listed = ", ".join(f"{label} ({points})" for points, label in items) or "no Chinese-language item"
    if high > low:
        notes.missing_fact("hsk_level")
        return open_range(
            "chinese_language", low, high, factor.max, f"{sentence(listed)}; HSK level unknown."
        )
    best = max(items, default=(0, ""))
    if person.hsk_level and best[1].startswith("HSK") and best[0] > 0:
        notes.warn(
            "hsk_version",
            "HSK levels are scored as HSK 2.0 levels: "
            "there is no official guidance on how HSK 3.0 levels count.",
        )
    reason = f"{sentence(listed)}: the single best item counts, {low} points."
    return known("chinese_language", low, factor.max, reason)


def _location(place: WorkPlace, rules: RuleSet, notes: Notes) -> FactorResult:
    factor = rules.points.work_location
    regions = rules.regions
    if place.prefecture is not None:
        if place.prefecture.disputed:
            notes.warn(
                "region_definition",
                f"{place.city_name} counts as western only in some readings of the policy.",
            )
        reason = f"{place.city_name} is a prefecture treated as western region: {factor.western} points."
        return known("work_location", factor.western, factor.max, reason)
    if place.province is None:
        notes.missing_fact("work_province")
        return open_range("work_location", 0, factor.max, factor.max, "Work province unknown.")
    province = regions.display(place.province)
    if place.province in regions.western:
        if place.province in regions.western_disputed:
            notes.warn(
                "region_definition",
                f"The table does not define the western region; some sources leave {province} out of it.",
            )
        reason = f"{province} is in the western region: {factor.western} points."
        return known("work_location", factor.western, factor.max, reason)
    if place.province in regions.northeast:
        notes.warn(
            "region_definition",
            "The table does not define the north-east old industrial base; "
            "Liaoning, Jilin and Heilongjiang are assumed.",
        )
        reason = f"{province} is a north-east old industrial base: {factor.northeast} points."
        return known("work_location", factor.northeast, factor.max, reason)
    if place.city is None and any(p.province == place.province for p in regions.western_prefectures):
        notes.missing_fact("work_city")
        reason = (
            f"{province} is not western, but some of its prefectures count as western; work city unknown."
        )
        return open_range("work_location", 0, factor.western, factor.max, reason)
    reason = (
        f"{province} is neither western nor north-eastern: 0 points (national-level poverty counties and "
        f"other special areas would give {factor.special_area}, but they are not in the rules data)."
    )
    return known("work_location", 0, factor.max, reason)


def _age_points(age: int, factor: AgeFactor) -> int:
    return next((band.points for band in factor.bands if band.min <= age <= band.max), 0)


def _age(person: PersonFacts, at: date, factor: AgeFactor, notes: Notes) -> FactorResult:
    if person.birth_date is None:
        notes.missing_fact("birth_date")
        return open_range("age", 0, factor.max, factor.max, "Date of birth unknown.")
    age = age_on(person.birth_date, at)
    points = _age_points(age, factor)
    band = next((b for b in factor.bands if b.min <= age <= b.max), None)
    if band is not None:
        reason = f"Age {age} on {at.isoformat()} is in the band {band.min}-{band.max}: {points} points."
    elif age < factor.bands[0].min:
        reason = f"Age {age} on {at.isoformat()} is under {factor.bands[0].min}: no band, 0 points."
    else:
        reason = f"Age {age} on {at.isoformat()} is over {factor.bands[-1].max}: 0 points."
    later = at + AGE_BAND_LOOKAHEAD
    if _age_points(age_on(person.birth_date, later), factor) != points:
        notes.warn(
            "age_band_changes_soon",
            f"The age points change from {points} before {later.isoformat()} (birthday); "
            "the table does not say whether age counts on the application or the decision date.",
        )
    return known("age", points, factor.max, reason)


def _excellence(person: PersonFacts, table: PointsTable, notes: Notes) -> FactorResult:
    factor = table.excellence_group
    items = [
        label
        for flag, label in (
            (person.top_university_graduate, "high-level foreign university graduate"),
            (person.fortune500_experience, "Fortune Global 500 experience"),
            (person.has_patents, "patents or other intellectual property"),
        )
        if flag
    ]
    china_years = person.years_worked_in_china
    if china_years is not None and china_years >= factor.years_in_china_min:
        items.append(f"{china_years:g} years worked in China")
        notes.warn(
            "china_years_continuous",
            f"The table asks for {factor.years_in_china_min} years worked in China continuously; "
            "check there was no break.",
        )
    if person.top_university_graduate:
        notes.warn(
            "top_university_undefined",
            "The 2017 table gives no list of 'high-level foreign universities' "
            "(the 2016 table said world top 100).",
        )
    if items:
        reason = f"{sentence('; '.join(items))}: the group counts once, {factor.points} points."
        return known("excellence_group", factor.points, factor.max, reason)
    if china_years is None:
        notes.missing_fact("years_worked_in_china")
        reason = "No top university, Fortune 500 or patents; years worked in China unknown."
        return open_range("excellence_group", 0, factor.points, factor.max, reason)
    return known("excellence_group", 0, factor.max, "No item of the group applies: 0 points.")


def _local_bonus(table: PointsTable) -> FactorResult:
    factor = table.local_bonus
    reason = (
        f"Not assessed: each province sets its own criteria for up to {factor.max} points "
        "(not in the rules data)."
    )
    return known("local_bonus", 0, factor.max, reason)
