"""The one Redis-or-in-process helper (bot/redis_fallback.py) that flood limits, lock store
and failed turns share: a fake clock and a fake Redis that fails until told otherwise."""

from __future__ import annotations

import logging

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot.config import Settings
from bot.redis_fallback import SHORT_TIMEOUT_SECONDS, RedisFallback, redis_client

LOGGER = "tests.redis_fallback"


class Clock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


class FakeRedis:
    """Answers "redis" while up; raises a RedisError while down. Counts the calls."""

    def __init__(self) -> None:
        self.up = True
        self.calls = 0
        self.error: Exception = RedisConnectionError("connection refused")

    def get(self) -> str:
        self.calls += 1
        if not self.up:
            raise self.error
        return "redis"


def _fallback(clock: Clock) -> RedisFallback:
    return RedisFallback(
        "things are per process",
        "things are shared again",
        logging.getLogger(LOGGER),
        retry_seconds=5.0,
        clock=clock,
    )


def _records(caplog: pytest.LogCaptureFixture) -> list[tuple[int, str]]:
    return [(r.levelno, r.getMessage()) for r in caplog.records if r.name == LOGGER]


def test_redis_answers_while_it_is_up_and_nothing_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock, redis = Clock(), FakeRedis()
    fallback = _fallback(clock)
    with caplog.at_level(logging.INFO, logger=LOGGER):
        assert [fallback.call(redis.get, lambda: "local") for _ in range(3)] == ["redis"] * 3
    assert not fallback.degraded and fallback.degraded_until is None
    assert _records(caplog) == []


def test_an_outage_falls_back_logs_once_retries_after_the_interval_and_logs_recovery(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock, redis = Clock(), FakeRedis()
    fallback = _fallback(clock)
    redis.up = False
    with caplog.at_level(logging.INFO, logger=LOGGER):
        assert fallback.call(redis.get, lambda: "local") == "local"
        assert fallback.degraded and fallback.degraded_until == 505.0
        assert redis.calls == 1

        clock.now += 4.9  # within the interval: Redis is not asked at all
        assert [fallback.call(redis.get, lambda: "local") for _ in range(3)] == ["local"] * 3
        assert redis.calls == 1

        clock.now += 0.2  # past it: asked again, still down, the interval starts over
        assert fallback.call(redis.get, lambda: "local") == "local"
        assert redis.calls == 2
        assert fallback.degraded_until == pytest.approx(510.1)

        redis.up = True
        clock.now += 1.0  # back, but not asked before the interval ends
        assert fallback.call(redis.get, lambda: "local") == "local"
        assert redis.calls == 2

        clock.now += 5.0
        assert fallback.call(redis.get, lambda: "local") == "redis"
        assert redis.calls == 3
        assert not fallback.degraded
        assert fallback.call(redis.get, lambda: "local") == "redis"

    assert _records(caplog) == [
        (
            logging.ERROR,
            "Redis unreachable (connection refused): things are per process until it is back "
            "(retrying every 5 s)",
        ),
        (logging.WARNING, "Redis is back: things are shared again"),
    ]


def test_a_second_outage_is_logged_again(caplog: pytest.LogCaptureFixture) -> None:
    clock, redis = Clock(), FakeRedis()
    fallback = _fallback(clock)
    with caplog.at_level(logging.INFO, logger=LOGGER):
        for error in (RedisConnectionError("refused"), RedisTimeoutError("timed out")):
            redis.up, redis.error = False, error
            fallback.call(redis.get, lambda: "local")
            redis.up = True
            clock.now += 6.0
            assert fallback.call(redis.get, lambda: "local") == "redis"
    assert [m.split(":")[0] for _, m in _records(caplog)] == [
        "Redis unreachable (refused)",
        "Redis is back",
        "Redis unreachable (timed out)",
        "Redis is back",
    ]


def test_only_redis_errors_fall_back() -> None:
    fallback = _fallback(Clock())

    def broken() -> str:
        raise ValueError("a bug, not an outage")

    with pytest.raises(ValueError, match="a bug"):
        fallback.call(broken, lambda: "local")
    assert not fallback.degraded


def test_redis_client_uses_the_settings_and_short_timeouts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REDIS_HOST", "redis.internal")
    monkeypatch.setenv("REDIS_PORT", "6390")
    monkeypatch.setenv("REDIS_DB", "3")
    monkeypatch.setenv("REDIS_PASSWORD", "")
    kwargs = redis_client(Settings()).connection_pool.connection_kwargs
    assert (kwargs["host"], kwargs["port"], kwargs["db"]) == ("redis.internal", 6390, 3)
    assert kwargs["password"] is None  # empty means none, not the empty password
    assert kwargs["socket_timeout"] == kwargs["socket_connect_timeout"] == SHORT_TIMEOUT_SECONDS
    longer = redis_client(Settings(), timeout=1.0).connection_pool.connection_kwargs
    assert longer["socket_timeout"] == longer["socket_connect_timeout"] == 1.0
