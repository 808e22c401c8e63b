"""Fixtures for the X channel's tests: harnesses on the test's own database."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.config import Settings
from tests.channels.x_harness import BOT_ID, SECRET, Harness


@pytest.fixture()
def make_harness(database_url: str) -> Any:
    """Harnesses sharing the test's database (each X channel keeps its memory there)."""
    loop = asyncio.new_event_loop()
    made: list[Harness] = []

    def make(
        fail_on: str | None = None, via_rasa: bool = False, client: Any = None, **overrides: Any
    ) -> Harness:
        if via_rasa:
            harness = Harness(None, loop)
            made.append(harness)
            return harness
        values = dict(
            x_consumer_secret=SECRET,
            x_bot_user_id=BOT_ID,
            x_hashtag="#bucksLIS",
            max_message_chars=2000,
        )
        values.update(overrides)
        harness = Harness(Settings(**values), loop, fail_on=fail_on, client=client)
        made.append(harness)
        return harness

    yield make
    for harness in made:
        if harness._started:
            loop.run_until_complete(harness.app._server_event("shutdown", "before"))
    loop.close()


@pytest.fixture()
def x(make_harness: Any) -> Harness:
    return make_harness()
