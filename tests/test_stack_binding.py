"""`bucks-lis run` keeps the action server off the network: it checks no caller, and anyone
who reached it could run any custom action (forget-me included) for any conversation."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.stack import Stack


def test_the_action_server_listens_on_loopback_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ACTION_SERVER_URL", raising=False)
    stack = Stack.build(Settings(action_port=5999), tmp_path)
    (actions,) = [s for s in stack.services if "bot.production.action_server" in s.argv]
    host = actions.argv[actions.argv.index("--host") + 1]
    assert host == "127.0.0.1"
    assert stack.env()["ACTION_SERVER_URL"].startswith("http://127.0.0.1:")
