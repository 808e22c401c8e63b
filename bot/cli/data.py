"""`bucks-lis export` and `bucks-lis forget`: the consultation data, out and erased."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import IO

import click

from bot.storage.db import session_scope
from bot.storage.erasure import forget_sender
from bot.storage.export import export_query, export_rows, write_csv, write_jsonl
from bot.storage.files import replaced_whole, write_failed


@click.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    help="only responses stored on or after this date (UTC)",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=str),
    default="-",
    help="file to write (default: stdout); replaced only once the whole export is written",
)
def export(fmt: str, since: datetime | None, output: str) -> None:
    """Write one line per stored response, themes after staff/respondent corrections."""

    def write_rows(out: IO[str]) -> int:
        with session_scope() as session:
            rows = export_rows(session, export_query(since))
            return write_csv(rows, out) if fmt == "csv" else write_jsonl(rows, out)

    # A full disk is a clear error, and a file export is whole or not written at all: it
    # was a traceback over an export cut off mid-row, the earlier one gone (fault probe s45)
    try:
        if output == "-":
            stdout = click.open_file("-", "w", encoding="utf-8")  # as click.File("w") did
            count = write_rows(stdout)
            stdout.flush()
        else:
            with replaced_whole(Path(output)) as out:
                count = write_rows(out)
    except OSError as error:
        if output == "-":
            raise click.ClickException(write_failed("stdout", error, kept=False)) from None
        raise click.ClickException(write_failed(output, error)) from None
    click.echo(f"exported {count} responses", err=True)


@click.command("forget")
@click.argument("sender_id")
@click.option("--yes", is_flag=True, help="do not ask for confirmation")
def forget(sender_id: str, yes: bool) -> None:
    """Delete everything SENDER_ID said, transcript included (audited, without content)."""
    if not yes and sys.stdin.isatty():
        click.confirm(f"Delete all data for {sender_id}?", abort=True)
    with session_scope() as session:
        result = forget_sender(session, sender_id, actor="staff-cli", reason="cli")
    if not result.businesses and not result.events:
        raise click.ClickException(f"nothing stored for {sender_id}")
    click.echo(
        f"deleted {result.businesses} business record(s), {result.responses} response(s), "
        f"{result.events} transcript event(s) for {sender_id}"
    )


@click.command("purge-declined")
@click.option(
    "--idle-minutes",
    type=click.IntRange(min=0),
    default=60,
    show_default=True,
    help="only sessions idle for at least this long",
)
def purge_declined(idle_minutes: int) -> None:
    """Delete transcripts of sessions whose business did not agree to take part.

    `bucks-lis run` does this every 5 minutes; use this from cron in production.
    """
    from bot.storage.session_purge import purge_unconsented_sessions

    deleted = purge_unconsented_sessions(idle_seconds=idle_minutes * 60)
    click.echo(f"deleted {deleted} transcript event(s) of sessions without consent")


COMMANDS = [export, forget, purge_declined]
