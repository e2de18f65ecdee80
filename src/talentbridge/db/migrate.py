"""Run Alembic from code, so an installed package can upgrade its own database."""

from __future__ import annotations

from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config


def alembic_config(database_url: str) -> Config:
    """Alembic configuration pointing at the migrations shipped inside the package."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("talentbridge") / "migrations"))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the database schema up to ``revision``."""
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    """Take the schema down to ``revision`` (used by migration tests)."""
    command.downgrade(alembic_config(database_url), revision)


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Ignore database objects owned by other tools (procrastinate's queue schema)."""
    del obj, type_, reflected, compare_to
    return not (name is not None and name.startswith("procrastinate"))
