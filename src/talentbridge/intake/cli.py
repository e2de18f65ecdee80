"""``talentbridge parse`` and ``talentbridge import resumes``: résumé intake from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def parse(
    file: Annotated[Path, typer.Argument(help="Résumé file: PDF, DOCX, plain text or JSON Resume")],
    output_format: Annotated[str, typer.Option("--format", help="Output format (only json)")] = "json",
) -> None:
    """Parse one résumé file and print the JSON Resume document with evidence and confidences.

    Exit code 2 for a file that cannot be read or parsed (the reason goes to stderr).
    """
    from talentbridge.intake._cli_parse import run_parse

    run_parse(file, output_format)


def import_resumes(
    paths: Annotated[
        list[Path], typer.Argument(help="Résumé files, folders, zips, or CSV/JSON Resume exports")
    ],
    source: Annotated[
        str | None, typer.Option("--source", help="Channel to attribute people to (created if new)")
    ] = None,
) -> None:
    """Import résumé files, folders or zips as people; re-running resumes an interrupted import."""
    from talentbridge.intake._cli_import import run_import_resumes

    run_import_resumes(paths, source)
