"""The ``talentbridge`` command line (Typer); one command group per file."""
