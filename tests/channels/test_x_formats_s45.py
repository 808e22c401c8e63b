"""X format probe (s45): deliveries in X's own formats that s43, s44 and the sample tests
left out, through the real signed webhook, the stream's line parser and the search poller.
New samples are in `x_samples/` (X's structure, our values; the page each follows is in its
README).

Failed before the fixes: recent search gives at most 100 posts a page and a `next_token`
for the rest, which the poller never asked for: past 100 #bucksLIS posts between two polls
(a busy day, or the poller back after an outage) every older one was lost for good, as the
next poll starts after the newest; the bot addressed with X's full-width "＠" (X reads it as
a mention) kept its handle in the words Rasa and staff read; a stream line whose `errors` is
not a list raised out of the parser, which promises never to.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.channels.x import hashtag
from bot.channels.x.client import OutboxClient
from bot.channels.x.hashtag import SearchPoller, search_query
from bot.channels.x.state import SEARCH_SINCE_ID, UNKNOWN_EVENT_TYPES, get_state, set_state
from bot.channels.x.stream import parse_stream_line
from tests.channels.fake_x import FakeX
from tests.channels.test_x_fake_x import x_client
from tests.channels.x_harness import (
    BOT_ID,
    BOT_MENTION,
    USER_ID,
    XAA_BOT,
    Harness,
    dm,
    post,
    post_sample,
    sample,
    stored,
)

pytestmark = pytest.mark.filterwarnings("ignore:You have set a listener:UserWarning")

# --- recent search: every page of a poll (X format probe s45) ------------------------------

PAGE_1, PAGE_2 = "v2_search_recent_page1.json", "v2_search_recent_page2.json"
SINCE = "1998000000000000200"  # where the last poll ended
QUERY = search_query("#bucksLIS", BOT_ID)


class PagedSearch(OutboxClient):
    """Recent search answering each request with the next of `pages`, as X pages a poll."""

    def __init__(self, *pages: dict[str, Any]) -> None:
        super().__init__()
        self.pages = list(pages)
        self.asked: list[tuple[str, str | None, str | None]] = []

    def search_recent(
        self, query: str, since_id: str | None = None, next_token: str | None = None
    ) -> dict[str, Any]:
        self.asked.append((query, since_id, next_token))
        return self.pages.pop(0)


def poller(make_harness: Any, client: Any) -> tuple[Harness, SearchPoller]:
    x = make_harness(client=client)
    set_state(SEARCH_SINCE_ID, {"since_id": SINCE})  # not the first start
    return x, SearchPoller(x.channel, x.handle_message, client, 60)


def test_a_poll_reads_every_page_x_gives_not_only_the_first(make_harness: Any) -> None:
    """X's polling pattern: page on with `next_token` and the same `since_id`; the next poll
    starts after the first page's `newest_id`. The second page was never asked for."""
    client = PagedSearch(sample(PAGE_1), sample(PAGE_2))
    x, search = poller(make_harness, client)
    assert x.loop.run_until_complete(search.poll_once()) == 5
    token = sample(PAGE_1)["meta"]["next_token"]
    assert client.asked == [(QUERY, SINCE, None), (QUERY, SINCE, token)]
    assert [external_id for external_id, _ in stored()] == [
        f"x:199800000000000030{n}"
        for n in (1, 2, 3, 4, 5)  # oldest first
    ]
    assert (
        "x:1998000000000000304",
        ("Chesham needs a proper co-working space & faster fibre to keep young firms"),
    ) in stored()
    assert get_state(SEARCH_SINCE_ID) == {"since_id": "1998000000000000305"}
    assert x.received == []  # public views: never answered


def test_a_poll_past_its_page_limit_carries_on_from_there_next_time(
    make_harness: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages a poll reads are bounded (reads are billed, and an outage's backlog may be
    days of posts); X's `next_token` does not expire, so the next poll goes on from it."""
    monkeypatch.setattr(hashtag, "MAX_PAGES_PER_POLL", 1)
    client = PagedSearch(sample(PAGE_1), sample(PAGE_2))
    x, search = poller(make_harness, client)
    assert x.loop.run_until_complete(search.poll_once()) == 3
    token = sample(PAGE_1)["meta"]["next_token"]
    assert get_state(SEARCH_SINCE_ID) == {
        "since_id": SINCE,
        "next_token": token,
        "newest_id": "1998000000000000305",
    }
    assert x.loop.run_until_complete(search.poll_once()) == 2
    assert client.asked[1] == (QUERY, SINCE, token)
    assert len(stored()) == 5
    assert get_state(SEARCH_SINCE_ID) == {"since_id": "1998000000000000305"}


def test_150_posts_between_two_polls_are_all_kept(make_harness: Any) -> None:
    """Against the fake X, which now pages as X does (100 a page)."""
    fake = FakeX(bot_id=BOT_ID).start()
    try:
        fake.add_post("7000", USER_ID, "before the start #bucksLIS")
        x = make_harness(
            client=x_client(fake), x_consumer_key="k", x_access_token="t", x_access_token_secret="s"
        )
        search = SearchPoller(x.channel, x.handle_message, x.channel.client, 60)
        assert x.loop.run_until_complete(search.poll_once()) == 0  # first start: baseline
        for n in range(1, 151):
            fake.add_post(str(7000 + n), str(300 + n % 7), f"Rents in Iver, view {n} #bucksLIS")
        assert x.loop.run_until_complete(search.poll_once()) == 150
        assert x.loop.run_until_complete(search.poll_once()) == 0
    finally:
        fake.stop()
    assert sorted(str(e) for e, _ in stored()) == [f"x:{n}" for n in range(7001, 7151)]
    assert [k for k, _ in fake.billed].count("read") == 151  # each post read once


# --- the full-width "＠" X reads as a mention (X format probe s45) ---------------------------


def test_an_xaa_mention_with_a_full_width_at_drops_only_the_bots_handle(
    make_harness: Any,
) -> None:
    x = make_harness(x_bot_user_id=XAA_BOT)
    assert post_sample(x, "xaa_post_mention_create_fullwidth_at.json").json()["handled"] == 1
    words = "ハイウィコムで和菓子店をしています。家賃が2年で倍になり、＠TfBucks のバスも減りました"
    assert [m.text for m in x.received] == [words]
    assert stored() == [("x:2099000000000000141", words)]


def test_a_dm_or_post_addressed_with_a_full_width_at(x: Harness) -> None:
    addressed = dm("＠BucksLEPbot：rents in Iver doubled")
    addressed["users"][BOT_ID] = {"id": BOT_ID, "screen_name": "BucksLEPbot"}
    x.post_signed(addressed)
    ending = post(
        "Rents in Iver doubled ＠BucksLEPbot",
        "8101",
        entities={"user_mentions": [{**BOT_MENTION, "indices": [22, 34]}]},
    )
    x.post_signed(ending)
    assert [m.text for m in x.received] == ["rents in Iver doubled", "Rents in Iver doubled"]


# --- the stream's line parser never raises (X format probe s45) -----------------------------


@pytest.mark.parametrize("errors", [5, True, "Operational Disconnect"])
def test_a_stream_line_whose_errors_is_not_a_list_is_skipped_not_raised(errors: Any) -> None:
    parsed = parse_stream_line(json.dumps({"errors": errors}), BOT_ID, "#bucksLIS", 2000)
    assert parsed.items == [] and parsed.post_id == "" and parsed.problem


# --- probes that passed as they were --------------------------------------------------------


def test_a_dm_beside_a_like_a_follow_and_a_block_in_one_delivery(x: Harness) -> None:
    """Account Activity may carry several activities in one body (introduction page)."""
    body = dm("Rents in Iver doubled")
    body["favorite_events"] = [
        {
            "id": "a7c1e0f2",
            "created_at": "Mon Nov 16 09:12:01 +0000 2026",
            "timestamp_ms": 1794820321000,
            "favorited_status": {"id_str": "6001", "user": {"id_str": BOT_ID}},
            "user": {"id_str": USER_ID},
        }
    ]
    body["follow_events"] = [
        {"type": "follow", "created_timestamp": "1794820322000", "target": {"id": BOT_ID}}
    ]
    body["block_events"] = [
        {"type": "block", "created_timestamp": "1794820323000", "target": {"id": USER_ID}}
    ]
    answer = x.post_signed(body).json()
    assert answer["handled"] == 1
    assert [m.text for m in x.received] == ["Rents in Iver doubled"]
    assert get_state(UNKNOWN_EVENT_TYPES) == {
        "block_events": 1,
        "favorite_events": 1,
        "follow_events": 1,
    }


def test_a_stream_line_with_a_partial_error_and_the_quoted_post_keeps_the_post() -> None:
    """A v2 line may carry `errors` beside `data` (an expansion X could not fill): the post
    is read, the error reported; the quoted post's hashtag in `includes.tweets` does not
    make the quote a view."""
    line = sample("stream_post.json")
    line["data"]["referenced_tweets"] = [{"type": "quoted", "id": "1234500000"}]
    line["includes"]["tweets"] = [
        {
            "id": "1234500000",
            "text": "Stages! #bucksLIS",
            "author_id": "55",
            "edit_history_tweet_ids": ["1234500000"],
        }
    ]
    line["errors"] = [
        {
            "value": "55",
            "detail": "Could not find user with id: [55].",
            "title": "Not Found Error",
            "resource_type": "user",
            "parameter": "author_id",
            "resource_id": "55",
            "type": "https://api.twitter.com/2/problems/resource-not-found",
        }
    ]
    parsed = parse_stream_line(json.dumps(line), BOT_ID, "#bucksLIS", 2000)
    assert [i.text for i in parsed.items] == ["Pinewood needs more stage crews trained locally 🎬"]
    assert "Could not find user" in parsed.problem
    line["data"]["text"] = "Totally agree"
    parsed = parse_stream_line(json.dumps(line), BOT_ID, "#bucksLIS", 2000)
    assert [i.reason for i in parsed.ignored] == ["not_for_the_consultation"]


def test_the_bots_own_post_a_retweet_and_keep_alives_on_the_stream() -> None:
    own = sample("stream_post.json")
    own["data"]["author_id"] = BOT_ID
    assert [
        i.reason for i in parse_stream_line(json.dumps(own), BOT_ID, "#bucksLIS", 2000).ignored
    ] == ["own_message"]
    retweet = sample("stream_post.json")
    retweet["data"]["text"] = "RT @stagecrew_sam: Pinewood needs more stage crews #bucksLIS"
    retweet["data"]["referenced_tweets"] = [{"type": "retweeted", "id": "1234500001"}]
    parsed = parse_stream_line(json.dumps(retweet), BOT_ID, "#bucksLIS", 2000)
    assert [i.reason for i in parsed.ignored] == ["retweet"]
    for keep_alive in (b"\r\n", b"", b"\n", b"  \r\n"):
        assert parse_stream_line(keep_alive, BOT_ID, "#bucksLIS", 2000) == parse_stream_line(
            b"", BOT_ID, "#bucksLIS", 2000
        )


def test_a_dm_of_only_a_shared_post_link_reaches_rasa_as_the_address(x: Harness) -> None:
    """Sharing a post into a DM sends its t.co link alone (Message Create Object page,
    `entities.urls`): the business chose to send it, so it is read, as the address."""
    link = "https://t.co/ShArEd1234"
    payload = dm(link)
    payload["direct_message_events"][0]["message_create"]["message_data"]["entities"] = {
        "urls": [
            {
                "url": link,
                "expanded_url": "https://twitter.com/roadsbucks/status/1855000000000000444",
                "display_url": "twitter.com/roadsbucks/st\u2026",
                "indices": [0, 23],
            }
        ]
    }
    assert x.post_signed(payload).json()["handled"] == 1
    assert [m.text for m in x.received] == [
        "https://twitter.com/roadsbucks/status/1855000000000000444"
    ]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Mae rhenti yn Iver wedi dyblu #bucksLIS", "Mae rhenti yn Iver wedi dyblu"),
        ("ایور میں کرایہ دوگنا ہو گیا #bucksLIS", "ایور میں کرایہ دوگنا ہو گیا"),
        ("Czynsze w Iver się podwoiły #bucksLIS", "Czynsze w Iver się podwoiły"),
        ("東京より高い家賃 #bucksLIS", "東京より高い家賃"),
        ("$TSLA is not our worry, rents are #bucksLIS", "$TSLA is not our worry, rents are"),
        ("家賃が倍に＃bucksLIS", None),  # after a letter: no hashtag to X (twitter-text)
    ],
)
def test_posts_in_other_languages_and_with_cashtags(
    x: Harness, text: str, kept: str | None
) -> None:
    answer = x.post_signed(post(text, "8201")).json()
    assert stored() == ([("x:8201", kept)] if kept else [])
    assert answer["handled"] == int(kept is not None)


def test_a_hashtag_listed_in_the_entities_only_still_makes_a_view(x: Harness) -> None:
    tags = {"hashtags": [{"text": "bucksLIS", "indices": [22, 31]}], "symbols": []}
    assert (
        x.post_signed(post("Rents in Iver doubled", "8301", entities=tags)).json()["handled"] == 1
    )
    assert stored() == [("x:8301", "Rents in Iver doubled")]
