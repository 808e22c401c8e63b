"""Flood limits for the chat channels: token buckets per sender and per client address."""

from __future__ import annotations

import pytest

from bot.channels.rate_limit import ChatLimits, TokenBuckets, is_loopback


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_the_steady_rate() -> None:
    clock = Clock()
    buckets = TokenBuckets(per_minute=6, burst=3, clock=clock)  # one token every 10 s
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a") == pytest.approx(10.0)
    assert buckets.take("b") == 0.0  # keys are independent
    clock.now += 4
    assert buckets.take("a") == pytest.approx(6.0)  # a refused message costs nothing
    clock.now += 6
    assert buckets.take("a") == 0.0
    assert buckets.take("a") > 0
    clock.now += 3600
    assert [buckets.take("a") for _ in range(4)].count(0.0) == 3  # never more than the burst


def test_zero_turns_a_limit_off() -> None:
    buckets = TokenBuckets(per_minute=0)
    assert not buckets.enabled
    assert all(buckets.take("a") == 0.0 for _ in range(1000))


def test_idle_keys_are_forgotten_when_there_are_too_many() -> None:
    clock = Clock()
    buckets = TokenBuckets(per_minute=60, clock=clock, max_keys=10)
    for i in range(10):
        buckets.take(f"old{i}")
    clock.now += 120  # the old buckets have refilled
    buckets.take("new")
    assert set(buckets._buckets) == {"new"}


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("[::1]", True),
        ("203.0.113.9", False),
        ("2001:db8::1", False),
        ("", False),
        (None, False),
        ("not-an-ip", False),
    ],
)
def test_loopback(address: str | None, loopback: bool) -> None:
    assert is_loopback(address) is loopback


def test_chat_limits_by_address_across_senders_and_by_sender_everywhere() -> None:
    limits = ChatLimits(TokenBuckets(per_minute=3), TokenBuckets(per_minute=5))
    # one address, many senders: the address limit stops the flood
    waits = [limits.wait_needed(f"s{i}", "203.0.113.9") for i in range(7)]
    assert waits[:5] == [0] * 5 and all(w >= 1 for w in waits[5:])
    assert limits.wait_needed("s-other", "198.51.100.4") == 0  # another address is not affected
    # loopback is not limited by address, but one sender still is
    waits = [limits.wait_needed("same", "127.0.0.1") for _ in range(4)]
    assert waits[:3] == [0, 0, 0] and waits[3] >= 1
    assert all(limits.wait_needed(f"x{i}", "127.0.0.1") == 0 for i in range(20))


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config import settings

    monkeypatch.setenv("RATE_LIMIT_SENDER_PER_MIN", "2")
    monkeypatch.setenv("RATE_LIMIT_IP_PER_MIN", "0")
    settings.cache_clear()
    try:
        limits = ChatLimits.from_settings()
    finally:
        settings.cache_clear()
    assert not limits.by_address.enabled
    assert [limits.wait_needed("s", "203.0.113.9") for _ in range(3)][:2] == [0, 0]
    assert limits.wait_needed("s", "203.0.113.9") >= 1
