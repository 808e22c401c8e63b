"""`bucks-lis import` and `bucks-lis stance`: responses from outside the chat, and stance."""

from __future__ import annotations

from pathlib import Path

import click

from bot.config import settings
from bot.findings.import_file import SOURCES, ImportFileError, format_for
from bot.storage.db import session_scope


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--source", required=True, type=click.Choice(SOURCES),
              help="where the responses came from (shown and filterable as the channel)")
@click.option("--actor", default="staff-cli", show_default=True, help="recorded in the audit log")
def import_command(file: Path, source: str, actor: str) -> None:
    """Import responses from FILE (.csv or .jsonl): a `text` column, and optionally
    organisation, sector, size_band, location, received_at. A file with any bad row is
    refused with line numbers and nothing is stored; rows imported before are skipped."""
    from bot.findings.importer import import_file

    cfg = settings()
    try:
        fmt = format_for(file.name)
        size = file.stat().st_size
        if size > cfg.import_max_bytes:
            raise ImportFileError(
                [f"{file.name}: {size} bytes, more than IMPORT_MAX_BYTES ({cfg.import_max_bytes})"]
            )
        with session_scope() as session:
            result = import_file(
                session, file.read_bytes(), fmt, source, actor, cfg.import_max_text_chars
            )
    except ImportFileError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"imported {result.added} response(s) from {result.rows} row(s) as {source}; "
        f"{result.already} already imported; {result.businesses_added} new business(es)"
        + (f"; tagged with {result.model_version}" if result.model_version else "")
    )
    if result.ignored_columns:
        click.echo(f"ignored column(s): {', '.join(result.ignored_columns)}", err=True)


@click.command("stance")
@click.option("--all", "recompute", is_flag=True,
              help="recompute every response, not only those without a stance")
def stance_command(recompute: bool) -> None:
    """Set each stored response's stance (opportunity, barrier or ask)."""
    from bot.storage.stance import backfill_stance, stance_counts

    with session_scope() as session:
        changed = backfill_stance(session, recompute=recompute)
        counts = stance_counts(session)
    shown = ", ".join(f"{k} {v}" for k, v in counts.items())
    click.echo(f"set the stance of {changed} response(s); now {shown}")


COMMANDS = [import_command, stance_command]
