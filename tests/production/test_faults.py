"""Faults against the production topology on loopback (HAProxy, 2 Rasa replicas, 2 action
servers, PostgreSQL, Redis): each kills or stops one part while businesses are mid-way
through consultations, then counts that nothing was lost. The replica and action-server
kills run twice: businesses on REST (chat_load.py) and on the website widget's socket.io
channel (widget_load.py: acks, reconnects, the same message id on every resend)."""

from __future__ import annotations

import os
import signal
import time
import uuid
from collections import Counter
from typing import Any

import pytest
import requests

from tests.production import chat_load, widget_load
from tests.production.chat_load import Business, losses, run_load

pytestmark = pytest.mark.slow

BUSINESSES, AT_ONCE = 8, 4
# The fault lands once this many turns are answered: about a quarter of the 152 turns.
FAULT_AT = 40
CLIENTS = [chat_load.converse, widget_load.converse]
CLIENT_IDS = ["rest", "widget"]


def _wait_restarted(stack: Any, name: str, old_pid: int, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while (new_pid := stack.pids()[name]) == old_pid or (
        f"{name} restarted (pid {new_pid})" not in stack.output()
    ):
        assert time.monotonic() < deadline, stack.output()[-3000:]
        time.sleep(1)


@pytest.mark.parametrize("client", CLIENTS, ids=CLIENT_IDS)
def test_killed_action_server_loses_nothing(production_stack: Any, client: Any) -> None:
    stack = production_stack
    stack.wait_balanced()  # no replica still loading after an earlier test's kill
    victim = stack.pids()["actions0"]
    people = run_load(
        stack.url,
        BUSINESSES,
        AT_ONCE,
        lambda: os.kill(victim, signal.SIGKILL),
        fault_after_turns=FAULT_AT,
        client=client,
    )
    assert losses(stack.database_url(), people) == []
    assert "actions0 exited (killed by SIGKILL); restarting" in stack.output()
    _wait_restarted(stack, "actions0", victim)


# long-polling too: its session dies with the replica, and the widget opens a new one
@pytest.mark.parametrize(
    "client",
    [*CLIENTS, widget_load.converse_polling],
    ids=[*CLIENT_IDS, "widget-polling"],
)
def test_killed_rasa_replica_its_conversations_continue_on_the_other(
    production_stack: Any, client: Any
) -> None:
    stack = production_stack
    stack.wait_balanced()
    people = [Business(n) for n in range(BUSINESSES)]
    killed: list[tuple[str, int]] = []

    def kill() -> None:
        # the replica serving most businesses now (by the replica of each one's latest
        # turn): the balancer hashes the sender (REST) or the address (socket.io), and eight
        # businesses can all land on one replica
        served = Counter(b.replicas[-1] for b in people if b.replicas and b.replicas[-1])
        name = max(("rasa0", "rasa1"), key=lambda r: served[r])
        pid = stack.pids()[name]
        killed.append((name, pid))
        os.kill(pid, signal.SIGKILL)

    run_load(
        stack.url,
        BUSINESSES,
        AT_ONCE,
        kill,
        fault_after_turns=FAULT_AT,
        people=people,
        client=client,
    )
    assert killed
    (victim, pid), other = killed[0], {"rasa0": "rasa1", "rasa1": "rasa0"}[killed[0][0]]
    assert losses(stack.database_url(), people) == []
    moved = [
        b
        for b in people
        if victim in b.replicas
        and other in b.replicas
        and b.replicas.index(victim) < b.replicas.index(other)
    ]
    assert moved, [b.replicas for b in people]
    # A turn cut off by the kill is answered on the other replica before the widget stops
    # waiting for its ack (the dead replica's conversation locks lapse within their lease;
    # Rasa's fixed 60 s tickets held them ~61 s).
    waits = [t for b in people for t in b.recovered_after]
    assert max(waits, default=0) < widget_load.ACK_TIMEOUT, waits
    assert f"{victim} exited (killed by SIGKILL); restarting" in stack.output()
    _wait_restarted(stack, victim, pid)


def test_postgres_restart_under_load_loses_nothing(production_stack: Any) -> None:
    stack = production_stack
    victim = stack.pids()["postgres"]
    people = run_load(
        stack.url,
        BUSINESSES,
        AT_ONCE,
        lambda: os.killpg(victim, signal.SIGKILL),
        fault_after_turns=FAULT_AT,
    )
    assert losses(stack.database_url(), people) == []
    assert "postgres exited" in stack.output()
    assert any(b.retries for b in people)  # the outage was felt, and got over


def test_redis_down_degrades_then_recovers(production_stack: Any) -> None:
    stack = production_stack
    redis_pid = stack.pids()["redis"]

    def outage() -> None:
        os.kill(redis_pid, signal.SIGSTOP)  # hangs, unlike a crash the supervisor would fix
        time.sleep(6)
        os.kill(redis_pid, signal.SIGCONT)

    people = run_load(stack.url, BUSINESSES, AT_ONCE, outage, fault_after_turns=FAULT_AT)
    assert losses(stack.database_url(), people) == []
    time.sleep(6)  # past the 5 s retry window: the next turns try Redis again
    for i in range(10):  # senders spread over both replicas
        requests.post(
            f"{stack.url}/webhooks/rest/webhook",
            timeout=120,
            json={"sender": f"after-redis-{i}-{uuid.uuid4().hex[:6]}", "message": "hello"},
        ).raise_for_status()
    rasa_logs = "".join((stack.logs / f"rasa{i}.log").read_text(errors="replace") for i in (0, 1))
    assert "Redis unreachable" in rasa_logs
    assert "Redis is back" in rasa_logs
