"""A PostgreSQL cluster of our own under var/ (Debian's binaries), for `run-production`.

Created once with `initdb` (password authentication, loopback only); the `bucks_lis` role
and database are created on first start. Passwords are generated and kept in 0600 files
beside the data directory. PostgreSQL refuses to run as root, so as root the server runs as
the `postgres` user (which must be able to reach the data directory).
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

APP_ROLE = "bucks_lis"
APP_DB = "bucks_lis"


class PostgresMissing(RuntimeError):
    """Debian's PostgreSQL binaries are not installed."""


def bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not found:
        raise PostgresMissing("PostgreSQL is not installed: run `make setup-production`")
    return Path(found[-1])


def _as_postgres() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def secret_file(path: Path) -> str:
    """The secret kept in `path` (0600), generated on first use."""
    if not path.exists():
        path.write_text(secrets.token_urlsafe(24))
        path.chmod(0o600)
    return path.read_text().strip()


@dataclass
class Cluster:
    """The cluster in `root` (data/ and sockets inside), served on 127.0.0.1:`port`."""

    root: Path
    port: int

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    @property
    def app_password(self) -> str:
        return secret_file(self.root / "app.password")

    @property
    def url(self) -> str:
        return f"postgresql://{APP_ROLE}:{self.app_password}@127.0.0.1:{self.port}/{APP_DB}"

    def init(self) -> None:
        """initdb once; no-op when the cluster exists."""
        if (self.datadir / "PG_VERSION").exists():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o700)
        admin = self.root / "admin.password"
        secret_file(admin)
        secret_file(self.root / "app.password")
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(admin, "postgres")
        subprocess.run(
            [
                *_as_postgres(),
                str(bindir() / "initdb"),
                "-D",
                str(self.datadir),
                "-U",
                "postgres",
                "--pwfile",
                str(admin),
                "-A",
                "scram-sha-256",
                "-E",
                "UTF8",
            ],
            check=True,
            capture_output=True,
        )

    def argv(self) -> list[str]:
        """The server in the foreground (the supervisor restarts it if it dies)."""
        return [
            *_as_postgres(),
            str(bindir() / "postgres"),
            "-D",
            str(self.datadir),
            "-p",
            str(self.port),
            "-k",
            str(self.root),
            "-c",
            "listen_addresses=127.0.0.1",
        ]

    def ensure_database(self, timeout: float = 60.0) -> None:
        """Wait until the server takes queries, then create our role and database once."""
        import psycopg2

        admin = (self.root / "admin.password").read_text().strip()
        deadline = time.monotonic() + timeout
        while True:
            try:
                conn = psycopg2.connect(
                    host="127.0.0.1",
                    port=self.port,
                    user="postgres",
                    password=admin,
                    dbname="postgres",
                    connect_timeout=2,
                )
                break
            except psycopg2.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (APP_ROLE,))
                if not cur.fetchone():
                    cur.execute(f"CREATE ROLE {APP_ROLE} LOGIN PASSWORD %s", (self.app_password,))
                cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (APP_DB,))
                if not cur.fetchone():
                    cur.execute(f"CREATE DATABASE {APP_DB} OWNER {APP_ROLE}")
        finally:
            conn.close()
