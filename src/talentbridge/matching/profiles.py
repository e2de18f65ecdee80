"""Mapping stored people and jobs onto the engine's value types (``CandidateProfile``, ``JobSpec``).

The engine knows nothing about the database; this module is the one place that decides what a
person's record means for matching: which skills are evidenced by which position (and so how
recently they were used), how many years of professional experience the positions add up to,
which required skills are must-haves. Rows must be loaded (``matching.repository``); nothing
here queries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from talentbridge.jobs.enums import JobLevel, RoleFamily
from talentbridge.jobs.models import Job
from talentbridge.matching.engine.types import (
    CandidateProfile,
    JobSpec,
    LanguageRequirement,
    ProfileSkill,
    SkillRequirement,
)
from talentbridge.people.models import Experience, Person

SkillResolver = Callable[[str], str | None]
"""A skill name to its taxonomy id (``None`` when the taxonomy does not know it)."""

MUST_HAVE_WEIGHT = 3.0
"""A required skill weighted this high (3 of 10 or more) is a must-have for the hard filter."""

_SENIORITY: dict[JobLevel, str] = {
    JobLevel.INTERN: "intern",
    JobLevel.JUNIOR: "junior",
    JobLevel.MID: "mid",
    JobLevel.SENIOR: "senior",
    JobLevel.STAFF: "lead",
    JobLevel.PRINCIPAL: "principal",
    JobLevel.MANAGER: "lead",
    JobLevel.DIRECTOR: "principal",
}

# Fields of study that fit a role family; jobs store no field, so the family stands in for one.
_FIELDS_BY_FAMILY: dict[RoleFamily, tuple[str, ...]] = {
    RoleFamily.ALGORITHM_ML: (
        "computer science",
        "artificial intelligence",
        "machine learning",
        "mathematics",
        "statistics",
        "electrical engineering",
    ),
    RoleFamily.DATA_ANALYSIS: ("statistics", "mathematics", "computer science", "economics", "data science"),
    RoleFamily.SOFTWARE_ENGINEERING: ("computer science", "software engineering", "computer engineering"),
    RoleFamily.CROSS_CULTURAL: ("business administration", "international relations", "linguistics"),
    RoleFamily.OTHER: (),
}


def no_taxonomy(_name: str) -> str | None:
    """A resolver that knows no skills (the engine then matches on names alone)."""
    return None


def candidate_profile(
    person: Person, resolve: SkillResolver = no_taxonomy, *, today: date
) -> CandidateProfile:
    """What the engine needs about a person whose skills, languages, education and experience are loaded."""
    experiences = sorted(person.experiences, key=_recent_first)
    return CandidateProfile(
        id=str(person.id),
        display_name=person.display_name,
        skills=tuple(
            _profile_skill(skill.name, skill.years, experiences, resolve, today) for skill in person.skills
        ),
        titles=_titles(person.current_title, experiences),
        total_years=total_years(experiences, today=today),
        experience=tuple(
            (item.title, item.employer, _year(item.start_date), _year(item.end_date)) for item in experiences
        ),
        education=tuple((item.degree_level.value, item.field) for item in person.educations),
        languages=tuple((item.language, item.level.value) for item in person.languages),
        publications=tuple(_record_line(item, "venue") for item in person.publications if item.get("title")),
        awards=tuple(_record_line(item, "issuer") for item in person.awards if item.get("title")),
        links=tuple(sorted(person.links.values())),
        country=person.location_country,
        timezone=person.timezone,
        willing_to_relocate=person.willing_to_relocate,
        work_model=None,
        text=_person_text(person, experiences),
    )


def job_spec(job: Job, resolve: SkillResolver = no_taxonomy) -> JobSpec:
    """What the engine needs about a job whose hub, skills and languages are loaded."""
    required = [skill for skill in job.skills if skill.required]
    preferred = [skill for skill in job.skills if not skill.required]
    return JobSpec(
        id=str(job.id),
        title=job.title,
        description=job.description_md,
        required_skills=tuple(
            SkillRequirement(
                name=skill.name,
                skill_id=resolve(skill.name),
                weight=skill.weight,
                must_have=skill.weight >= MUST_HAVE_WEIGHT,
            )
            for skill in required
        ),
        preferred_skills=tuple(
            SkillRequirement(name=skill.name, skill_id=resolve(skill.name), weight=skill.weight)
            for skill in preferred
        ),
        min_years=float(job.min_years_experience) if job.min_years_experience is not None else None,
        seniority=_SENIORITY[job.level],
        languages=tuple(
            LanguageRequirement(
                language=item.language, min_level=item.min_level.value, required=item.required
            )
            for item in sorted(job.languages, key=lambda item: item.language)
        ),
        education_level=job.min_education.value if job.min_education is not None else None,
        education_fields=_FIELDS_BY_FAMILY.get(job.role_family, ()),
        country=job.hub.country,
        timezone=job.hub.timezone,
        work_model=job.work_model.value,
    )


def total_years(experiences: Iterable[Experience], *, today: date) -> float | None:
    """Years of professional experience: the union of dated positions (overlaps count once).

    None when no position has a start date, so "unknown" is not mistaken for "none".
    """
    spans = sorted(
        (item.start_date, min(item.end_date or today, today))
        for item in experiences
        if item.start_date is not None and item.start_date <= today
    )
    if not spans:
        return None
    days = 0
    current_start, current_end = spans[0]
    for start, end in spans[1:]:
        if start > current_end:
            days += (current_end - current_start).days
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    days += (current_end - current_start).days
    return round(max(days, 0) / 365.25, 1)


def _profile_skill(
    name: str, years: float | None, experiences: Sequence[Experience], resolve: SkillResolver, today: date
) -> ProfileSkill:
    """A skill with the most recent position whose description mentions it as evidence and recency."""
    pattern = re.compile(rf"(?<![\w+#]){re.escape(name.strip())}(?![\w+#])", re.IGNORECASE)
    for item in experiences:
        if item.description and pattern.search(item.description):
            end = item.end_date or today
            return ProfileSkill(
                name=name,
                skill_id=resolve(name),
                years=years,
                last_used_year=end.year,
                evidence=f"{item.title} at {item.employer}",
            )
    return ProfileSkill(name=name, skill_id=resolve(name), years=years)


def _recent_first(item: Experience) -> tuple[int, int, int]:
    """Ongoing positions first, then by end date, then by start date, newest first."""
    end = item.end_date or date.max
    start = item.start_date or date.min
    return (-end.toordinal(), -start.toordinal(), item.position)


def _titles(current: str | None, experiences: Sequence[Experience]) -> tuple[str, ...]:
    titles: list[str] = []
    for title in [current or "", *(item.title for item in experiences)]:
        if title and title not in titles:
            titles.append(title)
    return tuple(titles)


def _year(value: date | None) -> int | None:
    return value.year if value is not None else None


def _record_line(item: dict[str, object], where_key: str) -> str:
    """A publication or award as one line: "Title, Venue, 2024"."""
    parts = [str(item["title"])]
    if item.get(where_key):
        parts.append(str(item[where_key]))
    if item.get("year"):
        parts.append(str(item["year"]))
    return ", ".join(parts)


def _person_text(person: Person, experiences: Sequence[Experience]) -> str:
    """All free text about the person, for lexical and semantic retrieval."""
    parts = [person.headline or "", person.summary or ""]
    for item in experiences:
        parts.append(f"{item.title} at {item.employer}. {item.description}".strip())
    parts.extend(
        f"{item.degree_level.value} {item.field or ''} {item.institution}" for item in person.educations
    )
    parts.extend(str(item.get("title", "")) for item in person.publications)
    return "\n".join(part for part in parts if part.strip())
