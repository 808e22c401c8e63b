"""A long-polling client that closes its session is let go at once (bot/channels/polling_close.py).

Against tests/widget/fake_rasa.py (our real socket.io channel on Sanic, a scripted bot):
the held GET is answered as the reference engine.io server answers it, and a widget
client over polling finishes a session about as fast as one over websocket. Before the
fix the server held that GET for 45 s and the python-socketio client's disconnect took
30 s, which made the fault tests' polling load 6x slower than websocket.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import pytest
import socketio
from engineio import packet

from bot.channels import polling_close
from tests.conftest import background_process, free_port, wait_for_url
from tests.production.chat_load import Business
from tests.production.widget_load import WidgetClient

ROOT = Path(__file__).resolve().parents[2]
ORIGIN = "http://widget-page.test"
# Well under the 45 s the server held a closed session's GET, and the python client's 30 s.
RELEASED_WITHIN = 5.0


@pytest.fixture(scope="module")
def rasa_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    env = dict(
        os.environ,
        BUCKS_LIS_VAR_DIR=str(tmp_path_factory.mktemp("var")),
        ALLOWED_ORIGINS=ORIGIN,
        PYTHONPATH=str(ROOT),
    )
    env.pop("BUCKS_LIS_ENV", None)
    url = f"http://127.0.0.1:{port}"
    with background_process(
        [sys.executable, str(ROOT / "tests" / "widget" / "fake_rasa.py"), str(port)], env
    ) as proc:
        wait_for_url(f"{url}/test/received", proc)
        yield url


async def _held_poll_after_close(url: str) -> tuple[int, str, float]:
    """Open a polling session by hand, leave a GET waiting, close: how that GET ended."""
    base = f"{url}/socket.io/?EIO=4&transport=polling"
    async with aiohttp.ClientSession(headers={"Origin": ORIGIN}) as http:
        async with http.get(base) as r:
            opened = await r.text()
        assert opened.startswith("0"), opened  # engine.io OPEN with the session
        sid = json.loads(opened[1:])["sid"]
        session = f"{base}&sid={sid}"
        async with http.post(session, data="40") as r:  # socket.io CONNECT, namespace /
            assert r.status == 200
        async with http.get(session) as r:
            assert (await r.text()).startswith("40")  # connected

        async def poll() -> tuple[int, str]:
            async with http.get(session) as r:
                return r.status, await r.text()

        held = asyncio.ensure_future(poll())
        await asyncio.sleep(0.5)
        assert not held.done(), "nothing to send: the server holds the GET"
        started = time.monotonic()
        async with http.post(session, data="1") as r:  # engine.io CLOSE
            assert r.status == 200
        try:
            status, body = await asyncio.wait_for(held, RELEASED_WITHIN)
        except asyncio.TimeoutError:
            pytest.fail(f"the closed session's GET was still held after {RELEASED_WITHIN} s")
        return status, body, time.monotonic() - started


def test_a_closed_polling_session_gets_its_held_get_answered_at_once(rasa_url: str) -> None:
    status, body, waited = asyncio.run(_held_poll_after_close(rasa_url))
    # what the reference engine.io server answers: a `noop` packet ("6")
    assert (status, body) == (200, "6")
    assert waited < RELEASED_WITHIN


async def _session(url: str, transports: list[str]) -> float:
    """A widget business's whole session (connect, one acknowledged turn, leave): seconds."""
    client = WidgetClient(url, Business(0), "127.0.0.1", transports, origin=ORIGIN)
    started = time.monotonic()
    try:
        replies = await client.turn("hello there", patience=20)
        assert replies and "Thanks, I noted: hello there" in replies[0]["text"]
    finally:
        await client.close()
    return time.monotonic() - started


def test_a_polling_session_ends_about_as_fast_as_a_websocket_one(rasa_url: str) -> None:
    websocket = asyncio.run(_session(rasa_url, ["websocket"]))
    polling = asyncio.run(_session(rasa_url, ["polling"]))
    assert polling < websocket + RELEASED_WITHIN, (polling, websocket)


def _server_with_socket(upgraded: bool) -> tuple[socketio.AsyncServer, SimpleNamespace]:
    sio = socketio.AsyncServer(async_mode="asgi")
    sock = SimpleNamespace(upgraded=upgraded, upgrading=False, queue=asyncio.Queue())
    sio.eio.sockets["eio-1"] = sock
    return sio, sock


def test_only_a_client_close_on_polling_queues_the_noop() -> None:
    sio, sock = _server_with_socket(upgraded=False)
    client_close = sio.eio.reason.CLIENT_DISCONNECT
    assert polling_close.release_held_poll(sio, "eio-1", client_close)
    queued = sock.queue.get_nowait()
    assert queued.packet_type == packet.NOOP

    # the server's own closes already queue a CLOSE packet for the GET
    assert not polling_close.release_held_poll(sio, "eio-1", sio.eio.reason.SERVER_DISCONNECT)
    # a websocket session holds no GET
    sio, sock = _server_with_socket(upgraded=True)
    assert not polling_close.release_held_poll(sio, "eio-1", client_close)
    assert sock.queue.empty()
    assert not polling_close.release_held_poll(sio, "unknown", client_close)


def test_install_keeps_socketios_disconnect_handling_and_is_idempotent() -> None:
    sio, sock = _server_with_socket(upgraded=False)
    seen: list[tuple[str, str]] = []

    async def original(eio_sid: str, reason: str) -> None:
        seen.append((eio_sid, reason))

    sio.eio.on("disconnect", original)
    polling_close.install(sio)
    installed = sio.eio.handlers["disconnect"]
    polling_close.install(sio)
    assert sio.eio.handlers["disconnect"] is installed
    asyncio.run(installed("eio-1", sio.eio.reason.CLIENT_DISCONNECT))
    assert seen == [("eio-1", sio.eio.reason.CLIENT_DISCONNECT)]
    assert sock.queue.qsize() == 1
