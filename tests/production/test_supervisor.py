"""`bucks-lis run` keeps serving: a dead child is restarted with back-off, a crash loop is
logged and retried slowly, a hung child is killed and restarted, and the supervisor never
imports Rasa."""

from __future__ import annotations

import itertools
import json
import logging
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from bot.config import settings
from bot.stack import RestartPolicy, Service, Stack

PY = sys.executable


def _stack(tmp_path: Path, argv: list[str], policy: RestartPolicy) -> Stack:
    stack = Stack(cfg=settings(), log_dir=tmp_path, policy=policy)
    stack.services = [Service("child", argv, "http://127.0.0.1:9/unused")]
    tmp_path.mkdir(parents=True, exist_ok=True)
    stack._spawn(stack.services[0], stack.env())
    return stack


def _wait_exit(stack: Stack) -> None:
    stack.services[0].process.wait(timeout=30)


def test_back_off_doubles_up_to_the_cap() -> None:
    policy = RestartPolicy(first_delay=1, max_delay=30)
    assert [policy.delay(n) for n in (1, 2, 3, 4, 5, 6, 7)] == [1, 2, 4, 8, 16, 30, 30]


def test_a_killed_child_is_restarted_after_its_back_off_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stack = _stack(
        tmp_path, [PY, "-c", "import time; time.sleep(60)"], RestartPolicy(first_delay=5)
    )
    child = stack.services[0]
    first_pid = child.process.pid
    try:
        child.process.kill()
        _wait_exit(stack)
        with caplog.at_level(logging.WARNING, logger="bot.stack"):
            stack.supervise(now=100.0)
            assert child.process.pid == first_pid  # still waiting out the back-off
            stack.supervise(now=104.0)
            assert child.process.pid == first_pid
            stack.supervise(now=105.0)
        assert child.process.pid != first_pid
        assert child.process.poll() is None
        assert child.restarts == 1
        assert json.loads((tmp_path / "pids.json").read_text()) == {"child": child.process.pid}
        assert "child exited (killed by SIGKILL); restarting in 5 s" in caplog.text
        assert f"child restarted (pid {child.process.pid})" in caplog.text
    finally:
        stack.stop()
    assert child.process.poll() is not None


def test_a_crash_loop_is_logged_with_the_childs_last_words_and_retried_slowly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A looping child no longer stops the stack (the web app, database and load balancer
    went down with it: fault probe, 7 Dec): it is named with its last words and retried
    every `max_delay` seconds while the others keep serving."""
    argv = [PY, "-c", "import sys; print('config broken: no model'); sys.exit(3)"]
    policy = RestartPolicy(first_delay=0, max_delay=30, loop_crashes=3, loop_window=60)
    stack = _stack(tmp_path, argv, policy)
    now = 0.0
    try:
        for _ in range(2):  # two crashes: restarted each time
            _wait_exit(stack)
            stack.supervise(now=now)
            stack.supervise(now=now)  # back-off of 0 s is over: restarted
            now += 1
        assert stack.services[0].restarts == 2
        _wait_exit(stack)
        with caplog.at_level(logging.ERROR, logger="bot.stack"):
            stack.supervise(now=now)  # the third crash: a loop, logged, no exception
        assert "child died 3 times in 60 s (last exit exit code 3)" in caplog.text
        assert "config broken: no model" in caplog.text
        stack.supervise(now=now + 29)
        assert stack.services[0].restarts == 2  # waiting the slow retry out
        stack.supervise(now=now + 30)
        assert stack.services[0].restarts == 3  # and tried again
    finally:
        stack.stop()


def test_crashes_spread_out_never_count_as_a_loop(tmp_path: Path) -> None:
    argv = [PY, "-c", "import sys; sys.exit(1)"]
    stack = _stack(tmp_path, argv, RestartPolicy(first_delay=0, loop_crashes=2, loop_window=10))
    try:
        for now in (0.0, 20.0, 40.0, 60.0):  # one crash every 20 s, window 10 s
            _wait_exit(stack)
            stack.supervise(now=now)
            stack.supervise(now=now)
        assert stack.services[0].restarts == 4
    finally:
        stack.stop()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _supervise_until(stack: Stack, done: Any, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "the supervisor did not get there in time"
        stack.supervise()
        time.sleep(0.05)


def test_a_hung_child_is_killed_and_restarted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A stopped process never exits, so only the liveness watch can bring it back
    (fault probe D3: a hung action server)."""
    import os
    import signal

    port = _free_port()
    policy = RestartPolicy(first_delay=0.1, check_every=0.2, check_timeout=0.5, hang_checks=3)
    stack = Stack(cfg=settings(), log_dir=tmp_path, policy=policy)
    url = f"http://127.0.0.1:{port}/"
    argv = [PY, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(tmp_path)]
    child = Service("child", argv, url, live_url=url)
    stack.services = [child]
    try:
        stack.start(timeout=30)
        _supervise_until(stack, lambda: child.liveness.answered)
        first_pid = child.process.pid
        os.kill(first_pid, signal.SIGSTOP)
        with caplog.at_level(logging.WARNING, logger="bot.stack"):
            _supervise_until(
                stack, lambda: child.process.pid != first_pid and child.liveness.answered
            )
        assert child.restarts == 1
        assert "child is running but hung: failed 3 liveness checks in a row" in caplog.text
        assert "child exited (killed by SIGKILL)" in caplog.text
    finally:
        stack.stop()


def test_a_slow_answer_now_and_then_is_not_a_hang(tmp_path: Path) -> None:
    """Failures must come in a row: one success in between resets the count."""
    answers = itertools.cycle([True, False, False])
    policy = RestartPolicy(check_every=0.0, hang_checks=3)
    stack = _stack(tmp_path, [PY, "-c", "import time; time.sleep(60)"], policy)
    stack.answers = lambda url, timeout: next(answers)
    child = stack.services[0]
    child.live_url = "http://127.0.0.1:9/alive"
    pid = child.process.pid
    try:
        for _ in range(40):
            stack.supervise()
            if child.liveness.check is not None:
                child.liveness.check.join(5)
        assert child.process.pid == pid and child.process.poll() is None
        assert child.liveness.answered and child.liveness.failed < 3
    finally:
        stack.stop()


def test_a_child_that_never_answers_is_killed_after_its_grace(tmp_path: Path) -> None:
    policy = RestartPolicy(check_every=0.0, start_grace=60.0, first_delay=1000)
    stack = _stack(tmp_path, [PY, "-c", "import time; time.sleep(60)"], policy)
    stack.answers = lambda url, timeout: False
    child = stack.services[0]
    child.live_url = "http://127.0.0.1:9/alive"
    started = child.liveness.spawned_at
    try:
        stack.supervise(now=started + 30)  # still loading (Rasa takes minutes): left alone
        child.liveness.check.join(5)
        stack.supervise(now=started + 31)
        assert child.process.poll() is None
        stack.supervise(now=started + 61)
        _wait_exit(stack)
        assert child.process.returncode == -9
    finally:
        stack.stop()


def test_supervisor_does_not_import_rasa() -> None:
    code = (
        "import sys, bot.cli, bot.cli.run, bot.stack, bot.storage.session_purge; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rasa', 'tensorflow')))"
    )
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_killed_action_server_comes_back_and_the_conversation_continues(
    live_stack: Any,
) -> None:
    import os
    import signal
    import uuid

    import requests

    url = f"{live_stack.rasa_url}/webhooks/rest/webhook"
    sender = f"restart-{uuid.uuid4().hex[:10]}"

    def say(text: str) -> str:
        resp = requests.post(url, json={"sender": sender, "message": text}, timeout=120)
        assert resp.status_code == 200, resp.text
        return "\n".join(r.get("text", "") for r in resp.json())

    assert say("hello")
    pids_file = Path(live_stack.env["BUCKS_LIS_VAR_DIR"]) / "logs" / "pids.json"
    old_pid = json.loads(pids_file.read_text())["actions"]
    os.kill(old_pid, signal.SIGKILL)

    deadline = time.monotonic() + 180
    while True:
        new_pid = json.loads(pids_file.read_text())["actions"]
        try:
            if new_pid != old_pid and requests.get(f"{live_stack.action_url}/health", timeout=2).ok:
                break
        except requests.RequestException:
            pass
        assert time.monotonic() < deadline, live_stack.output()[-3000:]
        time.sleep(1)

    # Rasa and the web app kept running throughout, and the conversation goes on.
    assert requests.get(f"{live_stack.web_url}/healthz", timeout=10).ok
    reply = say("what is the local industrial strategy?")
    assert reply and "technical problem" not in reply
    output = live_stack.output()
    assert "actions exited (killed by SIGKILL); restarting" in output
    assert "stopping" not in output


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


@pytest.mark.slow
def test_supervisor_stays_small(live_stack: Any) -> None:
    """The supervisor (migrations, purge, restarts) holds < 100 MB: it never loads Rasa."""
    rss = _rss_mb(live_stack.process.pid)
    print(f"supervisor RSS {rss:.0f} MB")
    assert rss < 100


def test_ctrl_c_while_starting_leaves_nothing_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stack = Stack(cfg=settings(), log_dir=tmp_path)
    stack.services = [
        Service("slow", [PY, "-c", "import time; time.sleep(60)"], "http://127.0.0.1:9/never")
    ]

    def interrupted(_: str) -> bool:  # Ctrl-C while waiting for the child to answer
        raise KeyboardInterrupt

    monkeypatch.setattr("bot.stack._answers", interrupted)
    with pytest.raises(KeyboardInterrupt):
        stack.start(timeout=30)
    assert stack.services[0].process.poll() is not None
