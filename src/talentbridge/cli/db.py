"""``talentbridge db``: schema management."""

from __future__ import annotations

import typer

from talentbridge.cli.context import load_settings, upgrade_database

app = typer.Typer(help="Database schema management.", no_args_is_help=True)


@app.command("upgrade")
def upgrade() -> None:
    """Create the database if needed and apply every migration."""
    settings = load_settings()
    upgrade_database(settings)
    typer.echo(f"Database is up to date ({_redacted(settings.effective_database_url)}).")


def _redacted(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
