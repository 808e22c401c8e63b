"""Action servers for the resilience tests: the real one (rasa_sdk over `actions/`) started
in-process, a slow one, and a proxy in front of the real one that fails a chosen call."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import sqlalchemy as sa
from aiohttp import web

from bot.channels import action_session


def run_scenario(scenario: Callable[[], Awaitable[None]]) -> None:
    """Run a scenario on a fresh loop and close the loop's pooled action session after it,
    as a stopping server does."""

    async def main() -> None:
        try:
            await scenario()
        finally:
            await action_session.close_sessions()

    asyncio.run(main())


def texts(responses: list[dict[str, Any]]) -> str:
    return " | ".join(r.get("text", "") for r in responses)


async def start_action_server(port: int) -> Any:
    from rasa_sdk.endpoint import create_app
    from sanic import Sanic

    Sanic.test_mode = True  # the same app name may be registered more than once per process
    app = create_app("actions")
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    await server.startup()
    return server


async def stop_action_server(server: Any) -> None:
    """Stop as Sanic does when the action server shuts down: no longer listen, and close
    its connections (Rasa's pooled keep-alive connection included)."""
    server.close()
    await server.wait_closed()
    for connection in list(server.connections):
        connection.close(timeout=1.0)
    await asyncio.sleep(0)  # let the closes reach the client


async def start_slow_server(port: int, delay: float) -> web.AppRunner:
    async def handler(request: web.Request) -> web.Response:
        await asyncio.sleep(delay)
        return web.json_response({"events": [], "responses": []})

    app = web.Application()
    app.router.add_post("/webhook", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner


def user_texts(database_url: str, sender: str) -> list[str]:
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        rows = (
            conn.execute(
                sa.text(
                    "SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' "
                    "ORDER BY id"
                ),
                {"s": sender},
            )
            .scalars()
            .all()
        )
    engine.dispose()
    return [json.loads(r)["text"] for r in rows]


class FaultPlan:
    """Which action call of the armed turn fails, and how: "before" the action server runs
    it (refused), or "after" (it ran, and stored what it stores, but its answer is lost, as
    when the server is killed mid-reply)."""

    def __init__(self) -> None:
        self.armed: tuple[int, str] | None = None
        self.calls = 0
        self.failed: str | None = None  # the action that failed, once it has

    def arm(self, call: int | None, mode: str = "before") -> None:
        self.armed, self.calls, self.failed = (None if call is None else (call, mode)), 0, None

    def take(self, action: str) -> str | None:
        if self.armed is None or self.failed is not None:
            return None
        call, mode = self.armed
        self.calls += 1
        if self.calls - 1 != call:
            return None
        self.failed = action
        return mode


async def start_failing_proxy(port: int, target: int, plan: FaultPlan) -> web.AppRunner:
    """The action endpoint: passes every call to the real action server on `target`, except
    the one `plan` fails (HTTP 500, which Rasa treats as the server failing)."""
    import aiohttp

    session = aiohttp.ClientSession()

    async def handler(request: web.Request) -> web.Response:
        body = await request.read()
        fail = plan.take(json.loads(body).get("next_action", ""))
        if fail == "before":
            return web.Response(status=500)
        async with session.post(
            f"http://127.0.0.1:{target}/webhook",
            data=body,
            headers={"Content-Type": "application/json"},
        ) as reply:
            payload, status = await reply.read(), reply.status
        if fail == "after":
            return web.Response(status=500)
        return web.Response(body=payload, status=status, content_type="application/json")

    app = web.Application()
    app.router.add_post("/webhook", handler)
    app.on_cleanup.append(lambda _: session.close())
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner
