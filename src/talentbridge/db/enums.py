"""Storing StrEnums by value in a portable way."""

from __future__ import annotations

from sqlalchemy import Enum


def enum_column(enum_cls: type, name: str) -> Enum:
    """A StrEnum stored by its value as VARCHAR (no native enum type, so migrations stay simple)."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )
