"""The REST channel's input checks, on a real Sanic server in-process (no Rasa model)."""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from bot.channels.rest import LimitedRestInput, check_body

MAX = 2000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def limit(monkeypatch: pytest.MonkeyPatch) -> int:
    from bot.config import settings

    monkeypatch.setenv("MAX_MESSAGE_CHARS", str(MAX))
    settings.cache_clear()
    yield MAX
    settings.cache_clear()


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"", "invalid_json"),
        (b"not json", "invalid_json"),
        (b"\xff\xfe\x00binary", "invalid_json"),
        (b"[1, 2]", "invalid_json"),
        (b'{"sender": "a"}', "not_text"),
        (b'{"sender": "a", "message": 42}', "not_text"),
        (b'{"sender": 7, "message": "hi"}', "invalid_sender"),
        (b'{"sender": "", "message": "hi"}', "invalid_sender"),
        (b'{"sender": "a", "message": "   "}', "empty"),
        (b'{"sender": "a", "message": "\\u0000\\u0001"}', "empty"),
        (json.dumps({"sender": "a", "message": "x" * (MAX + 1)}).encode(), "too_long"),
    ],
)
def test_bad_bodies_are_rejected(raw: bytes, code: str) -> None:
    assert check_body(raw, MAX) == (None, code)


@pytest.mark.parametrize(
    "message",
    ["hello", "x" * MAX, "🚀🛰️ space!!! 🎬", "<script>alert(1)</script>", "<img src=x onerror=a()>",
     "tab\tand\nnewline", "Ω≈ç√∫˜µ≤≥÷ 𝕳𝖊𝖑𝖑𝖔"],
)
def test_odd_but_valid_messages_pass(message: str) -> None:
    body, code = check_body(json.dumps({"sender": "a", "message": message}).encode(), MAX)
    assert code is None and body["message"] == message.strip()


def test_control_characters_are_dropped() -> None:
    body, _ = check_body(json.dumps({"sender": "a", "message": "hi\u0000 there\u0007"}).encode(),
                         MAX)
    assert body["message"] == "hi there"


async def _serve_and_post(posts: list[tuple[bytes, dict[str, str]]]) -> tuple[list, list]:
    received: list[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)
        await message.output_channel.send_text_message(message.sender_id, f"echo {message.text}")

    app = Sanic(f"rest_test_{_free_port()}")
    channel = LimitedRestInput()
    app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/rest")
    port = _free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    await server.startup()
    results = []
    try:
        async with aiohttp.ClientSession() as http:
            for raw, headers in posts:
                async with http.post(f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                                     data=raw, headers=headers) as resp:
                    results.append((resp.status, await resp.json()))
    finally:
        server.close()
        await server.wait_closed()
    return results, received


def test_rest_endpoint_rejects_and_accepts(limit: int) -> None:
    js = {"content-type": "application/json"}
    posts: list[tuple[bytes, dict[str, Any]]] = [
        (json.dumps({"sender": "s1", "message": "x" * 5000}).encode(), js),
        (json.dumps({"sender": "s1", "message": ""}).encode(), js),
        (b"{broken", js),
        (json.dumps({"sender": "s1", "message": "  hello 🚀 "}).encode(), js),
    ]
    results, received = asyncio.run(_serve_and_post(posts))
    (s413, too_long), (s400, empty), (s400b, broken), (s200, ok) = results
    assert s413 == 413 and too_long["error"]["code"] == "too_long"
    assert too_long["error"]["max_message_chars"] == limit
    assert s400 == 400 and empty["error"]["code"] == "empty"
    assert s400b == 400 and broken["error"]["code"] == "invalid_json"
    assert s200 == 200 and ok == [{"recipient_id": "s1", "text": "echo hello 🚀"}]
    assert [m.text for m in received] == ["hello 🚀"]
    assert received[0].input_channel == "rest"
