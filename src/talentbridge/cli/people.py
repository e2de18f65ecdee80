"""``talentbridge import people`` and ``talentbridge export people``."""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from talentbridge.auth.actor import Actor
from talentbridge.cli.context import command_session, load_settings, upgrade_database
from talentbridge.errors import TalentBridgeError
from talentbridge.people import transfer

import_app = typer.Typer(help="Import records from files.", no_args_is_help=True)
export_app = typer.Typer(help="Export records.", no_args_is_help=True)
err_console = Console(stderr=True)
BATCH_SIZE = 100


@import_app.command("people")
def import_people(
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="A .csv, .json or .jsonl file")
    ],
) -> None:
    """Import people from CSV or JSON Resume. Bad records are reported; re-runs create no duplicates."""
    settings = load_settings()
    upgrade_database(settings)
    try:
        records = list(transfer.read_records(file))
    except (TalentBridgeError, UnicodeDecodeError) as exc:
        typer.echo(f"Error: {getattr(exc, 'message', exc)}", err=True)
        raise typer.Exit(2) from exc
    report = transfer.ImportReport()
    with Progress(
        TextColumn("Importing"), BarColumn(), MofNCompleteColumn(), console=err_console
    ) as progress:
        task = progress.add_task("people", total=len(records))
        iterator = iter(records)
        while batch := list(islice(iterator, BATCH_SIZE)):
            with command_session(settings) as session:
                report.merge(transfer.import_records(session, Actor.system(), batch))
            progress.advance(task, len(batch))
    for line, reason in report.errors:
        typer.echo(f"{file.name}:{line}: {reason}", err=True)
    for name in report.new_sources:
        typer.echo(f"Created source '{name}' (kind: other); review it under Settings → Sources.", err=True)
    typer.echo(f"Created {report.created}, already present {report.skipped}, rejected {len(report.errors)}.")
    if report.errors:
        raise typer.Exit(1)


@export_app.command("people")
def export_people(
    fmt: Annotated[str, typer.Option("--format", help="jsonresume (JSON lines) or csv")] = "jsonresume",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout)")
    ] = None,
) -> None:
    """Export every person as JSON Resume documents (one per line) or CSV."""
    if fmt not in {"jsonresume", "csv"}:
        typer.echo("Error: --format must be jsonresume or csv", err=True)
        raise typer.Exit(2)
    settings = load_settings()
    upgrade_database(settings)
    with command_session(settings) as session:
        chunks = transfer.export_people(session, Actor.system(), fmt=fmt)
        if output is None:
            for chunk in chunks:
                typer.echo(chunk, nl=False)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                handle.writelines(chunks)
