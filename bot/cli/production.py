"""`bucks-lis run-production`: the production topology on this machine, supervised."""

from __future__ import annotations

import logging

import click

from bot.config import VAR_DIR, settings
from bot.stack import RASA_MODEL, keep_running
from bot.tagging import model_files_problem


@click.command("run-production")
@click.option(
    "--rasa-replicas",
    type=click.IntRange(min=1),
    default=None,
    help="Rasa processes (default RASA_REPLICAS, 2)",
)
@click.option(
    "--action-servers",
    type=click.IntRange(min=1),
    default=None,
    help="action servers (default ACTION_SERVERS, 2)",
)
def run_production(rasa_replicas: int | None, action_servers: int | None) -> None:
    """PostgreSQL, Redis, Rasa replicas, action servers and the web app behind HAProxy
    at one public URL; a crashed part is restarted (Ctrl-C stops everything)."""
    from bot.production.topology import Topology
    from bot.storage.migrate import upgrade
    from bot.storage.session_purge import purge_unconsented_sessions

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    cfg = settings()
    if not RASA_MODEL.exists():
        raise click.ClickException(f"{RASA_MODEL} is missing: run `make train`")
    tagger = model_files_problem()  # at once, not after a 240 s wait (fault probe s45)
    if tagger:
        raise click.ClickException(tagger)
    topo = Topology.from_settings(cfg, VAR_DIR / "production", rasa_replicas, action_servers)
    try:
        topo.cluster.init()
        stack = topo.stack(cfg)
        stack.services = topo.backing_services()
        click.echo("starting PostgreSQL and Redis…")
        stack.start(only=stack.services)
        topo.cluster.ensure_database()
        upgrade(database_url=topo.cluster.url)
        apps = topo.app_services()
        stack.services += apps
    except (FileNotFoundError, OSError, RuntimeError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"starting {len(topo.action_ports)} action server(s), HAProxy, "
        f"{len(topo.rasa_ports)} Rasa replica(s) and the web app…"
    )
    try:
        stack.start(only=apps, timeout=600)
        topo.wait_balanced()
    except (RuntimeError, TimeoutError) as error:
        stack.stop()
        raise click.ClickException(str(error)) from None
    url = topo.public_url
    click.echo(
        "\nready:\n"
        f"  demo page with chat widget   {url}/\n"
        f"  staff review                 {url}/staff\n"
        f"  Rasa REST channel            {url}/webhooks/rest/webhook\n"
        f"  Rasa socket.io (widget)      {url}/socket.io\n"
        f"  X webhook                    {url}/webhooks/x/webhook\n"
        f"  Rasa replicas                {', '.join(map(str, topo.rasa_ports))}\n"
        f"  action servers               {', '.join(map(str, topo.action_ports))}\n"
        f"  PostgreSQL / Redis           127.0.0.1:{topo.postgres_port} / "
        f"127.0.0.1:{topo.redis_port}\n"
        f"  config and logs              {topo.root}\n"
        "Ctrl-C stops everything."
    )

    def purge() -> None:
        try:
            purge_unconsented_sessions(topo.cluster.url)
        except Exception:  # a database restart must not stop the bot
            logging.getLogger("bot.stack").exception("purge of declined sessions failed")

    keep_running(stack, purge)


COMMANDS = [run_production]
