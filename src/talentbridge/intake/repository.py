"""Every query of the intake context.

Duplicate detection reads the people tables directly (read-only, by indexed keys): it needs a
few columns of many people at once, which the people service's full-record reads would make slow.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, or_, select, tuple_
from sqlalchemy.orm import Session

from talentbridge.intake.dedup import DedupProfile
from talentbridge.intake.models import (
    BatchStatus,
    DuplicateProposal,
    DuplicateStatus,
    FieldReview,
    ImportBatch,
    ImportedDocument,
    ImportItem,
    ItemStatus,
    MatchKey,
    Merge,
    ReviewStatus,
)
from talentbridge.people.models import Education, Experience, Person, PersonEmail, PersonPhone


def get_batch(session: Session, batch_id: uuid.UUID) -> ImportBatch | None:
    """A batch by id."""
    return session.get(ImportBatch, batch_id)


def list_batches(session: Session, *, limit: int = 20) -> Sequence[ImportBatch]:
    """The newest batches first."""
    return session.scalars(select(ImportBatch).order_by(ImportBatch.created_at.desc()).limit(limit)).all()


def unfinished_batch_ids(session: Session) -> list[uuid.UUID]:
    """Batches with items still waiting (to resume after a restart)."""
    stmt = (
        select(ImportBatch.id).where(ImportBatch.status != BatchStatus.DONE).order_by(ImportBatch.created_at)
    )
    return list(session.scalars(stmt))


def next_pending_item(session: Session, batch_id: uuid.UUID) -> ImportItem | None:
    """The first item not yet done, locked on PostgreSQL so two workers never take the same one."""
    stmt = (
        select(ImportItem)
        .where(ImportItem.batch_id == batch_id, ImportItem.status == ItemStatus.PENDING)
        .order_by(ImportItem.position)
        .limit(1)
    )
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    return session.scalars(stmt).first()


def item_counts(session: Session, batch_id: uuid.UUID) -> dict[str, int]:
    """How many items of the batch are pending/done/failed and with which outcome."""
    stmt = (
        select(ImportItem.status, ImportItem.outcome, func.count())
        .where(ImportItem.batch_id == batch_id)
        .group_by(ImportItem.status, ImportItem.outcome)
    )
    counts: dict[str, int] = defaultdict(int)
    for status, outcome, count in session.execute(stmt):
        counts[status.value] += count
        if outcome is not None:
            counts[outcome.value] += count
    return dict(counts)


def failed_items(session: Session, batch_id: uuid.UUID, *, limit: int = 500) -> Sequence[ImportItem]:
    """Items that failed, in batch order."""
    stmt = (
        select(ImportItem)
        .where(ImportItem.batch_id == batch_id, ImportItem.status == ItemStatus.FAILED)
        .order_by(ImportItem.position)
        .limit(limit)
    )
    return session.scalars(stmt).all()


def max_position(session: Session, batch_id: uuid.UUID) -> int:
    """The highest item position of the batch (-1 when empty)."""
    value = session.scalar(select(func.max(ImportItem.position)).where(ImportItem.batch_id == batch_id))
    return -1 if value is None else int(value)


def document_by_hash(session: Session, content_hash: str) -> ImportedDocument | None:
    """The document already imported with these bytes."""
    return session.scalars(
        select(ImportedDocument).where(ImportedDocument.content_hash == content_hash)
    ).first()


def people_by_emails(session: Session, normalised: Iterable[str]) -> list[uuid.UUID]:
    """People holding any of these normalised e-mail addresses."""
    keys = list(normalised)
    if not keys:
        return []
    return list(
        session.scalars(select(PersonEmail.person_id).where(PersonEmail.normalized.in_(keys)).distinct())
    )


def people_by_phones(session: Session, numbers: Iterable[str]) -> list[uuid.UUID]:
    """People holding any of these E.164 numbers."""
    keys = list(numbers)
    if not keys:
        return []
    return list(session.scalars(select(PersonPhone.person_id).where(PersonPhone.e164.in_(keys)).distinct()))


def people_by_keys(session: Session, keys: Iterable[tuple[str, str]]) -> list[uuid.UUID]:
    """People filed under any of these (kind, value) blocking keys."""
    pairs = list(keys)
    if not pairs:
        return []
    stmt = select(MatchKey.person_id).where(tuple_(MatchKey.kind, MatchKey.value).in_(pairs)).distinct()
    return list(session.scalars(stmt))


def crowded_keys(session: Session, keys: Iterable[tuple[str, str]], *, limit: int) -> set[tuple[str, str]]:
    """Keys shared by more than ``limit`` people (a very common name block says little)."""
    pairs = list(keys)
    if not pairs:
        return set()
    stmt = (
        select(MatchKey.kind, MatchKey.value)
        .where(tuple_(MatchKey.kind, MatchKey.value).in_(pairs))
        .group_by(MatchKey.kind, MatchKey.value)
        .having(func.count() > limit)
    )
    return {(kind, value) for kind, value in session.execute(stmt)}


def replace_match_keys(session: Session, person_id: uuid.UUID, keys: Iterable[tuple[str, str]]) -> None:
    """File the person under exactly these keys."""
    session.execute(delete(MatchKey).where(MatchKey.person_id == person_id))
    session.add_all(MatchKey(person_id=person_id, kind=kind, value=value[:320]) for kind, value in set(keys))
    session.flush()


def person_ids_page(session: Session, *, after: uuid.UUID | None, limit: int) -> list[uuid.UUID]:
    """People ids in id order, a page at a time (for a full duplicate scan)."""
    stmt = select(Person.id).order_by(Person.id).limit(limit)
    if after is not None:
        stmt = stmt.where(Person.id > after)
    return list(session.scalars(stmt))


def dedup_profiles(session: Session, person_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, DedupProfile]:
    """What duplicate detection needs about each person, in five queries whatever the count."""
    ids = list(person_ids)
    if not ids:
        return {}
    emails: dict[uuid.UUID, list[str]] = defaultdict(list)
    phones: dict[uuid.UUID, list[str]] = defaultdict(list)
    employers: dict[uuid.UUID, list[str]] = defaultdict(list)
    institutions: dict[uuid.UUID, list[str]] = defaultdict(list)
    for person_id, value in session.execute(
        select(PersonEmail.person_id, PersonEmail.email).where(PersonEmail.person_id.in_(ids))
    ):
        emails[person_id].append(value)
    for person_id, value in session.execute(
        select(PersonPhone.person_id, PersonPhone.e164).where(PersonPhone.person_id.in_(ids))
    ):
        phones[person_id].append(value)
    for person_id, value in session.execute(
        select(Experience.person_id, Experience.employer).where(Experience.person_id.in_(ids))
    ):
        employers[person_id].append(value)
    for person_id, value in session.execute(
        select(Education.person_id, Education.institution).where(Education.person_id.in_(ids))
    ):
        institutions[person_id].append(value)
    stmt = select(
        Person.id,
        Person.first_name,
        Person.last_name,
        Person.native_name,
        Person.links,
        Person.current_employer,
    ).where(Person.id.in_(ids))
    profiles = {}
    for person_id, first, last, native, links, current in session.execute(stmt):
        profiles[person_id] = DedupProfile(
            person_id=str(person_id),
            first_name=first,
            last_name=last,
            native_name=native,
            emails=tuple(emails[person_id]),
            phones=tuple(phones[person_id]),
            urls=tuple(str(url) for url in (links or {}).values()),
            employers=tuple(employers[person_id] + ([current] if current else [])),
            institutions=tuple(institutions[person_id]),
        )
    return profiles


def existing_pairs(
    session: Session, pairs: Iterable[tuple[uuid.UUID, uuid.UUID]]
) -> set[tuple[uuid.UUID, uuid.UUID]]:
    """Which (ordered) person pairs already have a proposal, whatever its status."""
    wanted = list(pairs)
    if not wanted:
        return set()
    stmt = select(DuplicateProposal.person_a_id, DuplicateProposal.person_b_id).where(
        tuple_(DuplicateProposal.person_a_id, DuplicateProposal.person_b_id).in_(wanted)
    )
    return {(a, b) for a, b in session.execute(stmt)}


def get_duplicate(session: Session, duplicate_id: uuid.UUID) -> DuplicateProposal | None:
    """A duplicate proposal by id."""
    return session.get(DuplicateProposal, duplicate_id)


def list_duplicates(session: Session, *, status: DuplicateStatus, limit: int) -> Sequence[DuplicateProposal]:
    """Proposals with this status, most likely first."""
    stmt = (
        select(DuplicateProposal)
        .where(DuplicateProposal.status == status)
        .order_by(DuplicateProposal.score.desc(), DuplicateProposal.created_at, DuplicateProposal.id)
        .limit(limit)
    )
    return session.scalars(stmt).all()


def names_of(session: Session, person_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str | None]]:
    """Display name and native name of each person."""
    ids = list(set(person_ids))
    if not ids:
        return {}
    stmt = select(Person.id, Person.first_name, Person.last_name, Person.native_name).where(
        Person.id.in_(ids)
    )
    return {pid: (f"{first} {last}".strip(), native) for pid, first, last, native in session.execute(stmt)}


def get_review(session: Session, review_id: uuid.UUID) -> FieldReview | None:
    """A field review by id."""
    return session.get(FieldReview, review_id)


def list_reviews(
    session: Session, *, person_id: uuid.UUID | None = None, limit: int = 100
) -> Sequence[FieldReview]:
    """Pending reviews, oldest first (optionally of one person)."""
    stmt = select(FieldReview).where(FieldReview.status == ReviewStatus.PENDING)
    if person_id is not None:
        stmt = stmt.where(FieldReview.person_id == person_id)
    return session.scalars(stmt.order_by(FieldReview.created_at, FieldReview.id).limit(limit)).all()


def list_merges(session: Session, *, person_id: uuid.UUID | None = None, limit: int = 50) -> Sequence[Merge]:
    """Merges, newest first (optionally those involving one person)."""
    stmt = select(Merge)
    if person_id is not None:
        stmt = stmt.where(or_(Merge.survivor_id == person_id, Merge.merged_id == person_id))
    return session.scalars(stmt.order_by(Merge.created_at.desc()).limit(limit)).all()
