"""Permit facts, offer terms and stored assessments.

Saving facts or offer terms re-assesses and stores the result when it differs from the latest
one (the facts, the offer, the rule version and the outcome are hashed into ``input_key``), so the
history shows every change and nothing else. Reading the tab or ``?recompute=true`` does the same,
which is how a change in the person record (a new degree, a birthday that changes the age band)
reaches the stored assessments.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.errors import InvalidInput, NotFound
from talentbridge.jobs import service as jobs_service
from talentbridge.kit.clock import utc_now
from talentbridge.mobility import repository
from talentbridge.mobility.engine import assess, assessment_to_dict
from talentbridge.mobility.engine.types import Assessment
from talentbridge.mobility.facts import PersonRecordFacts, build_offer_facts, build_person_facts
from talentbridge.mobility.models import OfferTerms, PermitAssessment, PermitFacts
from talentbridge.mobility.policies import require_assessment_read, require_fact_edit
from talentbridge.mobility.rules import RuleSet, load_rules
from talentbridge.mobility.schemas import OfferTermsIn, PermitFactsIn
from talentbridge.people import service as people_service
from talentbridge.people.policies import require_visible_person
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.enums import StageCategory
from talentbridge.pipeline.models import Application
from talentbridge.pipeline.schemas import ApplicationFilter

OFFER_CATEGORIES = frozenset({StageCategory.OFFER, StageCategory.HIRED})


@dataclass(frozen=True)
class StoredAssessment:
    """An assessment as the engine returned it, with the row it is stored in and the facts' origins."""

    row: PermitAssessment
    result: Assessment | None  # None when read back from storage without recomputing
    origins: dict[str, str] = field(default_factory=dict)

    @property
    def category(self) -> str | None:
        """The category reached (None: no category)."""
        return self.row.category


@dataclass(frozen=True)
class ApplicationPermit:
    """One application on the work-permit tab: its offer terms, assessment and offer-stage warning."""

    application: Application
    job_title: str
    stage_category: StageCategory
    terms: OfferTerms | None
    assessment: StoredAssessment
    hub_city: str | None

    @property
    def no_category_in_offer(self) -> bool:
        """An offer is drafted (offer or hired stage) for a candidate who reaches no category."""
        return self.stage_category in OFFER_CATEGORIES and self.assessment.category is None


@dataclass(frozen=True)
class PermitOverview:
    """Everything the work-permit tab shows for a person."""

    person_id: uuid.UUID
    facts: PermitFacts | None
    general: StoredAssessment
    applications: list[ApplicationPermit]
    rules: RuleSet
    holds_chinese_nationality: bool
    history_count: int


def _today() -> date:
    return utc_now().date()


def _input_key(result: Assessment, person: object, offer: object) -> str:
    payload = {
        "person": asdict(person),  # type: ignore[call-overload]
        "offer": asdict(offer),  # type: ignore[call-overload]
        "rule_version": result.rule_version,
        "category": result.category,
        "possible": result.possible_category,
        "points": [result.points_total, result.points_known_max],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _record_facts(session: Session, actor: Actor, person_id: uuid.UUID) -> PersonRecordFacts:
    person = people_service.get_person(session, actor, person_id, record_view=False)
    return PersonRecordFacts(
        date_of_birth=person.date_of_birth,
        educations=person.educations,
        experiences=person.experiences,
        languages=person.languages,
    )


def _application_of(
    session: Session, actor: Actor, person_id: uuid.UUID, application_id: uuid.UUID
) -> Application:
    application = pipeline_service.get_application(session, actor, application_id)
    if application.person_id != person_id:
        raise NotFound("No such application.")
    return application


def _compute(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    application: Application | None,
    *,
    record: PersonRecordFacts,
    rules: RuleSet,
) -> StoredAssessment:
    """Assess now and store the result unless it equals the latest stored one."""
    at = _today()
    person_facts, origins = build_person_facts(record, repository.get_permit_facts(session, person_id), at)
    terms = repository.get_offer_terms(session, application.id) if application is not None else None
    hub_city = hub_country = None
    if application is not None:
        job = jobs_service.get_job(session, actor, application.job_id)
        hub_city, hub_country = job.hub.city, job.hub.country
    offer_facts, offer_origins = build_offer_facts(terms, hub_city=hub_city, hub_country=hub_country)
    result = assess(person_facts, offer_facts, at, rules)
    key = _input_key(result, person_facts, offer_facts)
    application_id = application.id if application is not None else None
    latest = repository.latest_assessment(session, person_id, application_id)
    origins = {**origins, **offer_origins}
    if latest is not None and latest.input_key == key:
        return StoredAssessment(latest, result, origins)
    row = PermitAssessment(
        person_id=person_id,
        application_id=application_id,
        assessment_date=at,
        rule_version=result.rule_version,
        category=result.category,
        possible_category=result.possible_category,
        points_total=result.points_total,
        input_key=key,
        result=assessment_to_dict(result),
        created_at=utc_now(),
    )
    session.add(row)
    session.flush()
    return StoredAssessment(row, result, origins)


def assess_person(
    session: Session, actor: Actor, person_id: uuid.UUID, *, application_id: uuid.UUID | None = None
) -> StoredAssessment:
    """Assess a person (for one application's offer, or without an offer) and store it if new."""
    require_visible_person(session, actor, person_id)
    require_assessment_read(actor)
    application = _application_of(session, actor, person_id, application_id) if application_id else None
    record = _record_facts(session, actor, person_id)
    return _compute(session, actor, person_id, application, record=record, rules=load_rules())


def latest_or_new(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    *,
    application_id: uuid.UUID | None = None,
    recompute: bool = False,
) -> StoredAssessment:
    """The latest stored assessment; a fresh one when asked to recompute or when none is stored."""
    require_visible_person(session, actor, person_id)
    require_assessment_read(actor)
    if application_id is not None:
        _application_of(session, actor, person_id, application_id)
    if not recompute:
        latest = repository.latest_assessment(session, person_id, application_id)
        if latest is not None:
            return StoredAssessment(latest, None)
    return assess_person(session, actor, person_id, application_id=application_id)


def _reassess_all(session: Session, actor: Actor, person_id: uuid.UUID) -> list[StoredAssessment]:
    """Re-assess the offer-less case and every application with offer terms (after a facts change)."""
    record = _record_facts(session, actor, person_id)
    rules = load_rules()
    results = [_compute(session, actor, person_id, None, record=record, rules=rules)]
    for application_id in repository.offer_terms_for_person(session, person_id):
        application = pipeline_service.get_application(session, actor, application_id)
        results.append(_compute(session, actor, person_id, application, record=record, rules=rules))
    return results


def get_permit_facts(session: Session, actor: Actor, person_id: uuid.UUID) -> PermitFacts | None:
    """The person's permit facts (None when none were recorded)."""
    require_visible_person(session, actor, person_id)
    require_assessment_read(actor)
    return repository.get_permit_facts(session, person_id)


def _check_criteria(ids: Sequence[str]) -> None:
    known = load_rules().criteria
    unknown = [item for item in ids if item not in known]
    if unknown:
        raise InvalidInput(
            f"Unknown direct criterion: {', '.join(unknown)}. Known: {', '.join(sorted(known))}.",
            field="direct_criteria",
        )


def save_permit_facts(
    session: Session, actor: Actor, person_id: uuid.UUID, data: PermitFactsIn
) -> tuple[PermitFacts, StoredAssessment]:
    """Replace a person's permit facts and re-assess (admins and recruiters)."""
    require_visible_person(session, actor, person_id)
    require_fact_edit(actor)
    _check_criteria(data.direct_criteria)
    facts = repository.get_permit_facts(session, person_id)
    created = facts is None
    if facts is None:
        facts = PermitFacts(person_id=person_id)
        session.add(facts)
    values = data.model_dump()
    for name, value in values.items():
        setattr(facts, name, value)
    facts.updated_by_id = actor.user_id
    session.flush()
    audit.record(
        session,
        actor,
        "create" if created else "update",
        "permit_facts",
        person_id,
        person_id=person_id,
        summary="Recorded work-permit facts" if created else "Changed work-permit facts",
        changes={"fields": sorted(name for name, value in values.items() if value not in (None, False, []))},
    )
    assessments = _reassess_all(session, actor, person_id)
    return facts, assessments[0]


def get_offer_terms(session: Session, actor: Actor, application_id: uuid.UUID) -> OfferTerms | None:
    """An application's offer terms (None when none were recorded)."""
    application = pipeline_service.get_application(session, actor, application_id)
    require_assessment_read(actor)
    return repository.get_offer_terms(session, application.id)


def save_offer_terms(
    session: Session, actor: Actor, application_id: uuid.UUID, data: OfferTermsIn
) -> tuple[OfferTerms, StoredAssessment, bool]:
    """Replace an application's offer terms and re-assess it (admins and recruiters).

    Returns the terms, the assessment and whether to warn: an offer drafted for a candidate who
    reaches no category (the warning is also recorded in the audit log).
    """
    application = pipeline_service.get_application(session, actor, application_id)
    require_visible_person(session, actor, application.person_id)
    require_fact_edit(actor)
    terms = repository.get_offer_terms(session, application.id)
    created = terms is None
    if terms is None:
        terms = OfferTerms(application_id=application.id, person_id=application.person_id)
        session.add(terms)
    for name, value in data.model_dump().items():
        setattr(terms, name, value)
    terms.updated_by_id = actor.user_id
    session.flush()
    record = _record_facts(session, actor, application.person_id)
    stored = _compute(session, actor, application.person_id, application, record=record, rules=load_rules())
    warn = stored.category is None
    audit.record(
        session,
        actor,
        "create" if created else "update",
        "offer_terms",
        application.id,
        person_id=application.person_id,
        summary=(
            "Saved offer terms for a candidate who reaches no work-permit category"
            if warn
            else f"Saved offer terms (work-permit category {stored.category})"
        ),
        changes={"category": stored.category, "points": stored.row.points_total},
    )
    return terms, stored, warn


def offer_stage_warning(session: Session, application_id: uuid.UUID, category: str | None) -> bool:
    """Whether an application sits in an offer or hired stage while reaching no category."""
    return (
        category is None
        and repository.application_stage_category(session, application_id) in OFFER_CATEGORIES
    )


def permit_overview(session: Session, actor: Actor, person_id: uuid.UUID) -> PermitOverview:
    """The work-permit tab: facts, the offer-less assessment and one per visible application."""
    person = require_visible_person(session, actor, person_id)
    require_assessment_read(actor)
    record = _record_facts(session, actor, person_id)
    rules = load_rules()
    general = _compute(session, actor, person_id, None, record=record, rules=rules)
    applications, _cursor, _total = pipeline_service.list_applications(
        session, actor, ApplicationFilter(person_id=person_id), limit=50
    )
    sections = []
    for application in applications:
        job = jobs_service.get_job(session, actor, application.job_id)
        stored = _compute(session, actor, person_id, application, record=record, rules=rules)
        sections.append(
            ApplicationPermit(
                application=application,
                job_title=job.title,
                stage_category=application.stage.category,
                terms=repository.get_offer_terms(session, application.id),
                assessment=stored,
                hub_city=job.hub.city if job.hub.country == "CN" else None,
            )
        )
    return PermitOverview(
        person_id=person_id,
        facts=repository.get_permit_facts(session, person_id),
        general=general,
        applications=sections,
        rules=rules,
        holds_chinese_nationality="CN" in (person.nationalities or []),
        history_count=repository.count_assessments(session, person_id),
    )


def assessment_payload(stored: StoredAssessment) -> dict[str, Any]:
    """The stored JSON result (the engine's contract shape)."""
    return dict(stored.row.result)
