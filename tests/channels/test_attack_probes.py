"""Bad-input and attack probes on the chat entries: REST, socket.io and the X webhook.

Each probe asserts what the entry does with it: a clear 4xx with a JSON error, or the text
handled intact. The live probes run our channels from credentials.yml on Rasa's own server
(no API, an echo agent instead of a model), so Sanic's own answers are probed too.
"""

from __future__ import annotations

import json
import multiprocessing
import socket
import time
from typing import Any

import pytest
import requests

from bot.channels.rest import MAX_SENDER_CHARS, check_body
from bot.channels.socketio import check_user_message
from bot.channels.text import MAX_METADATA_CHARS
from bot.channels.x.inbound import clean_text
from bot.channels.x.signatures import sign_body
from tests.channels.x_harness import SECRET, URL, Harness
from tests.conftest import PROJECT_ROOT, free_port

MAX = 2000
SESSION = "abcdef0123456789"
DEEP_LIST = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = b'{"a":' * 50_000 + b"1" + b"}" * 50_000


def body(**fields: Any) -> bytes:
    return json.dumps(fields).encode()


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"null", "invalid_json"),
        (b"42", "invalid_json"),
        (b'"a string"', "invalid_json"),
        (b"\x00\x00\x00", "invalid_json"),
        (b'{"message": "hi", "sender": "a"', "invalid_json"),
        (DEEP_LIST, "invalid_json"),  # RecursionError in the parser was a 500
        (DEEP_OBJECT, "invalid_json"),
        (body(message=["hi"], sender="a"), "not_text"),
        (body(message={"text": "hi"}, sender="a"), "not_text"),
        (body(message=None, sender="a"), "not_text"),
        (body(message="hi", sender={"id": 1}), "invalid_sender"),
        (body(message="hi", sender="s" * (MAX_SENDER_CHARS + 1)), "invalid_sender"),
        (body(message="hi", sender="a\u0000b"), "invalid_sender"),
        (body(message="hi", sender="a", metadata=[1, 2]), "invalid_metadata"),
        (body(message="hi", sender="a", metadata="not an object"), "invalid_metadata"),
        (
            body(message="hi", sender="a", metadata={"x": "y" * MAX_METADATA_CHARS}),
            "invalid_metadata",
        ),
        (body(message="\u0000\u0007\u001b", sender="a"), "empty"),
    ],
)
def test_rest_refuses_malformed_bodies(raw: bytes, code: str) -> None:
    assert check_body(raw, MAX) == (None, code)


@pytest.mark.parametrize(
    "message",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "javascript:alert(document.cookie)",
        "'; DROP TABLE responses; --",
        "Robert'); DELETE FROM businesses WHERE ('1'='1",
        "price \u202egnp.exe\u202c rises",  # right-to-left override
        "=cmd|' /C calc'!A0",
        "emoji 👩🏽‍💻 and combining e\u0301",
    ],
)
def test_rest_passes_hostile_looking_text_intact(message: str) -> None:
    clean, code = check_body(body(message=message, sender="<img src=x onerror=a()>"), MAX)
    assert code is None
    assert clean["message"] == message and clean["sender"] == "<img src=x onerror=a()>"


def test_rest_drops_invisible_characters_but_keeps_emoji_joiners() -> None:
    """A zero-width space or a byte-order mark pasted into an address made it "not an email
    address" (set DL); the joiner inside an emoji sequence stays."""
    clean, code = check_body(body(message="zero\u200bwidth\u200djoiner\ufeff", sender="a"), MAX)
    assert code is None and clean["message"] == "zerowidth\u200djoiner"
    clean, _ = check_body(body(message="a\u00a0b@c.co.uk", sender="a"), MAX)
    assert clean["message"] == "a b@c.co.uk"
    # nothing but invisible characters goes on as it came: the bot says it didn't catch it
    clean, code = check_body(body(message="\u200b\u200b", sender="a"), MAX)
    assert code is None and clean["message"] == "\u200b\u200b"


def test_rest_keeps_a_small_metadata_object_and_drops_nul_from_the_text() -> None:
    clean, code = check_body(body(message="hi\u0000 there", sender="a", metadata={"p": "/"}), MAX)
    assert code is None
    assert clean["message"] == "hi there" and clean["metadata"] == {"p": "/"}


def test_socketio_drops_control_characters_as_rest_does() -> None:
    clean, rejection = check_user_message(
        {"message": "fibre\u0000 is\u0007 slow\u001b", "session_id": SESSION}, MAX, True
    )
    assert rejection is None and clean["message"] == "fibre is slow"
    _, rejection = check_user_message({"message": "\u0000\u0001", "session_id": SESSION}, MAX, True)
    assert rejection is not None and rejection.code == "empty"


@pytest.mark.parametrize(
    "metadata",
    ["[" * 2000 + "]" * 2000, '{"a":' * 800 + "1" + "}" * 800, "[1]", "null"],
)
def test_socketio_refuses_nested_or_odd_metadata_without_raising(metadata: str) -> None:
    _, rejection = check_user_message(
        {"message": "hi", "session_id": SESSION, "metadata": metadata}, MAX, True
    )
    assert rejection is not None and rejection.code == "invalid_metadata"


def test_socketio_passes_hostile_looking_text_intact() -> None:
    text = "<script>alert(1)</script> \u202eevil\u202c '; DROP TABLE x;--"
    clean, rejection = check_user_message({"message": text, "session_id": SESSION}, MAX, True)
    assert rejection is None and clean["message"] == text


def test_x_text_loses_control_characters_but_keeps_markup() -> None:
    assert clean_text("#bucksLIS fibre\u0000 <b>now</b>\u0007", "#bucksLIS", MAX) == (
        "fibre <b>now</b>"
    )


def test_x_signed_but_deeply_nested_body_is_a_400(x: Harness) -> None:
    for raw in (DEEP_LIST[:60_000], b'{"a":' * 10_000 + b"1" + b"}" * 10_000):
        answer = x.post(raw, {"x-twitter-webhooks-signature": sign_body(raw, SECRET)})
        assert answer.status == 400 and answer.json()["error"] == "invalid_json"
    assert x.received == []


@pytest.mark.parametrize(
    "token",
    ['{"for_user_id":"1"}', "a" * 513, "tok%0Aen", "t%C3%B6ken", "%00", "a%20b"],
)
def test_x_crc_with_odd_tokens_is_a_json_400(x: Harness, token: str) -> None:
    answer = x.get(URL, f"crc_token={token}")
    assert answer.status == 400
    assert "response_token" not in answer.json()


def test_x_altered_and_replayed_signatures_are_refused(x: Harness) -> None:
    raw = b'{"for_user_id": "100", "direct_message_events": []}'
    signature = sign_body(raw, SECRET)
    altered = raw.replace(b"100", b"101")
    assert x.post(altered, {"x-twitter-webhooks-signature": signature}).status == 403
    assert x.post(raw, {"x-twitter-webhooks-signature": signature.upper()}).status == 403
    assert x.post(raw, {"x-twitter-webhooks-signature": "sha1=" + signature[7:]}).status == 403
    assert x.received == []


# --------------------------------------------------------------------------- live server


def _serve(port: int) -> None:
    """Child process: every channel in credentials.yml on Rasa's no-API server, echoing."""
    from rasa.core.run import configure_app, create_http_input_channels

    channels = create_http_input_channels(None, str(PROJECT_ROOT / "credentials.yml"))
    app = configure_app(channels, cors=["http://localhost:8000"], enable_api=False, port=port)

    class EchoAgent:
        async def handle_message(self, message: Any) -> None:
            await message.output_channel.send_text_message(message.sender_id, message.text)

    app.ctx.agent = EchoAgent()
    app.run(host="127.0.0.1", port=port, access_log=False)


@pytest.fixture()
def rasa_server(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    from bot.config import settings

    monkeypatch.setenv("X_CONSUMER_SECRET", SECRET)
    monkeypatch.setenv("X_BOT_USER_ID", "100")
    monkeypatch.setenv("RASA_MAX_BODY_BYTES", "1000000")
    monkeypatch.setenv("X_POLL_SECONDS", "0")  # no hashtag polling or compliance threads
    monkeypatch.setenv("X_COMPLIANCE_HOURS", "0")
    settings.cache_clear()
    port = free_port()
    child = multiprocessing.get_context("fork").Process(target=_serve, args=(port,), daemon=True)
    child.start()
    try:
        deadline = time.monotonic() + 90
        while True:
            # an HTTP answer, not only an accepted connection: a bound socket does not show
            # that the server serves (the first socket.io handshake would meet a child still
            # starting, or one that hangs, instead of a clear failure here)
            try:
                if requests.get(f"http://127.0.0.1:{port}/", timeout=2).ok:
                    break
            except requests.RequestException:
                if time.monotonic() > deadline or not child.is_alive():
                    raise
            else:  # answered, but not OK: give it until the deadline, then say so
                assert time.monotonic() <= deadline, "the Rasa server never answered OK"
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        child.terminate()
        child.join(10)
        if child.is_alive():  # Rasa's server may not stop on SIGTERM in a forked child:
            child.kill()  # a live daemon child would hang pytest as it exits
            child.join(10)
        settings.cache_clear()


def _raw_post(base: str, path: str, length: int) -> tuple[int, dict[str, Any]]:
    """Announce a `length`-byte body and send only its first MB: a server that reads it
    all would wait; ours answers from the Content-Length."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {length}\r\n\r\n".encode()
        )
        try:
            conn.sendall(b'{"message": "' + b"x" * min(length, 1_100_000))
        except OSError:  # the server may close as soon as it has answered
            pass
        data = b""
        while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(rest)


def test_sanics_own_answers_are_json_and_bodies_are_capped(rasa_server: str) -> None:
    rest = f"{rasa_server}/webhooks/rest/webhook"
    js = {"content-type": "application/json"}

    for method in ("GET", "PUT", "DELETE"):
        answer = requests.request(method, rest, timeout=30)
        assert answer.status_code == 405 and answer.json()["status"] == 405
    answer = requests.delete(f"{rasa_server}/webhooks/x/webhook", timeout=30)
    assert answer.status_code == 405 and answer.json()["status"] == 405
    answer = requests.get(f"{rasa_server}/webhooks/nothing/here", timeout=30)
    assert answer.status_code == 404 and answer.json()["status"] == 404

    for size in (2_000_000, 10_000_000):  # past RASA_MAX_BODY_BYTES: Sanic's own 413
        status, error = _raw_post(rasa_server, "/webhooks/rest/webhook", size)
        assert status == 413 and error["status"] == 413

    # Just under the cap: read, then refused by the channel as too long.
    near_1mb = body(sender="big", message="x" * 900_000)
    answer = requests.post(rest, data=near_1mb, headers=js, timeout=30)
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_long"

    probes = [
        (b"", js),
        (b"hello", {"content-type": "text/plain"}),
        (b"message=hi&sender=a", {"content-type": "application/x-www-form-urlencoded"}),
        (DEEP_LIST, js),
        (DEEP_OBJECT, {"content-type": "text/plain"}),
        (b'{"message": "\xff\xfe", "sender": "a"}', js),
        (body(message="hi", sender="a", metadata=[1]), js),
    ]
    for raw, headers in probes:
        answer = requests.post(rest, data=raw, headers=headers, timeout=30)
        assert 400 <= answer.status_code < 500, raw[:40]
        assert answer.json()["error"]["code"] in ("invalid_json", "invalid_metadata")

    # After all that, an ordinary message (and a hostile-looking one) still goes through.
    for text in ("hello there", "<script>alert(1)</script>"):
        answer = requests.post(rest, data=body(sender="s1", message=text), headers=js, timeout=30)
        assert answer.status_code == 200
        assert answer.json() == [{"recipient_id": "s1", "text": text}]

    # The X webhook: unsigned posts and bad CRC tokens are JSON errors too.
    x = f"{rasa_server}/webhooks/x/webhook"
    assert requests.post(x, data=b"{}", timeout=30).json()["error"] == "missing_signature"
    assert requests.get(x, timeout=30).json()["error"] == "missing_crc_token"


@pytest.mark.parametrize(
    ("wanted", "recorded"),
    [
        ("x", "rest"),
        ("x_post", "rest"),
        ("socketio", "rest"),
        ("email", "rest"),
        ("survey", "rest"),
        ("Rest; DROP", "rest"),
        (["x"], "rest"),
        ("lep_site", "lep_site"),  # a client's own name is kept
    ],
)
def test_rest_cannot_pass_for_another_source(wanted: Any, recorded: str) -> None:
    from types import SimpleNamespace

    from bot.channels.rest import LimitedRestInput

    clean, code = check_body(body(message="hi", sender="a", input_channel=wanted), MAX)
    assert code is None
    request = SimpleNamespace(ctx=SimpleNamespace(bucks_lis_body=clean))
    assert LimitedRestInput()._extract_input_channel(request) == recorded


@pytest.mark.slow  # a real socket.io client; the oversized packet waits out its timeout
def test_socketio_live_origin_hostile_text_and_oversized_packets(rasa_server: str) -> None:
    import asyncio

    import socketio

    async def probe() -> dict[str, Any]:
        out: dict[str, Any] = {}
        evil = socketio.AsyncClient(reconnection=False)
        try:
            await evil.connect(
                rasa_server, headers={"Origin": "https://evil.example"}, transports=["polling"]
            )
            out["evil_connected"] = True
            await evil.disconnect()
        except socketio.exceptions.ConnectionError:
            out["evil_connected"] = False

        client = socketio.AsyncClient(reconnection=False)
        replies: asyncio.Queue = asyncio.Queue()
        client.on("bot_uttered", replies.put)
        await client.connect(
            rasa_server, headers={"Origin": "http://localhost:8000"}, transports=["polling"]
        )
        await client.emit("session_request", {"session_id": SESSION})
        await asyncio.sleep(0.5)
        out["hostile"] = await client.call(
            "user_uttered",
            {
                "message": "<script>alert(1)</script>\u0000 '; DROP TABLE x;--",
                "session_id": SESSION,
            },
            timeout=20,
        )
        out["hostile_reply"] = (await asyncio.wait_for(replies.get(), 20))["text"]
        out["number"] = await client.call(
            "user_uttered", {"message": 42, "session_id": SESSION}, timeout=20
        )
        out["number_reply"] = await asyncio.wait_for(replies.get(), 20)
        try:  # far past the packet limit: the server drops the connection, nothing is handled
            out["huge"] = await client.call(
                "user_uttered", {"message": "x" * 300_000, "session_id": SESSION}, timeout=10
            )
        except (socketio.exceptions.TimeoutError, socketio.exceptions.BadNamespaceError):
            out["huge"] = None
        await client.disconnect()
        return out

    out = asyncio.run(probe())
    assert out["evil_connected"] is False
    assert out["hostile"] == {"ok": True}
    assert out["hostile_reply"] == "<script>alert(1)</script> '; DROP TABLE x;--"
    assert out["number"] == {"ok": False, "error": "not_text"}
    assert out["number_reply"]["error"]["code"] == "not_text"
    assert out["huge"] in (None, {"ok": False, "error": "too_long"})
