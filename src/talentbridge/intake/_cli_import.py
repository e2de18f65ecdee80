"""The body of ``talentbridge import resumes``: plan or resume a batch, then drain it with a
progress bar on stderr; a summary goes to stdout as JSON.

Running the same command again after an interruption (Ctrl-C, a kill, a crash) resumes the
unfinished batch for the same paths instead of starting over; files imported before are
recognised by their content hash either way, so nothing is imported twice.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from talentbridge.auth.actor import Actor
from talentbridge.cli.context import command_session, load_settings, upgrade_database
from talentbridge.db.session import engine_for, session_factory
from talentbridge.intake import service
from talentbridge.intake.tasks import drain_batch

err_console = Console(stderr=True)


def run_import_resumes(paths: list[Path], source: str | None) -> None:
    """Import résumés, zips and exports under ``paths``; exit 1 when some files failed."""
    missing = [path for path in paths if not path.exists()]
    if missing:
        typer.echo(f"Error: {missing[0]}: no such file or folder", err=True)
        raise typer.Exit(2)
    settings = load_settings()
    upgrade_database(settings)
    actor = Actor.system()
    with command_session(settings) as session:
        batch = service.find_unfinished(session, actor, service.paths_label(paths, source))
        if batch is None:
            batch = service.create_batch_from_paths(session, actor, paths, source_name=source)
        else:
            typer.echo("Resuming the unfinished import of these files.", err=True)
        batch_id = batch.id
    factory = session_factory(engine_for(settings.effective_database_url))
    with Progress(
        TextColumn("Importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err_console
    ) as progress:
        task_id = progress.add_task("résumés", total=None)

        def show(done: int, total: int) -> None:
            progress.update(task_id, completed=done, total=total)

        drain_batch(factory, settings, batch_id, on_progress=show)
    with command_session(settings) as session:
        report = service.batch_progress(session, actor, batch_id)
    for error in report.errors:
        typer.echo(f"{error.filename}: {error.message} ({error.code})", err=True)
    summary = report.model_dump(mode="json", exclude={"errors"})
    typer.echo(json.dumps(summary, ensure_ascii=False))
    if report.failed:
        raise typer.Exit(1)
