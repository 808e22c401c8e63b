"""Deliveries in the shapes X documents (`x_samples/`: X's structure, our own values; sources
in its README) through our real entry points: the signed webhook on a real Sanic app, and the
filtered stream's line parser and reader. Each test configures the bot account as the
sample's subscribed user."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

import pytest

from bot.channels.x.client import OAuthXClient
from bot.channels.x.signatures import sign_body
from bot.channels.x.state import UNKNOWN_EVENT_TYPES, get_state
from bot.channels.x.stream import StreamReader, parse_stream_line
from tests.channels.fake_x import FakeX
from tests.channels.x_harness import (
    AAA_BOT,
    SAMPLES,
    SECRET,
    URL,
    XAA_BOT,
    Harness,
    post_sample,
    raw,
    sample,
    stored,
)

pytestmark = pytest.mark.filterwarnings("ignore:You have set a listener:UserWarning")


def test_every_sample_is_listed_with_its_source() -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    names = sorted(p.name for p in SAMPLES.glob("*.json"))
    assert len(names) >= 30
    assert [n for n in names if f"`{n}`" not in readme] == []


# --- Account Activity -----------------------------------------------------------------------


def test_aaa_dm_reaches_the_consultation(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id=AAA_BOT)
    answer = post_sample(x, "aaa_direct_message_events.json")
    assert answer.status == 200 and answer.json()["handled"] == 1
    (message,) = x.received
    assert (message.sender_id, message.text, message.message_id) == (
        "x-dm-3050000002",
        "Hi! We run a precision engineering firm at Westcott Venture Park and can't find "
        "apprentices anywhere. Who should I talk to?",
        "954000000000000101",
    )
    assert message.metadata["x"]["screen_name"] == "westcott_priya"


def test_aaa_mention_keeps_the_authors_words_and_drops_handles_and_xs_links(
    make_harness: Any,
) -> None:
    x = make_harness(x_bot_user_id=AAA_BOT)
    answer = post_sample(x, "aaa_tweet_create_mention.json")
    assert answer.status == 200 and answer.json()["handled"] == 1
    (message,) = x.received
    expected = (
        "Broadband in Princes Risborough is \U0001f629 & our "
        "\U0001d5f1\U0001d5f2\U0001d600\U0001d5f6\U0001d5f4\U0001d5fb studio needs 1 Gbps "
        "https://example.org/our-broadband-plan"
    )
    assert message.text == expected  # emoji and non-BMP letters intact, &amp; unescaped
    assert "@" not in message.text and "t.co" not in message.text  # photo link dropped
    assert message.sender_id == "x-post-3050000002"
    assert message.output_channel.reply_to == "1852000000000000001"
    assert stored() == [("x:1852000000000000001", expected)]  # carries #bucksLIS: collected


def test_aaa_mention_by_a_user_the_bot_blocked_is_not_answered(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id=AAA_BOT)
    assert sample("aaa_tweet_create_mention.json")["user_has_blocked"] == "false"  # a string
    answer = post_sample(x, "aaa_tweet_create_mention_blocked.json")
    assert answer.status == 200
    assert answer.json()["ignored"] == [
        {"event_id": "1852000000000000002", "reason": "blocked_user"}
    ]
    assert x.received == [] and stored() == []


def test_aaa_longform_post_uses_the_extended_text_and_its_entities(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id="1660000000000000009")  # mentioned only past character 140
    answer = post_sample(x, "aaa_tweet_create_longform.json")
    assert answer.json()["handled"] == 1
    (message,) = x.received
    assert message.text.startswith("Westcott could be the UK's rocket-engine test campus")
    assert "no bus from Aylesbury Parkway" in message.text  # past the cut root text
    # the bot's own handle dropped where it ends the post; the other handle the author
    # wrote is theirs and stays (X format probe, 7 Dec)
    assert message.text.endswith("Happy to host a visit. @ValeMakers")
    assert "…" not in message.text and "t.co" not in message.text
    assert message.message_id == "1924000000000000108"  # id_str, not the rounded number


def test_aaa_extended_post_respects_display_text_range(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id="1111111111")
    answer = post_sample(x, "aaa_tweet_create_extended.json")
    assert answer.json()["handled"] == 1  # a hashtag post, collected as a public view
    ((external_id, text),) = stored()
    assert external_id == "x:994000000000000107"
    assert text.startswith("We print packaging for 60 Bucks food firms")
    assert text.endswith('we’d add a "night shift" in Marlow. #roads #Marlow')  # no hidden link
    assert x.received == []


def test_aaa_quote_post_uses_its_own_text_without_the_permalink(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id="1111111111")  # the quoted account
    assert post_sample(x, "aaa_tweet_create_quote.json").json()["handled"] == 1
    (message,) = x.received
    # its own words, not the quoted post's, and no t.co permalink
    assert message.text == (
        "Skills. We'd hire 6 more welders in High Wycombe tomorrow if we could find them"
    )


def test_aaa_hashtag_in_the_quoted_post_does_not_make_the_quote_a_view(
    make_harness: Any,
) -> None:
    x = make_harness(x_bot_user_id="1111111111", x_hashtag="#A41Watch")
    answer = post_sample(x, "aaa_tweet_create_quote_of_hashtag.json")
    assert answer.json()["ignored"] == [
        {"event_id": "831000000000000111", "reason": "not_for_the_consultation"}
    ]
    assert x.received == [] and stored() == []


def test_aaa_retweet_of_the_bots_post_is_not_a_new_view(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id=AAA_BOT)
    answer = post_sample(x, "aaa_tweet_create_retweet.json")
    assert answer.json()["ignored"] == [{"event_id": "1852000000000000003", "reason": "retweet"}]
    assert x.received == [] and stored() == []


def test_aaa_the_bots_own_post_is_ignored(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id="2250000005")
    answer = post_sample(x, "aaa_tweet_create_own_reply.json")
    assert answer.json()["ignored"] == [
        {"event_id": "1307000000000000103", "reason": "own_message"}
    ]
    assert x.received == [] and stored() == []


def test_aaa_the_bots_own_dm_is_ignored(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id="3050000002")  # the sender of X's DM sample
    payload = sample("aaa_direct_message_events.json")
    payload["for_user_id"] = "3050000002"  # the same DM as the sender's subscription sees it
    answer = x.post_signed(payload)
    assert answer.json()["ignored"] == [{"event_id": "954000000000000101", "reason": "own_message"}]
    assert x.received == []


def test_aaa_an_edited_post_replaces_its_view_and_is_not_a_second_one(
    make_harness: Any,
) -> None:
    """X shows the latest version of an edited post (its edit history lists every id):
    the view says what the author meant, under the newest id, once."""
    x = make_harness(x_bot_user_id=AAA_BOT)
    assert post_sample(x, "aaa_tweet_create_before_edit.json").json()["handled"] == 1
    edit = post_sample(x, "aaa_tweet_create_edited.json").json()
    assert edit["handled"] == 1 and edit["ignored"] == []
    edited = "Our biggest problem is recruiting engineers near Aylesbury"
    assert stored() == [("x:1557000000000000106", edited)]
    again = post_sample(x, "aaa_tweet_create_edited.json").json()  # X retries it
    assert again["handled"] == 0
    assert stored() == [("x:1557000000000000106", edited)]
    assert x.received == []  # a public view: never answered


def test_aaa_delete_and_revoke(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id="930000000000000008")
    answer = post_sample(x, "aaa_tweet_delete_events.json")
    assert answer.status == 200 and answer.json()["deleted"] == 0  # nothing of it was kept
    revoked = make_harness(x_bot_user_id="63000007")
    assert post_sample(revoked, "aaa_user_event.json").status == 200
    assert get_state("revoked")["user_id"] == "63000007"


@pytest.mark.parametrize(
    ("name", "counted"),
    [
        ("aaa_favorite_events.json", {"favorite_events": 1}),
        ("aaa_follow_events.json", {"follow_events": 1}),
        ("aaa_direct_message_indicate_typing_events.json", None),  # quiet, as XAA's
        ("aaa_direct_message_mark_read_events.json", None),
    ],
)
def test_aaa_activities_we_do_not_handle_are_answered_200_and_counted(
    make_harness: Any, name: str, counted: dict | None
) -> None:
    x = make_harness(x_bot_user_id=sample(name)["for_user_id"])
    answer = post_sample(x, name)
    assert answer.status == 200
    assert answer.json()["handled"] == 0 and len(answer.json()["ignored"]) == 1
    assert get_state(UNKNOWN_EVENT_TYPES) == counted
    assert x.received == [] and stored() == []


# --- X Activity API ------------------------------------------------------------------------


def test_xaa_dm_received_reaches_the_consultation(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id=XAA_BOT)
    assert post_sample(x, "xaa_dm_received.json").json()["handled"] == 1
    (message,) = x.received
    assert (message.sender_id, message.text) == (
        "x-dm-2222222222222222222",
        "Morning 👋 Is there funding to upskill set builders near Pinewood? We have 12 and want to "
        "train 4 more.",
    )
    assert message.metadata["x"]["screen_name"] == "hannah_sets"


@pytest.mark.parametrize(
    ("name", "text", "reply_to"),
    [
        (
            "xaa_post_mention_create.json",
            "A41 queues at Aston Clinton cost our vans 2 hours a day 🚚",
            "2080000000000000123",
        ),
        # display_text_range [14, 81] (one late, as in X's sample) would cut the "S": kept
        (
            "xaa_post_reply_create.json",
            "Skills, skills, skills: our Pinewood workshop can't find carpenters!",
            "2090000000000000001",
        ),
        # the t.co permalink to the quoted post lies outside display_text_range
        (
            "xaa_post_quote_create.json",
            "Roads first: the A355 into Beaconsfield is gridlocked every morning.",
            "2090000000000000002",
        ),
    ],
)
def test_xaa_summoning_posts_reach_the_consultation_with_the_authors_text(
    make_harness: Any, name: str, text: str, reply_to: str
) -> None:
    x = make_harness(x_bot_user_id=XAA_BOT)
    answer = post_sample(x, name)
    assert answer.status == 200 and answer.json()["handled"] == 1
    (message,) = x.received
    assert (message.sender_id, message.text) == ("x-post-2222222222222222222", text)
    assert message.output_channel.reply_to == reply_to
    # no hashtag, but a view the tagger finds themes in: answered, and kept as a view
    assert stored() == [(f"x:{reply_to}", text)]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("xaa_post_create.json", "own_message"),  # the filtered user's own post
        ("xaa_dm_sent.json", "not_a_message"),  # the bot's own DM echoed back
    ],
)
def test_xaa_the_bots_own_events_are_ignored(make_harness: Any, name: str, reason: str) -> None:
    x = make_harness(x_bot_user_id=XAA_BOT)
    answer = post_sample(x, name)
    assert answer.status == 200
    assert [i["reason"] for i in answer.json()["ignored"]] == [reason]
    assert x.received == [] and stored() == []
    assert get_state(UNKNOWN_EVENT_TYPES) is None


@pytest.mark.parametrize(
    "name",
    [
        "xaa_post_repost_create.json",
        "xaa_like_create.json",
        "xaa_follow_follow.json",
        "xaa_profile_update_bio.json",
        "xaa_chat_received.json",  # encrypted XChat: nothing we can read
    ],
)
def test_xaa_events_we_do_not_handle_are_answered_200_and_counted(
    make_harness: Any, name: str
) -> None:
    x = make_harness(x_bot_user_id=XAA_BOT)
    answer = post_sample(x, name)
    assert answer.status == 200 and answer.json()["handled"] == 0
    assert get_state(UNKNOWN_EVENT_TYPES) == {sample(name)["data"]["event_type"]: 1}
    assert x.received == [] and stored() == []


def test_xaa_delete_and_revoke(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id=XAA_BOT)
    answer = post_sample(x, "xaa_post_delete.json")
    assert answer.status == 200 and answer.json()["deleted"] == 0
    assert get_state("revoked") is None
    assert post_sample(x, "xaa_oauth_revoke.json").status == 200  # its filter is empty
    assert get_state("revoked")["user_id"] == XAA_BOT


# --- filtered stream -----------------------------------------------------------------------


def test_stream_lines_as_x_sends_them() -> None:
    def parse(line: bytes) -> Any:
        return parse_stream_line(line, "100", "#bucksLIS", 2000)

    assert parse(b"\r\n") == parse(b"")  # keep-alive: nothing, no problem
    assert not parse(b"\r\n").post_id and not parse(b"\r\n").problem
    post = parse(raw("stream_post.json").replace(b"\n", b""))
    ((item,), ignored) = (post.items, post.ignored)
    assert (item.kind, item.text, item.screen_name) == (
        "public",
        "Pinewood needs more stage crews trained locally 🎬",
        "stagecrew_sam",
    )
    assert post.post_id == "1234567890" and ignored == []
    no_author = parse(raw("stream_embedding_match.json"))
    assert no_author.post_id == "1784600000000000001" and no_author.items == []
    assert [i.reason for i in no_author.ignored] == ["malformed_event"]
    disconnect = parse(raw("stream_operational_disconnect.json"))
    assert disconnect.problem.startswith("operational-disconnect") and not disconnect.post_id
    too_many = parse(raw("stream_too_many_connections.json"))
    assert too_many.problem.startswith("ConnectionException") and not too_many.post_id
    cut = parse(raw("stream_post.json")[:60])  # a line cut by a dropped connection
    assert cut.problem and not cut.post_id and cut.items == []


def test_stream_reader_collects_xs_lines_past_errors_and_junk(make_harness: Any) -> None:
    fake = FakeX(bot_id="100", keepalive_seconds=0.02, stream_seconds=0.5).start()
    try:
        fake.rules = [{"id": "1", "value": "#bucksLIS -is:retweet -from:100", "tag": "bucks-lis"}]
        flat = json.dumps(sample("stream_post.json")).encode()
        fake.stream_queue = [
            raw("stream_operational_disconnect.json").replace(b"\n", b""),
            flat[:40],
            flat,
        ]
        client = OAuthXClient("k", "s", "t", "ts", api_base=fake.url, bearer_token="app-bearer")
        x = make_harness(client=client, x_api_base=fake.url, x_bearer_token="app-bearer")

        async def no_sleep(seconds: float) -> None:
            return None

        reader = StreamReader(
            x.channel, x.handle_message, x.channel.cfg, sleep=no_sleep, max_connections=1
        )
        x.loop.run_until_complete(reader.run())
    finally:
        fake.stop()
    assert stored() == [("x:1234567890", "Pinewood needs more stage crews trained locally 🎬")]
    assert x.received == []


def test_a_stream_edit_of_a_collected_post_replaces_it(make_harness: Any) -> None:
    x = make_harness()
    first = sample("stream_post_edited.json")
    first["data"].update(id="1234567890", text=sample("stream_post.json")["data"]["text"])
    first["data"]["edit_history_tweet_ids"] = ["1234567890"]
    parsed = parse_stream_line(json.dumps(first), "100", "#bucksLIS", 2000)
    edited = parse_stream_line(raw("stream_post_edited.json"), "100", "#bucksLIS", 2000)
    assert edited.items[0].dedupe_key == parsed.items[0].dedupe_key == "public:1234567890"
    handled, _ = x.loop.run_until_complete(x.channel.dispatch(parsed.items, x.handle_message))
    again, ignored = x.loop.run_until_complete(x.channel.dispatch(edited.items, x.handle_message))
    assert (handled, again, ignored) == (1, 1, [])
    assert stored() == [
        ("x:1234567891", "Pinewood needs more stage crews trained locally, and sooner 🎬")
    ]


def test_a_quote_first_collected_from_the_stream_is_still_answered_when_xaa_delivers_it(
    make_harness: Any,
) -> None:
    x = make_harness(x_bot_user_id=XAA_BOT)
    quote = sample("xaa_post_quote_create.json")["data"]["payload"]
    quote["text"] = "Broadband matters #bucksLIS https://t.co/QtA355xQ7n"
    quote["display_text_range"] = [0, 27]
    line = {"data": quote, "includes": {"users": []}, "matching_rules": [{"id": "1", "tag": "b"}]}
    from_stream = parse_stream_line(json.dumps(line), XAA_BOT, "#bucksLIS", 2000)
    assert [i.kind for i in from_stream.items] == ["public"]  # no includes.tweets: unknown
    x.loop.run_until_complete(x.channel.dispatch(from_stream.items, x.handle_message))
    delivery = sample("xaa_post_quote_create.json")
    delivery["data"]["payload"] = quote
    assert x.post_signed(delivery).json()["handled"] == 1
    assert [m.text for m in x.received] == ["Broadband matters"]
    assert stored() == [("x:2090000000000000002", "Broadband matters")]  # once


def test_a_filtered_stream_webhook_delivery_is_read_as_a_stream_post(make_harness: Any) -> None:
    x = make_harness()
    answer = post_sample(x, "stream_webhook_post.json")
    assert answer.status == 200  # the sample has no #bucksLIS: recognised, not for us
    assert answer.json()["ignored"] == [
        {"event_id": "1346000000000000115", "reason": "not_for_the_consultation"}
    ]
    assert get_state(UNKNOWN_EVENT_TYPES) is None
    tagged = sample("stream_webhook_post.json")
    tagged["data"]["text"] = "Broadband for #bucksLIS firms https://t.co/Web1narExp"
    assert x.post_signed(tagged).json()["handled"] == 1
    assert stored() == [("x:1346000000000000115", "Broadband for firms https://t.co/Web1narExp")]


# --- v2 DM lookup: not a webhook format -------------------------------------------------------


@pytest.mark.parametrize("name", ["v2_dm_events_lookup.json", "v2_dm_event_message_create.json"])
def test_a_v2_dm_lookup_body_posted_to_the_webhook_is_not_taken_for_a_dm(
    make_harness: Any, name: str
) -> None:
    x = make_harness(x_bot_user_id="945000006")
    answer = post_sample(x, name)
    assert answer.status == 200 and answer.json()["handled"] == 0
    assert x.received == [] and stored() == []


# --- signatures, CRC and broken bodies ---------------------------------------------------------


def test_crc_answer_follows_xs_algorithm(x: Harness) -> None:
    token = "bucks-lis-crc-check"  # any token X sends, as in its webhooks quickstart
    expected = base64.b64encode(
        hmac.new(SECRET.encode(), token.encode(), hashlib.sha256).digest()
    ).decode()
    answer = x.get(URL, f"crc_token={token}")
    assert answer.status == 200
    assert answer.json() == {"response_token": f"sha256={expected}"}


@pytest.mark.parametrize(
    "name", ["aaa_direct_message_events.json", "xaa_dm_received.json", "stream_webhook_post.json"]
)
def test_a_sample_with_a_wrong_or_missing_signature_is_403(make_harness: Any, name: str) -> None:
    x = make_harness(x_bot_user_id=AAA_BOT)
    body = raw(name)
    for headers in ({}, {"x-twitter-webhooks-signature": sign_body(body, "not-our-secret")}):
        answer = x.post(body, headers)
        assert answer.status == 403 and answer.json()["message"]
    altered = body.replace(b"{", b"{ ", 1)  # the same JSON, other bytes
    signed_original = {"x-twitter-webhooks-signature": sign_body(body, SECRET)}
    assert x.post(altered, signed_original).status == 403
    assert x.received == [] and stored() == []


@pytest.mark.parametrize(
    ("name", "bot"),
    [("aaa_direct_message_events.json", AAA_BOT), ("xaa_dm_received.json", XAA_BOT)],
)
def test_truncated_json_is_a_clear_400_and_xs_retry_is_handled(
    make_harness: Any, name: str, bot: str
) -> None:
    x = make_harness(x_bot_user_id=bot)
    body = raw(name)
    cut = body[: len(body) // 2]
    answer = x.post(cut, {"x-twitter-webhooks-signature": sign_body(cut, SECRET)})
    assert answer.status == 400
    assert answer.json()["error"] == "invalid_json" and answer.json()["message"]
    assert x.received == []
    assert post_sample(x, name).json()["handled"] == 1  # X retries a non-200: nothing lost
