"""Rasa's Redis lock store that keeps conversations going while Redis is down.

Rasa's `RedisLockStore` raises on every turn when Redis is unreachable, so every chat stops.
Here a Redis error switches this replica to an in-process lock store (degraded: turns of
one conversation are still serialised within the replica, and the balancer's hash on the
sender keeps a conversation on one replica), logged once; Redis is tried again every
`retry_seconds`, and its return is logged. Configured in deploy/endpoints.production.yml;
connection settings come from REDIS_* in bot/config.py.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
from redis.exceptions import RedisError

from bot.config import Settings

logger = logging.getLogger(__name__)
T = TypeVar("T")


class FallbackRedisLockStore(RedisLockStore):
    """`RedisLockStore` on REDIS_HOST, falling back to in-process locks while Redis is down."""

    retry_seconds = 5.0

    def __init__(
        self, endpoint_config: Any = None, clock: Callable[[], float] = time.monotonic, **_: Any
    ) -> None:
        import redis

        cfg = Settings()  # fresh: Rasa builds the store once per process
        if not cfg.redis_host:
            raise ValueError("REDIS_HOST is not set: the production lock store needs Redis")
        super().__init__(
            host=cfg.redis_host,
            port=cfg.redis_port,
            db=cfg.redis_db,
            password=cfg.redis_password or None,
            key_prefix="bucksLIS",
        )
        self.red = redis.StrictRedis(
            host=cfg.redis_host,
            port=cfg.redis_port,
            db=cfg.redis_db,
            password=cfg.redis_password or None,
            socket_timeout=1,
            socket_connect_timeout=1,
        )
        self.local = InMemoryLockStore()
        self.clock = clock
        self.degraded_until: float | None = None

    def _either(self, in_redis: Callable[[], T], in_process: Callable[[], T]) -> T:
        now = self.clock()
        if self.degraded_until is not None and now < self.degraded_until:
            return in_process()
        try:
            result = in_redis()
        except RedisError as error:
            if self.degraded_until is None:
                logger.error(
                    "Redis unreachable (%s): conversation locks are per replica "
                    "until it is back (retrying every %.0f s)",
                    error,
                    self.retry_seconds,
                )
            self.degraded_until = now + self.retry_seconds
            return in_process()
        if self.degraded_until is not None:
            logger.warning("Redis is back: conversation locks are shared by replicas again")
            self.degraded_until = None
        return result

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self._either(
            lambda: super(FallbackRedisLockStore, self).get_lock(conversation_id),
            lambda: self.local.get_lock(conversation_id),
        )

    def delete_lock(self, conversation_id: str) -> None:
        self._either(
            lambda: super(FallbackRedisLockStore, self).delete_lock(conversation_id),
            lambda: self.local.delete_lock(conversation_id),
        )

    def save_lock(self, lock: TicketLock) -> None:
        self._either(
            lambda: super(FallbackRedisLockStore, self).save_lock(lock),
            lambda: self.local.save_lock(lock),
        )
