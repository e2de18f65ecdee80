"""Every query about people. Children are loaded eagerly on purpose (relationships are lazy="raise").

Two read-only joins reach outside the context: ``pipeline.models.Application`` (who has applied to
which job, for visibility and the job filter) and the audit log with user names (the timeline).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from talentbridge.audit.models import AuditEvent
from talentbridge.auth.models import User
from talentbridge.errors import InvalidInput
from talentbridge.kit.levels import LanguageLevel
from talentbridge.kit.pagination import apply_keyset, decode_cursor, next_cursor_for
from talentbridge.kit.text import normalise_email, normalise_key
from talentbridge.people.enums import PersonSort
from talentbridge.people.models import Person, PersonEmail, PersonLanguage, PersonSkill, Tag, person_tags
from talentbridge.people.schemas import PersonFilter, normalise_tag
from talentbridge.pipeline.models import Application

FULL_RECORD: tuple[LoaderOption, ...] = (
    selectinload(Person.emails),
    selectinload(Person.phones),
    selectinload(Person.languages),
    selectinload(Person.skills),
    selectinload(Person.educations),
    selectinload(Person.experiences),
    selectinload(Person.tags),
)
"""Everything a full record shows: one extra query per child table, never one per person."""

SUMMARY: tuple[LoaderOption, ...] = (
    selectinload(Person.emails),
    selectinload(Person.skills),
    selectinload(Person.tags),
)
"""What a list row shows."""


def has_application_on_jobs(job_ids: Iterable[uuid.UUID]) -> ColumnElement[bool]:
    """People with at least one application on one of these jobs."""
    applied = select(Application.person_id).where(Application.job_id.in_(list(job_ids)))
    return Person.id.in_(applied)


def _where_visible(stmt: Select[Any], visible: ColumnElement[bool] | None) -> Select[Any]:
    return stmt if visible is None else stmt.where(visible)


def get_person(
    session: Session, person_id: uuid.UUID, *, visible: ColumnElement[bool] | None = None
) -> Person | None:
    """A person without children, if they exist and match the visibility condition."""
    stmt = _where_visible(select(Person).where(Person.id == person_id), visible)
    return session.scalars(stmt).first()


def get_person_with_details(
    session: Session, person_id: uuid.UUID, *, visible: ColumnElement[bool] | None = None
) -> Person | None:
    """A person with every child collection loaded (e-mails, phones, languages, skills ...)."""
    stmt = _where_visible(select(Person).where(Person.id == person_id), visible).options(*FULL_RECORD)
    return session.scalars(stmt).first()


def application_job_id(
    session: Session, application_id: uuid.UUID, *, person_id: uuid.UUID
) -> uuid.UUID | None:
    """The job of this person's application, or None when the application is not theirs."""
    stmt = select(Application.job_id).where(
        Application.id == application_id, Application.person_id == person_id
    )
    return session.scalars(stmt).first()


def email_owners(session: Session, normalized: Iterable[str]) -> dict[str, uuid.UUID]:
    """Which person holds each of these normalised e-mail addresses (unknown ones are absent)."""
    keys = list(normalized)
    if not keys:
        return {}
    stmt = select(PersonEmail.normalized, PersonEmail.person_id).where(PersonEmail.normalized.in_(keys))
    return dict(session.execute(stmt).all())


def tags_named(session: Session, names: Iterable[str]) -> dict[str, Tag]:
    """Existing tags by (normalised) name."""
    keys = list(names)
    if not keys:
        return {}
    return {tag.name: tag for tag in session.scalars(select(Tag).where(Tag.name.in_(keys)))}


def list_tags(session: Session) -> Sequence[Tag]:
    """All tags, by name."""
    return session.scalars(select(Tag).order_by(Tag.name)).all()


def _json_array_contains(session: Session, column: Any, value: str) -> ColumnElement[bool]:
    """Whether a JSON array column holds ``value`` (PostgreSQL and SQLite spell this differently)."""
    if session.get_bind().dialect.name == "postgresql":
        elements = func.json_array_elements_text(column).table_valued("value")
    else:
        elements = func.json_each(column).table_valued("value")
    return exists(select(1).select_from(elements).where(elements.c.value == value))


def _name_matches(q: str) -> ColumnElement[bool]:
    tokens = normalise_key(q).split()
    return and_(*(Person.name_key.contains(token, autoescape=True) for token in tokens))


def _email_contains(q: str) -> ColumnElement[bool]:
    needle = normalise_email(q)
    return exists().where(
        PersonEmail.person_id == Person.id, PersonEmail.normalized.contains(needle, autoescape=True)
    )


def _has_skill(normalized: str) -> ColumnElement[bool]:
    return exists().where(PersonSkill.person_id == Person.id, PersonSkill.normalized == normalized)


def _speaks(language: str, min_level: LanguageLevel | None) -> ColumnElement[bool]:
    condition = and_(PersonLanguage.person_id == Person.id, PersonLanguage.language == language)
    if min_level is not None:
        enough = [level for level in LanguageLevel if level.satisfies(min_level) is True]
        condition = and_(condition, PersonLanguage.level.in_(enough))
    return exists().where(condition)


def _has_tag(name: str) -> ColumnElement[bool]:
    return exists().where(
        person_tags.c.person_id == Person.id, person_tags.c.tag_id == Tag.id, Tag.name == normalise_tag(name)
    )


def _has_application(job_id: uuid.UUID | None = None) -> ColumnElement[bool]:
    condition = Application.person_id == Person.id
    if job_id is not None:
        condition = and_(condition, Application.job_id == job_id)
    return exists().where(condition)


def people_conditions(
    session: Session, filters: PersonFilter, *, visible: ColumnElement[bool] | None
) -> list[ColumnElement[bool]]:
    """The WHERE conditions of a filtered people list (all must hold)."""
    conditions: list[ColumnElement[bool]] = [] if visible is None else [visible]
    if filters.q:
        conditions.append(or_(_name_matches(filters.q), _email_contains(filters.q)))
    conditions.extend(_has_skill(normalise_key(skill)) for skill in filters.skill)
    if filters.country:
        conditions.append(Person.location_country == filters.country)
    if filters.nationality:
        conditions.append(_json_array_contains(session, Person.nationalities, filters.nationality))
    if filters.language:
        conditions.append(_speaks(filters.language, filters.min_level))
    if filters.source_id:
        conditions.append(Person.source_id == filters.source_id)
    if filters.tag:
        conditions.append(_has_tag(filters.tag))
    if filters.has_applications is not None:
        conditions.append(_has_application() if filters.has_applications else ~_has_application())
    if filters.job_id:
        conditions.append(_has_application(filters.job_id))
    if filters.created_after:
        conditions.append(Person.created_at >= filters.created_after)
    return conditions


def count_people(session: Session, conditions: Sequence[ColumnElement[bool]]) -> int:
    """How many people match."""
    return session.scalar(select(func.count(Person.id)).where(*conditions)) or 0


_SORT_COLUMNS: dict[str, Any] = {
    "created_at": Person.created_at,
    "updated_at": Person.updated_at,
    "name": Person.name_key,
}


def _check_cursor_fits_sort(cursor: str, sort: PersonSort) -> None:
    """A cursor from another sort order (or a forged one) is a 422, not a database error."""
    value, _ = decode_cursor(cursor)
    fits = isinstance(value, str) if sort.key == "name" else isinstance(value, datetime) and value.tzinfo
    if not fits:
        raise InvalidInput("The cursor belongs to another sort order; start again.", field="cursor")


def list_people_page(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    *,
    sort: PersonSort,
    cursor: str | None,
    limit: int,
) -> tuple[list[Person], str | None]:
    """One page of matching people with their summary children, and the next page's cursor."""
    if cursor:
        _check_cursor_fits_sort(cursor, sort)
    sort_column = _SORT_COLUMNS[sort.key]
    stmt = select(Person).where(*conditions).options(*SUMMARY)
    stmt = apply_keyset(stmt, sort_column, Person.id, descending=sort.descending, cursor=cursor, limit=limit)
    rows = session.scalars(stmt).all()
    return next_cursor_for(rows, limit, lambda person: getattr(person, sort_column.key), lambda p: p.id)


def search_people(
    session: Session, q: str, *, visible: ColumnElement[bool] | None, limit: int
) -> Sequence[Person]:
    """People whose name (any script), e-mail or a skill matches ``q``, by name."""
    match = or_(_name_matches(q), _email_contains(q), _has_skill(normalise_key(q)))
    stmt = _where_visible(select(Person).where(match), visible).options(*SUMMARY)
    return session.scalars(stmt.order_by(Person.name_key, Person.id).limit(limit)).all()


def timeline_events(
    session: Session,
    person_id: uuid.UUID,
    *,
    include_views: bool,
    visible_job_ids: set[uuid.UUID] | None,
    limit: int,
) -> Sequence[tuple[AuditEvent, str | None]]:
    """A person's audit events, newest first, with the acting user's name (None for automation).

    For actors who see only some jobs, events about applications on other jobs are left out.
    """
    stmt = (
        select(AuditEvent, User.full_name)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(AuditEvent.person_id == person_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    if not include_views:
        stmt = stmt.where(AuditEvent.action != "view")
    if visible_job_ids is not None:
        seen_applications = select(Application.id).where(Application.job_id.in_(list(visible_job_ids)))
        stmt = stmt.where(
            or_(AuditEvent.entity_type != "application", AuditEvent.entity_id.in_(seen_applications))
        )
    return session.execute(stmt).all()


def get_people_full(session: Session, person_ids: Sequence[uuid.UUID]) -> Sequence[Person]:
    """Several people with every child collection loaded, in the order of ``person_ids``."""
    if not person_ids:
        return []
    stmt = select(Person).where(Person.id.in_(list(person_ids))).options(*FULL_RECORD)
    people = session.scalars(stmt).all()
    by_id = {person.id: person for person in people}
    return [by_id[person_id] for person_id in person_ids if person_id in by_id]
