"""Rasa's custom action calls share one keep-alive connection, carry the same JSON, and
survive the action server restarting (bot/channels/action_session.py)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from aiohttp import web
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from bot.channels import action_session
from bot.config import Settings, settings
from tests.conftest import free_port


class FakeActionServer:
    """An action server on loopback that records each call's body and client connection."""

    def __init__(self, port: int, status: int = 200) -> None:
        self.port, self.status = port, status
        self.bodies: list[dict[str, Any]] = []
        self.peers: list[tuple[str, int]] = []
        self.runner: web.AppRunner | None = None

    async def _webhook(self, request: web.Request) -> web.Response:
        self.bodies.append(json.loads(await request.text()))
        self.peers.append(request.transport.get_extra_info("peername"))
        if self.status != 200:
            return web.json_response({"error": "boom"}, status=self.status)
        return web.json_response(
            {"events": [{"event": "slot", "name": "seen", "value": True}], "responses": []}
        )

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/webhook", self._webhook)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        assert self.runner is not None
        await self.runner.cleanup()


@pytest.fixture()
def keepalive(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    action_session.install()
    settings.cache_clear()
    yield
    settings.cache_clear()


def _set_keepalive(monkeypatch: pytest.MonkeyPatch, seconds: str) -> None:
    monkeypatch.setenv("ACTION_KEEPALIVE_SECONDS", seconds)
    settings.cache_clear()


async def _call(port: int, text: str = "We need café space for £5k") -> list[Any]:
    domain = Domain.empty()
    tracker = DialogueStateTracker("biz-1", domain.slots)
    tracker.update(UserUttered(text, {"name": "inform", "confidence": 0.9}))
    action = RemoteAction("action_record", EndpointConfig(f"http://127.0.0.1:{port}/webhook"))
    return await action.run(
        CollectingOutputChannel(),
        TemplatedNaturalLanguageGenerator(domain.responses),
        tracker,
        domain,
    )


def _run_calls(server: FakeActionServer, n: int) -> list[list[Any]]:
    async def main() -> list[list[Any]]:
        await server.start()
        try:
            return [await _call(server.port) for _ in range(n)]
        finally:
            await action_session.close_sessions()
            await server.stop()

    return asyncio.run(main())


def test_calls_share_one_connection(keepalive: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _set_keepalive(monkeypatch, "2")
    server = FakeActionServer(free_port())
    results = _run_calls(server, 5)
    assert all(r == [SlotSet("seen", True)] for r in results)
    assert len(server.bodies) == 5
    assert len(set(server.peers)) == 1  # one TCP connection for all five calls


def test_zero_keepalive_is_rasas_connection_per_call(
    keepalive: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _set_keepalive(monkeypatch, "0")
    server = FakeActionServer(free_port())
    results = _run_calls(server, 4)
    assert all(r == [SlotSet("seen", True)] for r in results)
    assert len(set(server.peers)) == 4


def test_the_body_is_the_json_rasa_would_send(
    keepalive: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _set_keepalive(monkeypatch, "2")
    server = FakeActionServer(free_port())
    _run_calls(server, 1)
    body = server.bodies[0]
    assert body["next_action"] == "action_record"
    assert body["sender_id"] == "biz-1"
    assert body["tracker"]["latest_message"]["text"] == "We need café space for £5k"
    assert body["tracker"]["events"][-1]["event"] == "user"


def test_a_restarted_action_server_is_reached_on_a_new_connection(
    keepalive: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _set_keepalive(monkeypatch, "2")
    port = free_port()

    async def main() -> tuple[FakeActionServer, FakeActionServer, list[Any]]:
        first, second = FakeActionServer(port), FakeActionServer(port)
        await first.start()
        await _call(port)
        await first.stop()  # closes the pooled connection from the server's side
        await second.start()
        try:
            return first, second, await _call(port)
        finally:
            await action_session.close_sessions()
            await second.stop()

    first, second, result = asyncio.run(main())
    assert result == [SlotSet("seen", True)]
    assert len(first.bodies) == len(second.bodies) == 1


def test_server_errors_stay_rasas_errors(keepalive: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard (bot/channels/resilience.py) and RemoteAction key on these types."""
    _set_keepalive(monkeypatch, "2")
    server = FakeActionServer(free_port(), status=500)

    async def main() -> None:
        await server.start()
        try:
            endpoint = action_session.PooledEndpoint.of(
                EndpointConfig(f"http://127.0.0.1:{server.port}/webhook")
            )
            await endpoint.request(json={"x": 1}, method="post")
        finally:
            await action_session.close_sessions()
            await server.stop()

    with pytest.raises(ClientResponseError) as error:
        asyncio.run(main())
    assert error.value.status == 500


def test_dumps_matches_json_and_falls_back() -> None:
    value = {"text": "café £5 / http://x", "n": 2**70, "f": 0.1, "none": None}
    assert json.loads(action_session.dumps(value)) == value  # 2**70: ujson refuses, json encodes
    small = {"text": "café / x", "f": 1e-7, "list": [1, 2.5, True]}
    assert json.loads(action_session.dumps(small)) == small


def test_keepalive_setting_is_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ACTION_KEEPALIVE_SECONDS", raising=False)
    assert Settings().action_keepalive_seconds == 2.0
    monkeypatch.setenv("ACTION_KEEPALIVE_SECONDS", "0")
    assert Settings().action_keepalive_seconds == 0.0


def test_the_pooled_session_is_closed_as_the_server_stops() -> None:
    """The chat channels' blueprint closes the loop's session before the server stops, so no
    'Unclosed client session' is left for the garbage collector to report."""
    from bot.channels.rest import LimitedRestInput

    async def on_new_message(_message: Any) -> None:  # noqa: ANN401
        return None

    blueprint = LimitedRestInput().blueprint(on_new_message)
    stops = [f.listener for f in blueprint._future_listeners if f.event == "before_server_stop"]
    assert stops

    async def serve_then_stop() -> bool:
        session = action_session.pooled_session()
        for listener in stops:
            await listener(None, asyncio.get_running_loop())
        return session.closed

    assert asyncio.run(serve_then_stop())
