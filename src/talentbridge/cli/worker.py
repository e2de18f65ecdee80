"""``talentbridge worker``: run background jobs from the PostgreSQL queue (procrastinate)."""

from __future__ import annotations

import logging

import psycopg
import typer

from talentbridge.cli.context import load_settings
from talentbridge.config import ConfigurationError, Settings
from talentbridge.config import QueueBackend as QueueChoice
from talentbridge.worker import ProcrastinateBackend, configure_queue, shutdown_queue

IN_PROCESS_MESSAGE = (
    "No worker to start: jobs run inside the web process; "
    "set TALENTBRIDGE_QUEUE_BACKEND=procrastinate to run them on a worker."
)


def worker(
    queue: list[str] | None = typer.Option(
        None, "--queue", "-q", help="Only run jobs of this queue (repeat for several); default: every queue"
    ),
    concurrency: int = typer.Option(1, min=1, help="How many jobs run at the same time (threads)"),
    one_shot: bool = typer.Option(False, "--one-shot", help="Exit once the queue is empty"),
) -> None:
    """Run queued background jobs until stopped (Ctrl+C / SIGTERM finish the running jobs first)."""
    settings = load_settings()
    if settings.queue_backend != QueueChoice.PROCRASTINATE:
        typer.secho(IN_PROCESS_MESSAGE, fg=typer.colors.RED, err=True)
        raise typer.Exit(2)
    backend = _procrastinate_backend(settings)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    typer.echo(f"Worker running jobs of {', '.join(queue) if queue else 'every queue'}; Ctrl+C stops it.")
    try:
        backend.run_worker(queues=queue or None, concurrency=concurrency, wait=not one_shot)
    finally:
        shutdown_queue()


def _procrastinate_backend(settings: Settings) -> ProcrastinateBackend:
    """Configure the queue (applying its schema if missing); errors end the command with a message."""
    try:
        backend = configure_queue(settings)
    except ConfigurationError as exc:
        typer.secho(f"Configuration error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    except psycopg.OperationalError as exc:
        typer.secho(f"Cannot reach the queue database: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
    assert isinstance(backend, ProcrastinateBackend)
    return backend
