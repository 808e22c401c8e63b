"""Start, supervise and stop everything `make run` needs: action server, Rasa, the web app.

A child that dies is restarted with back-off (1 s, 2 s, 4 s … 30 s) and the restart is
logged. A crash loop (the same child dying `RestartPolicy.loop_crashes` times within
`loop_window` seconds) is logged as an error with that child's last log lines, and the child
is retried every `max_delay` seconds from then on: the others keep serving. Stopping the
whole stack instead took the web app, PostgreSQL, Redis and the load balancer down with a
failing action server (fault probe, 7 Dec).

A child that is alive but hung (stopped, deadlocked, its event loop stuck) never exits, so
the back-off never sees it: every `check_every` seconds its liveness URL is asked in a
background thread, and a child that has answered once and then fails `hang_checks` checks
in a row (or never answers within `start_grace` of starting) is killed, and restarted as a
crash. A hung action server left every later message with the outage reply until someone
restarted it by hand (fault probe D3, 7 Dec). The supervisor imports no Rasa, so it stays
small.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import PROJECT_ROOT, Settings

RASA_MODEL = PROJECT_ROOT / "models" / "rasa" / "consultation.tar.gz"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestartPolicy:
    """How long to wait before a restart, and when repeated crashes count as a loop."""

    first_delay: float = 1.0
    max_delay: float = 30.0
    loop_crashes: int = 5
    loop_window: float = 120.0
    # liveness: a busy child answers a trivial GET within seconds, so a minute of silence
    # after it has answered is a hang, not load (Rasa takes up to ~2 min to load a model)
    check_every: float = 10.0
    check_timeout: float = 5.0
    hang_checks: int = 6
    start_grace: float = 300.0

    def delay(self, recent_crashes: int) -> float:
        return min(self.max_delay, self.first_delay * 2 ** max(0, recent_crashes - 1))


@dataclass
class Service:
    """One child process, the URL that answers when it is ready (`tcp://host:port`:
    accepts connections) and the URL that answers while it is alive (None: not watched)."""

    name: str
    argv: list[str]
    ready_url: str
    live_url: str | None = None
    process: subprocess.Popen | None = None
    log_path: Path | None = None
    crashes: list[float] = field(default_factory=list)  # monotonic times of recent crashes
    restart_at: float | None = None
    restarts: int = 0
    env: dict[str, str] = field(default_factory=dict)  # on top of the stack's environment
    stop_signal: int = signal.SIGTERM
    liveness: Liveness = field(default_factory=lambda: Liveness())


@dataclass
class Liveness:
    """What the hang watch knows about one incarnation of a child (reset at every spawn)."""

    spawned_at: float = 0.0
    answered: bool = False  # has answered a liveness check since it was spawned
    failed: int = 0  # failed checks in a row since it last answered
    next_check: float = 0.0
    check: threading.Thread | None = None  # the check in flight, if any
    result: bool | None = None  # the finished check's answer, not yet counted


@dataclass
class Stack:
    """The three processes of a running bot, started in order and stopped together."""

    cfg: Settings
    log_dir: Path
    services: list[Service] = field(default_factory=list)
    policy: RestartPolicy = field(default_factory=RestartPolicy)
    extra_env: dict[str, str] = field(default_factory=dict)  # every child (production)
    answers: Callable[[str, float], bool] = field(default_factory=lambda: _answers)  # tests swap

    @classmethod
    def build(cls, cfg: Settings, log_dir: Path) -> Stack:
        bindir = Path(sys.executable).parent
        origins = " ".join(cfg.allowed_origins)
        stack = cls(cfg=cfg, log_dir=log_dir)
        stack.services = [
            Service(
                "actions",
                [
                    sys.executable,
                    "-m",
                    "bot.production.action_server",
                    # Only Rasa, on this machine, calls actions; the action server checks
                    # no caller, so on 0.0.0.0 anyone on the network could run a custom
                    # action (forget-me included) for any conversation.
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(cfg.action_port),
                ],
                # ready = tagger loaded and database reachable (bot/production/health.py)
                f"http://127.0.0.1:{cfg.action_port}/ready",
                # alive = serves HTTP; not /ready, which a database outage fails
                live_url=f"http://127.0.0.1:{cfg.action_port}/health",
            ),
            Service(
                "rasa",
                [
                    str(bindir / "rasa"),
                    "run",
                    "--model",
                    str(RASA_MODEL),
                    "--endpoints",
                    "endpoints.yml",
                    "--credentials",
                    "credentials.yml",
                    "--port",
                    str(cfg.rasa_port),
                    "--cors",
                    *origins.split(),
                ],
                f"http://127.0.0.1:{cfg.rasa_port}/webhooks/ready/",  # model + database
                live_url=f"http://127.0.0.1:{cfg.rasa_port}/",  # "Hello from Rasa"
            ),
            Service(
                "web",
                [sys.executable, "-m", "bot.web.serve"],
                f"http://127.0.0.1:{cfg.web_port}/readyz",
                live_url=f"http://127.0.0.1:{cfg.web_port}/healthz",
            ),
        ]
        return stack

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.setdefault("ACTION_SERVER_URL", f"http://127.0.0.1:{self.cfg.action_port}/webhook")
        env["DATABASE_URL"] = self.cfg.database_url
        env["WEB_PORT"] = str(self.cfg.web_port)
        env["RASA_PORT"] = str(self.cfg.rasa_port)
        env["ACTION_PORT"] = str(self.cfg.action_port)
        env.setdefault("BUCKS_LIS_WARM_TAGGER", "1")  # action server loads the tagger at start
        env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
        env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        env.update(self.extra_env)
        return env

    def _spawn(self, service: Service, env: dict[str, str]) -> None:
        service.log_path = self.log_dir / f"{service.name}.log"
        with open(service.log_path, "ab") as log:  # the child keeps its own copy of the fd
            service.process = subprocess.Popen(
                service.argv,
                cwd=PROJECT_ROOT,
                env={**env, **service.env},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        now = time.monotonic()
        service.liveness = Liveness(spawned_at=now, next_check=now + self.policy.check_every)
        self._write_pids()

    def _write_pids(self) -> None:
        """`pids.json` in the log folder: which process is which (operators, fault tests)."""
        pids = {s.name: s.process.pid for s in self.services if s.process}
        (self.log_dir / "pids.json").write_text(json.dumps(pids))

    def start(self, timeout: float = 240.0, only: list[Service] | None = None) -> None:
        """Start every service (or `only` these) and wait until each answers; raise if one
        dies or times out."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        env = self.env()
        group = self.services if only is None else only
        for service in group:
            self._spawn(service, env)
        deadline = time.monotonic() + timeout
        try:
            for service in group:
                while not _answers(service.ready_url):
                    assert service.process is not None  # started just above
                    if service.process.poll() is not None:
                        raise RuntimeError(
                            f"{service.name} exited early; see {service.log_path}:\n"
                            + _tail(service.log_path)
                        )
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"{service.name} not ready after {timeout:.0f}s")
                    time.sleep(0.5)
        except BaseException:  # includes Ctrl-C while starting: leave nothing running
            self.stop()
            raise

    def supervise(self, now: float | None = None) -> None:
        """One supervision step: notice dead children, restart them when their back-off ends.

        A child that died `policy.loop_crashes` times within `policy.loop_window` seconds
        is logged as a crash loop, with its last log lines, and retried every
        `policy.max_delay` seconds.
        """
        now = time.monotonic() if now is None else now
        for service in self.services:
            proc = service.process
            if service.restart_at is None and proc is not None and proc.poll() is not None:
                service.crashes = [
                    t for t in service.crashes if now - t < self.policy.loop_window
                ] + [now]
                recent = len(service.crashes)
                delay = self.policy.delay(recent)
                if recent >= self.policy.loop_crashes:
                    delay = self.policy.max_delay
                    logger.error(
                        "%s died %d times in %.0f s (last exit %s): a crash loop; trying again "
                        "every %.0f s. Last lines of %s:\n%s",
                        service.name,
                        recent,
                        self.policy.loop_window,
                        _exit(proc),
                        delay,
                        service.log_path,
                        _tail(service.log_path),
                    )
                service.restart_at = now + delay
                logger.warning(
                    "%s exited (%s); restarting in %.0f s (%d crash(es) in the last %.0f s); "
                    "see %s",
                    service.name,
                    _exit(proc),
                    delay,
                    recent,
                    self.policy.loop_window,
                    service.log_path,
                )
            elif service.restart_at is not None and now >= service.restart_at:
                service.restart_at = None
                service.restarts += 1
                self._spawn(service, self.env())
                assert service.process is not None  # _spawn sets it
                logger.warning("%s restarted (pid %d)", service.name, service.process.pid)
            elif service.restart_at is None and proc is not None and service.live_url:
                self._watch_for_hang(service, now)

    def _watch_for_hang(self, service: Service, now: float) -> None:
        """Count the last liveness answer, kill a hung child, start the next check."""
        live, proc = service.liveness, service.process
        assert proc is not None and service.live_url is not None  # supervise checked both
        if live.check is not None and not live.check.is_alive():
            live.check = None
            if live.result:
                live.answered, live.failed = True, 0
            else:
                live.failed += 1
        hung_for = None
        if live.answered and live.failed >= self.policy.hang_checks:
            hung_for = f"failed {live.failed} liveness checks in a row"
        elif not live.answered and now - live.spawned_at > self.policy.start_grace:
            hung_for = f"has not answered in the {self.policy.start_grace:.0f} s since it started"
        if hung_for:
            logger.error(
                "%s is running but hung: %s at %s; killing it so it restarts. Last lines "
                "of %s:\n%s",
                service.name,
                hung_for,
                service.live_url,
                service.log_path,
                _tail(service.log_path),
            )
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # SIGTERM waits on a stopped process
            except ProcessLookupError:
                pass
            live.next_check = float("inf")  # the crash path restarts it with a fresh watch
            return
        if live.check is None and now >= live.next_check:
            live.next_check = now + self.policy.check_every
            url, timeout = service.live_url, self.policy.check_timeout

            def ask() -> None:
                live.result = self.answers(url, timeout)

            live.result = None
            live.check = threading.Thread(target=ask, name=f"live-{service.name}", daemon=True)
            live.check.start()

    def stop(self) -> None:
        """Stop all services (SIGTERM, then SIGKILL after a grace period)."""
        for service in reversed(self.services):
            proc = service.process
            if proc and proc.poll() is None:
                os.killpg(proc.pid, service.stop_signal)
        for service in self.services:
            proc = service.process
            if proc:
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()


def keep_running(
    stack: Stack, periodic: Callable[[], None] | None = None, every: float = 300.0
) -> None:
    """Supervise `stack` until Ctrl-C or SIGTERM, calling `periodic` every `every` seconds;
    then stop it."""
    stopping = False

    def _stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    next_run = 0.0
    try:
        while not stopping:
            stack.supervise()
            if periodic and time.monotonic() >= next_run:
                periodic()
                next_run = time.monotonic() + every
            time.sleep(0.5)
    finally:
        print("stopping…", flush=True)
        stack.stop()


def _answers(url: str, timeout: float = 2.0) -> bool:
    if url.startswith("tcp://"):
        host, _, port = url[len("tcp://") :].rpartition(":")
        try:
            socket.create_connection((host, int(port)), timeout=timeout).close()
            return True
        except OSError:
            return False
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 - localhost
            return resp.status < 500
    except Exception:
        return False


def _exit(proc: subprocess.Popen) -> str:
    code = proc.returncode
    if code is not None and code < 0:
        return f"killed by {signal.Signals(-code).name}"
    return f"exit code {code}"


def _tail(path: Path | None, lines: int = 30) -> str:
    if not path or not path.exists():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
