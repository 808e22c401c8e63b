"""A real Sanic app with the X channel's blueprint, driven over ASGI (no network, no Rasa
model), and X's payloads in both webhook formats. Shared by the X channel's tests.

`sanic_testing` is not installed with Rasa 3.6, so a few lines below speak ASGI to the
app directly: the real routing, headers and raw body reach the channel's handlers.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from bot.channels.x.client import OutboxClient, XClient
from bot.channels.x.signatures import sign_body
from bot.channels.x.webhook import XInput
from bot.config import Settings

SECRET = "test-consumer-secret"
BOT_ID = "100"
USER_ID = "200"
URL = "/webhooks/x/webhook"


class Response:
    def __init__(self, status: int, body: bytes) -> None:
        self.status = status
        self.body = body

    def json(self) -> Any:
        return json.loads(self.body)


class Harness:
    """A Sanic app with the X channel's blueprint, and a fake Rasa `on_new_message`."""

    def __init__(
        self,
        cfg: Settings | None,
        loop: asyncio.AbstractEventLoop,
        fail_on: str | None = None,
        client: XClient | None = None,
    ) -> None:
        self.loop = loop
        self.received: list[UserMessage] = []
        self.fail_on = fail_on
        self.app = Sanic(f"x-test-{uuid.uuid4().hex[:8]}")
        self._started = False
        if cfg is None:
            # As `rasa run --credentials credentials.yml` does it: the class from its module
            # path, settings from the environment, registered under /webhooks/.
            from rasa.core.channels.channel import register
            from rasa.core.run import _create_single_channel

            self.channel = _create_single_channel("bot.channels.x.XInput", {})
            self.outbox = self.channel.client
            self.app.ctx.agent = self  # Rasa's handler calls agent.handle_message
            register([self.channel], self.app, route="/webhooks/")
            return
        self.outbox = client or OutboxClient()
        self.channel = XInput(cfg=cfg, client=self.outbox)
        self.app.blueprint(self.channel.blueprint(self.handle_message), url_prefix="/webhooks/x")

    async def handle_message(self, message: UserMessage) -> None:
        if self.fail_on and message.text == self.fail_on:
            raise RuntimeError("Rasa fell over")
        self.received.append(message)

    async def _startup(self) -> None:
        """What Sanic's ASGI start-up does, minus TouchUp: TouchUp rewrites Sanic's classes
        process-wide and breaks (KeyError) when another test in the session already started
        a server, in or out of Sanic's test mode."""
        if self._started:
            return
        from sanic.handlers import ErrorHandler
        from sanic.signals import Event

        async def nothing(**context: Any) -> None:
            return None

        for event in Event:  # TouchUp would strip these dispatches; answer them instead
            self.app.add_signal(nothing, event.value)
        self.app.signalize()
        self.app.finalize()
        ErrorHandler.finalize(self.app.error_handler, config=self.app.config)
        self.app.state.is_started = True
        self.app.asgi = True
        await self.app._server_event("init", "before")
        await self.app._server_event("init", "after")  # the channel's listener hook runs
        self._started = True

    async def _request(
        self, method: str, path: str, query: str, headers: dict[str, str], body: bytes
    ) -> Response:
        await self._startup()
        chunks = [{"type": "http.request", "body": body, "more_body": False}]
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            if chunks:
                return chunks.pop(0)
            await asyncio.sleep(3600)
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        raw_headers = [(b"host", b"testserver")] + [
            (k.lower().encode(), v.encode()) for k, v in headers.items()
        ]
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": query.encode(),
            "headers": raw_headers,
            "root_path": "",
            "server": ("testserver", 80),
            "client": ("127.0.0.1", 40000),
        }
        await self.app(scope, receive, send)
        status = next(m["status"] for m in sent if m["type"] == "http.response.start")
        payload = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
        return Response(status, payload)

    def get(self, path: str, query: str = "") -> Response:
        return self.loop.run_until_complete(self._request("GET", path, query, {}, b""))

    def post(self, body: bytes, headers: dict[str, str] | None = None) -> Response:
        headers = {"content-type": "application/json", **(headers or {})}
        return self.loop.run_until_complete(self._request("POST", URL, "", headers, body))

    def post_signed(self, payload: Any, secret: str = SECRET) -> Response:
        body = json.dumps(payload).encode()
        return self.post(body, {"x-twitter-webhooks-signature": sign_body(body, secret)})


# --- Account Activity payloads ---------------------------------------------------------


def dm(text: str, event_id: str = "9001", sender: str = USER_ID, **data: Any) -> dict[str, Any]:
    return {
        "for_user_id": BOT_ID,
        "direct_message_events": [
            {
                "type": "message_create",
                "id": event_id,
                "created_timestamp": "1700000000000",
                "message_create": {
                    "target": {"recipient_id": BOT_ID if sender != BOT_ID else USER_ID},
                    "sender_id": sender,
                    "message_data": {"text": text, "entities": {}, **data},
                },
            }
        ],
        "users": {sender: {"id": sender, "screen_name": "chilternwidgets"}},
    }


def post(text: str, tweet_id: str = "5001", author: str = USER_ID, **extra: Any) -> dict:
    tweet = {
        "id_str": tweet_id,
        "text": text,
        "user": {"id_str": author, "screen_name": "chilternwidgets"},
        "entities": {"hashtags": [], "user_mentions": []},
    }
    tweet.update(extra)
    return {"for_user_id": BOT_ID, "tweet_create_events": [tweet]}


# --- X Activity API (XAA) payloads: envelopes as in X's event-payloads docs ---------------


def xaa(
    event_type: str,
    payload: dict[str, Any],
    uuid_: str = "7001",
    includes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "event_uuid": uuid_,
        "filter": {"user_id": BOT_ID},
        "event_type": event_type,
        "tag": "bucks-lis",
        "payload": payload,
    }
    if includes is not None:
        data["includes"] = includes
    return {"data": data}


def xaa_dm(
    text: str, event_id: str = "9001", sender: str = USER_ID, uuid_: str = "7001", **data: Any
) -> dict[str, Any]:
    """`dm.received`: the Account Activity DM shape, users wrapped in `data`."""
    body = dm(text, event_id, sender, **data)
    return xaa(
        "dm.received",
        {
            "direct_message_events": body["direct_message_events"],
            "users": {sender: {"data": {"id": sender, "username": "chilternwidgets"}}},
        },
        uuid_,
    )


def xaa_post(
    event_type: str,
    text: str,
    tweet_id: str = "5001",
    author: str = USER_ID,
    uuid_: str = "7001",
    **extra: Any,
) -> dict[str, Any]:
    """`post.mention.create` and friends: a v2 post with the author in includes.users."""
    tweet = {
        "id": tweet_id,
        "text": text,
        "author_id": author,
        "created_at": "2026-11-02T09:30:00.000Z",
        "conversation_id": tweet_id,
        **extra,
    }
    return xaa(
        event_type,
        tweet,
        uuid_,
        includes={"users": [{"id": author, "username": "chilternwidgets"}]},
    )
