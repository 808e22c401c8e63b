"""`bucks-lis run`: migrate, start action server, Rasa and the web app; print the URLs."""

from __future__ import annotations

import signal
import time

import click

from bot.config import VAR_DIR, settings
from bot.stack import RASA_MODEL, Stack
from bot.storage.migrate import upgrade

PURGE_EVERY_SECONDS = 300


@click.command("run")
def run() -> None:
    """Run the whole bot locally (Ctrl-C stops everything)."""
    from bot.storage.tracker_store import purge_unconsented_sessions  # imports Rasa: slow

    cfg = settings()
    if not RASA_MODEL.exists():
        raise click.ClickException(f"{RASA_MODEL} is missing: run `make train`")
    upgrade()
    _fill_missing_stance()
    stack = Stack.build(cfg, VAR_DIR / "logs")
    click.echo("starting action server, Rasa and the web app (Rasa takes ~30 s to load)…")
    stack.start()
    web = f"http://localhost:{cfg.web_port}"
    click.echo(
        "\nready:\n"
        f"  demo page with chat widget   {web}/\n"
        f"  staff review                 {web}/staff\n"
        f"  Rasa REST channel            http://localhost:{cfg.rasa_port}/webhooks/rest/webhook\n"
        f"  Rasa socket.io (widget)      http://localhost:{cfg.rasa_port}/socket.io\n"
        f"  action server                http://localhost:{cfg.action_port}/webhook\n"
        f"  database                     {cfg.database_url}\n"
        f"  logs                         {stack.log_dir}\n"
        "add a staff login with: .venv/bin/bucks-lis staff add you@example.org --role admin\n"
        "Ctrl-C stops everything.",
        err=False,
    )
    stopping = False

    def _stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    next_purge = 0.0
    try:
        while not stopping:
            dead = stack.first_exited()
            if dead:
                click.echo(f"{dead.name} stopped unexpectedly; see {dead.log_path}", err=True)
                break
            if time.monotonic() >= next_purge:
                # Transcripts of businesses that declined and never came back.
                purge_unconsented_sessions(cfg.database_url)
                _apply_retention_if_due()
                next_purge = time.monotonic() + PURGE_EVERY_SECONDS
            time.sleep(1)
    finally:
        click.echo("stopping…")
        stack.stop()


def _fill_missing_stance() -> None:
    """Responses stored before stance existed get one (a no-op once all have one)."""
    from bot.storage.db import session_scope
    from bot.storage.stance import backfill_stance

    with session_scope() as session:
        filled = backfill_stance(session)
    if filled:
        click.echo(f"set the stance of {filled} earlier response(s)")


def _apply_retention_if_due() -> None:
    """After the consultation's retention date: transcripts and contact details go."""
    from bot.storage.db import session_scope
    from bot.storage.retention import apply_retention

    try:
        with session_scope() as session:
            result = apply_retention(session)
    except Exception as exc:  # noqa: BLE001 - never stop the bot over housekeeping
        click.echo(f"retention: not applied ({exc})", err=True)
        return
    if result is not None and result.changed:
        click.echo(
            f"retention: anonymised {result.businesses_anonymised} business(es), deleted "
            f"{result.transcript_events_deleted} transcript event(s)",
            err=True,
        )


COMMANDS = [run]
