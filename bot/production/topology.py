"""The production topology on one machine: what runs where, and the balancer's config.

`bucks-lis run-production` (bot/cli/production.py) starts, under the same supervisor as
`bucks-lis run` (bot/stack.py):

    PostgreSQL ─┐                       ┌─ Rasa replica 0 ─┐
    Redis ──────┤   HAProxy :PUBLIC_PORT┼─ Rasa replica 1 ─┼─ HAProxy :ACTIONS_BALANCER_PORT
                │   (REST, socket.io,   └─ …               │   ├─ action server 0
                │    X, widget, /staff) ── web app          │   └─ action server 1 …
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bot.config import PROJECT_ROOT, Settings
from bot.production.postgres import Cluster
from bot.stack import RASA_MODEL, Service, Stack

DEPLOY_DIR = PROJECT_ROOT / "deploy"
PRODUCTION_ENDPOINTS = DEPLOY_DIR / "endpoints.production.yml"


@dataclass
class Topology:
    """Ports and places of every process; generated files go under `root` (var/production)."""

    root: Path
    public_host: str
    public_port: int
    web_port: int
    rasa_ports: list[int]
    action_ports: list[int]
    actions_balancer_port: int
    postgres_port: int
    redis_port: int
    origins: list[str] = field(default_factory=list)

    @classmethod
    def from_settings(
        cls,
        cfg: Settings,
        root: Path,
        rasa_replicas: int | None = None,
        action_servers: int | None = None,
    ) -> Topology:
        replicas = cfg.rasa_replicas if rasa_replicas is None else rasa_replicas
        actions = cfg.action_servers if action_servers is None else action_servers
        if replicas < 1 or actions < 1:
            raise ValueError("need at least one Rasa replica and one action server")
        return cls(
            root=root,
            public_host=cfg.public_host,
            public_port=cfg.public_port,
            web_port=cfg.web_port,
            rasa_ports=[cfg.rasa_port + i for i in range(replicas)],
            action_ports=[cfg.action_port + i for i in range(actions)],
            actions_balancer_port=cfg.actions_balancer_port,
            postgres_port=cfg.postgres_port,
            redis_port=cfg.redis_port,
            origins=list(cfg.allowed_origins),
        )

    @property
    def public_url(self) -> str:
        return f"http://localhost:{self.public_port}"

    @property
    def cluster(self) -> Cluster:
        return Cluster(self.root / "postgres", self.postgres_port)

    @property
    def redis_password(self) -> str:
        from bot.production.postgres import secret_file

        self.root.mkdir(parents=True, exist_ok=True)
        return secret_file(self.root / "redis.password")

    def haproxy_config(self) -> str:
        env = Environment(
            loader=FileSystemLoader(DEPLOY_DIR),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
        )
        return env.get_template("haproxy.cfg.j2").render(
            public_host=self.public_host,
            public_port=self.public_port,
            web_port=self.web_port,
            rasa_ports=self.rasa_ports,
            action_ports=self.action_ports,
            actions_balancer_port=self.actions_balancer_port,
            stats_socket=self.stats_socket,
        )

    @property
    def stats_socket(self) -> Path:
        return self.root / "haproxy.sock"

    def servers_down(self) -> list[str]:
        """Servers HAProxy does not (yet) send traffic to, from its stats socket."""
        import csv
        import socket

        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(5)
            sock.connect(str(self.stats_socket))
            sock.sendall(b"show stat\n")
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
        rows = list(csv.reader(data.decode().lstrip("# ").splitlines()))
        head = rows[0]
        name, server, status = head.index("pxname"), head.index("svname"), head.index("status")
        return [
            f"{r[name]}/{r[server]}"
            for r in rows[1:]
            if len(r) > status
            and r[server] not in ("FRONTEND", "BACKEND")
            and not r[status].startswith("UP")
        ]

    def wait_balanced(self, timeout: float = 60.0) -> None:
        """Until HAProxy's checks have found every server up (it starts with them down)."""
        import time

        deadline = time.monotonic() + timeout
        while True:
            try:
                down = self.servers_down()
            except OSError as error:
                down = [f"stats socket: {error}"]
            if not down:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"HAProxy still has servers down: {', '.join(down)}")
            time.sleep(0.5)

    def shared_env(self) -> dict[str, str]:
        """Environment of every child: shared database, Redis, balancer and public URLs."""
        public = [f"http://localhost:{self.public_port}", f"http://127.0.0.1:{self.public_port}"]
        return {
            "DATABASE_URL": self.cluster.url,
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": str(self.redis_port),
            "REDIS_PASSWORD": self.redis_password,
            "REDIS_DB": "0",
            "ACTION_SERVER_URL": f"http://127.0.0.1:{self.actions_balancer_port}/webhook",
            "PUBLIC_RASA_URL": self.public_url,
            "ALLOWED_ORIGINS": ",".join(dict.fromkeys([*self.origins, *public])),
            "WEB_PORT": str(self.web_port),
            # Behind HAProxy on this host: client addresses come from X-Forwarded-For.
            "TRUSTED_PROXY": "127.0.0.1",
            "SANIC_PROXIES_COUNT": "1",  # read by Sanic (Rasa's server) itself
        }

    def backing_services(self) -> list[Service]:
        """PostgreSQL and Redis: started, and ready, before anything that uses them."""
        redis_exe = shutil.which("redis-server")
        if not redis_exe:
            raise FileNotFoundError("redis-server is not installed: run `make setup-production`")
        redis_dir = self.root / "redis"
        redis_dir.mkdir(parents=True, exist_ok=True)
        return [
            Service(
                "postgres",
                self.cluster.argv(),
                f"tcp://127.0.0.1:{self.postgres_port}",
                stop_signal=2,
            ),  # SIGINT: PostgreSQL's fast shutdown
            Service(
                "redis",
                [
                    redis_exe,
                    "--port",
                    str(self.redis_port),
                    "--bind",
                    "127.0.0.1",
                    "--requirepass",
                    self.redis_password,
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    str(redis_dir),
                ],
                f"tcp://127.0.0.1:{self.redis_port}",
            ),
        ]

    def app_services(self) -> list[Service]:
        """Action servers, the balancer, Rasa replicas and the web app."""
        haproxy = shutil.which("haproxy")
        if not haproxy:
            raise FileNotFoundError("haproxy is not installed: run `make setup-production`")
        cfg_path = self.root / "haproxy.cfg"
        cfg_path.write_text(self.haproxy_config())
        origins = self.shared_env()["ALLOWED_ORIGINS"].split(",")
        services = [
            Service(
                f"actions{i}",
                [
                    sys.executable,
                    "-m",
                    "bot.production.action_server",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                ],
                f"http://127.0.0.1:{port}/ready",
                env={"ACTION_PORT": str(port)},
            )
            for i, port in enumerate(self.action_ports)
        ]
        services.append(
            Service(
                "haproxy",
                [haproxy, "-W", "-db", "-f", str(cfg_path)],
                f"http://{self.public_host}:{self.public_port}/haproxy-health",
            )
        )
        bindir = Path(sys.executable).parent
        services += [
            Service(
                f"rasa{i}",
                [
                    str(bindir / "rasa"),
                    "run",
                    "--model",
                    str(RASA_MODEL),
                    "--endpoints",
                    str(PRODUCTION_ENDPOINTS),
                    "--credentials",
                    "credentials.yml",
                    "--port",
                    str(port),
                    "--interface",
                    "127.0.0.1",
                    "--cors",
                    *origins,
                ],
                f"http://127.0.0.1:{port}/webhooks/ready/",
                env={"RASA_PORT": str(port)},
            )
            for i, port in enumerate(self.rasa_ports)
        ]
        services.append(
            Service(
                "web",
                [sys.executable, "-m", "bot.web.serve"],
                f"http://127.0.0.1:{self.web_port}/readyz",
            )
        )
        return services

    def stack(self, cfg: Settings) -> Stack:
        return Stack(cfg=cfg, log_dir=self.root / "logs", extra_env=self.shared_env())
