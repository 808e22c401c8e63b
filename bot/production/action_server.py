"""The action server (rasa_sdk) with a readiness endpoint: `python -m bot.production.action_server`.

rasa_sdk's own `/health` answers as soon as Sanic listens, before the tagger is loaded and
whether or not the database is reachable; `/ready` checks both, so a balancer or Kubernetes
only sends actions to a server that can run them.
"""

from __future__ import annotations

import argparse
import logging

from sanic import Sanic, response
from sanic.request import Request

from bot.config import settings
from bot.production import gc_pauses
from bot.production.health import TaggerWarmup, database_problem_within, report

READY_DB_TIMEOUT = 5.0


def create_app(warmup: TaggerWarmup | None = None) -> Sanic:
    """rasa_sdk's app for the `actions` package, plus `/ready`."""
    from rasa_sdk.endpoint import create_app as sdk_app

    app = sdk_app("actions", cors_origins=[])
    tagger = warmup or TaggerWarmup().start()

    @app.get("/ready")
    async def ready(_: Request) -> response.HTTPResponse:
        db = await database_problem_within(settings().database_url, READY_DB_TIMEOUT)
        body, status = report({"database": db, "tagger": tagger.problem()})
        return response.json(body, status=status)

    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=settings().action_port)
    parser.add_argument("--host", default="0.0.0.0")  # noqa: S104 - a server's job
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    # once the tagger is loaded, keep full garbage collections off its objects (gc_pauses.py)
    warmup = TaggerWarmup(then=gc_pauses.freeze_after_start).start()
    create_app(warmup).run(args.host, args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
