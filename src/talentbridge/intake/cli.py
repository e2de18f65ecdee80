"""``talentbridge parse`` and ``talentbridge import resumes``: résumé intake from the command line."""

from __future__ import annotations

import typer


def parse() -> None:
    """Parse one résumé file and print the JSON Resume document with evidence."""
    raise typer.Exit(2)


def import_resumes() -> None:
    """Import résumé files, folders or zips as people."""
    raise typer.Exit(2)
