"""Build the engine's ``PersonFacts`` and ``OfferFacts`` from what TalentBridge stores.

The person record gives date of birth, degrees, work history and languages; the mobility
``PermitFacts`` record adds what the record lacks (vocational level, a certified HSK level or
certified relevant experience that override what the record suggests, the 5-point items, direct
criteria). ``OfferTerms`` give the offer; the work city defaults to the job's hub when it is in China.

Unknown stays unknown: no degree on record is an unknown degree, not "none"; a person with no
Chinese on record has an unknown HSK level, not 0. Each fact carries where it came from, so the
work-permit tab can say "experience: 6.5 years from the work history (not certified)".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from talentbridge.jobs.enums import DegreeLevel
from talentbridge.kit.levels import LanguageLevel
from talentbridge.mobility.engine.types import Degree, OfferFacts, PersonFacts, Vocational
from talentbridge.mobility.models import OfferTerms, PermitFacts
from talentbridge.people.models import Education, Experience, PersonLanguage

DAYS_PER_YEAR = 365.25
CHINA = "CN"
CHINESE_LANGUAGES = frozenset({"zh", "zh-hans", "zh-hant", "cmn"})
_DEGREES: dict[DegreeLevel, Degree] = {
    DegreeLevel.NONE: "none",
    DegreeLevel.SECONDARY: "none",
    DegreeLevel.ASSOCIATE: "none",
    DegreeLevel.BACHELOR: "bachelor",
    DegreeLevel.MASTER: "master",
    DegreeLevel.DOCTORATE: "doctorate",
}


@dataclass(frozen=True)
class PersonRecordFacts:
    """The parts of a person record the assessment reads (loaded by the service)."""

    date_of_birth: date | None
    educations: Sequence[Education]
    experiences: Sequence[Experience]
    languages: Sequence[PersonLanguage]


@dataclass(frozen=True)
class BuiltFacts:
    """The facts for the engine and, per fact, where it came from (for the tab)."""

    person: PersonFacts
    offer: OfferFacts
    origins: dict[str, str] = field(default_factory=dict)


def highest_degree(educations: Sequence[Education]) -> Degree | None:
    """The highest degree on record, or None when no education is recorded."""
    if not educations:
        return None
    order = tuple(DegreeLevel)
    best = max((education.degree_level for education in educations), key=order.index)
    return _DEGREES[best]


def _merged_years(spans: list[tuple[date, date]]) -> float:
    """Years covered by the spans, overlaps counted once (two parallel jobs are not double experience)."""
    total_days = 0
    current_start: date | None = None
    current_end: date | None = None
    for start, end in sorted(spans):
        if current_end is None or current_start is None or start > current_end:
            if current_start is not None and current_end is not None:
                total_days += (current_end - current_start).days
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_start is not None and current_end is not None:
        total_days += (current_end - current_start).days
    return round(total_days / DAYS_PER_YEAR, 1)


def _spans(
    experiences: Sequence[Experience], at: date, *, country: str | None = None
) -> list[tuple[date, date]]:
    spans = []
    for experience in experiences:
        if experience.start_date is None or (country is not None and experience.country != country):
            continue
        end = min(experience.end_date or at, at)
        if end > experience.start_date:
            spans.append((experience.start_date, end))
    return spans


def experience_years(experiences: Sequence[Experience], at: date) -> float | None:
    """Years of work history up to ``at`` (overlaps once), or None when no position has a start date."""
    if not any(experience.start_date is not None for experience in experiences):
        return None
    return _merged_years(_spans(experiences, at))


def china_years(experiences: Sequence[Experience], at: date) -> float | None:
    """Years worked in China per the work history; None unless every dated position names its country."""
    dated = [experience for experience in experiences if experience.start_date is not None]
    if not dated or any(experience.country is None for experience in dated):
        return None
    return _merged_years(_spans(dated, at, country=CHINA))


def hsk_from_languages(languages: Sequence[PersonLanguage]) -> int | None:
    """The HSK level stated for Chinese (1-6); None when Chinese is absent or stated on another scale.

    A native speaker has no HSK level to count; CEFR levels have no official HSK mapping
    (china_rules.md section 6, item 15).
    """
    for language in languages:
        if language.language.lower() in CHINESE_LANGUAGES and language.level.scale == "hsk":
            return LanguageLevel(language.level).rank
    return None


def build_person_facts(
    record: PersonRecordFacts, permit: PermitFacts | None, at: date
) -> tuple[PersonFacts, dict[str, str]]:
    """The engine's person facts, with the origin of each derived fact."""
    origins: dict[str, str] = {}
    degree = highest_degree(record.educations)
    origins["highest_degree"] = "record" if degree is not None else "unknown"
    origins["birth_date"] = "record" if record.date_of_birth is not None else "unknown"
    experience: float | None
    if permit is not None and permit.relevant_experience_years is not None:
        experience, origins["relevant_experience_years"] = permit.relevant_experience_years, "certified"
    else:
        experience = experience_years(record.experiences, at)
        origins["relevant_experience_years"] = "work_history" if experience is not None else "unknown"
    hsk: int | None
    if permit is not None and permit.hsk_level is not None:
        hsk, origins["hsk_level"] = permit.hsk_level, "certified"
    else:
        hsk = hsk_from_languages(record.languages)
        origins["hsk_level"] = "languages" if hsk is not None else "unknown"
    in_china: float | None
    if permit is not None and permit.years_worked_in_china is not None:
        in_china, origins["years_worked_in_china"] = permit.years_worked_in_china, "stated"
    else:
        in_china = china_years(record.experiences, at)
        origins["years_worked_in_china"] = "work_history" if in_china is not None else "unknown"
    facts = PersonFacts(
        birth_date=record.date_of_birth,
        highest_degree=degree,
        vocational_level=cast(Vocational | None, permit.vocational_level if permit else None),
        relevant_experience_years=experience,
        hsk_level=hsk,
        former_chinese_national=bool(permit and permit.former_chinese_national),
        degree_taught_in_chinese=bool(permit and permit.degree_taught_in_chinese),
        top_university_graduate=bool(permit and permit.top_university_graduate),
        fortune500_experience=bool(permit and permit.fortune500_experience),
        has_patents=bool(permit and permit.has_patents),
        years_worked_in_china=in_china,
        direct_criteria=tuple(permit.direct_criteria) if permit else (),
    )
    return facts, origins


def build_offer_facts(
    terms: OfferTerms | None, *, hub_city: str | None, hub_country: str | None
) -> tuple[OfferFacts, dict[str, str]]:
    """The engine's offer facts: the offer terms, with the hub's city when the hub is in China."""
    origins: dict[str, str] = {}
    city = terms.work_city if terms is not None else None
    if city:
        origins["work_city"] = "offer"
    elif hub_country == CHINA and hub_city:
        city, origins["work_city"] = hub_city, "hub"
    else:
        origins["work_city"] = "unknown"
    # The engine finds the province of a known city itself (rules data), so only a stated one is passed.
    province = terms.work_province if terms is not None else None
    origins["work_province"] = "offer" if province else ("city" if city else "unknown")
    offer = OfferFacts(
        annual_salary_cny=terms.annual_salary_cny if terms is not None else None,
        months_in_china_per_year=terms.months_in_china_per_year if terms is not None else None,
        work_city=city,
        work_province=province,
    )
    return offer, origins
