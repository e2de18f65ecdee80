"""Merging two people into one, field by field, and undoing it exactly.

A merge keeps one record (the survivor) and removes the other. Before anything changes, both
records are snapshotted row by row. Everything that pointed at the merged-away person
(applications, notes, attachments, and rows of any other context) is re-pointed to the survivor
and listed, so an undo can point it back. When re-pointing would break a uniqueness rule (both
applied to the same job), the survivor's row is kept: the other row's notes and files move onto
it, and the other row itself, with its stage history, is kept in the snapshot and comes back on
undo. The survivor then receives the chosen values through the people service.

Undo restores the survivor as it was, re-creates the merged-away person under the same id and
points everything back. It is refused when the survivor changed after the merge (their later
edits would be lost).
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import ValidationError
from sqlalchemy import Table
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from talentbridge.audit import service as audit
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_recruiting_write
from talentbridge.errors import Conflict, InvalidInput, NotFound
from talentbridge.intake import _rows
from talentbridge.intake.models import Merge
from talentbridge.kit.clock import utc_now
from talentbridge.kit.text import normalise_email, normalise_key
from talentbridge.people import service as people_service
from talentbridge.people.schemas import PersonRead, PersonUpdate

Choice = Literal["a", "b", "union"]
PERSON_TABLE = "people"
# Rows that belong to a person record itself: snapshotted with it, never re-pointed.
PERSON_TABLES = (
    "person_emails",
    "person_phones",
    "person_languages",
    "person_skills",
    "educations",
    "experiences",
    "person_tags",
)
# Rows about a *pair* or a person's own keys: removed with the person, restored on undo.
DROPPED_WITH_PERSON = frozenset({"intake_duplicates", "intake_match_keys"})
NOT_REPOINTED = frozenset({*PERSON_TABLES, "intake_merges"})

SCALAR_FIELDS = (
    "first_name",
    "last_name",
    "native_name",
    "headline",
    "current_title",
    "current_employer",
    "location_city",
    "location_country",
    "timezone",
    "date_of_birth",
    "willing_to_relocate",
    "notice_period_days",
    "source_id",
    "summary",
    "expected_salary",
)
LIST_FIELDS = (
    "emails",
    "phones",
    "skills",
    "languages",
    "nationalities",
    "links",
    "educations",
    "experiences",
    "publications",
    "awards",
    "tags",
)
MERGE_FIELDS = SCALAR_FIELDS + LIST_FIELDS
SALARY_PARTS = ("expected_salary_amount", "expected_salary_currency", "expected_salary_period")

_LIST_KEYS: dict[str, Any] = {
    "emails": normalise_email,
    "phones": lambda item: item["number"],
    "skills": lambda item: normalise_key(item["name"]),
    "languages": lambda item: item["language"],
    "nationalities": lambda item: item,
    "tags": lambda item: item,
    "educations": lambda item: (normalise_key(item["institution"]), item["degree_level"]),
    "experiences": lambda item: (normalise_key(item["employer"]), normalise_key(item["title"])),
    "publications": lambda item: normalise_key(item["title"]),
    "awards": lambda item: normalise_key(item["title"]),
}


def _input_value(field: str, value: Any) -> Any:
    """A read value in the shape ``PersonUpdate`` accepts."""
    if field == "skills":
        return [{"name": item["name"], "years": item["years"]} for item in value]
    return value


def _union(field: str, first: Any, second: Any) -> Any:
    if field == "links":
        return {**second, **first}
    key = _LIST_KEYS[field]
    seen: set[Any] = set()
    merged = []
    for item in [*first, *second]:
        if key(item) not in seen:
            seen.add(key(item))
            merged.append(item)
    return merged


def default_choices(survivor: dict[str, Any], other: dict[str, Any]) -> dict[str, Choice]:
    """Survivor's values, except empty ones the other record fills; lists are unioned."""
    choices: dict[str, Choice] = {}
    for field in SCALAR_FIELDS:
        mine = survivor.get("expected_salary_amount") if field == "expected_salary" else survivor.get(field)
        theirs = other.get("expected_salary_amount") if field == "expected_salary" else other.get(field)
        choices[field] = "b" if mine in (None, "") and theirs not in (None, "") else "a"
    choices.update(dict.fromkeys(LIST_FIELDS, "union"))
    return choices


def merged_values(survivor: dict[str, Any], other: dict[str, Any], choices: dict[str, str]) -> dict[str, Any]:
    """The survivor's new values from two JSON dumps of ``PersonRead`` ("a" = survivor)."""
    values: dict[str, Any] = {}
    for field in MERGE_FIELDS:
        choice = choices.get(field, "union" if field in LIST_FIELDS else "a")
        if choice not in {"a", "b", "union"} or (choice == "union" and field not in LIST_FIELDS):
            raise InvalidInput(
                f"choices.{field}: choose a, b" + (" or union" if field in LIST_FIELDS else "")
            )
        source = other if choice == "b" else survivor
        if field == "expected_salary":
            values.update({part: source.get(part) for part in SALARY_PARTS})
        elif choice == "union":
            values[field] = _input_value(field, _union(field, survivor[field], other[field]))
        else:
            values[field] = _input_value(field, source.get(field))
    for field in ("first_name", "last_name", "summary"):
        if values.get(field) is None:
            values[field] = survivor.get(field) or ""
    return values


def _person_dump(session: Session, actor: Actor, person_id: uuid.UUID) -> dict[str, Any]:
    person = people_service.get_person(session, actor, person_id, record_view=False)
    read: PersonRead = people_service.person_to_read(actor, person)
    return read.model_dump(mode="json")


def snapshot_person(session: Session, person_id: uuid.UUID) -> dict[str, list[_rows.Row]]:
    """Every row of the person's record (the person and their e-mails, phones, skills ...)."""
    people = _rows.table(PERSON_TABLE)
    rows = {PERSON_TABLE: _rows.read_rows(session, people, people.c.id == person_id)}
    for name in PERSON_TABLES:
        tbl = _rows.table(name)
        rows[name] = _rows.read_rows(session, tbl, tbl.c.person_id == person_id)
    return rows


def _subtree(session: Session, tbl: Table, row: _rows.Row, removed: list[dict[str, Any]]) -> None:
    """Record a row and every row the database would delete with it (parents first)."""
    removed.append({"table": tbl.name, "row": row})
    for child, column, ondelete in _rows.referencing_columns(tbl.name):
        if (ondelete or "").upper() != "CASCADE":
            continue
        for child_row in _rows.read_rows(session, child, column == _rows.where_value(tbl, row)):
            _subtree(session, child, child_row, removed)


def _conflicting_row(
    session: Session, tbl: Table, column: Any, row: _rows.Row, target: uuid.UUID
) -> _rows.Row | None:
    """The target's row that re-pointing ``row`` would collide with, if any."""
    for others in _rows.unique_groups(tbl, column):
        condition = [column == target] + [
            tbl.c[name] == row_value for name, row_value in _decoded(tbl, row, others)
        ]
        found = _rows.read_rows(session, tbl, _rows.all_of(condition))
        if found:
            return found[0]
    return None


def _decoded(tbl: Table, row: _rows.Row, names: list[str]) -> list[tuple[str, Any]]:
    return [(name, _rows.decode(tbl.c[name], row[name])) for name in names]


def _repoint(
    session: Session, source: uuid.UUID, target: uuid.UUID, parent: str, snapshot: dict[str, Any]
) -> None:
    """Point every row referencing ``parent`` row ``source`` at ``target``, recording each move."""
    for tbl, column, _ondelete in _rows.referencing_columns(parent):
        if tbl.name in NOT_REPOINTED or (parent == PERSON_TABLE and tbl.name == PERSON_TABLE):
            continue
        for row in _rows.read_rows(session, tbl, column == source):
            if tbl.name in DROPPED_WITH_PERSON:
                _subtree(session, tbl, row, snapshot["removed"])
                continue
            pk = _rows.primary_key(tbl, row)
            conflict = _conflicting_row(session, tbl, column, row, target)
            if conflict is None:
                _rows.update_row(session, tbl, pk, {column.name: str(target)})
                snapshot["moved"].append(
                    {"table": tbl.name, "pk": pk, "column": column.name, "from": str(source)}
                )
                continue
            snapshot["conflicts"].append(
                {"table": tbl.name, "kept": _rows.primary_key(tbl, conflict), "removed": pk}
            )
            if "id" in tbl.c:
                _repoint(session, uuid.UUID(row["id"]), uuid.UUID(conflict["id"]), tbl.name, snapshot)
            _subtree(
                session, tbl, _rows.read_rows(session, tbl, _rows.where_pk(tbl, pk))[0], snapshot["removed"]
            )
            _rows.delete_rows(session, tbl, _rows.where_pk(tbl, pk))


def merge_people(
    session: Session,
    actor: Actor,
    survivor_id: uuid.UUID,
    merged_id: uuid.UUID,
    *,
    choices: dict[str, str] | None = None,
    duplicate_id: uuid.UUID | None = None,
    automatic: bool = False,
) -> Merge:
    """Merge ``merged_id`` into ``survivor_id`` with per-field ``choices`` ("a" = survivor)."""
    require_recruiting_write(actor)
    if survivor_id == merged_id:
        raise InvalidInput("A person cannot be merged with themselves.", field="survivor_id")
    survivor, other = _person_dump(session, actor, survivor_id), _person_dump(session, actor, merged_id)
    chosen = {**default_choices(survivor, other), **(choices or {})}
    values = merged_values(survivor, other, chosen)
    try:
        update = PersonUpdate.model_validate(values)
    except ValidationError as exc:
        raise InvalidInput(
            f"The merged record is not valid: {exc.errors()[0]['msg']}", field="choices"
        ) from exc
    snapshot: dict[str, Any] = {
        "survivor": snapshot_person(session, survivor_id),
        "merged": snapshot_person(session, merged_id),
        "moved": [],
        "removed": [],
        "conflicts": [],
    }
    session.flush()
    _repoint(session, merged_id, survivor_id, PERSON_TABLE, snapshot)
    people = _rows.table(PERSON_TABLE)
    _rows.delete_rows(session, people, people.c.id == merged_id)
    session.expire_all()
    person = people_service.update_person(session, actor, survivor_id, update)
    merge = Merge(
        survivor_id=survivor_id,
        merged_id=merged_id,
        duplicate_id=duplicate_id,
        automatic=automatic,
        choices=chosen,
        snapshot=snapshot,
        survivor_version=person.version,
        actor_id=actor.user_id,
    )
    session.add(merge)
    session.flush()
    changes = {"merged_person_id": str(merged_id), "merge_id": str(merge.id), "choices": chosen}
    summary = "Merged a duplicate record into this person" + (
        " (same e-mail, phone or profile)" if automatic else ""
    )
    audit.record(
        session,
        actor,
        "merge",
        "person",
        survivor_id,
        person_id=survivor_id,
        summary=summary,
        changes=changes,
    )
    audit.record(
        session, actor, "merge", "person", merged_id, person_id=merged_id,
        summary="Merged into another person",
        changes={"survivor_id": str(survivor_id), "merge_id": str(merge.id)},
    )  # fmt: skip
    return merge


def get_merge(session: Session, actor: Actor, merge_id: uuid.UUID) -> Merge:
    """A merge record (admins and recruiters)."""
    require_recruiting_write(actor)
    merge = session.get(Merge, merge_id)
    if merge is None:
        raise NotFound("No such merge.")
    return merge


def _restore_person(session: Session, rows: dict[str, list[_rows.Row]], *, replace: bool) -> None:
    people = _rows.table(PERSON_TABLE)
    person_row = rows[PERSON_TABLE][0]
    person_id = uuid.UUID(person_row["id"])
    if replace:
        for name in PERSON_TABLES:
            tbl = _rows.table(name)
            _rows.delete_rows(session, tbl, tbl.c.person_id == person_id)
        values = {key: value for key, value in person_row.items() if key != "id"}
        _rows.update_row(session, people, {"id": person_row["id"]}, values)
    else:
        _rows.insert_row(session, people, person_row)
    for name in PERSON_TABLES:
        for row in rows.get(name, []):
            _rows.insert_row(session, _rows.table(name), row)


def undo_merge(session: Session, actor: Actor, merge_id: uuid.UUID) -> Merge:
    """Restore both records as they were before the merge and point everything back."""
    merge = get_merge(session, actor, merge_id)
    if merge.undone_at is not None:
        raise Conflict("This merge has already been undone.")
    if merge.survivor_id is None:
        raise Conflict("The surviving person has been deleted since, so the merge cannot be undone.")
    survivor = people_service.get_person(session, actor, merge.survivor_id, record_view=False)
    if survivor.version != merge.survivor_version:
        raise Conflict(
            "The surviving person was changed after the merge; undoing it would lose those changes."
        )
    snapshot = merge.snapshot
    try:  # no savepoint (see importer): a refused undo rolls the whole unit of work back
        _restore_person(session, snapshot["survivor"], replace=True)
        _restore_person(session, snapshot["merged"], replace=False)
        for entry in sorted(snapshot["removed"], key=lambda item: _rows.dependency_rank(item["table"])):
            _rows.insert_row(session, _rows.table(entry["table"]), entry["row"])
        for entry in reversed(snapshot["moved"]):
            tbl = _rows.table(entry["table"])
            _rows.update_row(session, tbl, entry["pk"], {entry["column"]: entry["from"]})
    except IntegrityError as exc:
        raise Conflict(
            "The merge cannot be undone: data of the merged-away person (e.g. an e-mail address) "
            "now belongs to someone else."
        ) from exc
    session.expire_all()
    merge = get_merge(session, actor, merge_id)
    merge.undone_at = utc_now()
    merge.undone_by_id = actor.user_id
    session.flush()
    changes = {"merge_id": str(merge.id), "restored_person_id": str(merge.merged_id)}
    for person_id in (merge.survivor_id, merge.merged_id):
        audit.record(
            session, actor, "unmerge", "person", person_id, person_id=person_id,
            summary="Undid a merge and restored both records", changes=changes,
        )  # fmt: skip
    return merge
