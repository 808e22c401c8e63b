"""The website widget's socket.io channel: Rasa 3.6's SocketIOInput with limits.

Enabled in credentials.yml as `bot.channels.socketio.LimitedSocketIOInput`. On top of
Rasa's channel it

- accepts socket.io connections only from pages on `settings().allowed_origins`
  (ALLOWED_ORIGINS); Rasa's own channel checks no origin. `*` is refused in production;
- drops control characters (NUL, ...) from a message, as the REST channel does, and
  rejects a user message that is not a non-empty string of at most
  `settings().max_message_chars` characters (or has a malformed session id, metadata or
  message id; a session id the server makes for an X participant, `x-dm-...`, is
  malformed: bot/channels/senders.py) with a bot_uttered-style event
  `{"text": ..., "error": {"code": ...}}` to that socket only, instead of passing it to Rasa;
- takes the client's name for a message (`message_id`, optional, the same rule as REST:
  bot/channels/text.py) as the turn's message id, so a resend with the same id (the
  widget's Retry, a re-emit after a reconnect) is the same message: a turn already saved
  is replayed from the transcript, not run twice, on any replica (bot/channels/resend.py);
  and marks every reply of that turn with it (`reply_to`), so a widget that saw the
  replies knows the message arrived even when its ack was lost, and never re-sends it;
- limits floods per session and per client address (bot/channels/rate_limit.py):
  over the limit the sender gets a `rate_limited` event and a failed ack;
- acknowledges every user message: a client that emits with an ack callback gets
  `{"ok": true}` once Rasa has handled the message, or `{"ok": false, "error": code}`
  (also when Rasa raised: the sender then gets a `server_error` event, not silence);
- answers a long-polling client's held GET as soon as it closes its session, as the
  reference engine.io server does (bot/channels/polling_close.py; python-engineio held it
  45 s, and a python-socketio client took 30 s to disconnect);
- awaits `enter_room` in `session_request` (python-socketio 5 made it a coroutine and
  Rasa 3.6.21 does not await it, so with `session_persistence: true` the bot's replies,
  which are emitted to the session's room, never reached the browser).
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from bot.channels import action_session, http_errors, polling_close, resend, resilience
from bot.channels.rate_limit import ChatLimits
from bot.channels.senders import public_sender_ok
from bot.channels.text import (
    MAX_METADATA_CHARS,
    NOT_TEXT_TEXT,
    TOO_LONG_TEXT,
    clean_message,
    metadata_ok,
    valid_message_id,
)
from bot.config import Settings, settings

logger = logging.getLogger(__name__)

SESSION_ID_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")

ERROR_TEXTS = {
    "invalid_payload": "Sorry, I couldn't read that message. Please try again.",
    "not_text": NOT_TEXT_TEXT,
    "empty": "Your message was empty, so I didn't send it.",
    "too_long": TOO_LONG_TEXT,
    "no_session": "Sorry, your chat session was not recognised. Please reload the page.",
    "invalid_metadata": "Sorry, I couldn't read that message. Please try again.",
    "invalid_message_id": (
        "Sorry, that message carried an id I couldn't read, so I didn't take it in. "
        "Please reload the page and send it again."
    ),
    "rate_limited": (
        "You're sending messages faster than I can read them. Please wait a few seconds "
        "and send that again."
    ),
    "server_error": (
        "Sorry, something went wrong on our side and I couldn't take that in. "
        "Please try again in a minute."
    ),
}


@dataclass(frozen=True)
class Rejection:
    """Why a user message was not passed to Rasa."""

    code: str
    max_message_chars: int

    def event(self) -> dict[str, Any]:
        """The bot_uttered-style payload the widget shows."""
        text = ERROR_TEXTS[self.code].format(max=self.max_message_chars)
        return {
            "text": text,
            "error": {"code": self.code, "max_message_chars": self.max_message_chars},
        }


def allowed_origins(cfg: Settings | None = None) -> list[str]:
    """Origins allowed to open a socket: ALLOWED_ORIGINS, never `*` in production."""
    cfg = cfg or settings()
    origins = [origin.rstrip("/") for origin in cfg.allowed_origins if origin.strip()]
    if "*" in origins:
        if cfg.production:
            raise ValueError(
                "ALLOWED_ORIGINS must list the sites that embed the chat widget; "
                "'*' is not allowed in production"
            )
        logger.warning("ALLOWED_ORIGINS contains '*': any site may open a chat socket")
        return ["*"]
    return origins


def max_packet_bytes(max_chars: int) -> int:
    """Largest engine.io packet accepted: room for a full message in UTF-8 plus metadata."""
    return max(16 * 1024, 4 * max_chars + 2 * MAX_METADATA_CHARS + 1024)


def valid_session_id(value: object) -> bool:
    """8-64 of `A-Za-z0-9_-`, and not an id the server makes for an X participant
    (`x-dm-<id>`: attack probe, 7 Dec); the widget's are 32 hex characters."""
    return (
        isinstance(value, str)
        and SESSION_ID_RE.fullmatch(value) is not None
        and public_sender_ok(value)
    )


def check_user_message(
    data: object, max_chars: int, session_persistence: bool, metadata_key: str = "metadata"
) -> tuple[dict[str, Any] | None, Rejection | None]:
    """Validate a `user_uttered` payload; returns (clean payload, None) or (None, rejection)."""

    def reject(code: str) -> tuple[None, Rejection]:
        return None, Rejection(code, max_chars)

    if not isinstance(data, dict):
        return reject("invalid_payload")
    message = data.get("message")
    if not isinstance(message, str):
        return reject("not_text")
    message = clean_message(message)  # no NUL or other control characters, as REST
    if not message:
        return reject("empty")
    if len(message) > max_chars:
        return reject("too_long")

    clean: dict[str, Any] = {"message": message}
    session_id = data.get("session_id")
    if session_persistence and not valid_session_id(session_id):
        return reject("no_session")
    if session_id is not None:
        if not valid_session_id(session_id):
            return reject("no_session")
        clean["session_id"] = session_id

    metadata = data.get(metadata_key)
    if metadata is not None:
        if isinstance(metadata, str):
            if len(metadata) > MAX_METADATA_CHARS:
                return reject("invalid_metadata")
            try:
                metadata = json.loads(metadata)
            except (ValueError, RecursionError):  # RecursionError: nested too deep
                return reject("invalid_metadata")
        # an object ("null" sent as a string is not one), small and shallow: as REST
        if not isinstance(metadata, dict) or not metadata_ok(metadata):
            return reject("invalid_metadata")
        clean[metadata_key] = metadata

    message_id = data.get("message_id")
    if message_id is not None:
        if not valid_message_id(message_id):
            return reject("invalid_message_id")
        clean["message_id"] = message_id
    return clean, None


class AnsweringOutput(SocketIOOutput):
    """Rasa's socket.io output with `reply_to`: the client's id of the message answered."""

    def __init__(self, original: SocketIOOutput, reply_to: str) -> None:
        super().__init__(original.sio, original.bot_message_evt)
        self.reply_to = reply_to

    async def _send_message(self, socket_id: str, response: Any) -> None:  # noqa: ANN401
        if isinstance(response, dict):
            response = {**response, "reply_to": self.reply_to}
        await super()._send_message(socket_id, response)


class LimitedSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel with origin restriction and message validation."""

    @classmethod
    def name(cls) -> str:
        # Keep Rasa's channel name: conversations are recorded with channel "socketio".
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        cfg = settings()
        max_chars = cfg.max_message_chars
        origins = allowed_origins(cfg)
        limits = ChatLimits.from_settings()

        resilience.install()  # as REST: action-server guard, and resends replayed not rerun

        async def named(message: UserMessage) -> Any:  # noqa: ANN401 - Rasa's own result
            client_id = resend.client_message_id.get()
            if client_id:
                message.message_id = client_id  # kept on the turn's user event
                if isinstance(message.output_channel, SocketIOOutput):
                    message.output_channel = AnsweringOutput(message.output_channel, client_id)
            return await on_new_message(message)

        socketio_webhook = super().blueprint(named)
        http_errors.install(socketio_webhook)  # JSON 404/405/413, RASA_MAX_BODY_BYTES
        action_session.close_on_stop(socketio_webhook)  # no unclosed pooled session at exit
        sio = socketio_webhook.ctx.sio
        # engine.io accepts 1 MB packets by default; a chat message needs far less.
        sio.eio.max_http_buffer_size = max_packet_bytes(max_chars)
        # A polling client that closes gets its held GET answered at once, not after 45 s.
        polling_close.install(sio)

        namespace = self.namespace or "/"
        rasa_connect = sio.handlers[namespace]["connect"]
        rasa_handle_message = sio.handlers[namespace][self.user_message_evt]

        # Rasa creates the server with cors_allowed_origins=[]: engine.io checks no origin
        # and sends no CORS headers (those come from `rasa run --cors`, for the polling
        # transport). Turning engine.io's own CORS on would duplicate
        # Access-Control-Allow-Origin on polling responses, which browsers reject, so the
        # origin is checked here instead: a socket from another site cannot join the
        # namespace, so it can send no message. Clients that send no Origin (not browsers)
        # are not subject to CORS and are let through, as engine.io itself does.
        async def connect(sid: str, environ: dict, auth: dict | None = None) -> bool:
            origin = (environ.get("HTTP_ORIGIN") or "").rstrip("/")
            if origin and origins != ["*"] and origin not in origins:
                logger.warning("Refused socket.io connection from origin %s", origin)
                return False
            request = environ.get("sanic.request")
            address = (request.remote_addr or request.ip) if request is not None else None
            accepted = await rasa_connect(sid, environ, auth)
            if accepted is not False:
                try:
                    await sio.save_session(sid, {"address": address}, namespace=namespace)
                except KeyError:  # not a connected socket (tests call the handler directly)
                    pass
            return accepted

        async def session_request(sid: str, data: dict | None) -> None:
            session_id = data.get("session_id") if isinstance(data, dict) else None
            if not valid_session_id(session_id):
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        async def handle_message(sid: str, data: object) -> dict[str, Any]:
            clean, rejection = check_user_message(
                data, max_chars, self.session_persistence, self.metadata_key or "metadata"
            )
            if rejection is not None:
                logger.info("Rejected socket.io message from %s: %s", sid, rejection.code)
                await sio.emit(
                    self.bot_message_evt, rejection.event(), room=sid, namespace=self.namespace
                )
                return {"ok": False, "error": rejection.code}
            assert clean is not None  # check_user_message returns a message or a rejection
            try:
                address = (await sio.get_session(sid, namespace=namespace)).get("address")
            except KeyError:
                address = None
            if limits.wait_needed(clean.get("session_id") or sid, address):
                logger.warning("Rate-limited socket.io message from %s", address or sid)
                await sio.emit(
                    self.bot_message_evt,
                    Rejection("rate_limited", max_chars).event(),
                    room=sid,
                    namespace=self.namespace,
                )
                return {"ok": False, "error": "rate_limited"}
            # Rasa's handler reads no message id; `named` above gives the turn the client's.
            token = resend.client_message_id.set(clean.get("message_id"))
            try:
                await rasa_handle_message(sid, clean)
            except Exception:  # noqa: BLE001 - the browser must hear about it, not wait
                logger.exception("Rasa failed on a socket.io message from %s", sid)
                await sio.emit(
                    self.bot_message_evt,
                    Rejection("server_error", max_chars).event(),
                    room=sid,
                    namespace=self.namespace,
                )
                return {"ok": False, "error": "server_error"}
            finally:
                resend.client_message_id.reset(token)
            return {"ok": True}

        sio.on("connect", namespace=self.namespace)(connect)
        sio.on("session_request", namespace=self.namespace)(session_request)
        sio.on(self.user_message_evt, namespace=self.namespace)(handle_message)
        return socketio_webhook
