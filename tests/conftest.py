"""Shared fixtures: every test gets its own SQLite database through DATABASE_URL."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = PROJECT_ROOT.parent / "shared"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the slow end-to-end and browser tests last, fast feedback first."""

    def weight(item: pytest.Item) -> int:
        return (
            2 if item.get_closest_marker("browser") else 1 if item.get_closest_marker("slow") else 0
        )

    items.sort(key=weight)  # stable: keeps file order within each group


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared: the source page and the theme contract (read-only, beside the clone)."""
    if not (SHARED_DIR / "themes" / "GUIDE.md").exists():
        pytest.fail(f"{SHARED_DIR} not found: the project expects ../shared beside the clone")
    return SHARED_DIR


@pytest.fixture()
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh SQLite file with our schema, set as DATABASE_URL for the test."""
    from bot.config import settings
    from bot.storage.db import create_schema, engine_for

    url = f"sqlite:///{tmp_path / 'test.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("BUCKS_LIS_VAR_DIR", str(tmp_path / "var"))
    settings.cache_clear()
    create_schema(engine_for(url))
    yield url
    engine_for(url).dispose()
    settings.cache_clear()


@pytest.fixture()
def engine(database_url: str) -> Engine:
    from bot.storage.db import engine_for

    return engine_for(database_url)


@pytest.fixture()
def session(engine: Engine) -> Iterator[Session]:
    from bot.storage.db import session_scope

    with session_scope(engine) as s:
        yield s


class TranscriptStore:
    """A tracker store fake: each sender's events in memory (resend and channel tests)."""

    def __init__(self) -> None:
        self.events: dict[str, list[Any]] = {}

    async def retrieve(self, sender_id: str) -> Any:  # noqa: ANN401 - a DialogueStateTracker
        from rasa.shared.core.trackers import DialogueStateTracker  # Rasa is slow to import

        if sender_id not in self.events:
            return None
        return DialogueStateTracker.from_events(sender_id, self.events[sender_id])


_HANDED_OUT: set[int] = set()


def free_port(span: int = 1) -> int:
    """A TCP port nobody is listening on right now (with `span`, the `span` ports from it),
    below Linux's ephemeral range (32768+).

    A port the kernel hands out for `bind(0)` comes from the same range as the source ports
    of outgoing connections, so between this check and the server's own bind a client
    connection anywhere on the machine could take it (a production stack then failed to
    start in CI). Ports below the range are only ever taken by a listener. Never the same
    port twice in one session."""
    import random
    import socket

    for _ in range(500):
        first = random.randint(20000, 32767 - span)
        ports = range(first, first + span)
        if any(p in _HANDED_OUT for p in ports):
            continue
        try:
            for port in ports:
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
        except OSError:
            continue
        _HANDED_OUT.update(ports)
        return first
    raise RuntimeError("no free port in 20000-32767")


@contextmanager
def background_process(args: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen]:
    """A helper server for a test (output discarded), stopped on exit; killed if it hangs."""
    proc = subprocess.Popen(
        args,
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_for_url(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Poll `url` until it answers; fail at once if the process serving it has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args!r} exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


class LiveStack:
    """A running `bucks-lis run` (action server, Rasa, web app) on free ports and a temp DB."""

    def __init__(self, root: Path) -> None:
        import subprocess
        import sys

        self.root = root
        self.web_port, self.rasa_port, self.action_port = free_port(), free_port(), free_port()
        self.database_url = f"sqlite:///{root / 'stack.db'}"
        self.web_url = f"http://127.0.0.1:{self.web_port}"
        self.rasa_url = f"http://127.0.0.1:{self.rasa_port}"
        self.action_url = f"http://127.0.0.1:{self.action_port}"
        env = dict(os.environ)
        env.update(
            DATABASE_URL=self.database_url,
            BUCKS_LIS_VAR_DIR=str(root / "var"),
            WEB_PORT=str(self.web_port),
            RASA_PORT=str(self.rasa_port),
            ACTION_PORT=str(self.action_port),
            ACTION_SERVER_URL=f"{self.action_url}/webhook",
            ALLOWED_ORIGINS=f"{self.web_url},http://localhost:{self.web_port}",
            # Signs test webhooks; with no X OAuth values replies go to the outbox, never to X.
            X_CONSUMER_SECRET=os.environ.get("X_CONSUMER_SECRET", "e2e-test-x-consumer-secret"),
        )
        self.env = env
        self.log = open(root / "run.log", "w+b")  # noqa: SIM115
        cli = Path(sys.executable).parent / "bucks-lis"
        self.process = subprocess.Popen(
            [str(cli), "run"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        return (self.root / "run.log").read_text(errors="replace")

    def wait_ready(self, timeout: float = 300.0) -> None:
        import time

        deadline = time.monotonic() + timeout
        while "ready:" not in self.output():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("bucks-lis run did not become ready:\n" + self.output()[-4000:])
            time.sleep(1)

    def stop(self) -> None:
        import signal
        import subprocess

        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


@pytest.fixture(scope="session")
def live_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStack]:
    """The real stack, started once per test session (needs `make train` first)."""
    from bot.stack import RASA_MODEL

    if not RASA_MODEL.exists():
        pytest.fail(f"{RASA_MODEL} is missing: run `make train` (make test does)")
    stack = LiveStack(tmp_path_factory.mktemp("stack"))
    stack.wait_ready()
    yield stack
    stack.stop()


def _need_service(what: str) -> None:
    """Missing server binaries: fail in CI (which installs them), skip on a laptop."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is not installed; .ci/run installs it")
    pytest.skip(f"{what} is not installed (apt-get install it, or see .ci/run)")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL server (Debian's binaries) on a free port, torn down after."""
    import glob
    import shutil
    import subprocess

    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bins:
        _need_service("PostgreSQL")
    import tempfile

    bindir = bins[-1]
    # Not under pytest's tmp dir: that is private to root, and postgres won't run as root.
    datadir = Path(tempfile.mkdtemp(prefix="bucks-lis-pg-")) / "data"
    port = free_port()
    as_pg: list[str] = []
    if os.geteuid() == 0:
        as_pg = ["runuser", "-u", "postgres", "--"]
        shutil.chown(datadir.parent, "postgres")
    subprocess.run(
        [*as_pg, f"{bindir}/initdb", "-D", str(datadir), "-U", "postgres", "-A", "trust"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *as_pg,
            f"{bindir}/pg_ctl",
            "-D",
            str(datadir),
            "-l",
            str(datadir.parent / "log"),
            "-o",
            f"-p {port} -k {datadir.parent} -c listen_addresses=127.0.0.1",
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *as_pg,
            f"{bindir}/createdb",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "postgres",
            "bucks_lis_test",
        ],
        check=True,
        capture_output=True,
    )
    yield f"postgresql://postgres@127.0.0.1:{port}/bucks_lis_test"
    subprocess.run(
        [*as_pg, f"{bindir}/pg_ctl", "-D", str(datadir), "-m", "fast", "stop"],
        capture_output=True,
    )
    shutil.rmtree(datadir.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A throwaway Redis server on a free port."""
    import shutil
    import subprocess
    import time

    exe = shutil.which("redis-server")
    if not exe:
        _need_service("Redis")
    port = free_port()
    proc = subprocess.Popen(
        [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)
    for _ in range(50):
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture()
def keyword_engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Install the keyword baseline as the process engine (no trained model needed)."""
    import bot.tagging
    from bot.tagging.training.keyword import KeywordTagger

    engine = KeywordTagger()
    monkeypatch.setattr(bot.tagging, "_engine", engine)
    yield engine
