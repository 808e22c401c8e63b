"""End to end: signed X webhooks into the real stack (`bucks-lis run`), stored with channel x.

Nothing goes to X: without the four OAuth values the channel records its replies in
`$BUCKS_LIS_VAR_DIR/x-outbox.jsonl`, which this test reads.
"""

from __future__ import annotations

import json
import random
import time
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text

from bot.channels.x.signatures import crc_response_token
from tests.channels.x_harness import BOT_MENTION, LiveX

pytestmark = pytest.mark.slow

BOT_ID = "100"


def _post(stack: Any, payload: dict[str, Any]) -> requests.Response:
    return LiveX(stack).deliver(payload)


def _dm(user_id: str, event_id: str, text_: str, quick: str = "") -> dict[str, Any]:
    data: dict[str, Any] = {"text": text_, "entities": {}}
    if quick:
        data["quick_reply_response"] = {"type": "options", "metadata": quick}
    return {
        "for_user_id": BOT_ID,
        "direct_message_events": [
            {
                "type": "message_create",
                "id": event_id,
                "created_timestamp": "1700000000000",
                "message_create": {
                    "target": {"recipient_id": BOT_ID},
                    "sender_id": user_id,
                    "message_data": data,
                },
            }
        ],
    }


def _wait_for(query: str, params: dict[str, Any], url: str, timeout: float = 30) -> list:
    engine = create_engine(url)
    deadline = time.monotonic() + timeout
    try:
        while True:
            with engine.connect() as connection:
                rows = connection.execute(text(query), params).fetchall()
            if rows or time.monotonic() > deadline:
                return rows
            time.sleep(0.5)
    finally:
        engine.dispose()


def test_signed_dm_conversation_is_stored_with_channel_x(live_stack: Any) -> None:
    if not live_stack.env.get("X_CONSUMER_SECRET"):
        pytest.fail(
            "the live stack has no X_CONSUMER_SECRET: tests/conftest.py's LiveStack "
            "should set a test value"
        )
    health = requests.get(f"{live_stack.rasa_url}/webhooks/x/", timeout=30).json()
    if health["replies"] != "outbox":
        pytest.skip("real X OAuth values are set in this environment: not sending to X")
    assert health["webhook"] == "ready"

    crc = requests.get(
        f"{live_stack.rasa_url}/webhooks/x/webhook", params={"crc_token": "e2e"}, timeout=30
    )
    assert crc.json() == {
        "response_token": crc_response_token("e2e", live_stack.env["X_CONSUMER_SECRET"])
    }

    forged = requests.post(
        f"{live_stack.rasa_url}/webhooks/x/webhook",
        timeout=30,
        data=b"{}",
        headers={"x-twitter-webhooks-signature": "sha256=AAAA"},
    )
    assert forged.status_code == 403

    user_id = str(random.randint(10**9, 10**10))
    sender = f"x-dm-{user_id}"
    first = _post(live_stack, _dm(user_id, f"{user_id}1", "Hello"))
    assert first.status_code == 200, first.text
    assert first.json()["handled"] == 1
    consent = _post(
        live_stack, _dm(user_id, f"{user_id}2", "Yes, I'll take part", quick="/consent_agree")
    )
    assert consent.json()["handled"] == 1

    # the transcript (Rasa's tracker store) carries channel x
    events = _wait_for(
        "SELECT data FROM events WHERE sender_id = :s AND type_name = 'user'",
        {"s": sender},
        live_stack.database_url,
    )
    assert len(events) == 2
    assert {json.loads(row[0])["input_channel"] for row in events} == {"x"}

    # our tables: the consented business and its conversation, channel x
    rows = _wait_for(
        "SELECT channel FROM conversations WHERE sender_id = :s",
        {"s": sender},
        live_stack.database_url,
    )
    assert [row[0] for row in rows] == ["x"]

    # the bot answered by DM (recorded, not sent)
    to_user = LiveX(live_stack).dms_to(user_id)
    assert to_user, _outbox(live_stack)[-5:]


def _outbox(stack: Any) -> list[dict[str, Any]]:
    return LiveX(stack).outbox()


def _thread_under(stack: Any, tweet_id: str) -> list[str]:
    return LiveX(stack).thread_under(tweet_id)


def test_a_mention_is_answered_in_a_thread_that_steers_consent_to_dm_without_a_url(
    live_stack: Any,
) -> None:
    health = requests.get(f"{live_stack.rasa_url}/webhooks/x/", timeout=30).json()
    if health["replies"] != "outbox":
        pytest.skip("real X OAuth values are set in this environment: not sending to X")
    user_id = str(random.randint(10**9, 10**10))
    tweet_id = str(random.randint(10**17, 10**18))
    payload = {
        "for_user_id": BOT_ID,
        "tweet_create_events": [
            {
                "id_str": tweet_id,
                "text": "@BucksLEPbot Hello",
                "user": {"id_str": user_id, "screen_name": "westcottwidgets"},
                "entities": {"hashtags": [], "user_mentions": [BOT_MENTION]},
            }
        ],
    }
    answer = _post(live_stack, payload)
    assert answer.status_code == 200, answer.text
    assert answer.json()["handled"] == 1

    events = _wait_for(
        "SELECT data FROM events WHERE sender_id = :s AND type_name = 'user'",
        {"s": f"x-post-{user_id}"},
        live_stack.database_url,
    )
    assert [json.loads(row[0])["input_channel"] for row in events] == ["x"]
    deadline = time.monotonic() + 30
    while not (ours := _thread_under(live_stack, tweet_id)) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert ours, _outbox(live_stack)[-5:]
    assert all(len(text_) <= 280 for text_ in ours)
    joined = "\n".join(ours)
    assert "Direct Message" in joined and "public" in joined
    assert "http" not in joined  # a post with a URL costs $0.20: the account is named instead
    assert "I'll take part" not in joined  # consent is not offered in public
    assert "consultation assistant" in ours[0]  # the welcome, in reply to the post


def test_a_plain_hashtag_post_is_stored_and_tagged_and_never_answered(live_stack: Any) -> None:
    user_id = str(random.randint(10**9, 10**10))
    tweet_id = str(random.randint(10**17, 10**18))
    payload = {
        "for_user_id": BOT_ID,
        "tweet_create_events": [
            {
                "id_str": tweet_id,
                "text": "Rail links to Aylesbury are poor #BucksLIS",
                "user": {"id_str": user_id, "screen_name": "aylesburyfreight"},
                "entities": {"hashtags": [{"text": "BucksLIS"}], "user_mentions": []},
            }
        ],
    }
    answer = _post(live_stack, payload)
    assert answer.status_code == 200, answer.text
    assert answer.json()["handled"] == 1
    rows = _wait_for(
        "SELECT c.channel, r.text, r.external_id, t.theme_id FROM responses r "
        "JOIN conversations c ON c.id = r.conversation_id "
        "LEFT JOIN response_themes t ON t.response_id = r.id WHERE c.sender_id = :u",
        {"u": user_id},
        live_stack.database_url,
    )
    assert {(r[0], r[1], r[2]) for r in rows} == {
        ("x_post", "Rail links to Aylesbury are poor", f"x:{tweet_id}")
    }
    assert "infrastructure" in {r[3] for r in rows}
    assert _thread_under(live_stack, tweet_id) == []  # no reply attempted


def test_a_dm_consultation_delivered_by_xaa_is_stored_like_account_activitys(
    live_stack: Any,
) -> None:
    health = requests.get(f"{live_stack.rasa_url}/webhooks/x/", timeout=30).json()
    if health["replies"] != "outbox":
        pytest.skip("real X OAuth values are set in this environment: not sending to X")
    user_id = str(random.randint(10**9, 10**10))

    def xaa_dm(event_id: str, text_: str, quick: str = "") -> dict[str, Any]:
        body = _dm(user_id, event_id, text_, quick)
        return {
            "data": {
                "event_uuid": f"u{event_id}",
                "filter": {"user_id": BOT_ID},
                "event_type": "dm.received",
                "tag": "dms",
                "payload": {
                    "direct_message_events": body["direct_message_events"],
                    "users": {user_id: {"data": {"id": user_id, "username": "xaauser"}}},
                },
            }
        }

    assert _post(live_stack, xaa_dm(f"{user_id}1", "Hello")).json()["handled"] == 1
    consent = _post(live_stack, xaa_dm(f"{user_id}2", "Yes, I'll take part", "/consent_agree"))
    assert consent.json()["handled"] == 1
    events = _wait_for(
        "SELECT data FROM events WHERE sender_id = :s AND type_name = 'user'",
        {"s": f"x-dm-{user_id}"},
        live_stack.database_url,
    )
    assert len(events) == 2
    assert {json.loads(row[0])["input_channel"] for row in events} == {"x"}
    rows = _wait_for(
        "SELECT b.channel, b.consent FROM businesses b WHERE b.sender_id = :s",
        {"s": f"x-dm-{user_id}"},
        live_stack.database_url,
    )
    assert [tuple(r) for r in rows] == [("x", 1)]
