"""Rows as JSON and back, for merge snapshots that must restore exactly what was there.

A merge touches tables of many contexts (applications, notes, attachments, and whatever other
contexts hang on a person). Rather than know each one, a merge works on the metadata: rows are
read with SQLAlchemy Core, stored as JSON (ids, dates, decimals and enums as text) and written
back with the column types deciding how each value is decoded.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    Numeric,
    Table,
    Uuid,
    and_,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from talentbridge.db.base import Base

Row = dict[str, Any]


def table(name: str) -> Table:
    """A table of the application's metadata by name."""
    return Base.metadata.tables[name]


def encode(value: Any) -> Any:
    """A column value as JSON."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def _decode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, Uuid):
        return uuid.UUID(str(value))
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, Float):
        return float(value)
    if isinstance(kind, Numeric):
        return Decimal(str(value))
    if isinstance(kind, SqlEnum) and kind.enum_class is not None:
        return kind.enum_class(value)
    if isinstance(kind, JSON):
        return value
    return value


def primary_key(tbl: Table, row: Row) -> Row:
    """The primary-key values of a row (encoded)."""
    return {column.name: encode(row[column.name]) for column in tbl.primary_key.columns}


def where_pk(tbl: Table, pk: Row) -> Any:
    """The condition selecting one row by its (encoded) primary key."""
    return and_(*(tbl.c[name] == _decode(tbl.c[name], value) for name, value in pk.items()))


def read_rows(session: Session, tbl: Table, condition: Any) -> list[Row]:
    """Rows matching ``condition``, encoded as JSON objects."""
    result = session.execute(select(tbl).where(condition)).mappings().all()
    return [{key: encode(value) for key, value in row.items()} for row in result]


def insert_row(session: Session, tbl: Table, row: Row) -> None:
    """Write an encoded row back exactly as it was."""
    session.execute(insert(tbl).values({name: _decode(tbl.c[name], value) for name, value in row.items()}))


def update_row(session: Session, tbl: Table, pk: Row, values: Row) -> None:
    """Set encoded values on one row."""
    decoded = {name: _decode(tbl.c[name], value) for name, value in values.items()}
    session.execute(update(tbl).where(where_pk(tbl, pk)).values(decoded))


def delete_rows(session: Session, tbl: Table, condition: Any) -> None:
    """Delete rows (the database cascades to their dependants)."""
    session.execute(delete(tbl).where(condition))


def referencing_columns(target: str) -> list[tuple[Table, Column[Any], str | None]]:
    """Every (table, column, on-delete rule) holding a foreign key to ``target.id``."""
    found = []
    for tbl in Base.metadata.sorted_tables:
        for fk in tbl.foreign_keys:
            if fk.column.table.name == target and fk.column.name == "id" and fk.parent.table is tbl:
                found.append((tbl, fk.parent, fk.ondelete))
    return found


def unique_groups(tbl: Table, column: Column[Any]) -> list[list[str]]:
    """The other columns of each unique constraint that includes ``column``."""
    groups = []
    for constraint in tbl.constraints:
        names = [col.name for col in getattr(constraint, "columns", [])]
        if constraint.__class__.__name__ == "UniqueConstraint" and column.name in names:
            groups.append([name for name in names if name != column.name])
    for index in tbl.indexes:
        names = [col.name for col in index.columns]
        if index.unique and column.name in names:
            groups.append([name for name in names if name != column.name])
    if column.primary_key and len(tbl.primary_key.columns) > 1:
        groups.append([col.name for col in tbl.primary_key.columns if col.name != column.name])
    return groups


def decode(column: Column[Any], value: Any) -> Any:
    """An encoded value as the column expects it."""
    return _decode(column, value)


def where_value(tbl: Table, row: Row) -> Any:
    """The decoded ``id`` of a row, for looking up the rows that reference it."""
    return _decode(tbl.c.id, row["id"])


def all_of(conditions: list[Any]) -> Any:
    """All conditions together."""
    return and_(*conditions)


def dependency_rank(name: str) -> int:
    """Position of a table in foreign-key order: parents before the rows that reference them."""
    return [tbl.name for tbl in Base.metadata.sorted_tables].index(name)
