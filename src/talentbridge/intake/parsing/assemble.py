"""Runs the extractors over the normalised text and builds the JSON Resume document + evidence.

The document must load through ``people.interchange.json_resume_to_person_data`` and validate as
``PersonCreate``; entries missing a required part (a position without an employer, a degree without
an institution) are therefore kept out of ``work``/``education`` and listed under
``meta.talentbridge_parser`` with a warning, so nothing extracted is silently dropped.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from talentbridge.intake.parsing.achievements import find_awards, find_publications
from talentbridge.intake.parsing.contacts import (
    display_latin,
    find_emails,
    find_links,
    find_location,
    find_name,
    find_phones,
    split_chinese,
    split_latin,
)
from talentbridge.intake.parsing.data import degrees, language_data
from talentbridge.intake.parsing.education import find_degrees
from talentbridge.intake.parsing.experience import experience_years, find_positions
from talentbridge.intake.parsing.languages import find_languages
from talentbridge.intake.parsing.sections import segment
from talentbridge.intake.parsing.skills import find_skills
from talentbridge.intake.parsing.text import evidence
from talentbridge.intake.parsing.types import FieldEvidence

MIN_YEAR, MAX_YEAR = 1900, 2100
_DEGREE_RANK = {"secondary": 1, "associate": 2, "bachelor": 3, "master": 4, "doctorate": 5}


class _Collector:
    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[FieldEvidence] = []

    def add(self, path: str, value: str, span: tuple[int, int] | None, confidence: float) -> None:
        start, end = span if span else (None, None)
        self.items.append(evidence(self.text, path, value, start, end, confidence))


def extract(text: str, today: date) -> tuple[dict[str, Any], list[FieldEvidence], list[str]]:
    """(JSON Resume document, evidence, warnings) for a normalised résumé text."""
    sections = segment(text)
    found = _Collector(text)
    warnings: list[str] = []
    basics: dict[str, Any] = {}
    extension: dict[str, Any] = {}
    parser_meta: dict[str, Any] = {"sections": sorted({s.name for s in sections})}

    name = find_name(text, sections)
    if name.latin is not None:
        latin = display_latin(name.latin.value)
        basics["name"] = latin
        found.add("basics.name", latin, (name.latin.start, name.latin.end), name.latin.confidence)
        extension["first_name"], extension["last_name"] = split_latin(latin)
    if name.native is not None:
        native = name.native.value
        extension["native_name"] = native
        found.add(
            "meta.talentbridge.native_name",
            native,
            (name.native.start, name.native.end),
            name.native.confidence,
        )
        if name.latin is None:
            basics["name"] = native
            found.add("basics.name", native, (name.native.start, name.native.end), name.native.confidence)
            extension["first_name"], extension["last_name"] = split_chinese(native)
    if "name" not in basics:
        warnings.append("no name found")

    emails = find_emails(text)
    if emails:
        basics["email"] = emails[0].value
        found.add("basics.email", emails[0].value, (emails[0].start, emails[0].end), emails[0].confidence)
        if len(emails) > 1:
            extension["emails"] = [e.value for e in emails[:20]]
            for index, item in enumerate(emails[1:20], start=1):
                found.add(
                    f"meta.talentbridge.emails[{index}]",
                    item.value,
                    (item.start, item.end),
                    item.confidence - 0.1,
                )
    else:
        warnings.append("no e-mail address found")

    location = find_location(text, sections)
    if location is not None:
        basics["location"] = {
            key: value for key, value in (("city", location.city), ("countryCode", location.country)) if value
        }
        span = (location.found.start, location.found.end)
        if location.city:
            found.add("basics.location.city", location.city, span, location.found.confidence)
        if location.country:
            found.add("basics.location.countryCode", location.country, span, location.found.confidence - 0.1)

    phones = find_phones(text, sections, location.country if location else None)
    if phones:
        basics["phone"] = phones[0].value
        found.add("basics.phone", phones[0].value, (phones[0].start, phones[0].end), phones[0].confidence)
        if len(phones) > 1:
            extension["phones"] = [{"number": p.value} for p in phones[:20]]
    else:
        warnings.append("no phone number found")

    links = find_links(text, emails)
    profiles: list[dict[str, str]] = []
    for link in links:
        span = (link.found.start, link.found.end)
        if link.kind == "website":
            basics["url"] = link.url
            found.add("basics.url", link.url, span, link.found.confidence)
            continue
        found.add(f"basics.profiles[{len(profiles)}].url", link.url, span, link.found.confidence)
        profile = {"network": link.network, "url": link.url}
        if link.username:
            profile["username"] = link.username
        profiles.append(profile)
    if profiles:
        basics["profiles"] = profiles
    parser_meta["links"] = {link.kind: link.url for link in links}

    work, total_years, relevant_years = _work(text, sections, found, warnings, parser_meta, today)
    education = _education(text, sections, found, warnings, parser_meta)
    skills = _skills(text, sections, found, parser_meta)
    languages = _languages(text, sections, found, parser_meta)
    awards, publications = _achievements(text, sections, found, parser_meta)
    if work and "endDate" not in work[0]:
        basics["label"] = work[0]["position"]
    parser_meta["total_years"] = total_years
    parser_meta["relevant_years"] = relevant_years
    document: dict[str, Any] = {"basics": basics}
    for key, value in (
        ("work", work),
        ("education", education),
        ("skills", skills),
        ("languages", languages),
        ("awards", awards),
        ("publications", publications),
    ):
        if value:
            document[key] = value
    document["meta"] = {"talentbridge": extension, "talentbridge_parser": parser_meta}
    return document, found.items, warnings


def _in_years(year: int | None) -> int | None:
    return year if year is not None and MIN_YEAR <= year <= MAX_YEAR else None


def _work(
    text: str, sections: Any, found: _Collector, warnings: list[str], meta: dict[str, Any], today: date
) -> tuple[list[dict[str, Any]], float, float]:
    positions = find_positions(text, sections)
    total, relevant = experience_years(positions, today)
    complete = [p for p in positions if p.title and p.employer]
    incomplete = [p for p in positions if not (p.title and p.employer)]
    complete.sort(key=lambda p: (p.range.end is not None, -p.range.start.as_months(end=False)))
    work = []
    for index, position in enumerate(complete):
        item: dict[str, Any] = {
            "name": position.employer[:200],
            "position": position.title[:200],
            "startDate": position.range.start.iso(),
        }
        if position.range.end is not None:
            item["endDate"] = position.range.end.iso()
        if position.description:
            item["summary"] = position.description
        work.append(item)
        found.add(f"work[{index}].name", item["name"], position.employer_span, position.confidence)
        found.add(f"work[{index}].position", item["position"], position.title_span, position.confidence)
        found.add(f"work[{index}].startDate", item["startDate"], position.date_span, 0.9)
        found.add(f"work[{index}].endDate", item.get("endDate", "present"), position.date_span, 0.9)
    if incomplete:
        warnings.append(f"{len(incomplete)} position(s) without a recognisable title or employer")
        meta["incomplete_work"] = [
            {
                "title": p.title,
                "employer": p.employer,
                "startDate": p.range.start.iso(),
                "endDate": p.range.end.iso() if p.range.end else None,
            }
            for p in incomplete
        ]
    if positions:
        found.add("meta.talentbridge_parser.total_years", str(total), None, 0.8)
    return work, total, relevant


def _education(
    text: str, sections: Any, found: _Collector, warnings: list[str], meta: dict[str, Any]
) -> list[dict[str, Any]]:
    entries = find_degrees(text, sections)
    study_types = degrees().study_type
    result: list[dict[str, Any]] = []
    levels = []
    incomplete = []
    for entry in entries:
        if entry.level:
            levels.append(entry.level)
        if not (entry.level and entry.institution):
            incomplete.append(
                {"level": entry.level, "institution": entry.institution, "area": entry.field_of_study}
            )
            continue
        index = len(result)
        item: dict[str, Any] = {"institution": entry.institution[:200], "studyType": study_types[entry.level]}
        if entry.field_of_study:
            item["area"] = entry.field_of_study[:200]
            found.add(f"education[{index}].area", item["area"], entry.field_span, 0.75)
        start, end = _in_years(entry.start_year), _in_years(entry.end_year)
        if start is not None and (end is None or end >= start):
            item["startDate"] = str(start)
        if end is not None:
            item["endDate"] = str(end)
        if entry.years_span and (start or end):
            found.add(f"education[{index}].endDate", str(end or ""), entry.years_span, 0.85)
        if entry.score:
            item["score"] = entry.score
        result.append(item)
        found.add(f"education[{index}].studyType", item["studyType"], entry.level_span, 0.9)
        found.add(f"education[{index}].institution", item["institution"], entry.institution_span, 0.85)
    if incomplete:
        warnings.append(f"{len(incomplete)} education entr(y/ies) without a degree level or institution")
        meta["incomplete_education"] = incomplete
    if levels:
        meta["degree_levels"] = levels
        meta["highest_degree"] = max(levels, key=lambda level: _DEGREE_RANK.get(level, 0))
    return result


def _skills(text: str, sections: Any, found: _Collector, meta: dict[str, Any]) -> list[dict[str, Any]]:
    skills = find_skills(text, sections)[:200]
    result = []
    for index, skill in enumerate(skills):
        result.append({"name": skill.name[:120]})
        found.add(f"skills[{index}].name", skill.name, (skill.start, skill.end), skill.confidence)
    years = {s.name: s.years for s in skills if s.years is not None}
    if years:
        meta["skill_years"] = years
    return result


def _languages(text: str, sections: Any, found: _Collector, meta: dict[str, Any]) -> list[dict[str, Any]]:
    display = language_data().display
    result = []
    statements = []
    for index, item in enumerate(find_languages(text, sections)[:30]):
        result.append({"language": display.get(item.code, item.code), "fluency": item.level})
        found.add(f"languages[{index}].fluency", item.level, (item.start, item.end), item.confidence)
        statements.append({"code": item.code, "level": item.level, "statement": item.statement})
    if statements:
        meta["languages"] = statements
    return result


def _achievements(
    text: str, sections: Any, found: _Collector, meta: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    awards: list[dict[str, Any]] = []
    for award in find_awards(text, sections)[:100]:
        item: dict[str, Any] = {"title": award.title}
        if award.issuer:
            item["awarder"] = award.issuer[:200]
        if _in_years(award.year):
            item["date"] = str(award.year)
        found.add(f"awards[{len(awards)}].title", award.title, (award.start, award.end), award.confidence)
        awards.append(item)
    publications: list[dict[str, Any]] = []
    for publication in find_publications(text, sections)[:200]:
        item = {"name": publication.title}
        if publication.recognised:
            item["publisher"] = publication.recognised
        if _in_years(publication.year):
            item["releaseDate"] = str(publication.year)
        found.add(
            f"publications[{len(publications)}].name",
            publication.title,
            (publication.start, publication.end),
            publication.confidence,
        )
        publications.append(item)
    competitions = sorted({a.recognised for a in find_awards(text, sections) if a.recognised})
    if competitions:
        meta["competitions"] = competitions
    venues_found = sorted({p["publisher"] for p in publications if p.get("publisher")})
    if venues_found:
        meta["venues"] = venues_found
    return awards, publications
