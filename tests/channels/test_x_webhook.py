"""The X webhook through a real Sanic app (driven over ASGI, no network, no Rasa model):
Account Activity deliveries (XAA ones are in test_x_xaa.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.channels.x.client import OutboxClient
from bot.channels.x.output import XOutput
from bot.channels.x.signatures import crc_response_token, sign_body
from bot.channels.x.webhook import XInput
from tests.channels.x_harness import (
    BOT_ID,
    BOT_MENTION,
    BOT_MENTION_V2,
    SECRET,
    URL,
    USER_ID,
    Harness,
    dm,
    post,
    xaa,
)

# Sanic warns about server listeners on every ASGI request; that's expected here.
pytestmark = pytest.mark.filterwarnings("ignore:You have set a listener:UserWarning")


# --- challenge-response check ------------------------------------------------------------


def test_crc_token_matches_a_known_hmac() -> None:
    # openssl: printf %s TOKEN | openssl dgst -sha256 -hmac SECRET -binary | base64
    token = "9b4507b3-9040-4669-9ca3-6b94edb50553"
    secret = "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu"
    assert crc_response_token(token, secret) == (
        "sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8="
    )


def test_get_answers_the_crc_challenge(x: Harness) -> None:
    answer = x.get(URL, "crc_token=abc123")
    assert answer.status == 200
    assert answer.json() == {"response_token": crc_response_token("abc123", SECRET)}


def test_crc_needs_a_token_and_a_secret(x: Harness, make_harness: Any) -> None:
    assert x.get(URL).status == 400
    unconfigured = make_harness(x_consumer_secret="")
    answer = unconfigured.get(URL, "crc_token=abc123")
    assert answer.status == 503
    assert answer.json()["error"] == "x_not_configured"


def test_the_crc_endpoint_is_not_a_signing_oracle_for_webhook_bodies(x: Harness) -> None:
    # CRC and POST signatures are the same HMAC under the same secret: a "token" that is a
    # JSON body must not be signed, or anyone could forge a webhook with its answer.
    from urllib.parse import quote

    forged = json.dumps(dm("forged message"))
    answer = x.get(URL, "crc_token=" + quote(forged))
    assert answer.status == 400
    assert answer.json()["error"] == "invalid_crc_token"
    assert x.get(URL, "crc_token=" + "a" * 513).status == 400
    assert x.get(URL, "crc_token=" + quote("aB3-_=+/.:~", safe="")).status == 200


def test_health_says_whether_the_webhook_is_ready(x: Harness) -> None:
    answer = x.get("/webhooks/x/")
    assert answer.status == 200
    assert answer.json() == {"status": "ok", "webhook": "ready", "replies": "outbox"}


# --- signatures and bodies -----------------------------------------------------------------


def test_signed_dm_reaches_rasa_with_sender_text_and_channel(x: Harness) -> None:
    answer = x.post_signed(dm("We need faster broadband in Aylesbury"))
    assert answer.status == 200
    assert answer.json()["handled"] == 1
    (message,) = x.received
    assert message.sender_id == "x-dm-200"
    assert message.text == "We need faster broadband in Aylesbury"
    assert message.input_channel == "x"
    assert message.message_id == "9001"
    assert message.metadata["x"]["kind"] == "dm"
    assert message.metadata["x"]["public"] is False
    assert message.metadata["x"]["screen_name"] == "chilternwidgets"
    assert isinstance(message.output_channel, XOutput)


def test_signature_check_is_on_the_exact_raw_bytes(x: Harness) -> None:
    # Same JSON, different whitespace: the signature of the other bytes does not fit.
    body = json.dumps(dm("hello")).encode()
    reformatted = json.dumps(dm("hello"), indent=2).encode()
    answer = x.post(reformatted, {"x-twitter-webhooks-signature": sign_body(body, SECRET)})
    assert answer.status == 403
    assert x.received == []


@pytest.mark.parametrize(
    ("header", "status", "code"),
    [
        (None, 403, "missing_signature"),
        ("", 403, "missing_signature"),
        ("sha1=abcd", 403, "malformed_signature"),
        ("sha256=", 403, "malformed_signature"),
        ("sha256=not*base64!", 403, "malformed_signature"),
        ("sha256=c2hvcnQ=", 403, "malformed_signature"),
        ("sha256=" + "A" * 43 + "=", 403, "invalid_signature"),
    ],
)
def test_missing_or_malformed_or_forged_signatures_are_refused(
    x: Harness, header: str | None, status: int, code: str
) -> None:
    headers = {} if header is None else {"x-twitter-webhooks-signature": header}
    answer = x.post(json.dumps(dm("hello")).encode(), headers)
    assert answer.status == status
    assert answer.json()["error"] == code
    assert answer.json()["message"]
    assert x.received == []


def test_signature_made_with_another_secret_is_refused(x: Harness) -> None:
    answer = x.post_signed(dm("hello"), secret="someone-elses-secret")
    assert answer.status == 403
    assert answer.json()["error"] == "invalid_signature"
    assert x.received == []


def test_without_a_consumer_secret_webhooks_are_refused(make_harness: Any) -> None:
    unconfigured = make_harness(x_consumer_secret="")
    body = json.dumps(dm("hello")).encode()
    answer = unconfigured.post(body, {"x-twitter-webhooks-signature": sign_body(body, "")})
    assert answer.status == 503
    assert "X_CONSUMER_SECRET" in answer.json()["message"]
    assert unconfigured.received == []


def test_oversized_bodies_are_refused_before_anything_else(make_harness: Any) -> None:
    x = make_harness(rasa_max_body_bytes=100_000)  # the server's one limit, also X's
    payload = dm("a" * 100_000)
    answer = x.post_signed(payload)
    assert answer.status == 413
    assert answer.json()["error"] == "too_large"
    assert "100000 bytes" in answer.json()["message"]
    assert x.received == []


def test_xs_largest_deliveries_are_taken_in(x: Harness) -> None:
    """A 25,000-character post quoting another, whole, in \\u escapes as X writes them:
    69 KB refused at 64 KB (X format probe, 7 Dec). The largest XAA shape: the post
    repeated in `includes.tweets` with the quoted one, every character an emoji (two of
    X's characters, 12 bytes escaped): about 450 KB, under RASA_MAX_BODY_BYTES."""
    emoji = "\U0001f69a" * 12_490  # 24,980 of X's characters, with "@BucksLEPbot "

    def longpost(tweet_id: str, author: str, text: str) -> dict[str, Any]:
        return {
            "id": tweet_id,
            "author_id": author,
            "text": text[:280],
            "note_tweet": {"text": text, "entities": {"mentions": [BOT_MENTION_V2]}},
            "referenced_tweets": [{"type": "quoted", "id": "8011"}],
        }

    quoting = longpost("8012", USER_ID, f"@BucksLEPbot {emoji}")
    quoted = longpost("8011", "300", emoji)
    payload = xaa("post.quote.create", quoting, includes={"tweets": [quoting, quoted]})
    body = json.dumps(payload).encode()  # ensure_ascii: every emoji "\\ud83d\\ude9a"
    assert 400_000 < len(body) < 1_000_000
    answer = x.post(body, {"x-twitter-webhooks-signature": sign_body(body, SECRET)})
    assert answer.status == 200 and answer.json()["handled"] == 1
    assert x.received[0].text.startswith("\U0001f69a")


def test_malformed_json_is_a_400_even_when_signed(x: Harness) -> None:
    for body in (b"{not json", b"\xff\xfe", b"[1, 2]", b""):
        answer = x.post(body, {"x-twitter-webhooks-signature": sign_body(body, SECRET)})
        assert answer.status == 400, body
        assert answer.json()["error"] == "invalid_json"
    assert x.received == []


# --- which events reach Rasa ----------------------------------------------------------------


def test_replayed_event_ids_are_handled_once(x: Harness) -> None:
    first = x.post_signed(dm("Skills are our problem", event_id="777"))
    again = x.post_signed(dm("Skills are our problem", event_id="777"))
    assert first.json()["handled"] == 1
    assert again.status == 200
    assert again.json()["handled"] == 0
    assert again.json()["ignored"] == [{"event_id": "777", "reason": "duplicate"}]
    assert len(x.received) == 1


def test_a_dm_whose_handler_died_mid_turn_is_answered_on_xs_retry(x: Harness) -> None:
    """A process that dies mid-turn never releases its claim; X's retry within its five
    minutes must reach Rasa, not be dropped as a duplicate (fault probe, 7 Dec)."""
    from datetime import timedelta

    from bot.channels.x.memory import DbSeenEvents

    dead = DbSeenEvents(x.channel.engine, lease=timedelta(seconds=-1))
    assert dead.seen("dm:778") is False  # claimed by a replica that then died: no done()
    retry = x.post_signed(dm("Skills are our problem", event_id="778"))
    assert retry.json()["handled"] == 1
    assert [m.message_id for m in x.received] == ["778"]
    again = x.post_signed(dm("Skills are our problem", event_id="778"))
    assert again.json()["ignored"] == [{"event_id": "778", "reason": "duplicate"}]


def test_a_database_fault_is_a_503_that_x_retries(x: Harness, monkeypatch: Any) -> None:
    """Not Sanic's bare 500: the channel's JSON error with Retry-After (fault probe)."""
    from sqlalchemy.exc import OperationalError

    def down(key: str) -> bool:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(x.channel.seen, "seen", down)
    answer = x.post_signed(dm("Skills are our problem", event_id="779"))
    assert answer.status == 503
    assert answer.json()["error"] == "unavailable"
    assert answer.headers["retry-after"] == "30"
    assert x.received == []


def test_the_bots_own_messages_are_ignored(x: Harness) -> None:
    answer = x.post_signed(dm("Thanks for taking part", sender=BOT_ID))
    assert answer.json()["ignored"] == [{"event_id": "9001", "reason": "own_message"}]
    own_post = post("Tell us what you think #bucksLIS", author=BOT_ID)
    assert x.post_signed(own_post).json()["ignored"][0]["reason"] == "own_message"
    assert x.received == []


def test_events_for_another_account_are_ignored(x: Harness) -> None:
    payload = dm("hello")
    payload["for_user_id"] = "999"
    answer = x.post_signed(payload)
    assert answer.status == 200
    assert answer.json()["ignored"][0]["reason"] == "other_account"
    assert x.received == []


def test_without_knowing_the_bots_id_nothing_is_handled(make_harness: Any) -> None:
    unknown = make_harness(x_bot_user_id="")
    payload = dm("hello")
    del payload["for_user_id"]
    answer = unknown.post_signed(payload)
    assert answer.json()["ignored"] == [{"event_id": "", "reason": "unknown_account"}]
    assert unknown.received == []
    # X always says which account an event is for: that is enough
    assert unknown.post_signed(dm("hello")).json()["handled"] == 1


def stored_posts(database_url: str) -> list[tuple[str, str, str, str, list[str]]]:
    """(channel, sender id, external id, text, model themes) of every stored response."""
    from sqlalchemy import select

    from bot.storage.db import engine_for, session_scope
    from bot.storage.models import Conversation, Response, ResponseTheme

    with session_scope(engine_for(database_url)) as s:
        rows = s.execute(
            select(
                Conversation.channel,
                Conversation.sender_id,
                Response.external_id,
                Response.text,
                Response.id,
            )
            .join(Response, Response.conversation_id == Conversation.id)
            .order_by(Response.id)
        ).all()
        return [
            (
                c,
                sender,
                ext,
                text,
                sorted(
                    s.scalars(
                        select(ResponseTheme.theme_id).where(
                            ResponseTheme.response_id == rid, ResponseTheme.source == "model"
                        )
                    )
                ),
            )
            for c, sender, ext, text, rid in rows
        ]


def test_unsummoned_hashtag_post_is_collected_and_tagged_never_answered(
    x: Harness, database_url: str
) -> None:
    text = "@someone Our lab in Stokenchurch needs more space #BUCKSlis &amp; better roads"
    answer = x.post_signed(post(text))
    assert answer.json()["handled"] == 1
    assert x.received == []  # not a conversation: nothing goes to Rasa
    assert x.outbox.entries == []  # and no reply is attempted
    ((channel, sender, external, stored, themes),) = stored_posts(database_url)
    assert (channel, sender, external) == ("x_post", USER_ID, "x:5001")
    # "@someone" is not the bot: the author's words, kept (X format probe, 7 Dec)
    assert stored == "@someone Our lab in Stokenchurch needs more space & better roads"
    assert "infrastructure" in themes  # tagged by the consultation's own tagger
    # X redelivers it: stored once
    assert x.post_signed(post(text)).json()["ignored"] == [
        {"event_id": "5001", "reason": "duplicate"}
    ]
    assert len(stored_posts(database_url)) == 1


def test_a_summoned_post_with_the_hashtag_is_answered_and_collected(
    x: Harness, database_url: str
) -> None:
    mention = post(
        "@BucksLEPbot our broadband is too slow #bucksLIS",
        entities={"hashtags": [{"text": "bucksLIS"}], "user_mentions": [BOT_MENTION]},
    )
    assert x.post_signed(mention).json()["handled"] == 1
    (message,) = x.received
    assert message.sender_id == "x-post-200"
    assert message.text == "our broadband is too slow"
    assert message.metadata["x"]["public"] is True
    assert message.metadata["x"]["tweet_id"] == "5001"
    assert [row[:3] for row in stored_posts(database_url)] == [("x_post", USER_ID, "x:5001")]


def test_post_mentioning_the_bot_counts_without_the_hashtag(x: Harness) -> None:
    mention = post(
        "@BucksLEPbot what is the Arc?",
        entities={"hashtags": [], "user_mentions": [BOT_MENTION]},
    )
    reply = post("yes please", tweet_id="5002", in_reply_to_user_id_str=BOT_ID)
    x.post_signed(mention)
    x.post_signed(reply)
    assert [m.text for m in x.received] == ["what is the Arc?", "yes please"]


def test_unrelated_posts_and_retweets_are_ignored(x: Harness) -> None:
    unrelated = post("Lovely day in Marlow")
    retweet = post("RT @other: we love #bucksLIS", tweet_id="5003")
    quoted_rt = post("#bucksLIS", tweet_id="5004", retweeted_status={"id_str": "1"})
    reasons = [
        x.post_signed(p).json()["ignored"][0]["reason"] for p in (unrelated, retweet, quoted_rt)
    ]
    assert reasons == ["not_for_the_consultation", "retweet", "retweet"]
    assert x.received == []


def test_long_posts_use_the_full_text(x: Harness, database_url: str) -> None:
    payload = post(
        "Truncated text… https://t.co/x",
        truncated=True,
        extended_tweet={"full_text": "The full story of our barriers #bucksLIS", "entities": {}},
    )
    x.post_signed(payload)
    assert [row[3] for row in stored_posts(database_url)] == ["The full story of our barriers"]


def test_a_dm_over_max_message_chars_is_answered_too_long_not_cut(make_harness: Any) -> None:
    """X allows 10,000 characters in a DM; cut to ours, most of a view would be stored
    without a word. The business is told, as the widget tells it, and nothing reaches Rasa."""
    capped = make_harness(max_message_chars=50)
    answer = capped.post_signed(dm("x" * 500))
    assert capped.received == []
    assert answer.json()["ignored"] == [{"event_id": "9001", "reason": "too_long"}]
    (entry,) = capped.outbox.entries
    assert "too long" in json.dumps(entry.json) and "50 characters" in json.dumps(entry.json)
    capped.post_signed(dm("x" * 50, event_id="9002"))  # at the limit: taken in whole
    assert capped.received[0].text == "x" * 50


def test_a_post_over_max_message_chars_is_kept_whole_and_reaches_rasa_marked_cut(
    make_harness: Any, database_url: str
) -> None:
    """A long post's last words (often its ask) were cut at MAX_MESSAGE_CHARS, from Rasa
    and from the view stored, without a sign (X format probe, 7 Dec). A DM is refused as
    too long; a post is not answered so (a public reply costs and is seen by all): the
    view keeps it whole and Rasa gets its opening marked as cut, for staff to see."""
    capped = make_harness(max_message_chars=100)
    words = "Our Aylesbury joinery cannot find apprentices. " * 6
    text = f"@BucksLEPbot {words}THE ASK: fund a skills hub #bucksLIS"
    mention = post(
        text, entities={"hashtags": [{"text": "bucksLIS"}], "user_mentions": [BOT_MENTION]}
    )
    assert capped.post_signed(mention).json()["handled"] == 1
    (message,) = capped.received
    assert len(message.text) <= 100 and message.text.endswith("apprentices. [\u2026]")
    assert [row[3] for row in stored_posts(database_url)] == [f"{words}THE ASK: fund a skills hub"]
    public = post(f"{words}THE ASK: rail to Aylesbury #bucksLIS", tweet_id="5002")
    assert capped.post_signed(public).json()["handled"] == 1
    assert stored_posts(database_url)[1][3].endswith("THE ASK: rail to Aylesbury")
    assert capped.outbox.entries == []  # nothing said in public about the length


def test_a_dm_of_only_a_photo_is_asked_for_words_not_dropped_in_silence(x: Harness) -> None:
    """X puts the photo's link in the text; without it nothing is left to read, and the
    business heard nothing back (attack probe, 7 Dec)."""
    photo = {"type": "media", "media": {"url": "https://t.co/abc"}}
    answer = x.post_signed(dm("https://t.co/abc", attachment=photo))
    assert answer.json()["ignored"] == [{"event_id": "9001", "reason": "empty"}]
    assert x.received == []
    (entry,) = x.outbox.entries
    assert "only read text messages" in json.dumps(entry.json)


@pytest.mark.parametrize(
    "typed", ["#bucksLIS", "#BucksLIS", "\uff03bucksLIS", "@BucksLEPbot", "@BucksLEPbot #bucksLIS"]
)
def test_a_dm_of_only_the_hashtag_or_the_bots_handle_starts_the_chat(
    x: Harness, typed: str
) -> None:
    """A business starting the chat with the campaign's tag or the bot's handle was told
    it had sent no words, the photo-only reply (X format probe, 7 Dec): Rasa gets it as
    typed and greets it as it greets "hi"."""
    payload = dm(typed)
    payload["users"][BOT_ID] = {"id": BOT_ID, "screen_name": "BucksLEPbot"}  # as X sends
    answer = x.post_signed(payload)
    assert answer.json()["handled"] == 1
    assert [m.text for m in x.received] == [typed]
    assert x.outbox.entries == []


def test_handles_the_author_wrote_stay_and_invisible_characters_go(x: Harness) -> None:
    """Every @handle was deleted: "Talk to @BucksCouncil and @TfBucks" reached Rasa as
    "Talk to and"; a zero-width space stayed in an X DM that the widget drops (X format
    probe, 7 Dec). Only X's reply prefix and the bot's own handle as addressee go."""
    said = "Talk to @BucksCouncil and @TfBucks about the A413; we open @10am"
    x.post_signed(dm(said, event_id="1"))
    x.post_signed(dm("email cellar@chalkridge\u200bvineyard.co.uk\u00a0please", event_id="2"))
    tfbucks = {"screen_name": "TfBucks", "id_str": "555"}
    reply = post(  # in a thread: X's prefix names everyone replied to, before the range
        "@wendoverbakery @BucksLEPbot Ask @TfBucks why the A413 at Wendover floods",
        tweet_id="5003",
        display_text_range=[29, 73],
        in_reply_to_user_id_str=BOT_ID,
        entities={"user_mentions": [{**BOT_MENTION, "indices": [16, 28]}, tfbucks]},
    )
    x.post_signed(reply)
    addressed = post(
        "@BucksLEPbot @TfBucks: the A413 floods every winter",
        tweet_id="5004",
        entities={"user_mentions": [BOT_MENTION, tfbucks]},
    )
    x.post_signed(addressed)
    assert [m.text for m in x.received] == [
        said,
        "email cellar@chalkridgevineyard.co.uk please",
        "Ask @TfBucks why the A413 at Wendover floods",
        "@TfBucks: the A413 floods every winter",
    ]


def test_a_full_width_hashtag_is_the_hashtag(x: Harness, database_url: str) -> None:
    """X reads "＃bucksLIS" as the tag; we ignored the post (X format probe, 7 Dec)."""
    assert x.post_signed(post("Rents in Marlow \uff03bucksLIS")).json()["handled"] == 1
    assert [row[3] for row in stored_posts(database_url)] == ["Rents in Marlow"]


def test_a_dm_timestamp_that_is_not_ascii_digits_counts_as_absent(x: Harness) -> None:
    """ "²" passed `isdigit()` and `int()` raised: a correctly signed delivery was a 500
    (attack probe, 7 Dec)."""
    payload = dm("hello there")
    payload["direct_message_events"][0]["created_timestamp"] = "\u00b2"
    answer = x.post_signed(payload)
    assert answer.status == 200
    assert [m.text for m in x.received] == ["hello there"]


def test_a_message_that_is_only_a_hashtag_is_not_sent_to_rasa(x: Harness) -> None:
    bot = {**BOT_MENTION, "indices": [10, 22]}
    answer = x.post_signed(post("#bucksLIS @BucksLEPbot", entities={"user_mentions": [bot]}))
    assert answer.json()["ignored"] == [{"event_id": "5001", "reason": "empty"}]
    assert x.received == []


def test_a_dm_quick_reply_sends_its_payload(x: Harness) -> None:
    payload = dm(
        "Yes, I'll take part",
        quick_reply_response={"type": "options", "metadata": "/consent_agree"},
    )
    x.post_signed(payload)
    assert x.received[0].text == "/consent_agree"


def test_a_numbered_public_reply_picks_the_offered_button(x: Harness) -> None:
    buttons = [
        {"title": "Space industry", "payload": '/choose_island{"island": "space"}'},
        {"title": "Film and TV", "payload": '/choose_island{"island": "film"}'},
    ]
    output = x.channel.output_for(_inbound())
    x.loop.run_until_complete(
        output.send_text_with_buttons("x-post-200", "Which matter to you?", buttons)
    )
    reply = {"in_reply_to_user_id_str": BOT_ID, "in_reply_to_screen_name": "BucksLEPbot"}
    x.post_signed(post("@BucksLEPbot 2", tweet_id="5010", **reply))
    x.post_signed(post("@BucksLEPbot space industry", tweet_id="5011", **reply))
    assert [m.text for m in x.received] == [
        '/choose_island{"island": "film"}',
        '/choose_island{"island": "space"}',
    ]


def _inbound() -> Any:
    from bot.channels.x.inbound import Inbound

    return Inbound("post", "5000", USER_ID, "hi", tweet_id="5000")


def test_one_failing_message_does_not_lose_the_others(make_harness: Any) -> None:
    harness = make_harness(fail_on="boom")
    payload = dm("boom", event_id="1")
    payload["direct_message_events"] += dm("still here", event_id="2")["direct_message_events"]
    answer = harness.post_signed(payload)
    # not a 200: X redelivers, so the failed message is taken again, and only it
    assert answer.status == 503 and answer.headers["retry-after"] == "30"
    assert answer.json()["handled"] == 1
    assert answer.json()["ignored"] == [{"event_id": "1", "reason": "error"}]
    assert [m.text for m in harness.received] == ["still here"]
    again = harness.post_signed(payload)  # X's retry of the same delivery
    assert again.status == 503  # "boom" fails again here; X gives up after three tries
    assert again.json()["handled"] == 0
    assert {"event_id": "2", "reason": "duplicate"} in again.json()["ignored"]
    assert [m.text for m in harness.received] == ["still here"]  # not answered twice


def test_other_account_activity_is_acknowledged_ignored_and_counted(x: Harness) -> None:
    from bot.channels.x.state import UNKNOWN_EVENT_TYPES, get_state

    answer = x.post_signed({"for_user_id": BOT_ID, "favorite_events": [{"id": "1"}]})
    assert answer.status == 200
    assert answer.json() == {
        "status": "ok",
        "handled": 0,
        "deleted": 0,
        "ignored": [{"event_id": "1", "reason": "not_handled"}],
    }
    assert get_state(UNKNOWN_EVENT_TYPES) == {"favorite_events": 1}
    assert x.received == []


def test_the_channel_is_named_x_and_reads_no_secrets_from_credentials() -> None:
    assert XInput.name() == "x"
    channel = XInput.from_credentials({"consumer_secret": "should-not-be-here"})
    assert isinstance(channel, XInput)
    assert channel.url_prefix() == "x"


def test_registered_the_way_rasa_does_from_credentials_yml(
    make_harness: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    from bot.config import settings

    monkeypatch.setenv("X_CONSUMER_SECRET", SECRET)
    monkeypatch.setenv("X_BOT_USER_ID", BOT_ID)
    monkeypatch.setenv("BUCKS_LIS_VAR_DIR", str(tmp_path))
    for name in ("X_CONSUMER_KEY", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET", "X_HASHTAG"):
        monkeypatch.delenv(name, raising=False)
    settings.cache_clear()
    try:
        rasa = make_harness(via_rasa=True)
        assert isinstance(rasa.outbox, OutboxClient)  # no OAuth values: nothing sent to X
        assert rasa.get(URL, "crc_token=t").json() == {
            "response_token": crc_response_token("t", SECRET)
        }
        assert rasa.post_signed(dm("hello from X")).json()["handled"] == 1
        assert [(m.sender_id, m.text, m.input_channel) for m in rasa.received] == [
            ("x-dm-200", "hello from X", "x")
        ]
    finally:
        settings.cache_clear()


# --- posts deleted by their authors ----------------------------------------------------------


def test_a_deleted_post_is_forgotten(x: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.consultation import service
    from bot.storage.erasure import ErasureResult

    calls: list[tuple[str, str]] = []

    def forget(sender_id: str, tweet_id: str) -> ErasureResult:
        calls.append((sender_id, tweet_id))
        return ErasureResult(businesses=0, responses=1, events=1)

    monkeypatch.setattr(service, "forget_x_post", forget)
    answer = x.post_signed(
        {
            "for_user_id": BOT_ID,
            "tweet_delete_events": [
                {"status": {"id": "5001", "user_id": USER_ID}, "timestamp_ms": "1700000000000"},
                {"status": "malformed"},
                {"no_status": 1},
                "junk",
            ],
        }
    )
    assert answer.status == 200
    assert answer.json()["deleted"] == 1 and answer.json()["handled"] == 0
    assert calls == [(f"x-post-{USER_ID}", "5001")]
    assert x.received == []


def test_account_activity_revoke_of_the_bot_stops_sending(x: Harness) -> None:
    from bot.channels.x.state import get_state

    other = {
        "user_event": {
            "revoke": {
                "date_time": "2026-11-30T05:00:00Z",
                "target": {"app_id": "1"},
                "source": {"user_id": "999"},
            }
        },
        "for_user_id": BOT_ID,
    }
    assert x.post_signed(other).status == 200
    assert get_state("revoked") is None  # someone else's revocation: nothing held for them
    mine = {
        **other,
        "user_event": {"revoke": {**other["user_event"]["revoke"], "source": {"user_id": BOT_ID}}},
    }
    assert x.post_signed(mine).status == 200
    assert get_state("revoked")["user_id"] == BOT_ID
    out = x.channel.get_output_channel()
    x.loop.run_until_complete(out.send_text_message("x-dm-200", "hello"))
    assert x.outbox.entries == []
