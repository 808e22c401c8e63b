"""A real Sanic app with the X channel's blueprint, driven over ASGI (no network, no Rasa
model), and X's payloads in both webhook formats. Shared by the X channel's tests.

`sanic_testing` is not installed with Rasa 3.6, so a few lines below speak ASGI to the
app directly: the real routing, headers and raw body reach the channel's handlers.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import UserMessage
from sanic import Sanic
from sqlalchemy import select

from bot.channels.x.client import OutboxClient, XClient
from bot.channels.x.signatures import sign_body
from bot.channels.x.webhook import XInput
from bot.config import Settings
from bot.storage.db import session_scope
from bot.storage.models import Response as StoredResponse

SECRET = "test-consumer-secret"
BOT_ID = "100"
USER_ID = "200"
URL = "/webhooks/x/webhook"
# The bot's handle as X names it in a post's mention entities (v1.1 and v2), at its start:
# the channel drops the bot's own handle only where it knows it is the bot's
BOT_MENTION = {"screen_name": "BucksLEPbot", "id_str": BOT_ID, "indices": [0, 12]}
BOT_MENTION_V2 = {"start": 0, "end": 12, "username": "BucksLEPbot", "id": BOT_ID}


class Response:
    def __init__(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.body = body
        self.headers = headers or {}  # lower-case names

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
        start = next(m for m in sent if m["type"] == "http.response.start")
        payload = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
        names = {k.decode().lower(): v.decode() for k, v in start.get("headers", [])}
        return Response(start["status"], payload, names)

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


# --- The live stack (`live_stack` fixture): signed deliveries, the outbox, the database ----


class LiveX:
    """Delivers signed X webhooks to the live stack and reads what came of them: the outbox
    (what the business would see) and the database (what an officer finds)."""

    def __init__(self, stack: Any) -> None:
        self.stack = stack
        self.url = f"{stack.rasa_url}/webhooks/x/webhook"
        self.secret = stack.env["X_CONSUMER_SECRET"]

    def post_raw(self, body: bytes, signature: str | None = "sign") -> Any:
        import requests

        headers = {"content-type": "application/json"}
        if signature == "sign":
            headers["x-twitter-webhooks-signature"] = sign_body(body, self.secret)
        elif signature is not None:
            headers["x-twitter-webhooks-signature"] = signature
        return requests.post(self.url, data=body, timeout=120, headers=headers)

    def deliver(self, payload: Any) -> Any:
        return self.post_raw(json.dumps(payload).encode())

    def outbox(self) -> list[dict[str, Any]]:
        from pathlib import Path

        path = Path(self.stack.env["BUCKS_LIS_VAR_DIR"]) / "x-outbox.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    def dms_to(self, user_id: str) -> list[dict[str, Any]]:
        """DMs the bot sent `user_id`, oldest first: {"text", "options": [(label, metadata)]}."""
        found = []
        for entry in self.outbox():
            body = entry.get("json") or {}
            create = body.get("event", {}).get("message_create", {})
            if entry["path"] == f"/2/dm_conversations/with/{user_id}/messages":
                found.append({"text": body.get("text", ""), "options": []})
            elif create.get("target", {}).get("recipient_id") == user_id:
                data = create.get("message_data", {})
                options = data.get("quick_reply", {}).get("options", [])
                found.append(
                    {
                        "text": data.get("text", ""),
                        "options": [(o["label"], o["metadata"]) for o in options],
                    }
                )
        return found

    def thread_under(self, tweet_id: str) -> list[str]:
        """The texts of the public thread the bot posted under `tweet_id`."""
        thread_ids, ours = {tweet_id}, []
        for entry in self.outbox():
            reply_to = ((entry["json"] or {}).get("reply") or {}).get("in_reply_to_tweet_id")
            if entry["path"] == "/2/tweets" and reply_to in thread_ids:
                ours.append(entry["json"]["text"])
                thread_ids.add(entry["id"])
        return ours

    def rows(self, sql: str, **params: Any) -> list[dict[str, Any]]:
        from sqlalchemy import create_engine, text

        engine = create_engine(self.stack.database_url)
        try:
            with engine.connect() as connection:
                return [dict(r._mapping) for r in connection.execute(text(sql), params)]
        finally:
            engine.dispose()

    def wait_rows(self, sql: str, timeout: float = 30, **params: Any) -> list[dict[str, Any]]:
        import time

        deadline = time.monotonic() + timeout
        while not (found := self.rows(sql, **params)) and time.monotonic() < deadline:
            time.sleep(0.5)
        return found


class DmChat:
    """One business DM-ing the bot, in either webhook format, as X delivers each message."""

    def __init__(self, live: LiveX, user_id: str, fmt: str = "aaa", name: str = "biz") -> None:
        self.live, self.user_id, self.fmt, self.name = live, user_id, fmt, name
        self.sender = f"x-dm-{user_id}"
        self._n = 0

    def event(self, text: str, quick: str = "", **data: Any) -> dict[str, Any]:
        """One DM delivery (not sent)."""
        self._n += 1
        event_id = f"{self.user_id}{self._n:04d}"
        if quick:
            data["quick_reply_response"] = {"type": "options", "metadata": quick}
        body = dm(text, event_id, self.user_id, **data)
        body["users"] = {self.user_id: {"id": self.user_id, "screen_name": self.name}}
        if self.fmt == "aaa":
            return body
        return xaa(
            "dm.received",
            {
                "direct_message_events": body["direct_message_events"],
                "users": {self.user_id: {"data": {"id": self.user_id, "username": self.name}}},
            },
            f"u{event_id}",
        )

    def send(self, payload: dict[str, Any]) -> list[dict[str, Any]]:
        """Delivers `payload`; returns the DMs the bot sent this user in answer."""
        before = len(self.live.dms_to(self.user_id))
        answer = self.live.deliver(payload)
        assert answer.status_code == 200, answer.text
        return self.live.dms_to(self.user_id)[before:]

    def say(self, text: str, **data: Any) -> str:
        """Types `text`; returns the bot's answer as one text."""
        return "\n".join(m["text"] for m in self.send(self.event(text, **data)))

    def last_options(self) -> list[tuple[str, str]]:
        for message in reversed(self.live.dms_to(self.user_id)):
            if message["options"]:
                return message["options"]
        raise AssertionError(f"no quick replies offered to {self.user_id}")

    def tap(self, label_part: str) -> str:
        """Taps the quick reply whose label contains `label_part`, or whose metadata is it
        (X sends that option's label as the text and its metadata)."""
        options = self.last_options()
        matches = [
            (lab, meta)
            for lab, meta in options
            if meta == label_part or label_part.lower() in lab.lower()
        ]
        assert matches, f"no option {label_part!r} in {options}"
        label, metadata = matches[0]
        return self.say(label, quick=metadata)


SAMPLES = Path(__file__).parent / "x_samples"
AAA_BOT = "4350000001"  # the subscribed account of the Account Activity samples
XAA_BOT = "1111111111111111111"  # the filtered user of the XAA samples


def raw(name: str) -> bytes:
    """A sample delivery's bytes (tests/channels/x_samples/)."""
    return (SAMPLES / name).read_bytes()


def sample(name: str) -> dict[str, Any]:
    """A sample delivery parsed."""
    return json.loads(raw(name))


def post_sample(x: Harness, name: str) -> Any:
    """The sample's bytes, signed as X signs them."""
    body = raw(name)
    return x.post(body, {"x-twitter-webhooks-signature": sign_body(body, SECRET)})


def stored() -> list[tuple[str | None, str]]:
    """Every stored response as (external id, text), oldest first."""
    with session_scope() as s:
        rows = s.scalars(select(StoredResponse).order_by(StoredResponse.id))
        return [(r.external_id, r.text) for r in rows]
