"""Redis with an in-process fallback: what replicas share in Redis, kept per process while
Redis does not answer.

Flood limits, conversation locks and remembered failed turns all live in Redis when
REDIS_HOST is set and must not stop chat when it is down. `RedisFallback.call` runs the Redis
version; on a `RedisError` it runs the in-process one instead and leaves Redis alone for
`retry_seconds` (so a hung Redis costs one short timeout per interval, not one per turn),
logging "Redis unreachable (...)" once per outage and "Redis is back: ..." when Redis
answers again. Imports only bot.config and redis, so channels and production code can share it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from redis.exceptions import RedisError

from bot.config import Settings

T = TypeVar("T")

# Every Redis call is on a chat turn's path: a dead or hung Redis must cost little.
SHORT_TIMEOUT_SECONDS = 0.25


def redis_client(cfg: Settings, timeout: float = SHORT_TIMEOUT_SECONDS) -> Any:  # noqa: ANN401
    """A Redis client for REDIS_HOST with short socket and connect timeouts."""
    import redis

    return redis.Redis(
        host=cfg.redis_host,
        port=cfg.redis_port,
        db=cfg.redis_db,
        password=cfg.redis_password or None,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
    )


class RedisFallback:
    """Runs a Redis call, or its in-process stand-in while Redis is unreachable.

    `degraded` says what becomes per process ("flood limits are per process"), `restored`
    what is shared again ("flood limits are shared by all replicas again"); both go into
    the two log lines, on the caller's `logger`."""

    def __init__(
        self,
        degraded: str,
        restored: str,
        logger: logging.Logger,
        retry_seconds: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.degraded_text = degraded
        self.restored_text = restored
        self.logger = logger
        self.retry_seconds = retry_seconds
        self.clock = clock
        self.degraded_until: float | None = None  # set while Redis is unreachable

    @property
    def degraded(self) -> bool:
        return self.degraded_until is not None

    def call(self, in_redis: Callable[[], T], in_process: Callable[[], T]) -> T:
        """`in_redis()`, or `in_process()` if it raises RedisError or Redis was
        unreachable less than `retry_seconds` ago."""
        now = self.clock()
        if self.degraded_until is not None and now < self.degraded_until:
            return in_process()
        try:
            result = in_redis()
        except RedisError as error:
            if self.degraded_until is None:
                self.logger.error(
                    "Redis unreachable (%s): %s until it is back (retrying every %.0f s)",
                    error,
                    self.degraded_text,
                    self.retry_seconds,
                )
            self.degraded_until = now + self.retry_seconds
            return in_process()
        if self.degraded_until is not None:
            self.logger.warning("Redis is back: %s", self.restored_text)
            self.degraded_until = None
        return result
