"""``talentbridge permit``: China work-permit assessment from the command line."""

from __future__ import annotations

import typer

permit_app = typer.Typer(help="China work-permit assessment (category A/B/C).", no_args_is_help=True)
