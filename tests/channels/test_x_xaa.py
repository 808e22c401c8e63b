"""X Activity API (XAA) deliveries at the same webhook as Account Activity ones."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.channels.x.signatures import sign_body
from bot.channels.x.state import UNKNOWN_EVENT_TYPES, get_state
from bot.storage.db import session_scope
from bot.storage.models import Response
from tests.channels.x_harness import (
    BOT_ID,
    BOT_MENTION_V2,
    SECRET,
    USER_ID,
    Harness,
    dm,
    xaa,
    xaa_dm,
    xaa_post,
)

pytestmark = pytest.mark.filterwarnings("ignore:You have set a listener:UserWarning")


def responses() -> list[tuple[str | None, str]]:
    with session_scope() as s:
        return [(r.external_id, r.text) for r in s.scalars(select(Response).order_by(Response.id))]


def fields(message: Any) -> tuple:
    return (
        message.sender_id,
        message.text,
        message.input_channel,
        message.message_id,
        message.metadata,
    )


def test_dm_received_reaches_rasa_exactly_as_an_account_activity_dm(
    make_harness: Any,
) -> None:
    via_aa, via_xaa = make_harness(), make_harness()
    assert via_aa.post_signed(dm("We need faster broadband")).json()["handled"] == 1
    via_aa.channel.seen.release("dm:9001")  # the same event again, as if new
    assert via_xaa.post_signed(xaa_dm("We need faster broadband")).json()["handled"] == 1
    assert fields(via_xaa.received[0]) == fields(via_aa.received[0])
    assert via_xaa.received[0].metadata["x"]["screen_name"] == "chilternwidgets"


def test_a_dm_quick_reply_delivered_by_xaa_sends_its_payload(x: Harness) -> None:
    x.post_signed(
        xaa_dm("Yes", quick_reply_response={"type": "options", "metadata": "/consent_agree"})
    )
    assert [m.text for m in x.received] == ["/consent_agree"]


def test_the_same_dm_from_both_apis_is_handled_once(x: Harness) -> None:
    """While both are subscribed (the migration), X sends each DM twice."""
    assert x.post_signed(dm("Skills", event_id="777")).json()["handled"] == 1
    again = x.post_signed(xaa_dm("Skills", event_id="777", uuid_="other-uuid")).json()
    assert again["handled"] == 0
    assert again["ignored"] == [{"event_id": "777", "reason": "duplicate"}]
    assert len(x.received) == 1


@pytest.mark.parametrize(
    ("event_type", "extra"),
    [
        ("post.mention.create", {"entities": {"mentions": [BOT_MENTION_V2]}}),
        (
            "post.reply.create",
            {
                "in_reply_to_user_id": BOT_ID,
                "referenced_tweets": [{"type": "replied_to", "id": "4000"}],
                "display_text_range": [13, 29],  # X's reply prefix lies before it
            },
        ),
        (
            "post.quote.create",
            {
                "referenced_tweets": [{"type": "quoted", "id": "4000"}],
                "entities": {"mentions": [BOT_MENTION_V2]},
            },
        ),
    ],
)
def test_summoning_posts_are_answered_in_public(x: Harness, event_type: str, extra: dict) -> None:
    answer = x.post_signed(xaa_post(event_type, "@BucksLEPbot what is the Arc?", **extra))
    assert answer.json()["handled"] == 1
    (message,) = x.received
    assert (message.sender_id, message.text) == ("x-post-200", "what is the Arc?")
    assert message.metadata["x"]["public"] is True
    assert message.output_channel.reply_to == "5001"  # the thread starts under their post
    assert responses() == []  # no hashtag: a conversation, not a public view


def test_an_unsummoned_post_create_with_the_hashtag_is_collected_not_answered(
    x: Harness,
) -> None:
    answer = x.post_signed(
        xaa_post(
            "post.create",
            "Rail links to Aylesbury are poor #bucksLIS",
            entities={"hashtags": [{"tag": "bucksLIS"}]},
        )
    )
    assert answer.json()["handled"] == 1
    assert x.received == [] and x.outbox.entries == []
    assert responses() == [("x:5001", "Rail links to Aylesbury are poor")]


def test_post_delete_removes_a_collected_post(x: Harness) -> None:
    x.post_signed(xaa_post("post.create", "Broadband is poor #bucksLIS"))
    assert len(responses()) == 1
    answer = x.post_signed(xaa("post.delete", {"id": "5001", "author_id": USER_ID}, "7002"))
    assert answer.json()["deleted"] == 1
    assert responses() == []


def test_oauth_revoke_of_the_bot_account_stops_sending(x: Harness) -> None:
    answer = x.post_signed(
        xaa(
            "oauth.revoke",
            {"date_time": "2026-11-30T05:00:00+00:00", "user_id": BOT_ID, "app_id": "29820954"},
        )
    )
    assert answer.status == 200
    assert get_state("revoked")["user_id"] == BOT_ID
    x.post_signed(xaa_dm("hello", uuid_="7003"))
    assert len(x.received) == 1  # still heard and stored ...
    x.loop.run_until_complete(x.received[0].output_channel.send_text_message("x-dm-200", "Thanks"))
    assert x.outbox.entries == []  # ... but nothing is sent until staff restore access


def test_unknown_event_types_are_ignored_and_counted(x: Harness) -> None:
    for uuid_ in ("1", "2"):
        answer = x.post_signed(xaa("profile.update.bio", {"before": "a", "after": "b"}, uuid_))
        assert answer.status == 200
        assert answer.json()["ignored"] == [{"event_id": uuid_, "reason": "unknown_event_type"}]
    x.post_signed(xaa("dm.sent", {"direct_message_events": []}, "3"))  # our own echo: quiet
    assert get_state(UNKNOWN_EVENT_TYPES) == {"profile.update.bio": 2}
    assert x.received == [] and responses() == []


# --- hostile or broken deliveries: nothing stored, nothing reaches Rasa ---------------------


def test_forged_and_oversized_xaa_deliveries_are_refused(x: Harness) -> None:
    body = json.dumps(xaa_post("post.create", "Forged #bucksLIS")).encode()
    assert x.post(body, {"x-twitter-webhooks-signature": sign_body(body, "not-ours")}).status == 403
    assert x.post(body, {}).status == 403
    huge = xaa_post("post.create", "#bucksLIS " + "a" * 1_000_000)  # RASA_MAX_BODY_BYTES
    assert x.post_signed(huge).status == 413
    assert x.received == [] and responses() == []


@pytest.mark.parametrize(
    "payload",
    [
        {"data": {"event_type": "dm.received", "payload": "junk"}},
        {"data": {"event_type": "dm.received", "payload": {"direct_message_events": "x"}}},
        {"data": {"event_type": "post.mention.create", "payload": {"text": "no id"}}},
        {"data": {"event_type": "post.create", "payload": None}},
        {"data": {"event_type": "post.delete", "payload": {"id": "5001"}}},
        {"data": {"event_type": "oauth.revoke", "payload": {}}},
        {"data": [{"event_type": "dm.received"}, "junk"]},
        {"data": {"event_type": 5}},
    ],
)
def test_malformed_xaa_deliveries_are_ignored(x: Harness, payload: dict) -> None:
    answer = x.post_signed(payload)
    assert answer.status == 200
    assert answer.json()["handled"] == 0 and answer.json()["deleted"] == 0
    assert x.received == [] and responses() == []
    assert get_state("revoked") is None


def test_a_replayed_xaa_delivery_is_handled_once(x: Harness) -> None:
    delivery = xaa_post("post.create", "Broadband is poor #bucksLIS")
    assert x.post_signed(delivery).json()["handled"] == 1
    replay = x.post_signed(delivery).json()
    assert replay["handled"] == 0 and replay["ignored"][0]["reason"] == "duplicate"
    assert len(responses()) == 1


def test_xaa_events_for_the_bot_itself_are_not_answered(x: Harness) -> None:
    answer = x.post_signed(xaa_post("post.create", "Our own post #bucksLIS", author=BOT_ID))
    assert answer.json()["ignored"] == [{"event_id": "5001", "reason": "own_message"}]
    assert x.post_signed(xaa_dm("our DM", sender=BOT_ID, uuid_="2")).json()["handled"] == 0


def test_without_the_bots_id_the_subscription_filter_says_whose_events_these_are(
    make_harness: Any,
    x: Harness,
) -> None:
    unknown = make_harness(x_bot_user_id="")
    unfiltered = xaa_dm("hello")
    unfiltered["data"]["filter"] = {}
    answer = unknown.post_signed(unfiltered)
    assert answer.json()["ignored"] == [{"event_id": "7001", "reason": "unknown_account"}]
    assert unknown.received == []
    # the filter names the subscribed account (as Account Activity's for_user_id does)
    assert unknown.post_signed(xaa_dm("hello", uuid_="2")).json()["handled"] == 1
    other = xaa_dm("hello", event_id="9002", uuid_="3")
    other["data"]["filter"] = {"user_id": "999"}
    assert x.post_signed(other).json()["ignored"] == [{"event_id": "3", "reason": "other_account"}]


def test_signatures_are_unchanged_for_xaa(x: Harness) -> None:
    assert SECRET and x.post_signed(xaa_dm("hello")).status == 200
    with session_scope() as s:
        assert s.scalar(select(func.count()).select_from(Response)) == 0
