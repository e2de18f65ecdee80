"""``talentbridge users`` and ``talentbridge tokens``: accounts and API tokens."""

from __future__ import annotations

import typer
from pydantic import ValidationError

from talentbridge.auth import repository, service
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.schemas import TokenCreate, UserCreate
from talentbridge.cli.context import command_session, load_settings, upgrade_database

users_app = typer.Typer(help="User accounts.", no_args_is_help=True)
tokens_app = typer.Typer(help="Personal API tokens.", no_args_is_help=True)


@users_app.command("create")
def create_user(
    email: str = typer.Option(..., help="Sign-in e-mail"),
    role: Role = typer.Option(..., help="admin, recruiter, hiring_manager, interviewer or compliance"),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
    full_name: str | None = typer.Option(None, help="Display name (defaults to the e-mail's local part)"),
) -> None:
    """Create a user account."""
    settings = load_settings()
    upgrade_database(settings)
    try:
        data = UserCreate(
            email=email, role=role, password=password, full_name=full_name or email.split("@")[0]
        )
    except ValidationError as exc:
        for error in exc.errors():
            typer.secho(f"{'.'.join(map(str, error['loc']))}: {error['msg']}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    with command_session(settings) as session:
        user = service.create_user(session, Actor.system(), data)
        typer.echo(f"Created {user.role.value} {user.email}")


@tokens_app.command("create")
def create_token(
    email: str = typer.Option(..., help="The user the token acts as"),
    name: str = typer.Option("CLI token", help="A label to recognise the token by"),
) -> None:
    """Print a new personal API token (shown once; store it safely)."""
    settings = load_settings()
    upgrade_database(settings)
    with command_session(settings) as session:
        user = repository.get_user_by_email(session, email)
        if user is None:
            typer.secho(f"Error: no user with e-mail {email}", fg=typer.colors.RED, err=True)
            raise typer.Exit(1)
        _, secret = service.create_token(session, service.actor_for(user), TokenCreate(name=name))
    typer.echo(secret)
