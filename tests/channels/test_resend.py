"""A failed turn that was saved after all is replayed, not run again, when it is resent
(bot/channels/resend.py). The same sequence with the trained model, the action server and
our tracker store: tests/channels/test_resilience.py::test_a_turn_failed_at_its_save_..."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    UserUtteranceReverted,
    UserUttered,
)
from redis.exceptions import ConnectionError as RedisConnectionError

from bot.channels import resend
from bot.channels.resend import FailedTurn, FailedTurns, saved_replies, taken_in_earlier
from tests.conftest import TranscriptStore


def _turn(text: str, message_id: str, *replies: str) -> list[Event]:
    return [
        UserUttered(text, message_id=message_id),
        ActionExecuted("some_action"),
        *[BotUttered(r) for r in replies],
        ActionExecuted("action_listen"),
    ]


def test_saved_replies_are_the_failed_turns_when_it_is_the_latest() -> None:
    events = _turn("hi", "m1", "welcome") + _turn("answer", "m2", "thanks", "next question?")
    replies = saved_replies(events, FailedTurn("answer", ["m0", "m2"]))
    assert [r["text"] for r in replies or []] == ["thanks", "next question?"]


def test_saved_replies_none_when_the_failed_turn_is_not_the_latest() -> None:
    events = _turn("answer", "m2", "thanks") + _turn("answer", "m3", "thanks again")
    assert saved_replies(events, FailedTurn("answer", ["m2"])) is None  # a later turn ran
    assert saved_replies(events[:4], FailedTurn("answer", ["m9"])) is None  # never saved
    assert saved_replies([], FailedTurn("answer", ["m2"])) is None


def test_a_turn_rewound_after_an_action_server_failure_is_not_replayed() -> None:
    """Its only reply is the apology and the turn was undone: a resend must run it, or a
    client would be sent the apology for ever."""
    events = _turn("hi", "m1", "welcome") + [
        UserUttered("answer", message_id="m2"),
        BotUttered("Sorry, I'm having a technical problem"),
        UserUtteranceReverted(),
        ActionExecuted("action_listen"),
    ]
    assert saved_replies(events, FailedTurn("answer", ["m2"])) is None


def test_failed_attempts_of_one_text_add_up_and_another_text_replaces_them() -> None:
    turns = FailedTurns()
    turns.remember("s", "answer", "m1")
    turns.remember("s", "answer", "m2")
    assert turns.peek("s") == FailedTurn("answer", ["m1", "m2"])
    turns.remember("s", "other", "m3")
    assert turns.peek("s") == FailedTurn("other", ["m3"])
    turns.forget("s")
    assert turns.peek("s") is None


def test_replicas_share_failed_turns_through_redis(redis_url: str) -> None:
    import redis

    one = FailedTurns(redis.Redis.from_url(redis_url))
    two = FailedTurns(redis.Redis.from_url(redis_url))
    one.remember("shared", "answer", "m1")
    assert two.peek("shared") == FailedTurn("answer", ["m1"])  # the resend reached another
    two.forget("shared")
    assert one.peek("shared") is None  # its own copy is stale once Redis says settled


class _FlakyRedis:
    """A Redis that does not answer while `down`, counting how often it is asked."""

    def __init__(self) -> None:
        self.down = True
        self.calls = 0
        self.data: dict[str, str] = {}

    def _ask(self) -> None:
        self.calls += 1
        if self.down:
            raise RedisConnectionError("connection refused")

    def set(self, key: str, value: str, ex: int) -> None:
        self._ask()
        self.data[key] = value

    def get(self, key: str) -> str | None:
        self._ask()
        return self.data.get(key)

    def delete(self, key: str) -> None:
        self._ask()
        self.data.pop(key, None)


def test_redis_down_keeps_failed_turns_in_the_process_and_retries_later(
    caplog: pytest.LogCaptureFixture,
) -> None:
    now = [100.0]
    client = _FlakyRedis()
    turns = FailedTurns(client, clock=lambda: now[0])
    with caplog.at_level("INFO", logger="bot.channels.resend"):
        turns.remember("s", "answer", "m1")
        assert turns.peek("s") == FailedTurn("answer", ["m1"])
        assert client.calls == 1  # then left alone for retry_seconds
        now[0] += FailedTurns.retry_seconds + 1
        assert turns.peek("s") == FailedTurn("answer", ["m1"])  # asked again: still down
        assert client.calls == 2
        client.down = False
        now[0] += FailedTurns.retry_seconds + 1
        turns.remember("t", "answer", "m2")  # Redis answers again: turns are shared again
    assert FailedTurn.loads(client.data[resend.KEY_PREFIX + "t"]) == FailedTurn("answer", ["m2"])
    assert caplog.text.count("Redis unreachable") == 1  # once per outage, not per failure
    assert "failed turns are kept per process until it is back" in caplog.text
    assert "Redis is back: failed turns are shared by replicas again" in caplog.text


def test_a_turn_that_failed_while_redis_was_down_is_still_known_when_it_is_back() -> None:
    """Redis has no record of a turn that failed during the outage: its silence must not
    make the resend run as a new turn. The process's copy is used and written to Redis."""
    now = [100.0]
    client = _FlakyRedis()
    turns = FailedTurns(client, clock=lambda: now[0])
    turns.remember("s", "answer", "m1")  # Redis down
    client.down = False
    now[0] += FailedTurns.retry_seconds + 1
    assert turns.peek("s") == FailedTurn("answer", ["m1"])
    assert FailedTurn.loads(client.data[resend.KEY_PREFIX + "s"]) == FailedTurn("answer", ["m1"])
    turns.forget("s")
    assert turns.peek("s") is None


def test_a_turn_another_replica_settled_is_not_brought_back() -> None:
    """Once written to Redis, Redis decides: another replica's forget stands."""
    now = [100.0]
    client = _FlakyRedis()
    client.down = False
    turns = FailedTurns(client, clock=lambda: now[0])
    turns.remember("s", "answer", "m1")
    client.data.pop(resend.KEY_PREFIX + "s")  # settled by another replica
    assert turns.peek("s") is None


class _Processor:
    """Runs a turn: saves its user message and a numbered reply, then fails if told to,
    after saving (`saved`) or before (`lost`)."""

    def __init__(self) -> None:
        self.tracker_store = TranscriptStore()
        self.runs: list[str] = []
        self.fail: str | None = None

    async def handle_message(self, message: UserMessage) -> list[dict[str, Any]]:
        self.runs.append(message.text)
        reply = f"reply {len(self.runs)}"
        await message.output_channel.send_response(message.sender_id, {"text": reply})
        if self.fail != "lost":
            events = _turn(message.text, message.message_id, reply)
            self.tracker_store.events.setdefault(message.sender_id, []).extend(events)
        fail, self.fail = self.fail, None
        if fail:
            raise RuntimeError("database went away")
        return message.output_channel.messages


def _send(processor: _Processor, text: str) -> list[str]:
    message = UserMessage(text, CollectingOutputChannel(), sender_id="biz")
    replies = asyncio.run(
        resend._handle_message(type(processor).handle_message, processor, message)  # type: ignore[arg-type]
    )
    return [r["text"] for r in replies]


@pytest.fixture()
def processor(monkeypatch: pytest.MonkeyPatch) -> _Processor:
    monkeypatch.setattr(resend, "_store", FailedTurns())
    return _Processor()


def test_a_resent_turn_that_was_saved_is_replayed_not_run(processor: _Processor) -> None:
    assert _send(processor, "hello") == ["reply 1"]
    processor.fail = "saved"
    with pytest.raises(RuntimeError):
        _send(processor, "my answer")
    assert _send(processor, "my answer") == ["reply 2"]  # the saved reply, sent again
    assert processor.runs == ["hello", "my answer"]
    assert _send(processor, "my answer") == ["reply 3"]  # said again on purpose: it runs
    assert processor.runs == ["hello", "my answer", "my answer"]


def test_a_resent_turn_that_was_lost_runs_again(processor: _Processor) -> None:
    processor.fail = "lost"
    with pytest.raises(RuntimeError):
        _send(processor, "my answer")
    assert _send(processor, "my answer") == ["reply 2"]
    assert processor.runs == ["my answer", "my answer"]


def test_a_different_message_after_a_failed_turn_runs(processor: _Processor) -> None:
    processor.fail = "saved"
    with pytest.raises(RuntimeError):
        _send(processor, "my answer")
    assert _send(processor, "something else") == ["reply 2"]
    assert _send(processor, "my answer") == ["reply 3"]  # the failed turn was settled
    assert processor.runs == ["my answer", "something else", "my answer"]


def _send_named(processor: _Processor, text: str, client_id: str) -> list[str]:
    """As a client that names its messages (REST `message_id`) sends one."""
    token = resend.client_message_id.set(client_id)
    try:
        message = UserMessage(
            text, CollectingOutputChannel(), sender_id="biz", message_id=client_id
        )
        replies = asyncio.run(
            resend._handle_message(type(processor).handle_message, processor, message)  # type: ignore[arg-type]
        )
    finally:
        resend.client_message_id.reset(token)
    return [r["text"] for r in replies]


def test_a_named_message_sent_again_after_its_replica_died_is_replayed(
    processor: _Processor,
) -> None:
    """A replica killed after saving the turn remembered nothing; the client's id for the
    message tells the other replica that the resend is the same message."""
    assert _send_named(processor, "my answer", "c-1") == ["reply 1"]  # answer never arrived
    assert _send_named(processor, "my answer", "c-1") == ["reply 1"]  # resent: replayed
    assert processor.runs == ["my answer"]
    assert _send_named(processor, "my answer", "c-2") == ["reply 2"]  # a new message: runs
    assert processor.runs == ["my answer", "my answer"]


def test_a_named_message_whose_first_attempt_was_lost_runs(processor: _Processor) -> None:
    processor.fail = "lost"
    with pytest.raises(RuntimeError):
        _send_named(processor, "my answer", "c-1")
    assert _send_named(processor, "my answer", "c-1") == ["reply 2"]
    assert processor.runs == ["my answer", "my answer"]


def test_taken_in_earlier_finds_a_named_turn_that_was_not_rewound() -> None:
    events = _turn("my answer", "c-1", "thanks") + _turn("next", "c-2", "ok")
    assert taken_in_earlier(events, "my answer", "c-1")
    assert taken_in_earlier(events, "next", "c-2")  # the latest counts too
    assert not taken_in_earlier(events, "other words", "c-1")  # the id alone is not enough
    assert not taken_in_earlier(events, "my answer", "c-9")
    rewound = [
        UserUttered("my answer", message_id="c-1"),
        BotUttered("Sorry, I'm having a technical problem"),
        UserUtteranceReverted(),
        ActionExecuted("action_listen"),
    ] + _turn("next", "c-2", "ok")
    assert not taken_in_earlier(rewound, "my answer", "c-1")  # undone: it must run


def test_a_named_message_resent_after_later_ones_is_not_run_again(
    processor: _Processor,
) -> None:
    """The widget keeps Retry on a message whose answer never arrived, also once the
    business has sent more: a saved turn retried then must not be stored a second time,
    and its replies, out of date by then, are not sent again."""
    assert _send_named(processor, "my answer", "c-1") == ["reply 1"]  # the answer was lost
    assert _send_named(processor, "next", "c-2") == ["reply 2"]
    assert _send_named(processor, "my answer", "c-1") == []  # Retry on the first: done
    assert processor.runs == ["my answer", "next"]
    assert _send_named(processor, "my answer", "c-3") == ["reply 3"]  # said again: runs


def test_a_named_message_rewound_then_resent_after_later_ones_runs(
    processor: _Processor,
) -> None:
    processor.fail = "lost"
    with pytest.raises(RuntimeError):
        _send_named(processor, "my answer", "c-1")  # never saved
    assert _send_named(processor, "next", "c-2") == ["reply 2"]
    assert _send_named(processor, "my answer", "c-1") == ["reply 3"]
    assert processor.runs == ["my answer", "next", "my answer"]
