"""``steppewatch users add|list``: reviewer accounts for the web review workflow."""

from __future__ import annotations

import sys

import typer

from steppewatch.cli.common import DB_OPTION, open_db
from steppewatch.errors import InputError


def register(app: typer.Typer) -> None:
    users_app = typer.Typer(
        help="Reviewer accounts (sign-in for the review workflow).", no_args_is_help=True
    )
    app.add_typer(users_app, name="users")

    @users_app.command("add")
    def add(
        name: str = typer.Argument(..., help="User name (letters, digits, . _ -)."),
        password_stdin: bool = typer.Option(
            False, "--password-stdin", help="Read the password from the first line of stdin."
        ),
        role: str = typer.Option("reviewer", "--role", help="reviewer or admin."),
        db: str | None = DB_OPTION,
    ) -> None:
        """Add a reviewer; the password is stored as an argon2id hash."""
        from steppewatch.review.users import add_user

        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        if not password:
            raise InputError(
                "no password given", hint="pipe it with --password-stdin or type it", code="SW130"
            )
        user = add_user(open_db(db), name, password, role=role, by="cli")
        typer.echo(f"Added {user.role} '{user.name}'.")

    @users_app.command("list")
    def list_(db: str | None = DB_OPTION) -> None:
        """List reviewer accounts."""
        from steppewatch.review.users import list_users

        for user in list_users(open_db(db)):
            typer.echo(
                f"{user.name}\t{user.role}\t{'active' if user.active else 'disabled'}\t{user.created_at}"
            )
