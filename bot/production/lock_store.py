"""Rasa's Redis lock store that keeps conversations going while Redis is down.

Rasa's `RedisLockStore` raises on every turn when Redis is unreachable, so every chat stops.
Here a Redis error switches this replica to an in-process lock store (degraded: turns of
one conversation are still serialised within the replica, and the balancer's hash on the
sender keeps a conversation on one replica), logged once; Redis is tried again every
`retry_seconds`, and its return is logged. Configured in deploy/endpoints.production.yml;
connection settings come from REDIS_* in bot/config.py.

Tickets are leases. Rasa gives each ticket a fixed 60 s life, so when a replica died
mid-turn its ticket kept the conversation locked for up to a minute: the business's resend
on the other replica waited ~61 s (the socket.io fault test), past the widget's 45 s ack
wait, so the person saw "Not confirmed as sent" and a Retry that could not help either.
Here a ticket lives `LOCK_LEASE_SECONDS` (10) and is renewed every third of that while its
turn waits or runs, so a long turn keeps its lock and a dead replica's lock lapses within
the lease. A renewal is a Redis transaction (WATCH): it never overwrites another replica's
change to the lock (a new ticket): it reads the lock again and retries at once. Rasa's wait
loop writes the lock only when a ticket has expired, in the same way.

Issuing a ticket and handing it back are WATCH transactions too (load probe s46). Rasa read
the lock, added its ticket and wrote the lock back, so two replicas taking one conversation's
lock together (a resend reaching the other replica while the first still ran the turn: a
replica marked down under load, a widget re-emit, an X delivery carrying several users'
events) both held ticket 0: the turn ran twice on the same state, the answer was stored
twice and the transcript held both runs. Its hand-back deleted the lock when it saw no one
waiting a moment before another replica's ticket was written, and that waiter's next look
found no lock: a LockError, the business's message failed.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from typing import Any, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, RedisLockStore
from redis.exceptions import WatchError

from bot.config import Settings
from bot.redis_fallback import RedisFallback, redis_client

logger = logging.getLogger(__name__)

T = TypeVar("T")
# What a transaction does to the lock: nothing, write it, or delete it (no tickets left).
KEEP, SAVE, DELETE = "keep", "save", "delete"


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
        self.lease_seconds = cfg.lock_lease_seconds
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

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """A new ticket, added in one transaction with the read (module docstring)."""
        return self.fallback.call(
            lambda: self._transact(conversation_id, lambda lock: _issue(lock, lock_lifetime)),
            lambda: self.local.issue_ticket(conversation_id, lock_lifetime),
        )

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Hand ticket `ticket_number` back; the lock goes with its last ticket, decided in
        the same transaction as the read (module docstring)."""
        self.fallback.call(
            lambda: self._transact(conversation_id, lambda lock: _hand_back(lock, ticket_number)),
            lambda: self.local.cleanup(conversation_id, ticket_number),
        )

    # A clash means another replica changed this conversation's lock in between: a few at
    # most while two replicas queue on one conversation, so running out means Redis is
    # wrong, and the turn fails as Rasa's own lock error rather than running unlocked.
    transaction_tries = 50

    def _transact(
        self,
        conversation_id: str,
        decide: Callable[[TicketLock], tuple[T, str]],
    ) -> T:
        """Read the lock (a new one if none), let `decide` change it, and keep, save or
        delete it as `decide` says, in one WATCH transaction retried on a clash."""
        key = self.key_prefix + conversation_id
        for _ in range(self.transaction_tries):
            with self.red.pipeline() as pipe:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = (
                        TicketLock.from_dict(json.loads(raw))
                        if raw
                        else TicketLock(conversation_id)
                    )
                    result, action = decide(lock)
                    if action == KEEP:
                        return result
                    pipe.multi()
                    if action == SAVE:
                        pipe.set(key, lock.dumps())
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except WatchError:
                    continue
        raise LockError(f"The lock of conversation '{conversation_id}' kept changing under us.")

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncIterator[TicketLock]:
        """Rasa's `lock`, with a ticket of `lease_seconds` renewed until the turn is done."""
        if self.lease_seconds <= 0:  # LOCK_LEASE_SECONDS=0: Rasa's fixed lifetime
            async with super().lock(conversation_id, lock_lifetime, wait_time_in_seconds) as lock:
                yield lock
            return
        lease = min(lock_lifetime, self.lease_seconds)
        ticket = self.issue_ticket(conversation_id, lease)
        renewing = asyncio.ensure_future(self._keep_renewing(conversation_id, ticket, lease))
        try:
            yield await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        finally:
            renewing.cancel()
            with suppress(asyncio.CancelledError):
                await renewing
            self.cleanup(conversation_id, ticket)

    async def _keep_renewing(self, conversation_id: str, number: int, lease: float) -> None:
        while True:
            await asyncio.sleep(lease / 3)
            try:
                self.renew(conversation_id, number, lease)
            except Exception:  # noqa: BLE001 - a missed renewal is retried; the turn goes on
                logger.exception("Could not renew the lock of %s", conversation_id)

    def renew(self, conversation_id: str, number: int, lease: float) -> bool:
        """Push ticket `number`'s expiry to `lease` seconds from now; False if it is gone
        or every try met another replica's write (the next renewal tries again)."""
        return self.fallback.call(
            lambda: self._change_in_redis(
                conversation_id, lambda lock: _extend(lock, number, lease)
            ),
            lambda: self._renew_local(conversation_id, number, lease),
        )

    def _renew_local(self, conversation_id: str, number: int, lease: float) -> bool:
        lock = self.local.get_lock(conversation_id)
        if lock is None or not _extend(lock, number, lease):
            return False
        self.local.save_lock(lock)
        return True

    def update_lock(self, conversation_id: str) -> None:
        """Rasa's wait loop: drop expired tickets. Rasa writes back what it read on every
        poll (every `wait_time_in_seconds`), which could undo a live holder's renewal made
        between that read and write. Here the lock is written only when a ticket did
        expire, and as a WATCH transaction like a renewal."""
        self.fallback.call(
            lambda: self._change_in_redis(conversation_id, _drop_expired),
            lambda: self.local.update_lock(conversation_id),
        )

    # Tries of a change that meets another replica's write. Not once per period: replicas
    # renew every third of the same lease, so a waiter that issued its ticket a moment after
    # the holder renews a millisecond after it each time, and the holder's renewals met it
    # every period until its live ticket lapsed (1 run in 8 of the lease test, traced).
    change_tries = 5

    def _change_in_redis(self, conversation_id: str, change: Callable[[TicketLock], bool]) -> bool:
        """Read the lock, apply `change` (False: nothing to write) and write it back in a
        WATCH transaction: a write by another replica in between makes it read again and
        retry at once rather than overwrite that write. True if the lock was written."""
        key = self.key_prefix + conversation_id
        for _ in range(self.change_tries):
            with self.red.pipeline() as pipe:
                try:
                    pipe.watch(key)  # the write below fails if anyone changes the lock first
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    if lock is None or not change(lock):
                        return False
                    pipe.multi()
                    pipe.set(key, lock.dumps())
                    pipe.execute()
                    return True
                except WatchError:
                    continue  # read again and retry at once
        return False


def _drop_expired(lock: TicketLock) -> bool:
    """Drop the expired tickets from `lock`; False if none had expired."""
    before = len(lock.tickets)
    lock.remove_expired_tickets()
    return len(lock.tickets) < before


def _extend(lock: TicketLock, number: int, lease: float) -> bool:
    """Set ticket `number`'s expiry `lease` seconds ahead; False if it is not in `lock`."""
    for ticket in lock.tickets:
        if ticket.number == number:
            ticket.expires = time.time() + lease
            return True
    return False


def _issue(lock: TicketLock, lifetime: float) -> tuple[int, str]:
    return lock.issue_ticket(lifetime), SAVE


def _hand_back(lock: TicketLock, number: int) -> tuple[None, str]:
    if not lock.tickets:
        return None, KEEP  # gone already (no lock in Redis): nothing to write
    lock.remove_ticket_for(number)
    return None, SAVE if lock.is_someone_waiting() else DELETE
