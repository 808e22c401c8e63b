"""`bucks-lis import`, `stance` and `retention`: responses from outside the chat, their
stance, and how long personal data is kept."""

from __future__ import annotations

from pathlib import Path

import click

from bot.config import settings
from bot.findings.import_file import SOURCES, ImportFileError, format_for
from bot.storage.db import session_scope


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--source",
    required=True,
    type=click.Choice(SOURCES),
    help="where the responses came from (shown and filterable as the channel)",
)
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
                session,
                file.read_bytes(),
                fmt,
                source,
                actor,
                cfg.import_max_text_chars,
                cfg.import_max_rows,
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
@click.option(
    "--all",
    "recompute",
    is_flag=True,
    help="recompute every response, not only those without a stance",
)
def stance_command(recompute: bool) -> None:
    """Set each stored response's stance (opportunity, barrier or ask)."""
    from bot.storage.stance import backfill_stance, stance_counts

    with session_scope() as session:
        changed = backfill_stance(session, recompute=recompute)
        counts = stance_counts(session)
    shown = ", ".join(f"{k} {v}" for k, v in counts.items())
    click.echo(f"set the stance of {changed} response(s); now {shown}")


@click.group("retention")
def retention() -> None:
    """How long personal data is kept after the consultation closes."""


def _describe(policy: object) -> str:
    from bot.storage.retention import RetentionPolicy

    assert isinstance(policy, RetentionPolicy)
    if not policy.set:
        return "no closing date or retention period set (nothing is deleted)"
    applied = policy.applied_at.isoformat(timespec="seconds") if policy.applied_at else "never"
    return (
        f"closes {policy.closes_on}; kept {policy.retention_days} days; anonymised from "
        f"{policy.delete_on}; last applied {applied}"
    )


@retention.command("show")
def retention_show() -> None:
    """Print the closing date, the period and what applying would touch now."""
    from bot.storage.retention import get_policy, pending

    with session_scope() as session:
        policy = get_policy(session)
        businesses, events = pending(session)
    click.echo(_describe(policy))
    click.echo(f"not yet anonymised: {businesses} business(es); {events} transcript event(s)")


@retention.command("set")
@click.option(
    "--closes-on",
    required=True,
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="the consultation's closing date (YYYY-MM-DD)",
)
@click.option(
    "--days",
    required=True,
    type=click.IntRange(0, 3650),
    help="days after closing that transcripts and contact details are kept",
)
@click.option("--actor", default="staff-cli", show_default=True)
def retention_set(closes_on: object, days: int, actor: str) -> None:
    """Set the closing date and the retention period (audited)."""
    from bot.storage.retention import set_policy

    try:
        with session_scope() as session:
            policy = set_policy(session, closes_on.date(), days, actor)  # type: ignore[attr-defined]
    except ValueError as error:  # e.g. a closing date past 2100 (attack probe, 7 Dec)
        raise click.BadParameter(str(error), param_hint="--closes-on") from None
    click.echo(_describe(policy))


@retention.command("apply")
@click.option("--force", is_flag=True, help="apply now even if the retention date has not come")
@click.option("--yes", is_flag=True, help="do not ask for confirmation with --force")
def retention_apply(force: bool, yes: bool) -> None:
    """Once the retention date has come: delete transcripts and contact details, keep
    anonymised responses (`bucks-lis run` does this every few minutes)."""
    from bot.storage.retention import apply_retention

    if force and not yes:
        click.confirm("Delete all transcripts and contact details now?", abort=True)
    with session_scope() as session:
        result = apply_retention(session, actor="staff-cli", force=force)
    if result is None:
        click.echo("not due yet: nothing deleted (see `bucks-lis retention show`)")
        return
    click.echo(
        f"anonymised {result.businesses_anonymised} business(es), redacted "
        f"{result.responses_redacted} response(s), deleted {result.transcript_events_deleted} "
        "transcript event(s)"
    )


COMMANDS = [import_command, stance_command, retention]
