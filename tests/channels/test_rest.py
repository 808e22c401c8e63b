"""The REST channel's input checks, on a real Sanic server in-process (no Rasa model)."""

from __future__ import annotations

import json
import multiprocessing
import socket
import time
from typing import Any

import pytest
import requests
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from bot.channels.rest import LimitedRestInput, check_body
from tests.conftest import free_port

MAX = 2000


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
        (b'{"sender": "a", "message": "hi", "message_id": 7}', "invalid_message_id"),
        (b'{"sender": "a", "message": "hi", "message_id": ""}', "invalid_message_id"),
        (b'{"sender": "a", "message": "hi", "message_id": "a b"}', "invalid_message_id"),
        (
            json.dumps({"sender": "a", "message": "hi", "message_id": "x" * 65}).encode(),
            "invalid_message_id",
        ),
        (b'{"sender": "a", "message": "hi", "message_id": "ok\\n"}', "invalid_message_id"),
    ],
)
def test_bad_bodies_are_rejected(raw: bytes, code: str) -> None:
    assert check_body(raw, MAX) == (None, code)


@pytest.mark.parametrize(
    "sender",
    [
        "x-dm-783214",  # an X DM participant
        "x-post-783214",  # an X post's author
        "X-DM-783214",
        "783214",  # a collected public post's author (the bare X user id)
        "anonymised:2",  # kept after retention
        "email:org:1504f3328b562af8b0f0e567",  # an imported email response
        "survey:row:0123",
        "event:org:abc",
    ],
)
def test_server_made_senders_are_refused(sender: str) -> None:
    """A web client cannot act as an X, anonymised or imported participant (attack probe,
    7 Dec: "forget me" as `x-dm-<id>` erased that X user's answers)."""
    raw = json.dumps({"sender": sender, "message": "forget me"}).encode()
    assert check_body(raw, MAX) == (None, "invalid_sender")


@pytest.mark.parametrize(
    "sender",
    ["0123456789abcdef0123456789abcdef", "12345678901234567890123456789012", "e2e-1a2b3c", "a"],
)
def test_web_clients_own_senders_pass(sender: str) -> None:
    """The widget's 32 hex characters (even all digits) and the tests' own ids still work."""
    body, code = check_body(json.dumps({"sender": sender, "message": "hi"}).encode(), MAX)
    assert code is None and body["sender"] == sender


def test_a_sender_that_cannot_be_stored_is_refused_not_retried() -> None:
    """A lone surrogate was accepted, failed in the database and was answered 503 with
    Retry-After, so a polite client retried for ever (fault probe, 7 Dec)."""
    raw = b'{"sender": "b\\ud800", "message": "hi"}'
    assert json.loads(raw)["sender"] == "b\ud800"
    assert check_body(raw, MAX) == (None, "invalid_sender")


def test_a_message_without_a_sender_is_refused() -> None:
    """Without one Rasa put every such client in one shared conversation, "default"
    (attack probe, 7 Dec)."""
    assert check_body(b'{"message": "hi"}', MAX) == (None, "invalid_sender")
    assert check_body(b'{"message": "hi", "sender": null}', MAX) == (None, "invalid_sender")


@pytest.mark.parametrize(
    "message",
    [
        "hello",
        "x" * MAX,
        "🚀🛰️ space!!! 🎬",
        "<script>alert(1)</script>",
        "<img src=x onerror=a()>",
        "tab\tand\nnewline",
        "Ω≈ç√∫˜µ≤≥÷ 𝕳𝖊𝖑𝖑𝖔",
    ],
)
def test_odd_but_valid_messages_pass(message: str) -> None:
    body, code = check_body(json.dumps({"sender": "a", "message": message}).encode(), MAX)
    assert code is None and body["message"] == message.strip()


def test_control_characters_are_dropped() -> None:
    body, _ = check_body(
        json.dumps({"sender": "a", "message": "hi\u0000 there\u0007"}).encode(), MAX
    )
    assert body["message"] == "hi there"


def _serve(port: int) -> None:
    """Child process: the REST channel on a Sanic server whose handler echoes."""

    async def on_new_message(message: UserMessage) -> None:
        if message.text == "which id?":
            await message.output_channel.send_text_message(message.sender_id, message.message_id)
            return
        await message.output_channel.send_text_message(
            message.sender_id, f"echo {message.text} via {message.input_channel}"
        )
        if message.text == "fail after replying":  # e.g. the tracker store's database is down
            raise RuntimeError("could not save the turn")

    app = Sanic(f"rest_test_{port}")
    app.blueprint(LimitedRestInput().blueprint(on_new_message), url_prefix="/webhooks/rest")
    app.run(host="127.0.0.1", port=port, access_log=False)


def start_served(port: int) -> Any:
    """The echo server forked on `port` (Sanic keeps per-process state), once it listens."""
    child = multiprocessing.get_context("fork").Process(target=_serve, args=(port,), daemon=True)
    child.start()
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return child
        except OSError:
            if time.monotonic() > deadline or not child.is_alive():
                child.terminate()
                raise
            time.sleep(0.2)


def _serve_and_post(posts: list[tuple[bytes, dict[str, str]]]) -> list:
    """Run the server in a forked child and post to it."""
    port = free_port()
    child = start_served(port)
    try:
        results = []
        for raw, headers in posts:
            resp = requests.post(
                f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                data=raw,
                headers=headers,
                timeout=30,
            )
            results.append((resp.status_code, resp.json()))
        return results
    finally:
        child.terminate()
        child.join(10)


def test_rest_endpoint_rejects_and_accepts(limit: int) -> None:
    js = {"content-type": "application/json"}
    posts: list[tuple[bytes, dict[str, Any]]] = [
        (json.dumps({"sender": "s1", "message": "x" * 5000}).encode(), js),
        (json.dumps({"sender": "s1", "message": ""}).encode(), js),
        (b"{broken", js),
        (json.dumps({"sender": "s1", "message": "  hello 🚀 "}).encode(), js),
        (json.dumps({"message": "hello"}).encode(), js),
        (json.dumps({"sender": "x-dm-783214", "message": "forget me"}).encode(), js),
    ]
    results = _serve_and_post(posts)
    (s413, too_long), (s400, empty), (s400b, broken), (s200, ok), *refused = results
    assert s413 == 413 and too_long["error"]["code"] == "too_long"
    assert too_long["error"]["max_message_chars"] == limit
    assert s400 == 400 and empty["error"]["code"] == "empty"
    assert s400b == 400 and broken["error"]["code"] == "invalid_json"
    assert s200 == 200 and ok == [{"recipient_id": "s1", "text": "echo hello 🚀 via rest"}]
    # no sender (was Rasa's shared "default"), and an X participant's id: never reach Rasa
    assert [(status, answer["error"]["code"]) for status, answer in refused] == [
        (400, "invalid_sender"),
        (400, "invalid_sender"),
    ]


def test_a_flooding_sender_gets_429_with_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config import settings

    monkeypatch.setenv("RATE_LIMIT_SENDER_PER_MIN", "3")
    settings.cache_clear()
    js = {"content-type": "application/json"}
    try:
        results = _serve_and_post(
            [(json.dumps({"sender": "flood", "message": f"m{i}"}).encode(), js) for i in range(4)]
            + [(json.dumps({"sender": "calm", "message": "hello"}).encode(), js)]
        )
    finally:
        settings.cache_clear()
    assert [status for status, _ in results] == [200, 200, 200, 429, 200]
    error = results[3][1]["error"]
    assert error["code"] == "rate_limited" and error["retry_after"] >= 1
    assert "wait" in error["message"]


def test_a_turn_that_fails_inside_rasa_is_503_so_the_client_resends() -> None:
    js = {"content-type": "application/json"}
    results = _serve_and_post(
        [
            (json.dumps({"sender": "s", "message": "fail after replying"}).encode(), js),
            (json.dumps({"sender": "s", "message": "next"}).encode(), js),
        ]
    )
    (failed, error), (ok, replies) = results
    # Rasa alone would answer 200 with the reply of a turn it never saved.
    assert failed == 503 and error["error"]["code"] == "unavailable"
    assert error["error"]["retry_after"] >= 1
    assert ok == 200 and replies == [{"recipient_id": "s", "text": "echo next via rest"}]


def test_a_client_message_id_becomes_the_turns_message_id() -> None:
    """So a resend with the same id is known as the same message (bot/channels/resend.py)."""
    js = {"content-type": "application/json"}
    named = {"sender": "s1", "message": "which id?", "message_id": "widget-42:1"}
    results = _serve_and_post(
        [
            (json.dumps(named).encode(), js),
            (json.dumps({"sender": "s1", "message": "which id?"}).encode(), js),
        ]
    )
    (s1, first), (s2, second) = results
    assert s1 == 200 and first == [{"recipient_id": "s1", "text": "widget-42:1"}]
    assert s2 == 200 and second[0]["text"] not in ("", "widget-42:1")  # Rasa's own uuid
