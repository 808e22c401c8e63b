"""Readiness for a Rasa replica, `GET /webhooks/ready/`: model loaded and database reachable.

Rasa's own `/status` exists only with `--enable-api`, which also opens the tracker and
model-replacement endpoints to anyone who can reach the port; this input channel
(credentials.yml) answers just the question a balancer or Kubernetes asks, and nothing else.
`GET /` (Rasa's "Hello") stays the liveness check.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request

from bot.config import settings
from bot.production import gc_pauses
from bot.production.health import database_problem_within, report

DB_TIMEOUT = 5.0


def agent_problem(agent: Any) -> str | None:
    """None when Rasa has a model loaded and can answer, else why not."""
    if agent is None or not agent.is_ready():
        return "no model loaded yet"
    return None


class ReadinessInput(InputChannel):
    """Not a chat channel: serves only the readiness check."""

    @classmethod
    def name(cls) -> str:
        return "ready"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        ready = Blueprint("bucks_lis_ready", __name__)

        @ready.listener("after_server_start")
        async def freeze_model(*_: Any) -> None:
            # the model is loaded (Rasa loads it before the server starts): keep the
            # garbage collector's full collections off its objects (bot/production/gc_pauses)
            gc_pauses.freeze_after_start()

        @ready.get("/")
        async def check(request: Request) -> response.HTTPResponse:
            agent = getattr(request.app.ctx, "agent", None)
            db = await database_problem_within(settings().database_url, DB_TIMEOUT)
            body, status = report({"model": agent_problem(agent), "database": db})
            return response.json(body, status=status)

        return ready
