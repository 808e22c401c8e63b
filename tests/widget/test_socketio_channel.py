"""LimitedSocketIOInput: message limits, origins, session rooms, message ids (no network, no
Rasa model). The same resend through a trained model and our tracker store:
tests/channels/test_resilience.py::test_a_named_socketio_message_sent_again_is_replayed."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Iterator
from typing import Any

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from bot.channels import resend
from bot.channels.resend import FailedTurns
from bot.channels.socketio import (
    LimitedSocketIOInput,
    allowed_origins,
    check_user_message,
    max_packet_bytes,
)
from bot.config import Settings, settings
from tests.conftest import TranscriptStore

SESSION = "a" * 32


@pytest.fixture()
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Iterator[pytest.MonkeyPatch]:
    monkeypatch.setenv("BUCKS_LIS_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("MAX_MESSAGE_CHARS", "20")
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://www.buckslep.co.uk/, http://localhost:8000")
    settings.cache_clear()
    yield monkeypatch
    settings.cache_clear()


# ------------------------------------------------------------------ pure validation


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (None, "invalid_payload"),
        ("hello", "invalid_payload"),
        (["hello"], "invalid_payload"),
        ({}, "not_text"),
        ({"message": None, "session_id": SESSION}, "not_text"),
        ({"message": 42, "session_id": SESSION}, "not_text"),
        ({"message": {"text": "hi"}, "session_id": SESSION}, "not_text"),
        ({"message": "", "session_id": SESSION}, "empty"),
        ({"message": " \n\t ", "session_id": SESSION}, "empty"),
        ({"message": "x" * 11, "session_id": SESSION}, "too_long"),
        ({"message": "hi"}, "no_session"),
        ({"message": "hi", "session_id": ""}, "no_session"),
        ({"message": "hi", "session_id": "short"}, "no_session"),
        ({"message": "hi", "session_id": "../../etc/passwd"}, "no_session"),
        ({"message": "hi", "session_id": 12345678}, "no_session"),
        ({"message": "hi", "session_id": SESSION + "\n"}, "no_session"),
        # ids the server makes for X participants (attack probe, 7 Dec: "forget me" as one
        # erased that X user's answers): bot/channels/senders.py
        ({"message": "forget me", "session_id": "x-dm-783214"}, "no_session"),
        ({"message": "forget me", "session_id": "x-post-783214"}, "no_session"),
        ({"message": "forget me", "session_id": "78321400"}, "no_session"),
        ({"message": "hi", "session_id": SESSION, "metadata": "{not json"}, "invalid_metadata"),
        ({"message": "hi", "session_id": SESSION, "metadata": "[1, 2]"}, "invalid_metadata"),
        (
            {"message": "hi", "session_id": SESSION, "metadata": {"x": "y" * 5000}},
            "invalid_metadata",
        ),
        # the REST channel's rule (bot/channels/text.py), as in tests/channels/test_rest.py
        ({"message": "hi", "session_id": SESSION, "message_id": 7}, "invalid_message_id"),
        ({"message": "hi", "session_id": SESSION, "message_id": ""}, "invalid_message_id"),
        ({"message": "hi", "session_id": SESSION, "message_id": "a b"}, "invalid_message_id"),
        ({"message": "hi", "session_id": SESSION, "message_id": "x" * 65}, "invalid_message_id"),
        ({"message": "hi", "session_id": SESSION, "message_id": "ok\n"}, "invalid_message_id"),
        ({"message": "hi", "session_id": SESSION, "message_id": ["m1"]}, "invalid_message_id"),
    ],
)
def test_rejects_bad_messages(data: object, code: str) -> None:
    clean, rejection = check_user_message(data, max_chars=10, session_persistence=True)
    assert clean is None
    assert rejection is not None and rejection.code == code
    event = rejection.event()
    assert event["error"] == {"code": code, "max_message_chars": 10}
    assert isinstance(event["text"], str) and event["text"]


def test_the_widgets_random_ids_are_accepted() -> None:
    """32 hex characters (bot/widget/static randomId), even when every one is a digit."""
    for widget_id in ("0f" * 16, "1234567890" * 3 + "12"):
        clean, rejection = check_user_message({"message": "hi", "session_id": widget_id}, 10, True)
        assert rejection is None and clean == {"message": "hi", "session_id": widget_id}


def test_limit_is_inclusive_and_whitespace_is_trimmed() -> None:
    clean, rejection = check_user_message(
        {"message": "  " + "x" * 10 + "\n", "session_id": SESSION}, 10, True
    )
    assert rejection is None
    assert clean == {"message": "x" * 10, "session_id": SESSION}


def test_too_long_text_names_the_limit() -> None:
    _, rejection = check_user_message({"message": "x" * 11, "session_id": SESSION}, 10, True)
    assert "10 characters" in rejection.event()["text"]


def test_a_message_id_is_kept_and_none_is_needed() -> None:
    clean, _ = check_user_message(
        {"message": "hi", "session_id": SESSION, "message_id": "9f1c2e:0"}, 10, True
    )
    assert clean == {"message": "hi", "session_id": SESSION, "message_id": "9f1c2e:0"}
    clean, _ = check_user_message({"message": "hi", "session_id": SESSION}, 10, True)
    assert clean is not None and "message_id" not in clean


def test_metadata_json_string_is_parsed() -> None:
    clean, rejection = check_user_message(
        {"message": "hi", "session_id": SESSION, "metadata": '{"page": "/"}'}, 10, True
    )
    assert rejection is None
    assert clean["metadata"] == {"page": "/"}


def test_without_session_persistence_session_id_is_optional() -> None:
    clean, rejection = check_user_message({"message": "hi"}, 10, session_persistence=False)
    assert rejection is None and clean == {"message": "hi"}


def test_packet_limit_leaves_room_for_a_full_message() -> None:
    assert max_packet_bytes(2000) >= 4 * 2000
    assert max_packet_bytes(2000) < 1_000_000


# ------------------------------------------------------------------ origins


def test_allowed_origins_come_from_settings(env: pytest.MonkeyPatch) -> None:
    assert allowed_origins() == ["https://www.buckslep.co.uk", "http://localhost:8000"]


def test_star_is_refused_in_production(env: pytest.MonkeyPatch) -> None:
    env.setenv("ALLOWED_ORIGINS", "*")
    env.setenv("BUCKS_LIS_ENV", "production")
    env.setenv("SECRET_KEY", "x")
    with pytest.raises(ValueError, match="not allowed in production"):
        allowed_origins(Settings())


def test_star_is_allowed_in_development(env: pytest.MonkeyPatch) -> None:
    env.setenv("ALLOWED_ORIGINS", "*")
    assert allowed_origins(Settings()) == ["*"]


# ------------------------------------------------------------------ the blueprint's handlers


class Recorder:
    """Stands in for Rasa: records the UserMessages it is given."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def __call__(self, message: Any) -> None:
        self.messages.append(message)


@pytest.fixture()
def wired(env: pytest.MonkeyPatch) -> tuple:
    channel = LimitedSocketIOInput.from_credentials(
        {
            "session_persistence": True,
            "user_message_evt": "user_uttered",
            "bot_message_evt": "bot_uttered",
        }
    )
    rasa = Recorder()
    bp = channel.blueprint(rasa)
    sio = bp.ctx.sio
    emitted: list[tuple[str, Any, dict]] = []
    rooms: list[tuple[str, str]] = []

    async def fake_emit(event: str, data: Any = None, **kwargs: Any) -> None:
        emitted.append((event, data, kwargs))

    async def fake_enter_room(sid: str, room: str, namespace: str | None = None) -> None:
        rooms.append((sid, room))

    env.setattr(sio, "emit", fake_emit)
    env.setattr(sio, "enter_room", fake_enter_room)
    return channel, sio, rasa, emitted, rooms


def run(coro: Any) -> Any:
    # In a thread of its own: Playwright's sync API (browser tests in the same session)
    # keeps an event loop running in the main thread.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def test_packet_size_is_limited_and_engineio_sends_no_duplicate_cors_headers(
    wired: tuple,
) -> None:
    _, sio, *_ = wired
    assert sio.eio.max_http_buffer_size == max_packet_bytes(20)
    # CORS headers for polling come from `rasa run --cors`; engine.io must not add its own.
    assert sio.eio.cors_allowed_origins == []


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        ("https://www.buckslep.co.uk", True),
        ("https://www.buckslep.co.uk/", True),
        ("http://localhost:8000", True),
        ("https://evil.example", False),
        ("http://localhost:8001", False),
        (None, True),  # not a browser: CORS does not apply
    ],
)
def test_connect_only_from_allowed_origins(wired: tuple, origin: str | None, allowed: bool) -> None:
    _, sio, *_ = wired
    environ = {"HTTP_ORIGIN": origin} if origin else {}
    assert run(sio.handlers["/"]["connect"]("sid1", environ, None)) is allowed


def test_valid_message_reaches_rasa_and_is_acknowledged(wired: tuple) -> None:
    _, sio, rasa, emitted, _ = wired
    ack = run(sio.handlers["/"]["user_uttered"]("sid1", {"message": " hi ", "session_id": SESSION}))
    assert ack == {"ok": True}
    assert len(rasa.messages) == 1
    msg = rasa.messages[0]
    assert (msg.text, msg.sender_id, msg.input_channel) == ("hi", SESSION, "socketio")
    assert emitted == []


@pytest.mark.parametrize(
    "data",
    [
        {"message": "x" * 21, "session_id": SESSION},
        {"message": "", "session_id": SESSION},
        {"message": 7, "session_id": SESSION},
        "raw string",
        None,
    ],
)
def test_invalid_message_gets_error_event_and_never_reaches_rasa(wired: tuple, data: Any) -> None:
    _, sio, rasa, emitted, _ = wired
    ack = run(sio.handlers["/"]["user_uttered"]("sid1", data))
    assert ack["ok"] is False
    assert rasa.messages == []
    ((event, payload, kwargs),) = emitted
    assert event == "bot_uttered"
    assert kwargs["room"] == "sid1"  # only the sender's socket, not the session room
    assert payload["error"]["code"] == ack["error"]
    assert payload["error"]["max_message_chars"] == 20


def test_session_request_joins_the_session_room(wired: tuple) -> None:
    _, sio, _, emitted, rooms = wired
    run(sio.handlers["/"]["session_request"]("sid1", {"session_id": SESSION}))
    assert rooms == [("sid1", SESSION)]
    assert emitted == [("session_confirm", SESSION, {"room": "sid1", "namespace": None})]


@pytest.mark.parametrize(
    "data",
    [None, {}, {"session_id": None}, {"session_id": "bad id!"}, {"session_id": "x-dm-783214"}],
)
def test_session_request_without_valid_id_gets_a_new_one(wired: tuple, data: Any) -> None:
    _, sio, _, emitted, rooms = wired
    run(sio.handlers["/"]["session_request"]("sid1", data))
    ((event, new_id, _),) = emitted
    assert event == "session_confirm"
    assert len(new_id) == 32 and new_id != SESSION
    assert rooms == [("sid1", new_id)]


def test_channel_keeps_rasas_name() -> None:
    assert LimitedSocketIOInput.name() == "socketio"


def test_rasa_failure_is_reported_to_the_sender(wired: tuple) -> None:
    channel = wired[0]

    async def broken(*_: Any) -> None:
        raise RuntimeError("boom")

    bp = channel.blueprint(broken)
    sio2 = bp.ctx.sio
    sent: list[tuple[str, Any, dict]] = []

    async def fake_emit(event: str, data: Any = None, **kwargs: Any) -> None:
        sent.append((event, data, kwargs))

    sio2.emit = fake_emit
    ack = run(sio2.handlers["/"]["user_uttered"]("sid9", {"message": "hi", "session_id": SESSION}))
    assert ack == {"ok": False, "error": "server_error"}
    ((event, payload, kwargs),) = sent
    assert event == "bot_uttered" and kwargs["room"] == "sid9"
    assert payload["error"]["code"] == "server_error"


def test_a_flooding_session_is_told_to_slow_down(env: pytest.MonkeyPatch) -> None:
    env.setenv("RATE_LIMIT_SENDER_PER_MIN", "2")
    from bot.config import settings

    settings.cache_clear()
    channel = LimitedSocketIOInput.from_credentials(
        {
            "session_persistence": True,
            "user_message_evt": "user_uttered",
            "bot_message_evt": "bot_uttered",
        }
    )
    rasa = Recorder()
    sio = channel.blueprint(rasa).ctx.sio
    emitted: list[tuple[str, Any]] = []

    async def fake_emit(event: str, data: Any = None, **kwargs: Any) -> None:
        emitted.append((event, data))

    env.setattr(sio, "emit", fake_emit)
    handle = sio.handlers["/"]["user_uttered"]
    acks = [run(handle("sid1", {"message": f"m{i}", "session_id": SESSION})) for i in range(3)]
    assert acks[:2] == [{"ok": True}, {"ok": True}]
    assert acks[2] == {"ok": False, "error": "rate_limited"}
    assert [m.text for m in rasa.messages] == ["m0", "m1"]
    [(event, data)] = emitted
    assert event == "bot_uttered" and data["error"]["code"] == "rate_limited"
    assert "wait" in data["text"]


# ------------------------------------------------------------------ message ids and resends


def test_a_message_id_becomes_the_turns_message_id(wired: tuple) -> None:
    """So a resend with the same id is known as the same message (bot/channels/resend.py)."""
    _, sio, rasa, emitted, _ = wired
    handle = sio.handlers["/"]["user_uttered"]
    named = {"message": "hi", "session_id": SESSION, "message_id": "widget-42:1"}
    assert run(handle("sid1", named)) == {"ok": True}
    assert run(handle("sid1", {"message": "hi", "session_id": SESSION})) == {"ok": True}
    first, second = rasa.messages
    assert first.message_id == "widget-42:1"
    assert second.message_id not in ("", "widget-42:1")  # Rasa's own uuid, as before
    assert resend.client_message_id.get() is None  # not left set for a later turn
    assert emitted == []


def test_a_malformed_message_id_is_refused_and_nothing_is_processed(wired: tuple) -> None:
    _, sio, rasa, emitted, _ = wired
    bad = {"message": "my answer", "session_id": SESSION, "message_id": "not an id!"}
    ack = run(sio.handlers["/"]["user_uttered"]("sid1", bad))
    assert ack == {"ok": False, "error": "invalid_message_id"}
    assert rasa.messages == []
    ((event, payload, kwargs),) = emitted
    assert event == "bot_uttered" and kwargs["room"] == "sid1"
    assert payload["error"]["code"] == "invalid_message_id"
    assert "reload the page" in payload["text"]


class _Processor:
    """A turn saves its user event (with the turn's message id) and a numbered reply, and
    answers it; `fail` makes the next turn raise after saving, as a save whose commit
    was written but never answered does. `answers` stands for the stored answers."""

    def __init__(self) -> None:
        self.tracker_store = TranscriptStore()
        self.answers: list[str] = []
        self.fail = False

    async def handle_message(self, message: UserMessage) -> None:
        self.answers.append(message.text or "")
        reply = f"reply {len(self.answers)}"
        self.tracker_store.events.setdefault(message.sender_id, []).extend(
            [
                UserUttered(message.text, message_id=message.message_id),
                ActionExecuted("some_action"),
                BotUttered(reply),
                ActionExecuted("action_listen"),
            ]
        )
        fail, self.fail = self.fail, False
        if fail:
            raise RuntimeError("database went away")
        await message.output_channel.send_response(message.sender_id, {"text": reply})


@pytest.fixture()
def resending(env: pytest.MonkeyPatch) -> tuple:
    """The channel in front of the resend machinery (as Rasa's processor is wrapped), with
    no failed turns remembered: a resend reaching another replica."""
    env.setattr(resend, "_store", FailedTurns())
    processor = _Processor()

    async def on_new_message(message: UserMessage) -> Any:
        return await resend._handle_message(type(processor).handle_message, processor, message)  # type: ignore[arg-type]

    channel = LimitedSocketIOInput.from_credentials(
        {
            "session_persistence": True,
            "user_message_evt": "user_uttered",
            "bot_message_evt": "bot_uttered",
        }
    )
    sio = channel.blueprint(on_new_message).ctx.sio
    replies: list[tuple[str, Any]] = []  # (room, text) of every bot_uttered
    payloads: list[dict] = []  # and the payloads themselves

    async def fake_emit(event: str, data: Any = None, **kwargs: Any) -> None:
        assert event == "bot_uttered"
        replies.append((kwargs["room"], data.get("text")))
        payloads.append(data)

    env.setattr(sio, "emit", fake_emit)
    return sio.handlers["/"]["user_uttered"], processor, replies, payloads


def test_the_same_message_id_twice_is_replayed_not_run_again(resending: tuple) -> None:
    """The widget's Retry (or a re-emit after a reconnect) of a message whose turn was saved
    although its answer never arrived: the saved replies again, no second answer."""
    handle, processor, replies, _ = resending
    msg = {"message": "my answer", "session_id": SESSION, "message_id": "w-1"}
    assert run(handle("sid1", msg)) == {"ok": True}  # saved; the replies were lost
    assert run(handle("sid2", msg)) == {"ok": True}  # resent after a reconnect
    assert processor.answers == ["my answer"]
    assert replies == [(SESSION, "reply 1"), (SESSION, "reply 1")]  # replayed, to the session
    user_events = [e for e in processor.tracker_store.events[SESSION] if e.type_name == "user"]
    assert [e.message_id for e in user_events] == ["w-1"]

    # The same words as a new message (a new id) are a new turn.
    assert run(handle("sid2", {**msg, "message_id": "w-2"})) == {"ok": True}
    assert processor.answers == ["my answer", "my answer"]
    assert replies[-1] == (SESSION, "reply 2")


def test_a_turn_that_failed_after_saving_is_replayed_on_retry(
    resending: tuple, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sender got `server_error` and a failed ack (the widget shows Retry); the turn
    had been saved. The retry reaches another replica while Redis is down, so nothing
    remembers the failure there: the same id alone makes it a replay."""
    handle, processor, replies, _ = resending
    processor.fail = True
    msg = {"message": "my answer", "session_id": SESSION, "message_id": "w-1"}
    assert run(handle("sid1", msg)) == {"ok": False, "error": "server_error"}
    monkeypatch.setattr(resend, "_store", FailedTurns())  # the other replica's memory
    assert run(handle("sid1", msg)) == {"ok": True}
    assert processor.answers == ["my answer"]
    assert replies[0][0] == "sid1" and "went wrong" in replies[0][1]
    assert replies[1:] == [(SESSION, "reply 1")]


def test_a_retry_after_later_messages_is_not_run_again(resending: tuple) -> None:
    """Retry on an unconfirmed message after the business sent more: it was taken in, so
    nothing runs and no out-of-date replies are sent; the widget gets its ack."""
    handle, processor, replies, _ = resending
    first = {"message": "my answer", "session_id": SESSION, "message_id": "w-1"}
    assert run(handle("sid1", first)) == {"ok": True}
    assert run(handle("sid1", {**first, "message": "next", "message_id": "w-2"})) == {"ok": True}
    assert run(handle("sid2", first)) == {"ok": True}
    assert processor.answers == ["my answer", "next"]
    assert replies == [(SESSION, "reply 1"), (SESSION, "reply 2")]


def test_without_ids_a_resend_runs_again_as_before(resending: tuple) -> None:
    """No id, no memory of a failure (another replica): nothing says it is the same message."""
    handle, processor, _, _ = resending
    msg = {"message": "my answer", "session_id": SESSION}
    assert run(handle("sid1", msg)) == {"ok": True}
    assert run(handle("sid1", msg)) == {"ok": True}
    assert processor.answers == ["my answer", "my answer"]


def test_every_reply_of_a_named_turn_says_which_message_it_answers(resending: tuple) -> None:
    """`reply_to` lets the widget mark a message arrived when its ack was lost but its
    replies came (it must not offer Retry for it); a replay says it too."""
    handle, _, replies, payloads = resending
    named = {"message": "my answer", "session_id": SESSION, "message_id": "w-1"}
    assert run(handle("sid1", named)) == {"ok": True}
    assert run(handle("sid2", named)) == {"ok": True}  # a resend: the saved replies again
    assert run(handle("sid2", {"message": "unnamed", "session_id": SESSION})) == {"ok": True}
    assert [p.get("reply_to") for p in payloads] == ["w-1", "w-1", None]
    assert [text for _, text in replies] == ["reply 1", "reply 1", "reply 2"]
