"""The REST channel (`POST /webhooks/rest/webhook`) with input checks.

Enabled in credentials.yml as `bot.channels.rest.LimitedRestInput`. Before Rasa sees a
message it rejects, with a JSON error and no call to Rasa:

- a body that is not a JSON object, or has no string `message` -> 400 `invalid_json` /
  `not_text`; a missing `sender`, one that is not a short string, or one the server makes
  for X, anonymised or imported participants (`x-dm-...`, `anonymised:...`, `email:...`,
  bot/channels/senders.py) -> 400 `invalid_sender`;
- a `metadata` that is not a JSON object of at most `MAX_METADATA_CHARS`, nested at most
  `MAX_METADATA_DEPTH` deep -> 400 `invalid_metadata`; a `message_id` that is not 1-64
  letters, digits or `_.:-` -> 400 `invalid_message_id` (optional: a client that sends
  the same id when it resends a message gets the saved turn's replies again if the first
  attempt was saved, even by a replica that died before answering, or `[]` and nothing
  run if later messages came between: `bot/channels/resend.py`);
- an empty message (after removing control characters) -> 400 `empty`;
- `?stream=true` (Rasa's streamed replies, sent before the turn is saved) -> 400
  `stream_unsupported`, nothing run;
- a message longer than `settings().max_message_chars` -> 413 `too_long`;
- a sender or client address over its flood limit (bot/channels/rate_limit.py) -> 429
  `rate_limited`, with `Retry-After` and `retry_after` (seconds);
- a turn that failed inside Rasa (e.g. the database went away, so the turn was not saved)
  -> 503 `unavailable` with `Retry-After`, instead of Rasa's 200 with whatever replies were
  collected: the client sends the message again and nothing is lost.

Error body: `{"error": {"code": ..., "message": ..., "max_message_chars": N}}`.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request

from bot.channels import action_session, http_errors, resend, resilience
from bot.channels.rate_limit import ChatLimits
from bot.channels.senders import public_sender_ok
from bot.channels.text import (
    MAX_METADATA_CHARS,
    MAX_METADATA_DEPTH,
    clean_message,
    has_control_chars,
    metadata_ok,
    valid_message_id,
)
from bot.config import settings
from bot.findings.import_file import SOURCES as IMPORT_SOURCES

logger = logging.getLogger(__name__)

MAX_SENDER_CHARS = 255
CHANNEL_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
# Channels that mean a source staff rely on: our own inputs, the import sources, and every
# other channel staff have a name for (bot/review/labels.py): "twitter", Rasa's older X
# channel, was let through and shown to staff as an X DM (attack probe s44).
RESERVED_CHANNELS = frozenset({"socketio", "x", "x_post", "twitter", *IMPORT_SOURCES})

MESSAGES = {
    "invalid_json": "The request body must be a JSON object.",
    "not_text": "`message` must be a string.",
    "invalid_sender": (
        f"`sender` is required: a string of 1 to {MAX_SENDER_CHARS} characters naming this "
        "conversation (e.g. a random id), not one the server uses for X or imported responses."
    ),
    "invalid_metadata": (
        f"`metadata` must be a JSON object of at most {MAX_METADATA_CHARS} characters, "
        f"nested at most {MAX_METADATA_DEPTH} deep."
    ),
    "invalid_message_id": "`message_id` must be 1 to 64 letters, digits or _ . : -.",
    "empty": "The message is empty.",
    "too_long": "The message is too long: keep it to {max} characters.",
    "rate_limited": "Too many messages: wait {wait} seconds, then send it again.",
    "unavailable": "The message could not be processed just now: send it again in {wait} seconds.",
    "stream_unsupported": (
        "Streamed replies (`?stream=true`) are not offered: post without it and the replies "
        "come back as one JSON list."
    ),
}
STATUS = {"too_long": 413, "rate_limited": 429, "unavailable": 503}
RETRY_FAILED_TURN_SECONDS = 2
_turn_failed: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "bucks_lis_turn_failed", default=False
)


def check_body(raw: bytes | None, max_chars: int) -> tuple[dict[str, Any] | None, str | None]:
    """Parse and check a webhook body: (clean body, None) or (None, error code)."""
    try:
        body = json.loads(raw or b"")
    except (ValueError, UnicodeDecodeError, RecursionError):  # deep nesting: RecursionError
        return None, "invalid_json"
    if not isinstance(body, dict):
        return None, "invalid_json"
    message = body.get("message")
    if not isinstance(message, str):
        return None, "not_text"
    # Required (attack probe, 7 Dec): without one Rasa put every such client in its one
    # shared conversation "default", and the ids we make for X, anonymised and imported
    # participants let a client act as them ("forget me" erased their answers).
    sender = body.get("sender")
    if (
        not isinstance(sender, str)
        or not 0 < len(sender) <= MAX_SENDER_CHARS
        or has_control_chars(sender)
        or not public_sender_ok(sender)
    ):
        return None, "invalid_sender"
    if not metadata_ok(body.get("metadata")):
        return None, "invalid_metadata"
    message_id = body.get("message_id")
    if message_id is not None and not valid_message_id(message_id):
        return None, "invalid_message_id"
    message = clean_message(message)
    if not message:
        return None, "empty"
    if len(message) > max_chars:
        return None, "too_long"
    return {**body, "message": message}, None


def stream_requested(request: Request) -> bool:
    """Whether Rasa's REST channel would stream this request's replies (its own reading of
    `?stream=`: the first value, "true" in any case). A streamed turn has sent its 200 and
    replies before it is saved, so one that then failed was never a 503 for the client to
    resend, and Rasa's stream waits for ever for the end a failed turn never sends: the
    connection hung (attack probe s45). No client of ours streams."""
    return str(request.args.get("stream", "false")).lower() == "true"


def error_response(code: str, max_chars: int, wait: int = 0) -> response.HTTPResponse:
    error: dict[str, Any] = {
        "code": code,
        "message": MESSAGES[code].format(max=max_chars, wait=wait),
        "max_message_chars": max_chars,
    }
    headers = {}
    if wait:
        error["retry_after"] = wait
        headers["Retry-After"] = str(wait)
    return response.json({"error": error}, status=STATUS.get(code, 400), headers=headers)


def client_address(request: Request) -> str | None:
    """The client's address: the proxy-reported one when Sanic trusts a proxy, else the peer."""
    return request.remote_addr or request.ip or None


class LimitedRestInput(RestInput):
    """Rasa's REST channel with body checks and a length limit."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def _extract_message(self, req: Request) -> str | None:
        return req.ctx.bucks_lis_body["message"]

    async def _extract_sender(self, req: Request) -> str | None:
        return req.ctx.bucks_lis_body.get("sender")

    def _extract_input_channel(self, req: Request) -> str:
        """A client may name its own channel, but not one of ours: a REST post claiming
        `x` or `email` would be counted and shown to staff as an X DM or an imported email."""
        wanted = req.ctx.bucks_lis_body.get("input_channel")
        if (
            isinstance(wanted, str)
            and CHANNEL_NAME_RE.match(wanted)
            and wanted not in RESERVED_CHANNELS
        ):
            return wanted
        return self.name()

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        metadata = request.ctx.bucks_lis_body.get("metadata")
        return metadata if isinstance(metadata, dict) else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        resilience.install()

        async def reporting(message: UserMessage) -> Any:  # noqa: ANN401 - Rasa's own result
            client_id = resend.client_message_id.get()
            if client_id:
                message.message_id = client_id  # kept on the turn's user event
            try:
                return await on_new_message(message)
            except Exception:
                _turn_failed.set(True)  # same task as the middleware below
                raise

        webhook = super().blueprint(reporting)
        http_errors.install(webhook)  # JSON 404/405/413, RASA_MAX_BODY_BYTES
        action_session.close_on_stop(webhook)  # no unclosed pooled session at exit
        limits = ChatLimits.from_settings()

        @webhook.middleware("request")
        async def check(request: Request) -> response.HTTPResponse | None:
            if request.method != "POST" or not request.path.rstrip("/").endswith("/webhook"):
                return None
            max_chars = settings().max_message_chars
            if stream_requested(request):
                return error_response("stream_unsupported", max_chars)
            body, code = check_body(request.body, max_chars)
            if code is not None:
                logger.info("Rejected REST message: %s", code)
                return error_response(code, max_chars)
            assert body is not None  # check_body gives a body or an error code
            wait = limits.wait_needed(body["sender"], client_address(request))
            if wait:
                logger.warning("Rate-limited REST message from %s", client_address(request))
                return error_response("rate_limited", max_chars, wait)
            request.ctx.bucks_lis_body = body
            _turn_failed.set(False)
            resend.client_message_id.set(body.get("message_id"))
            return None

        @webhook.middleware("response")
        async def failed_turn(request: Request, answer: response.HTTPResponse) -> Any:  # noqa: ANN401
            if _turn_failed.get():
                _turn_failed.set(False)
                logger.error("REST turn failed inside Rasa; answered 503 so the client resends")
                return error_response(
                    "unavailable", settings().max_message_chars, RETRY_FAILED_TURN_SECONDS
                )
            return None

        return webhook
