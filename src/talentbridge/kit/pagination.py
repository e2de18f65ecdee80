"""Keyset (cursor) pagination shared by every list endpoint and page.

A cursor encodes the sort value and id of the last row seen, so pages stay stable while rows are
inserted, and no OFFSET scan is needed.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, and_, or_

from talentbridge.errors import InvalidInput

T = TypeVar("T")
ItemT = TypeVar("ItemT")


class Page(BaseModel, Generic[ItemT]):
    """One page of a list: items, the cursor of the next page (null at the end) and the total."""

    items: list[ItemT]
    next_cursor: str | None
    total: int


@dataclass(frozen=True)
class SortSpec:
    """A sort column (by API name), its SQL expression and direction."""

    column: Any
    descending: bool


def _encode_value(value: object) -> object:
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"uuid": str(value)}
    if isinstance(value, Decimal):
        return {"dec": str(value)}
    return value


def _decode_value(value: object) -> object:
    if isinstance(value, dict):
        if "dt" in value:
            return datetime.fromisoformat(value["dt"])
        if "uuid" in value:
            return uuid.UUID(value["uuid"])
        if "dec" in value:
            return Decimal(value["dec"])
    return value


def encode_cursor(sort_value: object, row_id: uuid.UUID) -> str:
    """Opaque cursor for the row after which the next page starts."""
    raw = json.dumps([_encode_value(sort_value), str(row_id)])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[object, uuid.UUID]:
    """Inverse of ``encode_cursor``; a malformed cursor is a clear 422, never a 500."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        return _decode_value(value), uuid.UUID(row_id)
    except (ValueError, TypeError) as exc:
        raise InvalidInput(
            "The cursor is not valid; start again from the first page.", field="cursor"
        ) from exc


def apply_keyset(
    stmt: Select[Any], sort_column: Any, id_column: Any, *, descending: bool, cursor: str | None, limit: int
) -> Select[Any]:
    """Order by (sort, id) and start after the cursor; fetch one extra row to detect a next page."""
    if cursor:
        value, row_id = decode_cursor(cursor)
        condition: ColumnElement[bool]
        if descending:
            condition = or_(sort_column < value, and_(sort_column == value, id_column < row_id))
        else:
            condition = or_(sort_column > value, and_(sort_column == value, id_column > row_id))
        stmt = stmt.where(condition)
    order = (sort_column.desc(), id_column.desc()) if descending else (sort_column.asc(), id_column.asc())
    return stmt.order_by(*order).limit(limit + 1)


def next_cursor_for(
    rows: Sequence[T], limit: int, sort_value: Any, row_id: Any
) -> tuple[list[T], str | None]:
    """Trim the extra row and build the next cursor from the last kept row, if there is more."""
    if len(rows) <= limit:
        return list(rows), None
    kept = list(rows[:limit])
    last = kept[-1]
    return kept, encode_cursor(sort_value(last), row_id(last))
