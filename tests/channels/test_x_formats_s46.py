"""X format probe (s46): deliveries in X's own formats that s43, s44, s45 and the sample tests
left out, through the real signed webhook, the stream's line parser and the search poller.
New samples are in `x_samples/` (X's structure, our values; the page each follows is in its
README).

Failed before the fixes: a post delivered by Account Activity was dated when it arrived, not
when it was posted (v1.1 `created_at` / `timestamp_ms` were never read), so a view replayed
by X a day later, or retried, sat on the wrong day for staff and the board report; the bot
addressed the old way, ".@BucksLEPbot ...", or after an opening emoji ("👋 @BucksLISbot
we're ..."), kept its handle in the words Rasa and staff read; a #bucksLIS poll was kept as
its question alone, its options (the author's words too) never asked for nor read.
"""

from __future__ import annotations

import copy
import json
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select

from bot.channels.x.client import OutboxClient
from bot.channels.x.hashtag import SearchPoller
from bot.channels.x.state import SEARCH_SINCE_ID, set_state
from bot.channels.x.stream import STREAM_PARAMS, parse_stream_line
from bot.storage.db import session_scope
from bot.storage.models import Response as StoredResponse
from tests.channels.x_harness import (
    AAA_BOT,
    BOT_ID,
    BOT_MENTION,
    USER_ID,
    XAA_BOT,
    Harness,
    dm,
    post,
    post_sample,
    raw,
    sample,
    stored,
    xaa,
)

pytestmark = pytest.mark.filterwarnings("ignore:You have set a listener:UserWarning")


def stored_times() -> list[tuple[str | None, datetime]]:
    with session_scope() as s:
        rows = s.scalars(select(StoredResponse).order_by(StoredResponse.id))
        return [(r.external_id, r.created_at) for r in rows]


# --- a v1.1 post's own time (X format probe s46) -------------------------------------------


def test_an_account_activity_view_is_dated_when_it_was_posted(make_harness: Any) -> None:
    """v1.1 `created_at` ("Mon Nov 02 09:30:00 +0000 2026"): the view was dated on arrival,
    so a post X retried or replayed (`POST /2/webhooks/replay`, up to a day late) sat on the
    wrong day in the staff list, its date filter and the board report."""
    x = make_harness(x_bot_user_id=AAA_BOT)
    assert post_sample(x, "aaa_tweet_create_mention.json").json()["handled"] == 1
    assert stored_times() == [("x:1852000000000000001", datetime(2026, 11, 2, 9, 30))]


def test_timestamp_ms_gives_the_time_to_the_millisecond(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id=AAA_BOT)
    assert post_sample(x, "aaa_tweet_create_dot_mention.json").json()["handled"] == 1
    assert stored_times() == [("x:1856000000000000033", datetime(2026, 11, 10, 7, 45, 12))]


@pytest.mark.parametrize(
    "fields",
    [
        {"created_at": "Tue Nov 10 07:45:12 +0000 2026"},  # no timestamp_ms
        {"created_at": "Tue Nov 10 08:45:12 +0100 2026", "timestamp_ms": "not a time"},
        {"timestamp_ms": 1794296712000},  # a number, not X's string
    ],
)
def test_either_of_xs_v1_times_will_do(x: Harness, fields: dict[str, Any]) -> None:
    x.post_signed(post("Our rent in Iver doubled #bucksLIS", "5101", **fields))
    assert stored_times() == [("x:5101", datetime(2026, 11, 10, 7, 45, 12))]


@pytest.mark.parametrize(
    "fields",
    [
        {"created_at": "yesterday"},
        {"created_at": "Xyz Nov 99 07:45:12 +0000 2026"},
        {"created_at": ["Tue Nov 10"]},
        {"timestamp_ms": "²"},
        {"timestamp_ms": "9" * 30},
        {"created_at": "Tue Nov 10 07:45:12 +9999 2026"},
    ],
)
def test_a_time_that_is_no_time_keeps_the_view_dated_now(
    x: Harness, fields: dict[str, Any]
) -> None:
    before = datetime.utcnow()
    answer = x.post_signed(post("Our rent in Iver doubled #bucksLIS", "5102", **fields))
    assert answer.status == 200 and answer.json()["handled"] == 1
    ((key, when),) = stored_times()
    assert key == "x:5102" and when >= before.replace(microsecond=0)


# --- the bot addressed after a dot or an emoji (X format probe s46) ---------------------------


def test_a_dot_mention_drops_the_dot_and_the_bots_handle(make_harness: Any) -> None:
    """A ".@handle" is how X users make a post that opens with a handle show to all their
    followers; the dot and the handle are the address, not the view."""
    x = make_harness(x_bot_user_id=AAA_BOT)
    assert post_sample(x, "aaa_tweet_create_dot_mention.json").json()["handled"] == 1
    words = "Van parking in Chesham is impossible & we lose 2 hrs a day on deliveries"
    assert [(m.text, m.output_channel.reply_to) for m in x.received] == [
        (words, "1856000000000000033")
    ]
    assert stored() == [("x:1856000000000000033", words)]


def test_the_bots_handle_after_an_opening_emoji_goes_and_the_emoji_stays(
    make_harness: Any,
) -> None:
    """s45 left it: "👋 @BucksLISbot we're ..." reached Rasa and staff with the handle."""
    x = make_harness(x_bot_user_id=XAA_BOT)
    assert post_sample(x, "xaa_post_mention_create_emoji_first.json").json()["handled"] == 1
    (message,) = x.received
    assert message.text == (
        "\U0001f44b we're a 9-person bakery in Amersham and can't find a second baker anywhere"
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (".@BucksLEPbot: rents in Iver doubled", "rents in Iver doubled"),
        (".@BucksLEPbot - rents in Iver doubled", "rents in Iver doubled"),
        ("🚚🚚 @BucksLEPbot the A41 again", "🚚🚚 the A41 again"),
        # another account's handle after a dot is the author's words
        (".@TfBucks sort the A413 out @BucksLEPbot", ".@TfBucks sort the A413 out"),
        ("Thanks @BucksLEPbot for asking: rents", "Thanks @BucksLEPbot for asking: rents"),
        ("-20% footfall since the works @BucksLEPbot", "-20% footfall since the works"),
        ("... @BucksLEPbot broadband", "... broadband"),
    ],
)
def test_what_opens_before_the_bots_handle(x: Harness, text: str, words: str) -> None:
    mention = dict(BOT_MENTION, indices=[text.index("@B"), text.index("@B") + 12])
    x.post_signed(post(text, entities={"hashtags": [], "user_mentions": [mention]}))
    assert [m.text for m in x.received] == [words]


def test_a_dm_opening_with_a_dot_mention_reads_the_words(x: Harness) -> None:
    mention = {"screen_name": "BucksLEPbot", "id_str": BOT_ID, "indices": [1, 13]}
    x.post_signed(dm(".@BucksLEPbot hi, happy to help", entities={"user_mentions": [mention]}))
    assert [m.text for m in x.received] == ["hi, happy to help"]


# --- polls (X format probe s46) -------------------------------------------------------------

POLL_WORDS = (
    "Asking fellow Wycombe makers for the consultation: what would help your workshop "
    "most next year?\n"
    "- Gigabit broadband\n"
    "- Buses that fit shifts\n"
    "- Skills bootcamps & CNC\n"
    "- Cheaper small units"
)


def test_a_polls_options_are_kept_with_its_question() -> None:
    """X delivers a poll's options only in `includes.polls` (expansion
    `attachments.poll_ids`); the options are the author's words as much as the question."""
    line = parse_stream_line(raw("stream_poll.json"), BOT_ID, "#bucksLIS", 2000)
    assert [(i.kind, i.text) for i in line.items] == [("public", POLL_WORDS)]


def test_the_stream_and_search_ask_x_for_the_polls() -> None:
    class Asked(OutboxClient):
        def _request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
            self.params = kwargs["params"]
            return {"meta": {"result_count": 0}}

    client = Asked()
    client.search_recent("#bucksLIS")
    for params in (STREAM_PARAMS, client.params):
        assert "attachments.poll_ids" in params["expansions"].split(",")
        assert "author_id" in params["expansions"].split(",")
        assert "options" in params["poll.fields"].split(",")
        assert "attachments" in params["tweet.fields"].split(",")


def test_a_poll_found_by_search_is_kept_whole(make_harness: Any) -> None:
    line = sample("stream_poll.json")
    page = {"data": [line["data"]], "includes": line["includes"], "meta": {"result_count": 1}}

    class Search(OutboxClient):
        def search_recent(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
            return page

    x = make_harness(client=Search())
    set_state(SEARCH_SINCE_ID, {"since_id": "1"})
    search = SearchPoller(x.channel, x.handle_message, x.channel.client, 60)
    assert x.loop.run_until_complete(search.poll_once()) == 1
    assert stored() == [("x:1999000000000000401", POLL_WORDS)]


def test_an_xaa_mention_with_a_poll_reaches_rasa_with_its_options(x: Harness) -> None:
    line = sample("stream_poll.json")
    tweet = dict(line["data"], author_id=USER_ID)
    tweet["text"] = "@BucksLEPbot which matters most? #bucksLIS"
    tweet["entities"] = {
        "mentions": [{"start": 0, "end": 12, "username": "BucksLEPbot", "id": BOT_ID}]
    }
    tweet.pop("display_text_range")
    includes = {"polls": line["includes"]["polls"], "users": [{"id": USER_ID, "username": "a"}]}
    assert x.post_signed(xaa("post.mention.create", tweet, includes=includes)).status == 200
    (message,) = x.received
    assert message.text.splitlines() == [
        "which matters most?",
        "- Gigabit broadband",
        "- Buses that fit shifts",
        "- Skills bootcamps & CNC",
        "- Cheaper small units",
    ]


@pytest.mark.parametrize(
    "polls",
    [
        None,
        "nope",
        [{"id": "1999000000000000409"}],  # no options asked for
        [{"id": "1999000000000000409", "options": "Gigabit"}],
        [{"id": "1999000000000000409", "options": [{"position": "x"}, 7, {"label": 5}]}],
        [{"id": "another poll", "options": [{"position": 1, "label": "Not this one"}]}],
    ],
)
def test_a_poll_x_did_not_expand_keeps_the_question(polls: Any) -> None:
    line = copy.deepcopy(sample("stream_poll.json"))
    line["includes"]["polls"] = polls
    parsed = parse_stream_line(json.dumps(line), BOT_ID, "#bucksLIS", 2000)
    (item,) = parsed.items
    assert item.text.startswith("Asking fellow Wycombe makers for the consultation")
    assert "Not this one" not in item.text and "Gigabit" not in item.text


def test_poll_options_are_in_the_order_x_numbers_them() -> None:
    line = copy.deepcopy(sample("stream_poll.json"))
    line["includes"]["polls"][0]["options"].reverse()
    (item,) = parse_stream_line(json.dumps(line), BOT_ID, "#bucksLIS", 2000).items
    assert item.text == POLL_WORDS


# --- passed as they were ---------------------------------------------------------------------


def test_a_dm_started_from_a_welcome_message_or_a_post_button_is_read(x: Harness) -> None:
    """`initiated_via` (a DM opened from the bot's post's "Message" button or a welcome
    message) changes nothing: the words reach the consultation once."""
    body = dm("Hi, we run a print shop in Thame", "9401")
    body["direct_message_events"][0]["initiated_via"] = {
        "tweet_id": "1856000000000000050",
        "welcome_message_id": "1856000000000000051",
    }
    assert x.post_signed(body).json()["handled"] == 1
    assert x.post_signed(body).json()["handled"] == 0  # X's retry
    assert [m.text for m in x.received] == ["Hi, we run a print shop in Thame"]
