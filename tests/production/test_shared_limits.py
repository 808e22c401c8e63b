"""Flood limits in Redis: shared by replicas; per-process while Redis is down, then shared
again (each change logged once). Each test starts its own throwaway redis-server."""

from __future__ import annotations

import logging

import pytest

from bot.channels.rate_limit import ChatLimits, RedisTokenBuckets, TokenBuckets
from bot.config import settings
from bot.redis_fallback import redis_client
from tests.production.conftest import RedisServer


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_two_replicas_share_one_senders_bucket(redis_server: RedisServer) -> None:
    cfg = redis_server.settings()
    replica_a = RedisTokenBuckets(redis_client(cfg), per_minute=6, burst=3)
    replica_b = RedisTokenBuckets(redis_client(cfg), per_minute=6, burst=3)
    waits = [replica_a.take("sender:x"), replica_b.take("sender:x"), replica_a.take("sender:x")]
    assert waits == [0.0, 0.0, 0.0]
    refused = replica_b.take("sender:x")  # the fourth message, on the other replica
    assert 9.0 < refused <= 10.0  # one token every 10 s
    assert replica_a.take("sender:other") == 0.0
    assert not replica_a.degraded and not replica_b.degraded
    # The bucket expires once it would have refilled: Redis does not grow without bound.
    ttl = redis_client(cfg).pttl("bucks_lis:flood:sender:x")
    assert 0 < ttl <= 31_000


def test_redis_down_degrades_to_per_process_limits_then_recovers(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    buckets = RedisTokenBuckets(
        redis_client(redis_server.settings()), per_minute=60, burst=2, clock=clock
    )
    assert buckets.take("k") == 0.0
    redis_server.stop()
    with caplog.at_level(logging.INFO, logger="bot.channels.rate_limit"):
        # Chat goes on, still limited, now by this process alone.
        assert [buckets.take("k") for _ in range(3)][:2] == [0.0, 0.0]
        assert buckets.take("k") > 0
        assert buckets.degraded
        clock.now += buckets.retry_seconds + 1  # retries Redis: still down
        buckets.take("other")
        assert caplog.text.count("Redis unreachable") == 1  # said once, not per message
        redis_server.start()
        assert buckets.degraded  # within the retry window: not asked yet
        clock.now += buckets.retry_seconds + 1
        assert buckets.take("fresh") == 0.0
        assert not buckets.degraded
    assert "flood limits are per process until it is back" in caplog.text
    assert "Redis is back: flood limits are shared by all replicas again" in caplog.text
    assert redis_client(redis_server.settings()).exists("bucks_lis:flood:fresh")


def test_redis_host_puts_the_chat_limits_in_redis(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDIS_HOST", "127.0.0.1")
    monkeypatch.setenv("REDIS_PORT", str(redis_server.port))
    monkeypatch.setenv("RATE_LIMIT_SENDER_PER_MIN", "2")
    settings.cache_clear()
    try:
        shared, other = ChatLimits.from_settings(), ChatLimits.from_settings()
    finally:
        settings.cache_clear()
    assert isinstance(shared.by_sender, RedisTokenBuckets)
    assert [shared.wait_needed("s", None), other.wait_needed("s", None)] == [0, 0]
    assert shared.wait_needed("s", None) >= 1 and other.wait_needed("s", None) >= 1


def test_without_redis_host_limits_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_HOST", raising=False)
    settings.cache_clear()
    try:
        limits = ChatLimits.from_settings()
    finally:
        settings.cache_clear()
    assert isinstance(limits.by_sender, TokenBuckets)
