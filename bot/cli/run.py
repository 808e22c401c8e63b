"""`bucks-lis run`: migrate, start action server, Rasa and the web app; keep them running."""

from __future__ import annotations

import logging

import click

from bot.config import VAR_DIR, settings
from bot.stack import RASA_MODEL, CrashLoop, Stack, keep_running
from bot.storage.migrate import upgrade
from bot.storage.session_purge import purge_unconsented_sessions  # SQL only: no Rasa import

PURGE_EVERY_SECONDS = 300

logger = logging.getLogger("bot.stack")


def _purge(database_url: str) -> None:
    """Transcripts of businesses that declined and never came back; a failure waits a round."""
    try:
        purge_unconsented_sessions(database_url)
    except Exception:  # a locked or unreachable database must not stop the bot
        logger.exception("purge of declined sessions failed; trying again in %d s",
                         PURGE_EVERY_SECONDS)


@click.command("run")
def run() -> None:
    """Run the whole bot locally; a crashed part is restarted (Ctrl-C stops everything)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    cfg = settings()
    if not RASA_MODEL.exists():
        raise click.ClickException(f"{RASA_MODEL} is missing: run `make train`")
    upgrade()
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
    try:
        keep_running(stack, lambda: _purge(cfg.database_url), every=PURGE_EVERY_SECONDS)
    except CrashLoop as failure:
        raise click.ClickException(f"stopped: {failure}") from None


COMMANDS = [run]
