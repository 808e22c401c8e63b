"""Flood protection for the chat channels: token buckets per sender and per client address.

A person typing, or pressing buttons, never comes near the limits; a script sending
hundreds of messages a minute does, and gets a clear "slow down" (HTTP 429 with
Retry-After on REST, an error event and a failed ack on socket.io) instead of costing a
model run and a database write for each message.

- per sender: RATE_LIMIT_SENDER_PER_MIN (default 120; a burst of that many, then that
  rate);
- per client address: RATE_LIMIT_IP_PER_MIN (default 600), an IPv6 client's whole /64 as
  one address (bot/addresses.py). Loopback addresses are not limited by address (local
  tools, tests and a same-host proxy); behind a proxy on another host set
  SANIC_PROXIES_COUNT=1 so Rasa sees the client's address, not the proxy's.

0 turns a limit off. With REDIS_HOST set the buckets live in Redis, shared by every Rasa
replica (one atomic Lua script per message, on Redis's clock). If Redis stops answering,
each replica falls back to its own in-process buckets (degraded: a flood spread over N
replicas gets up to N times the limit), logs that once, and tries Redis again every
`RedisTokenBuckets.retry_seconds`; when Redis answers again it logs the recovery. Chat never
stops because Redis is down: failing open to per-process limits keeps businesses talking
while still stopping a single-replica flood.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.addresses import client_network
from bot.config import settings
from bot.redis_fallback import RedisFallback, redis_client

logger = logging.getLogger(__name__)


class TokenBuckets:
    """Per-key token buckets: `per_minute` tokens a minute, holding at most `burst`."""

    def __init__(
        self,
        per_minute: int,
        burst: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 100_000,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst if burst is not None else per_minute)
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, updated)

    @property
    def enabled(self) -> bool:
        return self.rate > 0 and self.burst > 0

    def take(self, key: str) -> float:
        """Spend one token for `key`: 0.0 if allowed, else seconds until one is free."""
        if not self.enabled:
            return 0.0
        now = self.clock()
        tokens, updated = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - updated) * self.rate)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate
        self._buckets[key] = (tokens - 1.0, now)
        if len(self._buckets) > self.max_keys:
            self._forget_idle(now)
        return 0.0

    def _forget_idle(self, now: float) -> None:
        """Drop keys whose bucket has refilled (they are as if never seen)."""
        refill = self.burst / self.rate
        self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < refill}


# KEYS[1] bucket; ARGV rate per second, burst, ttl ms. Returns the wait in seconds, as text
# (a Lua number would come back truncated to an integer).
_TAKE_SCRIPT = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local v = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(v[1]) or burst
local updated = tonumber(v[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - updated) * rate)
local wait = 0
if tokens < 1 then wait = (1 - tokens) / rate else tokens = tokens - 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return tostring(wait)
"""


class RedisTokenBuckets:
    """The same buckets in Redis, shared by replicas; per-process buckets while Redis is down."""

    retry_seconds = 5.0

    def __init__(
        self,
        client: Any,
        per_minute: int,
        burst: int | None = None,
        prefix: str = "bucks_lis:flood:",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.local = TokenBuckets(per_minute, burst, clock=clock)
        self.prefix = prefix
        self.fallback = RedisFallback(
            "flood limits are per process",
            "flood limits are shared by all replicas again",
            logger,
            retry_seconds=self.retry_seconds,
            clock=clock,
        )
        self._take = client.register_script(_TAKE_SCRIPT)

    @property
    def enabled(self) -> bool:
        return self.local.enabled

    @property
    def degraded(self) -> bool:
        return self.fallback.degraded

    def take(self, key: str) -> float:
        """Spend one token for `key`: 0.0 if allowed, else seconds until one is free."""
        if not self.enabled:
            return 0.0
        ttl_ms = math.ceil(self.local.burst / self.local.rate * 1000) + 1000
        return self.fallback.call(
            lambda: float(
                self._take(
                    keys=[self.prefix + key], args=[self.local.rate, self.local.burst, ttl_ms]
                )
            ),
            lambda: self.local.take(key),
        )


def is_loopback(address: str | None) -> bool:
    try:
        return ipaddress.ip_address((address or "").strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class ChatLimits:
    """The two limits a chat message passes: its sender's and its client address's."""

    by_sender: TokenBuckets | RedisTokenBuckets
    by_address: TokenBuckets | RedisTokenBuckets

    @classmethod
    def from_settings(cls) -> ChatLimits:
        """In Redis when REDIS_HOST is set (shared by replicas), else in this process."""
        cfg = settings()
        if cfg.redis_host:
            client = redis_client(cfg)
            return cls(
                RedisTokenBuckets(client, cfg.rate_limit_sender_per_min),
                RedisTokenBuckets(client, cfg.rate_limit_ip_per_min),
            )
        return cls(
            TokenBuckets(cfg.rate_limit_sender_per_min), TokenBuckets(cfg.rate_limit_ip_per_min)
        )

    def wait_needed(self, sender: str | None, address: str | None) -> int:
        """0 if the message may go through, else whole seconds to wait before retrying."""
        wait = 0.0
        if address and not is_loopback(address):
            # one IPv6 client holds a /64: counted per address, rotating them sent without
            # limit (attack probe s44)
            wait = self.by_address.take(f"ip:{client_network(address)}")
        if not wait and sender:
            wait = self.by_sender.take(f"sender:{sender}")
        return math.ceil(wait) if wait else 0
