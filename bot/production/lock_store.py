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
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

from bot.config import Settings
from bot.redis_fallback import RedisFallback, redis_client

logger = logging.getLogger(__name__)


class FallbackRedisLockStore(RedisLockStore):
    """`RedisLockStore` on REDIS_HOST, falling back to in-process locks while Redis is down."""

    retry_seconds = 5.0
    # Longer than the flood limits' 0.25 s: a slow answer taken for an outage would make
    # locks per replica for `retry_seconds`.
    redis_timeout_seconds = 1.0

    def __init__(
        self, endpoint_config: Any = None, clock: Callable[[], float] = time.monotonic, **_: Any
    ) -> None:
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
        # Rasa's client has no connect timeout (a dead Redis host would stall every turn).
        self.red = redis_client(cfg, timeout=self.redis_timeout_seconds)
        self.local = InMemoryLockStore()
        self.fallback = RedisFallback(
            "conversation locks are per replica",
            "conversation locks are shared by replicas again",
            logger,
            retry_seconds=self.retry_seconds,
            clock=clock,
        )

    @property
    def degraded_until(self) -> float | None:
        """When Redis is next tried, while it is unreachable; else None."""
        return self.fallback.degraded_until

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self.fallback.call(
            lambda: super(FallbackRedisLockStore, self).get_lock(conversation_id),
            lambda: self.local.get_lock(conversation_id),
        )

    def delete_lock(self, conversation_id: str) -> None:
        self.fallback.call(
            lambda: super(FallbackRedisLockStore, self).delete_lock(conversation_id),
            lambda: self.local.delete_lock(conversation_id),
        )

    def save_lock(self, lock: TicketLock) -> None:
        self.fallback.call(
            lambda: super(FallbackRedisLockStore, self).save_lock(lock),
            lambda: self.local.save_lock(lock),
        )
