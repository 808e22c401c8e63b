"""Fast checks beside the slow probe (test_x_conversations.py): DMs answered in the order
they were sent, the bot's revocation known without X_BOT_USER_ID, summoned views kept and
edits applied."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.channels.x.account_activity import in_order_sent, parse_account_activity
from bot.channels.x.state import get_state
from bot.storage.db import session_scope
from bot.storage.models import Response
from tests.channels.x_harness import BOT_ID, BOT_MENTION, dm, post, xaa


def _event(event_id: str, text: str, at: str | None) -> dict[str, Any]:
    [event] = dm(text, event_id)["direct_message_events"]
    if at is None:
        del event["created_timestamp"]
    else:
        event["created_timestamp"] = at
    return event


def test_dm_events_are_taken_in_the_order_they_were_sent() -> None:
    late, early = _event("2", "second", "1700000002000"), _event("1", "first", "1700000001000")
    payload = dict(dm("x"), direct_message_events=[late, early])
    parsed = parse_account_activity(payload, BOT_ID, "#bucksLIS", 2000)
    assert [i.text for i in parsed.items] == ["first", "second"]
    # without every event's time, X's order is kept rather than guessed
    undated = [late, _event("3", "third", None)]
    assert in_order_sent(undated) == undated


def test_out_of_order_dms_reach_rasa_in_sent_order(x: Any) -> None:
    late, early = _event("12", "second", "1700000002000"), _event("11", "first", "1700000001000")
    assert x.post_signed(dict(dm("x"), direct_message_events=[late, early])).status == 200
    assert [m.text for m in x.received] == ["first", "second"]


def test_the_bots_revocation_is_known_from_the_accounts_x_delivers_for(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id="")
    assert x.post_signed(dm("Hello", "21")).status == 200  # for_user_id = the bot's id
    other = make_harness(x_bot_user_id="")  # another replica: learns it from the database
    revoke = xaa("oauth.revoke", {"user_id": BOT_ID, "app_id": "9", "date_time": "2026"})
    revoke["data"]["filter"] = {}
    assert other.post_signed(revoke).status == 200
    assert get_state("revoked")["user_id"] == BOT_ID


def test_a_users_revocation_is_not_the_bots(make_harness: Any) -> None:
    x = make_harness(x_bot_user_id="")
    x.post_signed(dm("Hello", "22"))
    x.post_signed(xaa("oauth.revoke", {"user_id": "999", "app_id": "9", "date_time": "2026"}))
    assert not get_state("revoked")


def _views() -> list[tuple[str | None, str]]:
    with session_scope() as s:
        return [(r.external_id, r.text) for r in s.scalars(select(Response).order_by(Response.id))]


def _mention(text: str, tweet_id: str) -> dict[str, Any]:
    return post(
        f"@BucksLEPbot {text}",
        tweet_id,
        entities={"hashtags": [], "user_mentions": [BOT_MENTION]},
    )


def test_a_summoned_post_is_kept_as_a_view_only_when_it_is_one(x: Any) -> None:
    assert x.post_signed(_mention("Hello", "61")).json()["handled"] == 1
    assert x.post_signed(_mention("our rent in Iver doubled", "62")).json()["handled"] == 1
    assert len(x.received) == 2  # both answered
    assert _views() == [("x:62", "our rent in Iver doubled")]


def test_an_edit_of_a_summoned_view_replaces_it_and_is_not_answered_again(x: Any) -> None:
    x.post_signed(_mention("our rent in Iver doubled", "71"))
    history = {"initial_tweet_id": "71", "edit_tweet_ids": ["71", "72"]}
    edit = _mention("our rent in Iver tripled", "72")
    edit["tweet_create_events"][0]["edit_history"] = history
    assert x.post_signed(edit).json()["handled"] == 1
    assert len(x.received) == 1
    assert _views() == [("x:72", "our rent in Iver tripled")]
    # a later edit lists every id; the view is found by any of them
    history = {"initial_tweet_id": "71", "edit_tweet_ids": ["71", "72", "73"]}
    again = _mention("our rent in Iver tripled since 2024", "73")
    again["tweet_create_events"][0]["edit_history"] = history
    x.post_signed(again)
    assert _views() == [("x:73", "our rent in Iver tripled since 2024")]


def test_a_dm_over_the_message_limit_is_marked_too_long_not_cut() -> None:
    """X allows 10,000 characters in a DM; ours is `max_message_chars`. A longer DM is
    marked, so the webhook tells the business instead of keeping a silently cut view."""
    from bot.channels.x.account_activity import Parsed, dm_events

    def payload(text: str) -> dict:
        return {
            "for_user_id": "100",
            "direct_message_events": [
                {
                    "type": "message_create",
                    "id": "9" + str(len(text)),
                    "created_timestamp": "1700000000000",
                    "message_create": {
                        "target": {"recipient_id": "100"},
                        "sender_id": "7",
                        "message_data": {"text": text, "entities": {}},
                    },
                }
            ],
        }

    for text, too_long in (("a" * 50, False), ("word " * 400, False), ("word " * 401, True)):
        out = Parsed()
        dm_events(payload(text), "100", "#bucksLIS", 2000, out)
        assert out.items[0].too_long is too_long, len(text)
        assert len(out.items[0].text) <= 2000
