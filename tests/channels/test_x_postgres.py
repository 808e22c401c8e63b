"""Replicas sharing PostgreSQL: an X event is claimed by exactly one of them."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bot.channels.x.memory import DbChoices, DbSeenEvents
from bot.storage.db import engine_for
from bot.storage.migrate import upgrade

pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg(postgres_url: str) -> Iterator[Engine]:
    upgrade("head", postgres_url)  # migration 0004x on a real PostgreSQL
    engine = engine_for(postgres_url)
    yield engine
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE x_seen_events, x_choices, x_state, x_spend, x_oauth_tokens"))


def test_many_replicas_claiming_one_event_let_exactly_one_handle_it(pg: Engine) -> None:
    replicas = [DbSeenEvents(pg) for _ in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        seen = list(pool.map(lambda r: r.seen("post:5001"), replicas * 3))
    assert seen.count(False) == 1  # one replica handles it; every other delivery is a retry
    replicas[0].release("post:5001")
    assert replicas[1].seen("post:5001") is False  # released after a failure: retry handled


def test_choices_offered_by_one_replica_are_understood_by_another(pg: Engine) -> None:
    DbChoices(pg).offer(
        "x-post-200",
        [{"title": "Space", "payload": "/space"}, {"title": "Film", "payload": "/film"}],
    )
    assert DbChoices(pg).resolve("x-post-200", "2") == "/film"
    assert DbChoices(pg).resolve("x-post-200", "space") == "/space"
