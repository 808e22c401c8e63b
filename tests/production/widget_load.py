"""Businesses taking the consultation through the website widget's socket.io channel, for
the fault tests: the same `Business` record and `losses()` check as the REST load
(chat_load.py), with a client that behaves as bot/widget/static/bucks-lis-chat.js does.

Per business: one socket.io connection (websocket, as the widget tries first) from its own
loopback address, so HAProxy's `balance source` spreads businesses over the replicas as it
spreads people on different networks; a cookie jar kept across reconnects, as a browser
keeps HAProxy's BUCKSLIS_RASA cookie. On connect it sends `session_request` with its
session id and waits for `session_confirm` (joining the session's room) before sending.
Each message is `user_uttered` with `message`, `session_id` and a `message_id`, sent with
an ack callback; the replies are the `bot_uttered` events that arrive before the ack
(the server acks once Rasa has handled the message). A missing ack (45 s, the widget's
`ackTimeoutMs`), a disconnect before it, a failed ack (`server_error`, `rate_limited`) or
the "technical problem" reply: reconnect if needed (0.5 s doubling to 5 s, as the widget's
socket.io settings) and send the SAME message with the SAME id, as the widget's Retry
does. Any other failed ack is the server refusing the request (a client bug): given up.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from typing import Any

import aiohttp
import socketio
from yarl import URL

from tests.production.chat_load import PROBLEM, Business

ACK_TIMEOUT = 45.0  # the widget's ackTimeoutMs
RETRYABLE = {"server_error", "rate_limited"}  # failed acks the widget offers Retry for
COOKIE = "BUCKSLIS_RASA"  # HAProxy's socket.io stickiness cookie: r0, r1, ... (haproxy.cfg.j2)
WS_CLOSE_TIMEOUT = 10.0

if not hasattr(aiohttp, "ClientWSTimeout"):
    # python-engineio 4.15's asyncio client builds aiohttp 3.10's ClientWSTimeout for its
    # websocket; Rasa 3.6 pins aiohttp 3.9.5, whose ws_connect takes the close timeout as a
    # number. Without this the client's websocket transport fails on AttributeError.
    aiohttp.ClientWSTimeout = lambda ws_close=WS_CLOSE_TIMEOUT, **_: ws_close  # type: ignore[attr-defined]


class WidgetClient:
    """One business's widget: a socket.io connection that comes back after a drop."""

    def __init__(
        self,
        base_url: str,
        biz: Business,
        source_address: str,
        transports: list[str],
        origin: str | None = None,
    ) -> None:
        self.base_url = base_url
        self.origin = origin or base_url  # the page's origin: one of ALLOWED_ORIGINS
        self.biz = biz
        self.transports = transports
        self.http = aiohttp.ClientSession(
            # every business from its own address; unsafe: keep cookies of an IP-address host
            connector=aiohttp.TCPConnector(local_addr=(source_address, 0)),
            cookie_jar=aiohttp.CookieJar(unsafe=True),
        )
        # reconnection is done here (as the widget does after a server-side disconnect too)
        self.sio = socketio.AsyncClient(
            reconnection=False, handle_sigint=False, http_session=self.http, request_timeout=10
        )
        self.ready = asyncio.Event()  # connected and the session confirmed
        self.dropped = asyncio.Event()  # the connection went since the last connect
        self.inbox: list[dict[str, Any]] = []  # bot_uttered events of the message in flight
        self.delay = 0.5
        self.sio.on("connect", self._on_connect)
        self.sio.on("session_confirm", self._on_session_confirm)
        self.sio.on("disconnect", self._on_disconnect)
        self.sio.on("bot_uttered", self.inbox_append)

    def inbox_append(self, data: Any) -> None:  # noqa: ANN401 - whatever the server sent
        if isinstance(data, dict):
            self.inbox.append(data)

    async def _on_connect(self) -> None:
        await self.sio.emit("session_request", {"session_id": self.biz.sender})

    def _on_session_confirm(self, session_id: Any) -> None:  # noqa: ANN401
        if session_id == self.biz.sender:
            self.ready.set()

    def _on_disconnect(self, *_: Any) -> None:
        self.ready.clear()
        self.dropped.set()

    async def connect(self, deadline: float) -> bool:
        """Connect (again) if need be, backing off as socket.io-client does."""
        while not self.ready.is_set():
            if time.monotonic() > deadline:
                return False
            if not self.sio.connected:
                self.dropped.clear()
                try:
                    await self.sio.connect(
                        self.base_url,
                        headers={"Origin": self.origin},
                        transports=self.transports,
                        wait_timeout=10,
                    )
                except (socketio.exceptions.ConnectionError, ValueError, aiohttp.ClientError):
                    await asyncio.sleep(self.delay)
                    self.delay = min(self.delay * 2, 5.0)
                    continue
            try:
                await asyncio.wait_for(self.ready.wait(), 10)
            except asyncio.TimeoutError:
                await self.sio.disconnect()  # no session_confirm: start again
        self.delay = 0.5
        return True

    def replica(self) -> str:
        """The replica HAProxy's cookie now points this browser at (rasa0, rasa1, ...)."""
        cookie = self.http.cookie_jar.filter_cookies(URL(self.base_url)).get(COOKIE)
        return f"rasa{cookie.value[1:]}" if cookie is not None else ""

    async def _attempt(self, payload: dict[str, str], deadline: float) -> Any:  # noqa: ANN401
        """One send of the message: its replies, or why not ("retry", "refused")."""
        if not await self.connect(deadline):
            return "retry"
        self.inbox.clear()
        acked: asyncio.Future = asyncio.get_running_loop().create_future()

        def on_ack(*args: Any) -> None:
            if not acked.done():
                acked.set_result(args[0] if args else None)

        try:
            await self.sio.emit("user_uttered", payload, callback=on_ack)
        except socketio.exceptions.SocketIOError:
            return "retry"  # the connection went before the message left
        dropped = asyncio.ensure_future(self.dropped.wait())
        try:
            await asyncio.wait({acked, dropped}, timeout=ACK_TIMEOUT, return_when="FIRST_COMPLETED")
        finally:
            dropped.cancel()
        if not acked.done():
            return "retry"  # no ack: the widget shows "Not confirmed as sent" and Retry
        ack = acked.result()
        await asyncio.sleep(0)  # events that arrived before the ack are all handled
        replies = list(self.inbox)
        if isinstance(ack, dict) and ack.get("ok") is True:
            said = " ".join(str(r.get("text") or "") for r in replies)
            return "retry" if PROBLEM in said else replies
        error = ack.get("error") if isinstance(ack, dict) else None
        if error in RETRYABLE:
            return "retry"
        self.biz.refused = f"ack {ack!r}, replies {replies!r}"[:300]
        return "refused"

    async def turn(self, message: str, patience: float) -> list[dict[str, Any]] | None:
        """Send `message` until it is acknowledged with a normal reply (the same id on every
        send), or None: refused, or no success within `patience` seconds."""
        started = time.monotonic()
        deadline, tries = started + patience, self.biz.retries
        payload = {
            "message": message,
            "session_id": self.biz.sender,
            "message_id": uuid.uuid4().hex,  # the widget's 32 hex digits, kept for resends
        }
        while True:
            outcome = await self._attempt(payload, deadline)
            if isinstance(outcome, list):
                self.biz.replicas.append(self.replica())
                if self.biz.retries > tries:
                    self.biz.recovered_after.append(time.monotonic() - started)
                return outcome
            if outcome == "refused" or time.monotonic() > deadline:
                return None
            self.biz.retries += 1
            await asyncio.sleep(1)  # a person reading "try again", then pressing Retry

    async def close(self) -> None:
        if self.sio.connected:
            await self.sio.disconnect()
        await self.http.close()


async def _converse(
    base_url: str,
    biz: Business,
    patience: float,
    on_turn: Callable[[], None],
    transports: list[str],
) -> Business:
    address = f"127.0.{biz.n // 250}.{biz.n % 250 + 2}"
    client = WidgetClient(base_url, biz, address, transports)
    try:
        for message, is_answer in biz.script():
            replies = await client.turn(message, patience)
            if replies is None:
                biz.gave_up = message
                return biz
            on_turn()
            biz.answered(message, replies, is_answer)
    finally:
        await client.close()
    return biz


def converse(
    base_url: str,
    biz: Business,
    patience: float = 120.0,
    on_turn: Callable[[], None] = lambda: None,
    transports: tuple[str, ...] = ("websocket",),
) -> Business:
    """One business's consultation through the widget's socket.io channel (run_load's
    `client`; each runs in its own thread, with its own event loop). `transports`:
    websocket, as the widget connects first; ("polling",) as it falls back to where
    websockets are blocked (HAProxy's cookie then keeps each request on the replica)."""
    return asyncio.run(_converse(base_url, biz, patience, on_turn, list(transports)))


def converse_polling(
    base_url: str,
    biz: Business,
    patience: float = 120.0,
    on_turn: Callable[[], None] = lambda: None,
) -> Business:
    """`converse` on long-polling only."""
    return converse(base_url, biz, patience, on_turn, transports=("polling",))
