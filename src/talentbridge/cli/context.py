"""What every command needs: settings, a migrated database and a unit of work."""

from __future__ import annotations

import atexit
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from sqlalchemy.orm import Session

from talentbridge.auth import passwords
from talentbridge.config import ConfigurationError, Settings, get_settings
from talentbridge.db import migrate
from talentbridge.db.session import engine_for, session_factory, unit_of_work
from talentbridge.errors import TalentBridgeError
from talentbridge.worker import configure_queue, shutdown_queue


def load_settings() -> Settings:
    """Settings from the environment; configuration errors end the command with a message."""
    try:
        settings = get_settings()
    except ConfigurationError as exc:
        typer.secho(f"Configuration error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    settings.ensure_data_dir()
    passwords.configure(fast=settings.password_hash_fast)
    try:
        configure_queue(settings)
    except ConfigurationError as exc:
        typer.secho(f"Configuration error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    atexit.register(shutdown_queue)  # let queued in-process jobs finish before the command exits
    return settings


def upgrade_database(settings: Settings) -> None:
    """Create or upgrade the schema (idempotent)."""
    migrate.upgrade(settings.effective_database_url)


@contextmanager
def command_session(settings: Settings) -> Iterator[Session]:
    """One unit of work for a command; domain errors become a red message and exit code 1."""
    factory = session_factory(engine_for(settings.effective_database_url))
    try:
        with unit_of_work(factory) as session:
            yield session
    except TalentBridgeError as exc:
        typer.secho(f"Error: {exc.message}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
