"""``talentbridge serve``: run the web app and API."""

from __future__ import annotations

import typer
import uvicorn

from talentbridge.cli.context import load_settings, upgrade_database


def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on"),
    port: int = typer.Option(8000, help="TCP port"),
    upgrade: bool = typer.Option(True, help="Apply database migrations before starting"),
) -> None:
    """Serve TalentBridge (web app at /, API at /api/v1, API docs at /docs)."""
    settings = load_settings()
    if upgrade:
        upgrade_database(settings)
    from talentbridge.app import create_app

    typer.echo(f"TalentBridge on http://{host}:{port}  (API docs: http://{host}:{port}/docs)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
