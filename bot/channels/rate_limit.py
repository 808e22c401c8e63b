"""Flood protection for the chat channels: token buckets per sender and per client address.

A person typing, or pressing buttons, never comes near the limits; a script sending
hundreds of messages a minute does, and gets a clear "slow down" (HTTP 429 with
Retry-After on REST, an error event and a failed ack on socket.io) instead of costing a
model run and a database write for each message.

- per sender: RATE_LIMIT_SENDER_PER_MIN (default 120; a burst of that many, then that
  rate);
- per client address: RATE_LIMIT_IP_PER_MIN (default 600). Loopback addresses are not
  limited by address (local tools, tests and a same-host proxy); behind a proxy on another
  host set SANIC_PROXIES_COUNT=1 so Rasa sees the client's address, not the proxy's.

0 turns a limit off. Buckets live in one process: with several Rasa replicas each applies
the limit on its own share of the traffic.
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.config import settings


class TokenBuckets:
    """Per-key token buckets: `per_minute` tokens a minute, holding at most `burst`."""

    def __init__(self, per_minute: int, burst: int | None = None,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = 100_000) -> None:
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


def is_loopback(address: str | None) -> bool:
    try:
        return ipaddress.ip_address((address or "").strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class ChatLimits:
    """The two limits a chat message passes: its sender's and its client address's."""

    by_sender: TokenBuckets
    by_address: TokenBuckets

    @classmethod
    def from_settings(cls) -> ChatLimits:
        cfg = settings()
        return cls(TokenBuckets(cfg.rate_limit_sender_per_min),
                   TokenBuckets(cfg.rate_limit_ip_per_min))

    def wait_needed(self, sender: str | None, address: str | None) -> int:
        """0 if the message may go through, else whole seconds to wait before retrying."""
        wait = 0.0
        if address and not is_loopback(address):
            wait = self.by_address.take(f"ip:{address}")
        if not wait and sender:
            wait = self.by_sender.take(f"sender:{sender}")
        return math.ceil(wait) if wait else 0
