"""`bucks-lis db ...`: schema migrations."""

from __future__ import annotations

import click

from bot.storage.migrate import upgrade


@click.group("db")
def db() -> None:
    """Database schema (Alembic)."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
def db_upgrade(revision: str) -> None:
    """Migrate our tables to REVISION."""
    upgrade(revision)
    click.echo(f"database at {revision}")


COMMANDS = [db]
