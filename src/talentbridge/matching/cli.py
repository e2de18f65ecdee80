"""``talentbridge rank`` and ``talentbridge taxonomy``: the matching engine from the command line."""

from __future__ import annotations

import typer

taxonomy_app = typer.Typer(help="Normalise job titles and skills to the ESCO taxonomy.", no_args_is_help=True)


def rank() -> None:
    """Rank people (JSON Resume lines) for a job (schema.org JobPosting)."""
    raise typer.Exit(2)
