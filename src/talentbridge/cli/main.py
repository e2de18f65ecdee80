"""The ``talentbridge`` command: every command group is registered here."""

from __future__ import annotations

import typer

from talentbridge.cli import db, serve, users

app = typer.Typer(help="TalentBridge: hiring technical talent across borders.", no_args_is_help=True)
app.add_typer(db.app, name="db")
app.add_typer(users.users_app, name="users")
app.add_typer(users.tokens_app, name="tokens")
app.command("serve")(serve.serve)
