"""``talentbridge demo``: a ready-to-explore TalentBridge on SQLite with demo data."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from talentbridge.cli.context import command_session, load_settings, upgrade_database
from talentbridge.cli.serve import serve
from talentbridge.demo.loader import DEMO_PASSWORD, DemoSummary, load_demo

console = Console()


def demo(
    serve_app: bool = typer.Option(True, "--serve/--no-serve", help="Start the web app after loading"),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on"),
    port: int = typer.Option(8000, help="TCP port"),
    people: int = typer.Option(400, min=0, max=20_000, help="How many demo people to generate"),
    seed: int = typer.Option(2026, help="Random seed: the same seed gives the same demo company"),
) -> None:
    """Create the database if needed, load demo data (once), then serve and print the demo logins."""
    settings = load_settings()
    upgrade_database(settings)
    with Progress(
        TextColumn("Loading demo data"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("people", total=people)
        with command_session(settings) as session:
            summary = load_demo(
                session,
                seed=seed,
                people=people,
                progress=lambda done, _: progress.update(task, completed=done),
            )
    _print_summary(summary, host, port)
    if serve_app:
        serve(host=host, port=port, upgrade=False)


def _print_summary(summary: DemoSummary, host: str, port: int) -> None:
    if summary.skipped:
        console.print("Demo data is already loaded; nothing added.")
    else:
        console.print(
            f"Loaded {summary.people} people, {summary.jobs} jobs in {summary.hubs} hubs, "
            f"{summary.applications} applications and {summary.moves} stage moves."
        )
    table = Table(title=f"Sign in at http://{host}:{port}  (password for every demo login: {DEMO_PASSWORD})")
    table.add_column("E-mail")
    table.add_column("Name")
    table.add_column("Role")
    for login in summary.logins:
        table.add_row(login.email, login.full_name, login.role.value)
    console.print(table)
