"""`bucks-lis staff ...`: staff accounts for the review app (/staff)."""

from __future__ import annotations

import sys

import click

from bot.storage.db import session_scope
from bot.storage.staff import ROLES, create_user, list_users, normalise_email, update_user


def _read_password(from_stdin: bool) -> str:
    """Prompt twice on a terminal; otherwise read the first line of stdin."""
    if from_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise click.UsageError("no password on stdin")
        return password
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@click.group("staff")
def staff() -> None:
    """Staff accounts for the review app."""


@staff.command("add")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="reviewer", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin.")
def staff_add(email: str, role: str, password_stdin: bool) -> None:
    """Create a staff account for EMAIL (password prompted, or read from stdin)."""
    password = _read_password(password_stdin)
    try:
        with session_scope() as session:
            info = create_user(session, email, password, role, actor="cli")
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"created {info.role} {info.email}")


@staff.command("list")
def staff_list() -> None:
    """List staff accounts."""
    with session_scope() as session:
        for u in list_users(session):
            state = "active" if u.active else "deactivated"
            click.echo(f"{u.email}\t{u.role}\t{state}")


def _find(session, email: str) -> int:  # noqa: ANN001
    for u in list_users(session):
        if u.email == normalise_email(email):
            return u.id
    raise click.ClickException(f"no staff user {email}")


@staff.command("set-password")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin.")
def staff_set_password(email: str, password_stdin: bool) -> None:
    """Reset EMAIL's password (ends their sessions)."""
    password = _read_password(password_stdin)
    try:
        with session_scope() as session:
            update_user(session, _find(session, email), actor="cli", password=password)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"password changed for {normalise_email(email)}")


@staff.command("set-role")
@click.argument("email")
@click.argument("role", type=click.Choice(ROLES))
def staff_set_role(email: str, role: str) -> None:
    """Change EMAIL's role."""
    with session_scope() as session:
        update_user(session, _find(session, email), actor="cli", role=role)
    click.echo(f"{normalise_email(email)} is now {role}")


@staff.command("deactivate")
@click.argument("email")
def staff_deactivate(email: str) -> None:
    """Stop EMAIL signing in (keeps the account for the audit log)."""
    with session_scope() as session:
        update_user(session, _find(session, email), actor="cli", active=False)
    click.echo(f"deactivated {normalise_email(email)}")


COMMANDS = [staff]
