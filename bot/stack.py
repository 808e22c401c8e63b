"""Start and stop everything `make run` needs: action server, Rasa, and the web app."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import PROJECT_ROOT, Settings

RASA_MODEL = PROJECT_ROOT / "models" / "rasa" / "consultation.tar.gz"


@dataclass
class Service:
    """One child process and the URL that answers when it is ready."""

    name: str
    argv: list[str]
    ready_url: str
    process: subprocess.Popen | None = None
    log_path: Path | None = None


@dataclass
class Stack:
    """The three processes of a running bot, started in order and stopped together."""

    cfg: Settings
    log_dir: Path
    services: list[Service] = field(default_factory=list)

    @classmethod
    def build(cls, cfg: Settings, log_dir: Path) -> Stack:
        bindir = Path(sys.executable).parent
        origins = " ".join(cfg.allowed_origins)
        stack = cls(cfg=cfg, log_dir=log_dir)
        stack.services = [
            Service(
                "actions",
                [str(bindir / "rasa"), "run", "actions", "--actions", "actions",
                 "--port", str(cfg.action_port)],
                f"http://127.0.0.1:{cfg.action_port}/health",
            ),
            Service(
                "rasa",
                [str(bindir / "rasa"), "run", "--model", str(RASA_MODEL),
                 "--endpoints", "endpoints.yml", "--credentials", "credentials.yml",
                 "--port", str(cfg.rasa_port), "--cors", *origins.split()],
                f"http://127.0.0.1:{cfg.rasa_port}/",
            ),
            Service(
                "web",
                [sys.executable, "-m", "bot.web.serve"],
                f"http://127.0.0.1:{cfg.web_port}/healthz",
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
        return env

    def start(self, timeout: float = 240.0) -> None:
        """Start every service and wait until each answers; raise if one dies or times out."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        env = self.env()
        for service in self.services:
            service.log_path = self.log_dir / f"{service.name}.log"
            log = open(service.log_path, "ab")  # noqa: SIM115 - lives as long as the process
            service.process = subprocess.Popen(
                service.argv, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        for service in self.services:
            while not _answers(service.ready_url):
                if service.process.poll() is not None:
                    self.stop()
                    raise RuntimeError(
                        f"{service.name} exited early; see {service.log_path}:\n"
                        + _tail(service.log_path)
                    )
                if time.monotonic() > deadline:
                    self.stop()
                    raise TimeoutError(f"{service.name} not ready after {timeout:.0f}s")
                time.sleep(0.5)

    def stop(self) -> None:
        """Stop all services (SIGTERM, then SIGKILL after a grace period)."""
        for service in reversed(self.services):
            proc = service.process
            if proc and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for service in self.services:
            proc = service.process
            if proc:
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()

    def first_exited(self) -> Service | None:
        for service in self.services:
            if service.process and service.process.poll() is not None:
                return service
        return None


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 - localhost only
            return resp.status < 500
    except Exception:
        return False


def _tail(path: Path | None, lines: int = 30) -> str:
    if not path or not path.exists():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
