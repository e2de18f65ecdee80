"""Turning the service's results into API contracts (shared by the JSON routes and their tests)."""

from __future__ import annotations

from talentbridge.matching.engine.types import RankedCandidate
from talentbridge.matching.models import MatchOverride
from talentbridge.matching.schemas import (
    FeatureRead,
    FilterRead,
    JobBrief,
    JobMatchRead,
    MatchRead,
    OverrideRead,
    PersonBrief,
)
from talentbridge.matching.service import JobMatch, PersonMatch
from talentbridge.people.models import Person


def person_brief(person: Person) -> PersonBrief:
    """Who a match is about (no contact details, nothing policy-guarded)."""
    return PersonBrief(
        id=person.id,
        display_name=person.display_name,
        native_name=person.native_name,
        headline=person.headline,
        current_title=person.current_title,
        current_employer=person.current_employer,
        location_city=person.location_city,
        location_country=person.location_country,
    )


def override_read(override: MatchOverride) -> OverrideRead:
    """A stored pin or exclusion."""
    return OverrideRead.model_validate(override)


def _features(ranked: RankedCandidate) -> list[FeatureRead]:
    return [
        FeatureRead(
            feature=item.feature,
            score=round(item.score, 4),
            weight=round(item.weight, 4),
            contribution=round(item.contribution, 2),
            reason=item.reason,
            details=list(item.details),
        )
        for item in ranked.features
    ]


def _filters(ranked: RankedCandidate) -> list[FilterRead]:
    return [FilterRead(name=item.name, passed=item.passed, reason=item.reason) for item in ranked.filters]


def match_read(position: int, match: PersonMatch) -> MatchRead:
    """One candidate of a job's ranking."""
    return MatchRead(
        rank=position,
        person=person_brief(match.person),
        score=round(match.ranked.score, 1),
        summary=match.ranked.summary,
        passed_filters=match.ranked.passed_filters,
        features=_features(match.ranked),
        filters=_filters(match.ranked),
        pinned=match.pinned,
        excluded=match.excluded,
        in_pipeline=match.in_pipeline,
        override=override_read(match.override) if match.override is not None else None,
    )


def job_match_read(position: int, match: JobMatch) -> JobMatchRead:
    """One job of a person's best jobs."""
    job = match.job
    action = match.override.action.value if match.override is not None else None
    return JobMatchRead(
        rank=position,
        job=JobBrief(
            id=job.id,
            title=job.title,
            status=job.status.value,
            level=job.level.value,
            work_model=job.work_model.value,
            hub_name=job.hub.name,
        ),
        score=round(match.ranked.score, 1),
        summary=match.ranked.summary,
        passed_filters=match.ranked.passed_filters,
        features=_features(match.ranked),
        filters=_filters(match.ranked),
        pinned=action == "pin",
        excluded=action == "exclude",
        in_pipeline=match.in_pipeline,
    )
