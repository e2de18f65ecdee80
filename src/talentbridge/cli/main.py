"""The ``talentbridge`` command: every command group is registered here."""

from __future__ import annotations

import typer

from talentbridge.cli import db, demo, people, serve, users
from talentbridge.cli import worker as worker_cli
from talentbridge.intake import cli as intake_cli
from talentbridge.matching import cli as matching_cli
from talentbridge.mobility import cli as mobility_cli

app = typer.Typer(help="TalentBridge: hiring technical talent across borders.", no_args_is_help=True)
app.add_typer(db.app, name="db")
app.add_typer(users.users_app, name="users")
app.add_typer(users.tokens_app, name="tokens")
app.command("serve")(serve.serve)
app.command("worker")(worker_cli.worker)
app.command("demo")(demo.demo)
people.import_app.command("resumes")(intake_cli.import_resumes)
app.add_typer(people.import_app, name="import")
app.add_typer(people.export_app, name="export")
app.command("rank")(matching_cli.rank)
app.add_typer(matching_cli.taxonomy_app, name="taxonomy")
app.add_typer(mobility_cli.permit_app, name="permit")
app.command("parse")(intake_cli.parse)
