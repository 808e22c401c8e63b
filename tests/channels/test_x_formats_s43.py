"""X format probe (s43): deliveries in X's own formats that the other X tests left out,
through the real signed webhook (and the stream's line parser). Samples are in
`x_samples/` (X's structure, our values; the page each follows is in its README); the
smaller variations are built here, each naming the X page whose shape it follows.

Failed before the fixes (13 of 23 cases): a post whose author began "-20%" lost the minus;
a `display_text_range` counted on the escaped text (as X counts it) kept a hidden trailing
link after an "&amp;"; a CRC token with a raw "+" was refused (X then marks the webhook
invalid); "#bucksLIS" inside an address made a post a view and broke the address; a lone
surrogate lost a view after X had its 200; a DM's photo link listed only in `entities.urls`
reached Rasa as an address; a thread's posts listed newest first were answered newest first;
a v2 link was shown as where it redirects; `"retweeted_status": null` made a post a retweet;
X's end-of-replay message was not logged.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.channels.x.entities import Links, author_text, links_v2
from bot.channels.x.signatures import crc_response_token, crc_token_in, sign_body
from bot.channels.x.state import UNKNOWN_EVENT_TYPES, get_state
from bot.channels.x.stream import parse_stream_line
from tests.channels.x_harness import (
    AAA_BOT,
    BOT_ID,
    BOT_MENTION,
    SECRET,
    URL,
    USER_ID,
    Harness,
    dm,
    post,
    post_sample,
    raw,
    stored,
)

pytestmark = pytest.mark.filterwarnings("ignore:You have set a listener:UserWarning")


def dm_paths(x: Harness) -> list[str]:
    return [e.path for e in x.outbox.entries]


# --- DMs ----------------------------------------------------------------------------------


def test_several_dms_from_two_businesses_in_one_delivery(make_harness: Any) -> None:
    """Account Activity batches events in one POST (`direct_message_events` is a list) and
    promises no order: each business's DMs reach Rasa oldest first, as its own sender, a
    link as the address typed, a quick reply as its metadata; each answer goes to its own
    business."""
    x = make_harness(x_bot_user_id=AAA_BOT)
    answer = post_sample(x, "aaa_direct_message_events_batch.json")
    assert answer.status == 200 and answer.json()["handled"] == 3
    assert [(m.sender_id, m.text, m.message_id) for m in x.received] == [
        (
            "x-dm-3050000002",
            "Hi, we make rocket valves at Westcott & need 4 machinists",
            "954000000000000301",
        ),
        (
            "x-dm-3050000044",
            "Our plan is at https://example.org/chesham-plan - broadband first",
            "954000000000000302",
        ),
        ("x-dm-3050000002", "/consent_agree", "954000000000000303"),
    ]
    assert [m.metadata["x"]["screen_name"] for m in x.received] == [
        "westcott_priya",
        "chesham_tom",
        "westcott_priya",
    ]
    for message in x.received:  # Rasa answering each on the output it was given
        x.loop.run_until_complete(
            message.output_channel.send_text_message(message.sender_id, "Thank you")
        )
    assert dm_paths(x) == [
        "/2/dm_conversations/with/3050000002/messages",
        "/2/dm_conversations/with/3050000044/messages",
        "/2/dm_conversations/with/3050000002/messages",
    ]
    again = post_sample(x, "aaa_direct_message_events_batch.json").json()  # X retries it
    assert again["handled"] == 0 and len(x.received) == 3


def test_a_dm_photo_alone_is_asked_for_words_and_with_words_keeps_them(
    make_harness: Any,
) -> None:
    x = make_harness(x_bot_user_id=AAA_BOT)
    answer = post_sample(x, "aaa_direct_message_events_media.json").json()
    assert answer["handled"] == 1
    assert answer["ignored"] == [{"event_id": "954000000000000401", "reason": "empty"}]
    assert [m.text for m in x.received] == ["Our yard after Tuesday's flood, Chesham Road"]
    assert dm_paths(x) == ["/2/dm_conversations/with/3050000044/messages"]  # "in words"
    assert "only read text" in json.dumps(x.outbox.entries[0].json)


def test_a_dm_photo_link_listed_only_in_entities_urls_is_not_words(x: Harness) -> None:
    """Without an `attachment`, X's photo link (shown "pic.twitter.com/...", leading to
    "/messages/media/<id>") reached Rasa as an address and the business was not asked for
    words. Shape: the Message Create Object page (`entities.urls`)."""
    link = "https://t.co/Ph0toW3stc"
    payload = dm(link)
    payload["direct_message_events"][0]["message_create"]["message_data"]["entities"] = {
        "urls": [
            {
                "url": link,
                "expanded_url": "https://twitter.com/messages/media/954000000000000411",
                "display_url": "pic.twitter.com/Ph0toW3stc",
                "indices": [0, 23],
            }
        ]
    }
    assert x.post_signed(payload).json()["ignored"] == [{"event_id": "9001", "reason": "empty"}]
    assert x.received == [] and len(x.outbox.entries) == 1


def test_the_authors_opening_dash_or_colon_stays(x: Harness) -> None:
    """Only what a dropped tag or handle leaves goes ("#bucksLIS: rents", "@bot - rents");
    "-20% footfall" lost its minus and a "- " list its first dash."""
    x.post_signed(dm("-20% footfall since the A41 works began", event_id="1"))
    x.post_signed(dm("- rents\n- roads\n- broadband", event_id="2"))
    x.post_signed(dm(":) thanks, that helps", event_id="3"))
    x.post_signed(dm("#bucksLIS - rents in Iver doubled", event_id="4"))
    addressed = dm("@BucksLEPbot: -5 staff since March", event_id="5")
    addressed["users"][BOT_ID] = {"id": BOT_ID, "screen_name": "BucksLEPbot"}  # as X sends
    x.post_signed(addressed)
    assert [m.text for m in x.received] == [
        "-20% footfall since the A41 works began",
        "- rents\n- roads\n- broadband",
        ":) thanks, that helps",
        "rents in Iver doubled",
        "-5 staff since March",
    ]


def test_one_dm_event_listed_twice_in_a_delivery_is_answered_once(x: Harness) -> None:
    """X may deliver duplicates ("deduplicate by event ID", V2 Webhooks quickstart)."""
    payload = dm("Broadband is our problem", event_id="42")
    payload["direct_message_events"] *= 2
    answer = x.post_signed(payload).json()
    assert answer["handled"] == 1
    assert answer["ignored"] == [{"event_id": "42", "reason": "duplicate"}]
    assert len(x.received) == 1


def test_half_an_emoji_pair_does_not_lose_the_message(x: Harness) -> None:
    """X's JSON writes emoji as "\\ud83d\\ude29"; a text cut between the two parses into a
    lone surrogate, which no database or UTF-8 encoder takes: the view was lost after a 200."""
    answer = x.post_signed(post("Broadband in Iver is \ud83d #bucksLIS"))
    assert answer.status == 200 and answer.json()["handled"] == 1
    assert stored() == [("x:5001", "Broadband in Iver is")]
    x.post_signed(dm("Rents \ud83d doubled", event_id="77"))
    assert [m.text for m in x.received] == ["Rents doubled"]


# --- posts --------------------------------------------------------------------------------


def test_a_reply_to_the_bots_post_keeps_the_authors_words(make_harness: Any) -> None:
    """X's prefix goes, "&lt; &gt; &amp;" are unescaped, emoji stay, the photo link goes,
    the author's opening "-20%" stays; the public answer replies to this post."""
    x = make_harness(x_bot_user_id=AAA_BOT)
    assert post_sample(x, "aaa_tweet_create_reply_to_bot.json").json()["handled"] == 1
    (message,) = x.received
    assert message.text == (
        "-20% footfall on Chesham High St since the works \U0001f6a7\U0001f622 "
        "& rents >\u00a315/sqft. Parking <1h is the ask"
    )
    assert message.sender_id == "x-post-3050000044"
    assert message.output_channel.reply_to == "1855000000000000401"


def test_an_extended_posts_hidden_link_goes_after_an_escaped_ampersand(
    make_harness: Any,
) -> None:
    """X counts `display_text_range` on the escaped text ("&amp;" is five); applied to the
    unescaped text, the range ended inside the hidden link, which was kept in the view."""
    x = make_harness(x_bot_user_id="1111111111")
    assert post_sample(x, "aaa_tweet_create_extended_escaped.json").json()["handled"] == 1
    ((external_id, text),) = stored()
    assert external_id == "x:1855000000000000301"
    assert text.startswith("Packaging & print in Marlow: -20% orders since the A404 works.")
    assert text.endswith("we'd hire 5 drivers. #roads")
    assert "t.co" not in text and "&amp;" not in text and x.received == []


def test_display_text_range_on_the_escaped_or_the_unescaped_text() -> None:
    hidden = "Fish &amp; chips in Marlow https://t.co/CaRd123456"
    assert author_text(hidden, Links(), [0, 26]) == "Fish & chips in Marlow"  # X's count
    assert author_text(hidden, Links(), [0, 22]) == "Fish & chips in Marlow"  # unescaped
    # neither count cuts the author's words
    assert author_text("Fish &amp; chips in Marlow", Links(), [0, 9]) == "Fish & chips in Marlow"


def test_a_thread_to_the_bot_in_one_delivery_is_answered_oldest_first(
    make_harness: Any,
) -> None:
    x = make_harness(x_bot_user_id=AAA_BOT)
    assert post_sample(x, "aaa_tweet_create_thread.json").json()["handled"] == 2
    assert [(m.text, m.output_channel.reply_to) for m in x.received] == [
        ("(1/2) Westcott firms need 40 composite technicians a year", "1855000000000000501"),
        (
            "(2/2) and nobody trains them locally: the nearest course is in Oxford",
            "1855000000000000502",
        ),
    ]


def test_the_hashtag_inside_an_address_is_not_the_hashtag(x: Harness) -> None:
    """X lists no hashtag inside a link; shown as typed, "https://example.org/consult/
    #bucksLIS" made a post a public view and lost its address."""
    link = {
        "url": "https://t.co/LiNk123456",
        "expanded_url": "https://example.org/consult/#bucksLIS",
        "display_url": "example.org/consult/#bucks\u2026",
    }
    plain = {"hashtags": [], "user_mentions": [], "urls": [link]}
    answer = x.post_signed(post("Read this https://t.co/LiNk123456", entities=plain))
    assert answer.json()["ignored"] == [{"event_id": "5001", "reason": "not_for_the_consultation"}]
    summoned = {"hashtags": [], "user_mentions": [BOT_MENTION], "urls": [link]}
    x.post_signed(post("@BucksLEPbot see https://t.co/LiNk123456", "5002", entities=summoned))
    assert [m.text for m in x.received] == ["see https://example.org/consult/#bucksLIS"]
    tagged = {**summoned, "hashtags": [{"text": "bucksLIS", "indices": [41, 50]}]}
    text = "@BucksLEPbot see https://t.co/LiNk123456 #bucksLIS"
    assert x.post_signed(post(text, "5003", entities=tagged)).json()["handled"] == 1
    assert x.received[-1].text == "see https://example.org/consult/#bucksLIS"


def test_a_quote_of_a_hashtag_post_is_a_view_of_its_own_words_and_a_retweet_none(
    x: Harness,
) -> None:
    """Shapes: the Enterprise data dictionary (Quote Tweet, Retweet); a `retweeted_status`
    of null is not a retweet."""
    quote = post(
        "Agree - the A41 is the worst #bucksLIS https://t.co/QuOtE12345",
        tweet_id="5070",
        is_quote_status=True,
        quoted_status_id_str="4444",
        quoted_status={"id_str": "4444", "text": "Roads! #bucksLIS", "user": {"id_str": "777"}},
        quoted_status_permalink={
            "url": "https://t.co/QuOtE12345",
            "expanded": "https://twitter.com/roadsbucks/status/4444",
            "display": "twitter.com/roadsbucks/s\u2026",
        },
        display_text_range=[0, 38],
    )
    assert x.post_signed(quote).json()["handled"] == 1
    retweet = post(
        "RT @roadsbucks: Roads! #bucksLIS",
        tweet_id="5071",
        retweeted_status={"id_str": "4444", "text": "Roads! #bucksLIS", "user": {"id_str": "777"}},
    )
    assert x.post_signed(retweet).json()["ignored"][0]["reason"] == "retweet"
    with_null = post("Broadband now #bucksLIS", tweet_id="5072", retweeted_status=None)
    assert x.post_signed(with_null).json()["handled"] == 1
    assert stored() == [("x:5070", "Agree - the A41 is the worst"), ("x:5072", "Broadband now")]
    assert x.received == []


def test_a_long_stream_post_with_the_hashtag_past_280_is_kept_whole() -> None:
    parsed = parse_stream_line(raw("stream_note_tweet.json"), BOT_ID, "#bucksLIS", 2000)
    ((item,), ignored) = (parsed.items, parsed.ignored)
    assert ignored == [] and item.kind == "public"
    assert item.text.startswith("Pinewood & Shepperton together need ~900 crew a year.")
    assert item.text.endswith("A Bucks screen-skills centre would change that.")
    assert "#bucksLIS" not in item.text and "\u2026" not in item.text


def test_a_v2_link_is_shown_as_typed_not_where_it_redirects() -> None:
    """v2 `expanded_url` is the address typed; `unwound_url` where its redirects end."""
    links = links_v2(
        {
            "urls": [
                {
                    "url": "https://t.co/Sh0rt12345",
                    "expanded_url": "https://bit.ly/bucks-survey",
                    "unwound_url": "https://survey.example.org/form?utm_source=x&id=9",
                }
            ]
        }
    )
    assert author_text("Fill in https://t.co/Sh0rt12345", links) == (
        "Fill in https://bit.ly/bucks-survey"
    )


# --- the webhook itself -------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["crc_token=aGVsbG8+d29ybGQ/Zm9v=", "crc_token=aGVsbG8%2Bd29ybGQ%2FZm9v%3D"]
)
def test_a_crc_token_with_a_raw_plus_is_answered(x: Harness, query: str) -> None:
    """A "+" read as a space (form decoding) was refused: X marks a webhook that fails its
    CRC invalid and delivers nothing (V2 Webhooks: "Webhook validation")."""
    answer = x.get(URL, query)
    assert answer.status == 200
    assert answer.json() == {"response_token": crc_response_token("aGVsbG8+d29ybGQ/Zm9v=", SECRET)}
    assert crc_token_in("nonce=1&crc_token=a%20b") == "a b"  # still refused: not a token
    assert x.get(URL, "crc_token=a%20b").status == 400


def test_forged_or_missing_signatures_on_the_new_samples_are_refused(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id=AAA_BOT)
    body = raw("aaa_direct_message_events_batch.json")
    for header in ("", "sha256=", "sha256=abc", sign_body(body, "not-our-secret")):
        answer = x.post(body, {"x-twitter-webhooks-signature": header} if header else {})
        assert answer.status == 403
    assert x.received == [] and stored() == []


@pytest.mark.parametrize(
    ("key", "event", "counted"),
    [
        # Account Activity introduction: typing and read-receipt examples
        (
            "direct_message_indicate_typing_events",
            {"created_timestamp": "1518127183443", "sender_id": USER_ID},
            None,
        ),
        (
            "direct_message_mark_read_events",
            {"created_timestamp": "1518452444662", "sender_id": USER_ID},
            None,
        ),
        # block and mute examples ("unblock" arrives under block_events too)
        ("block_events", {"type": "unblock", "created_timestamp": "1518127020304"}, 1),
        ("mute_events", {"type": "mute", "created_timestamp": "1518127020304"}, 1),
    ],
)
def test_activities_alone_are_answered_200_and_not_messages(
    x: Harness, key: str, event: dict[str, Any], counted: int | None
) -> None:
    body = {
        "for_user_id": BOT_ID,
        key: [{**event, "source": {"id": USER_ID}, "target": {"recipient_id": BOT_ID}}],
    }
    answer = x.post_signed(body)
    assert answer.status == 200 and answer.json()["handled"] == 0
    assert get_state(UNKNOWN_EVENT_TYPES) == ({key: counted} if counted else None)
    assert x.received == [] and x.outbox.entries == [] and stored() == []


@pytest.mark.parametrize(("state", "level"), [("Complete", "INFO"), ("Incomplete", "WARNING")])
def test_a_replay_jobs_end_is_answered_200_and_logged(
    make_harness: Any, caplog: pytest.LogCaptureFixture, state: str, level: str
) -> None:
    """Shape: Account Activity quickstart, "Job completed messages" (no `for_user_id`)."""
    x = make_harness(x_bot_user_id="")  # names no account: nothing else is done with it
    body = {
        "replay_job_status": {
            "webhook_id": "1952000000000000001",
            "job_state": state,
            "job_state_description": "Job failed to deliver all events, please retry",
            "job_id": "1953000000000000002",
        }
    }
    with caplog.at_level("INFO", logger="bot.channels.x.account_activity"):
        answer = x.post_signed(body)
    assert answer.status == 200 and answer.json()["handled"] == 0
    assert [r.levelname for r in caplog.records if "1953000000000000002" in r.getMessage()] == [
        level
    ]
    assert get_state(UNKNOWN_EVENT_TYPES) is None and x.received == []
