"""Use cases of matching: a job's best candidates, a person's best jobs, pins and exclusions.

Rankings are advice for the people who decide (``matching.policies``): every score comes with its
explanation, hard filters are shown apart from the score, and a recruiter's pin or exclusion is
kept (who, when, why), audited and reversible. Visibility is the rest of the product's: jobs
outside an actor's hiring teams and people the actor may not see are never ranked, named or
counted. Ranking reads the persisted index (``matching.indexing``) and never re-parses or
re-embeds a person.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.errors import InvalidInput, NotFound
from talentbridge.jobs.models import Job
from talentbridge.jobs.policies import visible_job_ids, visible_job_or_404
from talentbridge.kit.clock import utc_now
from talentbridge.kit.levels import LanguageLevel
from talentbridge.matching import indexing, repository, tasks
from talentbridge.matching.engine.config import weights_from
from talentbridge.matching.engine.index import MatchIndex
from talentbridge.matching.engine.ports import EncoderLike, TaxonomyLike
from talentbridge.matching.engine.ranking import rank
from talentbridge.matching.engine.types import JobSpec, RankedCandidate, Weights
from talentbridge.matching.index_store import LoadedIndex
from talentbridge.matching.indexing import rebuild_index
from talentbridge.matching.models import MatchOverride, OverrideAction
from talentbridge.matching.policies import require_match_override, require_match_read
from talentbridge.matching.profiles import candidate_profile, job_spec
from talentbridge.matching.schemas import JobMatchQuery, MatchQuery, OverrideIn
from talentbridge.people.models import Person
from talentbridge.people.policies import require_visible_person, visible_people_condition

__all__ = [
    "JobMatch",
    "PersonJobs",
    "PersonMatch",
    "PersonMatches",
    "job_matches",
    "person_job_matches",
    "rebuild_index",
    "remove_override",
    "set_override",
]


@dataclass(frozen=True)
class PersonMatch:
    """One person in a job's ranking, with what recruiters decided about them."""

    person: Person
    ranked: RankedCandidate
    override: MatchOverride | None
    in_pipeline: bool

    @property
    def pinned(self) -> bool:
        """Whether a recruiter pinned the person to the top."""
        return self.override is not None and self.override.action is OverrideAction.PIN

    @property
    def excluded(self) -> bool:
        """Whether a recruiter excluded the person from this job's matches."""
        return self.override is not None and self.override.action is OverrideAction.EXCLUDE


@dataclass(frozen=True)
class PersonMatches:
    """A job's ranking: pinned people first, then the best matches; excluded people apart."""

    job: Job
    items: list[PersonMatch]
    excluded: list[PersonMatch]
    weights: Weights
    indexed_people: int = 0
    considered_people: int = 0
    semantic: bool = False
    building: bool = False
    """No index yet: it is being built in the background (too many people to build in a request)."""


@dataclass(frozen=True)
class JobMatch:
    """One job in a person's best jobs."""

    job: Job
    ranked: RankedCandidate
    override: MatchOverride | None
    in_pipeline: bool


@dataclass(frozen=True)
class PersonJobs:
    """The jobs a person fits best."""

    person: Person
    items: list[JobMatch]


def weights_as_dict(weights: Weights) -> dict[str, float]:
    """Weights by feature name (for the API and the weight form)."""
    return {item.name: float(getattr(weights, item.name)) for item in fields(Weights)}


def job_matches(
    session: Session, actor: Actor, job_id: uuid.UUID, query: MatchQuery, *, directory: Path
) -> PersonMatches:
    """The people who fit the job best, explained; pinned first, excluded listed apart.

    Hiring managers see only people they may see (those with applications on their jobs).
    ``must_have_only`` hides people who fail a hard filter; ``country`` and ``language`` with
    ``min_level`` narrow the pool before ranking; ``min_score`` drops weak matches after it.
    """
    visible_job_or_404(session, actor, job_id)
    require_match_read(actor)
    job = _job(session, job_id)
    tax = indexing.taxonomy()
    spec = job_spec(job, indexing.skill_resolver(tax))
    weights = _weights(query.weight_overrides())
    loaded, built_now = indexing.ensure_index(session, directory=directory)
    if loaded is None:
        if indexing.due_for_background_build(directory):
            tasks.schedule_rebuild(session)
        return PersonMatches(job=job, items=[], excluded=[], weights=weights, building=True)
    if built_now:
        tasks.schedule_rebuild(session)
    else:
        _catch_up(session, loaded, directory)
    pool = _pool(session, actor, query)
    overrides = {item.person_id: item for item in repository.overrides_for_job(session, job_id)}
    visible_overrides = {
        str(pid): item for pid, item in overrides.items() if pool.visible is None or str(pid) in pool.visible
    }
    pinned_ids = {pid for pid, item in visible_overrides.items() if item.action is OverrideAction.PIN}
    excluded_ids = {pid for pid, item in visible_overrides.items() if item.action is OverrideAction.EXCLUDE}
    model = indexing.query_encoder(loaded, directory)
    with loaded.lock:
        ranked = rank(
            loaded.index,
            spec,
            tax,
            top_k=query.top + len(pinned_ids) + len(excluded_ids),
            weights=weights,
            encoder=model,
            only_ids=pool.only,
            apply_filters=query.must_have_only,
        )
        decided = _rank_only(loaded, spec, tax, weights, model, pinned_ids | excluded_ids)
    best = [
        item for item in ranked if item.id not in pinned_ids | excluded_ids and item.score >= query.min_score
    ]
    pinned = sorted((decided[pid] for pid in pinned_ids if pid in decided), key=_order)
    excluded = sorted((decided[pid] for pid in excluded_ids if pid in decided), key=_order)
    rows = _person_rows(session, job_id, [*pinned, *best[: query.top]], excluded, overrides)
    return PersonMatches(
        job=job,
        items=rows[0],
        excluded=rows[1],
        weights=weights,
        indexed_people=len(loaded.versions),
        considered_people=len(pool.only) if pool.only is not None else len(loaded.versions),
        semantic=loaded.semantic,
    )


def person_job_matches(
    session: Session, actor: Actor, person_id: uuid.UUID, query: JobMatchQuery | None = None
) -> PersonJobs:
    """The jobs (not filled or closed) the person fits best, explained, among jobs the actor sees.

    Scored from the person's current record: one person against a few hundred jobs needs no index.
    """
    query = query or JobMatchQuery()
    require_visible_person(session, actor, person_id)
    require_match_read(actor)
    person = repository.people_for_matching(session, [person_id])[0]
    tax = indexing.taxonomy()
    resolve = indexing.skill_resolver(tax)
    profile = candidate_profile(person, resolve, today=utc_now().date())
    weights = _weights({})
    single = MatchIndex.build([profile], tax)  # one person, scored against each job without retrieval
    scored = [
        (job, rank(single, job_spec(job, resolve), tax, top_k=1, weights=weights, use_retrieval=False)[0])
        for job in repository.matchable_jobs(session, visible_job_ids(session, actor))
    ]
    scored.sort(key=lambda pair: (-pair[1].score, str(pair[0].id)))
    overrides = {item.job_id: item for item in repository.overrides_for_person(session, person_id)}
    applied = repository.applied_job_ids(session, person_id)
    items = [
        JobMatch(job=job, ranked=ranked, override=overrides.get(job.id), in_pipeline=job.id in applied)
        for job, ranked in scored[: query.top]
    ]
    return PersonJobs(person=person, items=items)


def set_override(
    session: Session, actor: Actor, job_id: uuid.UUID, person_id: uuid.UUID, data: OverrideIn | None
) -> MatchOverride:
    """Pin or exclude a person for a job (admins and recruiters), replacing an earlier decision."""
    job = visible_job_or_404(session, actor, job_id)
    require_visible_person(session, actor, person_id)
    require_match_override(actor)
    if data is None:
        raise InvalidInput("Say whether to pin or exclude the person.", field="action")
    override = repository.get_override(session, job_id, person_id)
    before = None if override is None else override.action.value
    if override is None:
        override = MatchOverride(job_id=job_id, person_id=person_id, action=data.action)
        session.add(override)
    override.action, override.reason = data.action, data.reason or None
    override.created_by_id, override.created_at = actor.user_id, utc_now()
    session.flush()
    summary = "Pinned to the top of" if data.action is OverrideAction.PIN else "Excluded from"
    audit.record(
        session,
        actor,
        data.action.value,
        "match",
        override.id,
        person_id=person_id,
        summary=f"{summary} the matches of job '{job.title}'",
        changes={"job_id": str(job_id), "action": [before, data.action.value], "reason": data.reason},
    )
    return override


def remove_override(session: Session, actor: Actor, job_id: uuid.UUID, person_id: uuid.UUID) -> MatchOverride:
    """Undo a pin or exclusion (admins and recruiters); 404 when there is none. Returns what was undone."""
    job = visible_job_or_404(session, actor, job_id)
    require_visible_person(session, actor, person_id)
    require_match_override(actor)
    override = repository.get_override(session, job_id, person_id)
    if override is None:
        raise NotFound("The person is neither pinned nor excluded for this job.")
    session.delete(override)
    session.flush()
    undo = "unpin" if override.action is OverrideAction.PIN else "include"
    audit.record(
        session,
        actor,
        undo,
        "match",
        override.id,
        person_id=person_id,
        summary=f"Undid the {override.action.value} in the matches of job '{job.title}'",
        changes={"job_id": str(job_id), "action": [override.action.value, None]},
    )
    return override


# --- helpers --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pool:
    """Which indexed people may be ranked: ``visible`` (None: all) narrowed by filters into ``only``."""

    visible: set[str] | None
    only: set[str] | None


def _pool(session: Session, actor: Actor, query: MatchQuery) -> _Pool:
    condition = visible_people_condition(session, actor)
    visible = None if condition is None else repository.visible_person_ids(session, condition)
    only = visible
    if query.country is not None:
        only = _narrow(only, repository.person_ids_in_country(session, query.country))
    if query.language is not None:
        only = _narrow(only, _speakers(session, query.language, query.min_level))
    return _Pool(visible=visible, only=only)


def _narrow(current: set[str] | None, allowed: set[str]) -> set[str]:
    return allowed if current is None else current & allowed


def _speakers(session: Session, language: str, min_level: LanguageLevel | None) -> set[str]:
    """People who speak the language, at ``min_level`` or better when given."""
    return {
        str(person_id)
        for person_id, level in repository.language_levels(session, language)
        if min_level is None or level.satisfies(min_level) is True
    }


def _weights(overrides: dict[str, float]) -> Weights:
    try:
        return weights_from(overrides)
    except ValueError as exc:
        raise InvalidInput(str(exc), field="weights") from exc


def _job(session: Session, job_id: uuid.UUID) -> Job:
    job = repository.job_for_matching(session, job_id)
    if job is None:
        raise NotFound("No such job.")
    return job


def _catch_up(session: Session, loaded: LoadedIndex, directory: Path) -> None:
    """Now and then, queue re-indexing of people whose change reached the index by no task."""
    if not indexing.due_for_stale_check(directory):
        return
    stale = indexing.stale_people(session, loaded)
    if stale:
        tasks.schedule_reindex(session, [*stale.changed, *stale.removed])


def _rank_only(
    loaded: LoadedIndex,
    spec: JobSpec,
    tax: TaxonomyLike,
    weights: Weights,
    model: EncoderLike | None,
    ids: set[str],
) -> dict[str, RankedCandidate]:
    """Scores of exactly these people (pinned and excluded ones), whatever the filters say."""
    if not ids:
        return {}
    found = rank(
        loaded.index,
        spec,
        tax,
        top_k=len(ids),
        weights=weights,
        encoder=model,
        only_ids=ids,
        apply_filters=False,
    )
    return {item.id: item for item in found}


def _order(item: RankedCandidate) -> tuple[float, str]:
    return (-item.score, item.id)


def _person_rows(
    session: Session,
    job_id: uuid.UUID,
    shown: Sequence[RankedCandidate],
    excluded: Sequence[RankedCandidate],
    overrides: dict[uuid.UUID, MatchOverride],
) -> tuple[list[PersonMatch], list[PersonMatch]]:
    """Ranked entries joined with their people (entries of people deleted meanwhile are dropped)."""
    ids = {uuid.UUID(item.id) for item in [*shown, *excluded]}
    people = repository.people_by_id(session, ids)
    applied = repository.applied_person_ids(session, job_id)

    def rows(entries: Collection[RankedCandidate]) -> list[PersonMatch]:
        result = []
        for item in entries:
            pid = uuid.UUID(item.id)
            if pid in people:
                result.append(PersonMatch(people[pid], item, overrides.get(pid), pid in applied))
        return result

    return rows(shown), rows(excluded)
