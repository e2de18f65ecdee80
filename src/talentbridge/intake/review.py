"""Parsed values a recruiter confirms before they change a record.

A CV that matches an existing person never overwrites them: each parsed value that differs from
what is stored becomes a review line (parsed vs existing, with the text it came from and the
parser's confidence), and only the lines the recruiter accepts, possibly corrected, are applied.
A new person created from a CV gets a review of the fields the parser was unsure about.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_recruiting_write
from talentbridge.errors import Conflict, InvalidInput, NotFound
from talentbridge.intake import repository
from talentbridge.intake.merge import _union
from talentbridge.intake.models import FieldReview, ReviewKind, ReviewStatus
from talentbridge.kit.clock import utc_now
from talentbridge.people import service as people_service
from talentbridge.people.schemas import PersonCreate, PersonUpdate

REVIEW_THRESHOLD = 0.7
TEXT_FIELDS = (
    "first_name",
    "last_name",
    "native_name",
    "headline",
    "current_title",
    "current_employer",
    "location_city",
    "location_country",
)
LIST_FIELDS = ("emails", "phones", "links", "skills", "languages", "educations", "experiences")
REVIEW_FIELDS = TEXT_FIELDS + LIST_FIELDS
_PATH_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("basics.name", ("first_name", "last_name")),
    ("basics.email", ("emails",)),
    ("basics.phone", ("phones",)),
    ("basics.label", ("headline",)),
    ("basics.location.city", ("location_city",)),
    ("basics.location.countryCode", ("location_country",)),
    ("basics.profiles", ("links",)),
    ("basics.url", ("links",)),
    ("meta.talentbridge.native_name", ("native_name",)),
    ("meta.talentbridge.links", ("links",)),
    ("work[0].position", ("current_title",)),
    ("work[0].name", ("current_employer",)),
    ("work", ("experiences",)),
    ("education", ("educations",)),
    ("skills", ("skills",)),
    ("languages", ("languages",)),
)


@dataclass(frozen=True)
class Evidence:
    """The least certain piece of evidence behind one person field."""

    snippet: str
    confidence: float


def evidence_by_field(evidence: Iterable[Any]) -> dict[str, Evidence]:
    """Parser evidence (JSON Resume paths) by person field, keeping the lowest confidence."""
    found: dict[str, Evidence] = {}
    for item in evidence:
        for prefix, fields in _PATH_FIELDS:
            if item.path == prefix or item.path.startswith((prefix + ".", prefix + "[")):
                for name in fields:
                    current = found.get(name)
                    if current is None or item.confidence < current.confidence:
                        found[name] = Evidence(str(item.snippet)[:300], float(item.confidence))
                break
    return found


def display(field: str, value: Any) -> str:
    """A value as one line of text for the review page."""
    if value in (None, "", [], {}):
        return ""
    if field == "links":
        return ", ".join(f"{key}: {url}" for key, url in value.items())
    if field == "phones":
        return ", ".join(item["number"] for item in value)
    if field == "skills":
        return ", ".join(item["name"] for item in value)
    if field == "languages":
        return ", ".join(f"{item['language']}:{item['level']}" for item in value)
    if field == "educations":
        return "; ".join(f"{item['institution']} ({item['degree_level']})" for item in value)
    if field == "experiences":
        return "; ".join(f"{item['title']}, {item['employer']}" for item in value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _comparable(field: str, value: Any) -> Any:
    if field == "skills":
        return [{"name": item["name"], "years": item.get("years")} for item in value]
    if field == "educations":
        return [
            {
                key: item.get(key)
                for key in ("degree_level", "field", "institution", "country", "start_year", "end_year")
            }
            for item in value
        ]
    if field == "experiences":
        return [
            {
                key: item.get(key)
                for key in ("title", "employer", "country", "start_date", "end_date", "description")
            }
            for item in value
        ]
    return value


def _line(
    field: str, parsed: Any, existing: Any, evidence: dict[str, Evidence], threshold: float
) -> dict[str, Any]:
    proof = evidence.get(field)
    confidence = proof.confidence if proof else 1.0
    return {
        "field": field,
        "value": parsed,
        "parsed": display(field, parsed),
        "existing": display(field, existing),
        "snippet": proof.snippet if proof else "",
        "confidence": round(confidence, 2),
        "flagged": confidence < threshold,
    }


def propose_update(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    create: PersonCreate,
    evidence: dict[str, Evidence],
    *,
    item_id: uuid.UUID | None,
    filename: str,
) -> FieldReview | None:
    """A review of every parsed value that would change the existing person (None if none would)."""
    person = people_service.get_person(session, actor, person_id, record_view=False)
    existing = people_service.person_to_read(actor, person).model_dump(mode="json")
    parsed = create.model_dump(mode="json")
    lines = []
    for field in REVIEW_FIELDS:
        value = parsed.get(field)
        if value in (None, "", [], {}):
            continue
        current = _comparable(
            field,
            existing.get(field)
            or ([] if field in LIST_FIELDS and field != "links" else {} if field == "links" else None),
        )
        proposed = _union(field, current, _comparable(field, value)) if field in LIST_FIELDS else value
        if proposed != current:
            lines.append(_line(field, proposed, current, evidence, REVIEW_THRESHOLD))
    if not lines:
        return None
    review = FieldReview(
        person_id=person_id, item_id=item_id, kind=ReviewKind.UPDATE, filename=filename[-255:], fields=lines
    )
    session.add(review)
    return review


def flag_new(
    session: Session,
    person_id: uuid.UUID,
    create: PersonCreate,
    evidence: dict[str, Evidence],
    dropped: list[str],
    threshold: float,
    *,
    item_id: uuid.UUID | None,
    filename: str,
) -> FieldReview | None:
    """A review of a new person's doubtful fields (low confidence or unreadable)."""
    parsed = create.model_dump(mode="json")
    lines = [
        _line(field, parsed.get(field), parsed.get(field), evidence, threshold)
        for field in REVIEW_FIELDS
        if field in evidence
        and evidence[field].confidence < threshold
        and parsed.get(field) not in (None, "", [], {})
    ]
    lines += [
        {
            "field": field,
            "value": None,
            "parsed": "",
            "existing": "",
            "snippet": "",
            "confidence": 0.0,
            "flagged": True,
        }
        for field in dropped
    ]
    if not lines:
        return None
    review = FieldReview(
        person_id=person_id, item_id=item_id, kind=ReviewKind.NEW, filename=filename[-255:], fields=lines
    )
    session.add(review)
    return review


def get_review(session: Session, actor: Actor, review_id: uuid.UUID) -> FieldReview:
    """A review (admins and recruiters)."""
    require_recruiting_write(actor)
    review = repository.get_review(session, review_id)
    if review is None:
        raise NotFound("No such review.")
    return review


def apply_review(
    session: Session,
    actor: Actor,
    review_id: uuid.UUID,
    *,
    accepted: Iterable[str],
    corrections: dict[str, str] | None = None,
) -> FieldReview:
    """Write the accepted lines (text fields possibly corrected) to the person; others are dropped."""
    review = get_review(session, actor, review_id)
    if review.status is not ReviewStatus.PENDING:
        raise Conflict("This review has already been resolved.")
    lines = {line["field"]: line for line in review.fields}
    values: dict[str, Any] = {}
    for field in accepted:
        if field not in lines:
            raise InvalidInput(f"{field} is not part of this review.", field="accepted")
        if lines[field]["value"] is not None:
            values[field] = lines[field]["value"]
    for field, text in (corrections or {}).items():
        if field not in TEXT_FIELDS:
            raise InvalidInput(f"{field} cannot be corrected as text.", field="corrections")
        values[field] = text.strip() or None
    if review.kind is ReviewKind.NEW:
        values = {field: value for field, value in values.items() if field in (corrections or {})}
    if values:
        try:
            update = PersonUpdate.model_validate(values)
        except ValidationError as exc:
            error = exc.errors()[0]
            raise InvalidInput(
                f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}", field="corrections"
            ) from exc
        people_service.update_person(session, actor, review.person_id, update)
    review.status, review.resolved_at, review.resolved_by_id = ReviewStatus.APPLIED, utc_now(), actor.user_id
    session.flush()
    audit.record(
        session, actor, "review", "person", review.person_id, person_id=review.person_id,
        summary="Confirmed parsed résumé fields",
        changes={"applied": sorted(values), "review_id": str(review.id)},
    )  # fmt: skip
    return review


def dismiss_review(session: Session, actor: Actor, review_id: uuid.UUID) -> FieldReview:
    """Keep the person as they are and close the review."""
    review = get_review(session, actor, review_id)
    if review.status is not ReviewStatus.PENDING:
        raise Conflict("This review has already been resolved.")
    review.status, review.resolved_at, review.resolved_by_id = (
        ReviewStatus.DISMISSED,
        utc_now(),
        actor.user_id,
    )
    session.flush()
    return review
