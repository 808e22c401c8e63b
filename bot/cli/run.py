"""`bucks-lis run`: migrate, start action server, Rasa and the web app; keep them running."""

from __future__ import annotations

import logging

import click

from bot.config import VAR_DIR, settings
from bot.stack import RASA_MODEL, Stack, keep_running
from bot.storage.migrate import upgrade
from bot.storage.session_purge import purge_unconsented_sessions  # SQL only: no Rasa import
from bot.tagging import model_files_problem

PURGE_EVERY_SECONDS = 300

logger = logging.getLogger("bot.stack")


def _purge(database_url: str) -> None:
    """Transcripts of businesses that declined and never came back, and (after the
    consultation's retention date) transcripts and contact details; a failure waits a round."""
    try:
        purge_unconsented_sessions(database_url)
    except Exception:  # a locked or unreachable database must not stop the bot
        logger.exception(
            "purge of declined sessions failed; trying again in %d s", PURGE_EVERY_SECONDS
        )
    _apply_retention_if_due()


@click.command("run")
def run() -> None:
    """Run the whole bot locally; a crashed part is restarted (Ctrl-C stops everything)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    cfg = settings()
    if not RASA_MODEL.exists():
        raise click.ClickException(f"{RASA_MODEL} is missing: run `make train`")
    tagger = model_files_problem()  # at once, not after a 240 s wait (fault probe s45)
    if tagger:
        raise click.ClickException(tagger)
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
    keep_running(stack, lambda: _purge(cfg.database_url), every=PURGE_EVERY_SECONDS)


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
