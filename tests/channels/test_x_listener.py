"""The #bucksLIS search source: recent-search results into the same path as the webhook."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa.core.channels.channel import UserMessage

from bot.channels.x.client import OutboxClient
from bot.channels.x.hashtag import SearchPoller, inbound_from_search, search_query, source_for
from bot.channels.x.inbound import Inbound
from bot.channels.x.webhook import XInput
from bot.config import Settings
from tests.channels.x_harness import BOT_MENTION_V2

BOT_ID = "100"


def search_result(*tweets: dict[str, Any], newest: str | None = None) -> dict[str, Any]:
    return {
        "data": list(tweets),
        "includes": {"users": [{"id": "200", "username": "chilternwidgets"}]},
        "meta": {
            "newest_id": newest or (tweets[0]["id"] if tweets else None),
            "result_count": len(tweets),
        },
    }


def tweet(tweet_id: str, text: str, author: str = "200", **extra: Any) -> dict[str, Any]:
    return {"id": tweet_id, "text": text, "author_id": author, **extra}


class FakeSearchClient(OutboxClient):
    def __init__(self, results: list[dict[str, Any]]) -> None:
        super().__init__()
        self.results = results
        self.queries: list[tuple[str, str | None]] = []

    def search_recent(self, query: str, since_id: str | None = None) -> dict[str, Any]:
        self.queries.append((query, since_id))
        return self.results.pop(0)


def test_search_query_excludes_retweets_and_the_bot() -> None:
    assert search_query("#bucksLIS", BOT_ID) == "#bucksLIS -is:retweet -from:100"
    assert search_query("bucksLIS", "") == "#bucksLIS -is:retweet"


def test_search_results_become_public_messages_oldest_first() -> None:
    result = search_result(
        tweet("3", "Broadband is our barrier #bucksLIS &amp; roads"),
        tweet("2", "RT @x: #bucksLIS", referenced_tweets=[{"type": "retweeted", "id": "1"}]),
        tweet("1", "Our own post #bucksLIS", author=BOT_ID),
    )
    items, ignored = inbound_from_search(result, BOT_ID, "#bucksLIS", 2000)
    assert items == [
        Inbound(
            "public",
            "3",
            "200",
            "Broadband is our barrier & roads",
            "chilternwidgets",
            "3",
            collect=True,
        )
    ]
    assert [(i.event_id, i.reason) for i in ignored] == [("1", "own_message"), ("2", "retweet")]


def test_search_skips_old_posts_on_first_start_then_collects_and_answers_new_ones(
    database_url: str,
) -> None:
    from sqlalchemy import select

    from bot.channels.x.state import SEARCH_SINCE_ID, get_state
    from bot.storage.db import session_scope
    from bot.storage.models import Response

    cfg = Settings(x_bot_user_id=BOT_ID, x_hashtag="#bucksLIS", max_message_chars=2000)
    client = FakeSearchClient(
        [
            search_result(tweet("10", "old post about broadband #bucksLIS")),
            search_result(
                tweet("12", "new post: rail links to Aylesbury are poor #BucksLIS"),
                tweet(
                    "11",
                    "@BucksLEPbot also new",
                    entities={"hashtags": [{"tag": "bucksLIS"}], "mentions": [BOT_MENTION_V2]},
                ),
            ),
            search_result(),
        ]
    )
    channel = XInput(cfg=cfg, client=client)
    received: list[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)

    poller = SearchPoller(channel, on_new_message, client, 60)

    async def three_polls() -> list[int]:
        return [await poller.poll_once() for _ in range(3)]

    assert asyncio.run(three_polls()) == [0, 2, 0]
    # the post that summoned the bot is answered; the plain hashtag post is only collected
    assert [(m.sender_id, m.text, m.input_channel) for m in received] == [
        ("x-post-200", "also new", "x"),
    ]
    with session_scope(channel.engine) as s:
        stored = s.scalars(select(Response.external_id).order_by(Response.id)).all()
    assert stored == ["x:11", "x:12"]
    assert [since for _, since in client.queries] == [None, "10", "12"]
    assert get_state(SEARCH_SINCE_ID) == {"since_id": "12"}  # in the database: shared
    # the webhook delivering the same post again (it mentioned the bot) is a duplicate
    assert channel.seen.seen("post:11")


def test_a_first_search_that_finds_nothing_still_marks_the_start(database_url: str) -> None:
    cfg = Settings(x_bot_user_id=BOT_ID, x_hashtag="#bucksLIS", max_message_chars=2000)
    client = FakeSearchClient([search_result(), search_result(tweet("20", "new #bucksLIS"))])
    channel = XInput(cfg=cfg, client=client)

    async def on_new_message(message: UserMessage) -> None:
        raise AssertionError("a plain hashtag post is collected, not sent to Rasa")

    poller = SearchPoller(channel, on_new_message, client, 60)

    async def two_polls() -> list[int]:
        return [await poller.poll_once() for _ in range(2)]

    assert asyncio.run(two_polls()) == [0, 1]  # the post after the empty start is kept


def test_search_is_off_without_x_credentials(database_url: str) -> None:
    channel = XInput(
        cfg=Settings(x_consumer_secret="s", x_bot_user_id=BOT_ID), client=OutboxClient()
    )

    async def on_new_message(message: UserMessage) -> None:
        raise AssertionError("not called")

    assert source_for(channel, on_new_message) is None
    oauth = dict(
        x_consumer_key="k", x_consumer_secret="s", x_access_token="t", x_access_token_secret="ts"
    )
    for cfg in (
        Settings(**oauth, x_bot_user_id=BOT_ID, x_poll_seconds=0),
        Settings(**oauth, x_bot_user_id="", x_poll_seconds=60),
    ):
        assert source_for(XInput(cfg=cfg, client=OutboxClient()), on_new_message) is None
    on = Settings(**oauth, x_bot_user_id=BOT_ID, x_poll_seconds=60)
    assert isinstance(
        source_for(XInput(cfg=on, client=OutboxClient()), on_new_message), SearchPoller
    )
