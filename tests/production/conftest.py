"""Fixtures for production tests: a Redis server a test may stop and start again."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator

import pytest

from bot.config import Settings
from tests.conftest import _need_service, free_port


class RedisServer:
    """A redis-server on a free port that a test can stop and start again on that port."""

    def __init__(self) -> None:
        self.exe = shutil.which("redis-server")
        if not self.exe:
            _need_service("Redis")
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        import redis

        self.proc = subprocess.Popen(
            [self.exe, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(host="127.0.0.1", port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def settings(self) -> Settings:
        import os

        os.environ["REDIS_HOST"] = "127.0.0.1"
        os.environ["REDIS_PORT"] = str(self.port)
        try:
            return Settings()
        finally:
            del os.environ["REDIS_HOST"], os.environ["REDIS_PORT"]


@pytest.fixture()
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    yield server
    server.stop()
