"""Body of ``talentbridge parse``: kept apart so ``talentbridge --help`` stays fast to import."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import typer

from talentbridge.intake.parsing import UnreadableDocument, parse_document

MAX_BYTES = 10 * 1024 * 1024


def run_parse(file: Path, output_format: str) -> None:
    """Print {"resume", "evidence", "warnings", "language", "detected_type", "content_hash"} as JSON."""
    if output_format != "json":
        typer.echo(f"Error: --format must be 'json' (got '{output_format}').", err=True)
        raise typer.Exit(2)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableDocument(
                "too_large", f"The file is larger than the {MAX_BYTES // (1024 * 1024)} MB limit."
            )
        data = file.read_bytes()
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        typer.echo(f"Error: cannot read {file}: {exc.strerror or exc}.", err=True)
        raise typer.Exit(2) from None
    except UnreadableDocument as exc:
        typer.echo(f"Error: {file}: {exc.code}: {exc.message}", err=True)
        raise typer.Exit(2) from None
    try:
        parsed = parse_document(data, file.name, max_bytes=MAX_BYTES)
    except UnreadableDocument as exc:
        typer.echo(f"Error: {file}: {exc.code}: {exc.message}", err=True)
        raise typer.Exit(2) from None
    payload = {
        "resume": parsed.resume,
        "evidence": [dataclasses.asdict(item) for item in parsed.evidence],
        "warnings": list(parsed.warnings),
        "language": parsed.language,
        "detected_type": parsed.detected_type,
        "content_hash": parsed.content_hash,
    }
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
