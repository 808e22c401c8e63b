"""deploy/endpoints.production.yml gives Rasa a working Redis lock store."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urlparse

import pytest
from rasa.core.lock_store import LockStore, RedisLockStore
from rasa.utils.endpoints import read_endpoint_config

from tests.production.conftest import RedisServer

PRODUCTION_ENDPOINTS = Path(__file__).resolve().parents[2] / "deploy" / "endpoints.production.yml"


def test_production_lock_store_serialises_a_conversation(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = urlparse(redis_url)
    monkeypatch.setenv("REDIS_HOST", parsed.hostname)
    monkeypatch.setenv("REDIS_PORT", str(parsed.port))
    monkeypatch.setenv("REDIS_PASSWORD", "")
    monkeypatch.setenv("REDIS_DB", "0")
    monkeypatch.setenv("ACTION_SERVER_URL", "http://127.0.0.1:5055/webhook")

    config = read_endpoint_config(str(PRODUCTION_ENDPOINTS), "lock_store")
    store = LockStore.create(config)
    assert isinstance(store, RedisLockStore)
    other_replica = LockStore.create(read_endpoint_config(str(PRODUCTION_ENDPOINTS), "lock_store"))

    order: list[str] = []

    async def turn(lock_store: LockStore, name: str) -> None:
        async with lock_store.lock("sender-1", wait_time_in_seconds=0.05):
            order.append(f"{name} start")
            await asyncio.sleep(0.3)
            order.append(f"{name} end")

    async def both() -> None:
        await asyncio.gather(turn(store, "a"), turn(other_replica, "b"))

    asyncio.run(both())
    # The second replica waited for the first: turns never interleave.
    assert order in (
        ["a start", "a end", "b start", "b end"],
        ["b start", "b end", "a start", "a end"],
    )


def test_lock_store_keeps_turns_going_while_redis_is_down(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.production.lock_store import FallbackRedisLockStore

    monkeypatch.setenv("REDIS_HOST", "127.0.0.1")
    monkeypatch.setenv("REDIS_PORT", str(redis_server.port))
    clock = [0.0]
    store = FallbackRedisLockStore(clock=lambda: clock[0])

    async def turn(name: str) -> None:
        async with store.lock(name, wait_time_in_seconds=0.01):
            await asyncio.sleep(0)

    asyncio.run(turn("before"))
    redis_server.stop()
    with caplog.at_level("INFO", logger="bot.production.lock_store"):
        asyncio.run(turn("during"))  # no exception: the turn runs on a per-replica lock
        asyncio.run(turn("during-2"))
        assert store.degraded_until is not None
        redis_server.start()
        clock[0] += store.retry_seconds + 1
        asyncio.run(turn("after"))
    assert store.degraded_until is None
    assert caplog.text.count("Redis unreachable") == 1
    assert "Redis is back: conversation locks are shared by replicas again" in caplog.text


def test_production_lock_store_needs_redis_host(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.production.lock_store import FallbackRedisLockStore

    monkeypatch.delenv("REDIS_HOST", raising=False)
    with pytest.raises(ValueError, match="REDIS_HOST is not set"):
        FallbackRedisLockStore()


HOLDER = """
import asyncio
from bot.production.lock_store import FallbackRedisLockStore

async def main():
    async with FallbackRedisLockStore().lock("widget-business", wait_time_in_seconds=0.05):
        print("locked", flush=True)
        await asyncio.sleep(120)  # a turn in progress when the replica is killed

asyncio.run(main())
"""


def test_a_killed_replicas_lock_lapses_within_the_lease_and_a_live_one_keeps_it(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rasa's tickets live 60 s, so a conversation whose replica died mid-turn stayed locked
    that long (the socket.io fault test: the widget's resend answered after ~61 s, past its
    45 s ack wait). A ticket is now a 1 s lease here (LOCK_LEASE_SECONDS), renewed by a
    live holder however long its turn takes. It failed about 1 run in 8 (the clean-clone CI of
    36931dc once): the waiter renews its own ticket on the same period, a millisecond after
    the holder, and each holder renewal met that write and waited a whole period to try
    again, until its live ticket lapsed; a renewal now retries at once. The lease here is 3 s
    so that a loaded machine's stalls stay inside it."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from bot.production.lock_store import FallbackRedisLockStore

    env = {"REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(redis_server.port)}
    lease = 3.0
    env["LOCK_LEASE_SECONDS"] = str(int(lease))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    other_replica = FallbackRedisLockStore()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER],
        env=dict(os.environ, **env),
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"

        async def take(timeout: float) -> float:
            started = time.monotonic()
            await asyncio.wait_for(_lock_once(other_replica), timeout)
            return time.monotonic() - started

        # Alive, the holder keeps its lock well past one lease.
        with pytest.raises(asyncio.TimeoutError):
            asyncio.run(take(2.5 * lease))
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        waited = asyncio.run(take(30.0))
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert waited < lease + 2.0  # within the lease (plus polling), not Rasa's 60 s


async def _lock_once(store: LockStore) -> None:
    async with store.lock("widget-business", wait_time_in_seconds=0.05):
        pass


def test_a_renewal_that_meets_another_replicas_write_retries_at_once(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another replica writes the lock between a renewal's read and its write (its own
    renewal, on the same period): the renewal reads again and extends the ticket now, rather
    than a whole period later. And a waiter's poll writes nothing while no ticket expired."""
    import time

    import redis

    from bot.production.lock_store import FallbackRedisLockStore

    monkeypatch.setenv("REDIS_HOST", "127.0.0.1")
    monkeypatch.setenv("REDIS_PORT", str(redis_server.port))
    store = FallbackRedisLockStore()
    ticket = store.issue_ticket("widget-race", 3.0)
    key = store.key_prefix + "widget-race"
    other = redis.Redis(host="127.0.0.1", port=redis_server.port)
    real_pipeline = store.red.pipeline
    writes = []

    def pipeline_meeting_a_write() -> object:
        pipe = real_pipeline()
        real_get = pipe.get

        def get(name: str) -> object:
            value = real_get(name)
            if not writes:  # the first read only: another replica writes the lock now
                writes.append(other.set(key, value))
            return value

        pipe.get = get  # type: ignore[method-assign]
        return pipe

    monkeypatch.setattr(store.red, "pipeline", pipeline_meeting_a_write)
    before = time.time()
    assert store.renew("widget-race", ticket, 30.0)
    assert writes == [True]
    lock = store.get_lock("widget-race")
    assert lock is not None and lock.tickets[0].expires >= before + 29.0

    raw = other.get(key)
    other.set(key, raw)  # a known value, then a poll that finds nothing expired
    store.update_lock("widget-race")
    assert other.get(key) == raw
