"""The Rasa server's own answers to malformed requests: JSON, and a body size limit.

Sanic answers an unknown path (404), a wrong method (405) or an oversized body (413) with an
HTML page before any channel sees the request, and accepts bodies up to 100 MB. Every chat
channel calls `install` on its blueprint, so whichever channels are enabled, those answers
are `{"description", "status", "message"}` JSON and a body over `RASA_MAX_BODY_BYTES` is a
413 read no further.
"""

from __future__ import annotations

from typing import Any

from sanic import Blueprint, Sanic

from bot.config import settings


def configure(app: Sanic) -> None:
    """JSON error bodies and the body size limit on `app` (idempotent)."""
    if app.config.FALLBACK_ERROR_FORMAT != "json":
        app.config.FALLBACK_ERROR_FORMAT = "json"
    limit = settings().rasa_max_body_bytes
    if limit > 0 and app.config.REQUEST_MAX_SIZE > limit:
        app.config.REQUEST_MAX_SIZE = limit


def install(blueprint: Blueprint) -> None:
    """Configure the app `blueprint` is registered on, as the server starts."""

    async def _configure(app: Sanic, _loop: Any) -> None:  # noqa: ANN401 - Sanic's loop
        configure(app)

    blueprint.listener(_configure, "before_server_start")
