"""The filtered stream against the fake X: rules synced, keep-alives, drop and reconnect."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from bot.channels.x.client import OAuthXClient
from bot.channels.x.hashtag import SearchPoller, source_for
from bot.channels.x.stream import Backoff, StreamReader
from bot.storage.db import session_scope
from bot.storage.models import Response, XSpend
from tests.channels.fake_x import FakePost, FakeX
from tests.channels.x_harness import BOT_ID, USER_ID

pytestmark = pytest.mark.filterwarnings("ignore:You have set a listener:UserWarning")


@pytest.fixture()
def fake_x() -> Iterator[FakeX]:
    fake = FakeX(bot_id=BOT_ID, keepalive_seconds=0.02, stream_seconds=1.0).start()
    yield fake
    fake.stop()


def test_backoff_follows_xs_reconnection_rules() -> None:
    backoff = Backoff()
    assert [backoff.after("network") for _ in range(3)] == [0.25, 0.5, 0.75]
    for _ in range(100):
        backoff.after("network")
    assert backoff.after("network") == 16.0  # linear, capped
    assert [backoff.after("http") for _ in range(8)] == [5, 10, 20, 40, 80, 160, 320, 320]
    assert [backoff.after("rate_limited") for _ in range(3)] == [60, 120, 240]
    assert backoff.after("dropped") == 0.0  # an established connection ended: at once
    assert backoff.after("http") == 5.0  # and the next failure starts again


def test_stream_syncs_rules_and_reconnects_after_a_drop_mid_stream(
    make_harness: Any,
    fake_x: FakeX,
) -> None:
    fake_x.rules = [{"id": "1", "value": "#oldtag", "tag": "someone-else"}]
    fake_x.stream_queue = [
        FakePost("8001", USER_ID, "Broadband in Chesham is too slow #bucksLIS"),
        FakePost("8002", "300", "We need lab space near Westcott #BucksLIS"),
    ]
    fake_x.stream_drop_after = 1  # the first connection dies after one post
    client = OAuthXClient(
        "k", "s", "t", "ts", api_base=fake_x.url, bearer_token=fake_x.bearer_token
    )
    x = make_harness(
        client=client, x_api_base=fake_x.url, x_bearer_token=fake_x.bearer_token, x_stream=True
    )
    waits: list[float] = []

    async def no_sleep(seconds: float) -> None:
        waits.append(seconds)

    reader = StreamReader(
        x.channel,
        x.handle_message,
        x.channel.cfg,
        read_timeout=5,
        sleep=no_sleep,
        max_connections=2,
    )
    x.loop.run_until_complete(reader.run())
    assert [r["value"] for r in fake_x.rules] == ["#bucksLIS -is:retweet -from:100"]
    assert fake_x.stream_connections == 2
    assert reader.delays == [0.0, 0.0] and waits == []  # dropped: reconnect at once
    with session_scope() as s:
        assert s.scalars(select(Response.external_id).order_by(Response.id)).all() == [
            "x:8001",
            "x:8002",
        ]
        assert sum(s.scalars(select(XSpend.usd)).all()) == pytest.approx(fake_x.total_usd)
    assert x.received == [] and fake_x.sent_posts() == []  # collected, never answered


def test_a_refused_stream_backs_off_and_the_source_is_chosen_by_config(
    make_harness: Any,
    fake_x: FakeX,
) -> None:
    client = OAuthXClient("k", "s", "t", "ts", api_base=fake_x.url, bearer_token="wrong")
    x = make_harness(client=client, x_api_base=fake_x.url, x_bearer_token="wrong", x_stream=True)
    waits: list[float] = []

    async def no_sleep(seconds: float) -> None:
        waits.append(seconds)

    reader = StreamReader(
        x.channel, x.handle_message, x.channel.cfg, sleep=no_sleep, max_connections=3
    )
    with pytest.raises(Exception, match="401"):  # rule sync fails first: wrong token
        x.loop.run_until_complete(reader.run())
    reader.channel.client = OAuthXClient(
        "k", "s", "t", "ts", api_base=fake_x.url, bearer_token=fake_x.bearer_token
    )
    x.loop.run_until_complete(reader.run())  # rules sync; the stream itself says 401
    assert waits == [5.0, 10.0, 20.0]
    assert isinstance(source_for(x.channel, x.handle_message), StreamReader)
    oauth = dict(x_consumer_key="k", x_access_token="t", x_access_token_secret="ts")
    polling = make_harness(client=client, **oauth)
    assert isinstance(source_for(polling.channel, polling.handle_message), SearchPoller)
    assert asyncio.iscoroutinefunction(reader.run)
