"""The X channel against a fake X on loopback that enforces the 2026 rules and bills.

What the issue's "done when" asks of X: an unsummoned #bucksLIS post is stored and tagged
with no reply attempted; a mention gets a threaded reply with no URL; a retried event is
answered once by two replicas sharing one database; the spend estimate matches the bill.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.channels.x import spend
from bot.channels.x.client import OAuthXClient
from bot.channels.x.compliance import ComplianceCheck
from bot.channels.x.hashtag import SearchPoller
from bot.channels.x.signatures import sign_body
from bot.storage.db import session_scope
from bot.storage.models import AuditEvent, Response, ResponseTheme, XSpend
from tests.channels.fake_x import FakeX
from tests.channels.x_harness import BOT_ID, BOT_MENTION, USER_ID, Harness, dm, post

pytestmark = pytest.mark.filterwarnings("ignore:You have set a listener:UserWarning")

LONG_REPLY = (
    "Thanks for asking. The Oxford-Cambridge Arc links Buckinghamshire to Oxford, Milton "
    "Keynes and Cambridge; read more at https://www.buckslep.co.uk/lis or buckslep.co.uk. "
) * 4


@pytest.fixture()
def fake_x() -> Iterator[FakeX]:
    fake = FakeX(bot_id=BOT_ID).start()
    yield fake
    fake.stop()


def x_client(fake: FakeX) -> OAuthXClient:
    return OAuthXClient(
        "ckey",
        "csecret",
        "atoken",
        "asecret",
        api_base=fake.url,
        bearer_token=fake.bearer_token,
        ledger=lambda k, u: spend.record(k, u),
    )


def ledger_usd() -> float:
    with session_scope() as s:
        return round(float(s.scalar(select(func.sum(XSpend.usd))) or 0), 6)


def reply_as_rasa(harness: Harness, text: str) -> None:
    """What Rasa does with the bot's answer: hands it to the message's output channel."""
    for message in harness.received:
        harness.loop.run_until_complete(
            message.output_channel.send_text_message(message.sender_id, text)
        )


def mention(tweet_id: str = "5001") -> dict[str, Any]:
    return post(
        "@BucksLEPbot what is the Arc?",
        tweet_id=tweet_id,
        entities={"hashtags": [], "user_mentions": [BOT_MENTION]},
    )


def test_an_unsummoned_hashtag_post_is_stored_and_tagged_and_nothing_is_sent(
    make_harness: Any,
    fake_x: FakeX,
) -> None:
    fake_x.add_post("5001", USER_ID, "Broadband in Chesham is too slow #bucksLIS")
    x = make_harness(client=x_client(fake_x))
    answer = x.post_signed(post("Broadband in Chesham is too slow #bucksLIS"))
    assert answer.json()["handled"] == 1
    assert x.received == []
    assert fake_x.requests == []  # no reply attempted, nothing billed
    with session_scope() as s:
        response = s.scalars(select(Response)).one()
        themes = s.scalars(
            select(ResponseTheme.theme_id).where(ResponseTheme.response_id == response.id)
        ).all()
    assert (response.external_id, response.text) == ("x:5001", "Broadband in Chesham is too slow")
    assert "infrastructure" in themes


def test_a_mention_gets_a_threaded_reply_without_a_url_billed_as_estimated(
    make_harness: Any,
    fake_x: FakeX,
) -> None:
    fake_x.add_post("5001", USER_ID, "@BucksLEPbot what is the Arc?", summons=True)
    x = make_harness(client=x_client(fake_x))
    assert x.post_signed(mention()).json()["handled"] == 1
    reply_as_rasa(x, LONG_REPLY)
    posts = fake_x.sent_posts()
    assert len(posts) >= 2 and fake_x.refused == []
    assert posts[0]["reply"] == {"in_reply_to_tweet_id": "5001"}
    for before, after in zip(posts, posts[1:], strict=False):  # a thread: each under the last
        previous = next(p.id for p in fake_x.posts.values() if p.text == before["text"])
        assert after["reply"] == {"in_reply_to_tweet_id": previous}
    assert not any("http" in p["text"] or "buckslep.co.uk" in p["text"] for p in posts)
    assert [kind for kind, _ in fake_x.billed] == ["summoned_reply"] + ["post"] * (len(posts) - 1)
    assert ledger_usd() == fake_x.total_usd  # our estimate is what X bills


def test_x_refuses_a_reply_to_an_unsummoned_post_and_nothing_is_billed(
    make_harness: Any,
    fake_x: FakeX,
) -> None:
    from bot.channels.x.output import XOutput

    fake_x.add_post("6001", USER_ID, "Nice day in Marlow #bucksLIS")  # did not summon
    x = make_harness(client=x_client(fake_x))
    forced = XOutput(x.channel.client, x.channel.choices, BOT_ID, "6001")
    x.loop.run_until_complete(forced.send_text_message("x-post-200", "Thanks!"))
    assert fake_x.refused == [("/2/tweets", 403)]
    assert fake_x.billed == [] and ledger_usd() == 0


def test_two_replicas_sharing_one_database_answer_a_retried_event_once(
    make_harness: Any,
    fake_x: FakeX,
) -> None:
    fake_x.add_post("5001", USER_ID, "@BucksLEPbot what is the Arc?", summons=True)
    one, two = make_harness(client=x_client(fake_x)), make_harness(client=x_client(fake_x))
    body = sign_body(b"", "x")  # warm both apps up (start-up hooks) before the race
    assert one.post(b"{}", {"x-twitter-webhooks-signature": body}).status == 403
    assert two.post(b"{}", {"x-twitter-webhooks-signature": body}).status == 403

    import json

    raw = json.dumps(mention()).encode()
    headers = {
        "content-type": "application/json",
        "x-twitter-webhooks-signature": sign_body(raw, "test-consumer-secret"),
    }

    async def both() -> list[Any]:  # X delivers, times out, retries to the other replica
        return await asyncio.gather(
            one._request("POST", "/webhooks/x/webhook", "", headers, raw),
            two._request("POST", "/webhooks/x/webhook", "", headers, raw),
        )

    answers = one.loop.run_until_complete(both())
    assert sorted(a.json()["handled"] for a in answers) == [0, 1]
    assert len(one.received) + len(two.received) == 1
    reply_as_rasa(one, "The Arc links Oxford and Cambridge.")
    reply_as_rasa(two, "The Arc links Oxford and Cambridge.")
    assert len(fake_x.sent_posts()) == 1
    # and a later retry to either is still a duplicate
    assert one.post_signed(mention()).json()["handled"] == 0


def test_over_budget_public_replies_stop_and_dms_go_on(
    make_harness: Any,
    fake_x: FakeX,
) -> None:
    fake_x.add_post("5001", USER_ID, "@BucksLEPbot what is the Arc?", summons=True)
    x = make_harness(client=x_client(fake_x), x_monthly_budget_usd=0.10)
    spend.record("post_url", 1)  # $0.20 already spent this month
    x.post_signed(mention())
    x.post_signed(dm("hello", event_id="9100"))
    reply_as_rasa(x, "Thanks!")
    assert fake_x.sent_posts() == []
    assert [path for method, path, _ in fake_x.requests if method == "POST"] == [
        f"/2/dm_conversations/with/{USER_ID}/messages"
    ]


def test_quick_reply_dms_fall_back_to_v2_when_x_refuses_v1_and_bill_once(
    make_harness: Any,
    fake_x: FakeX,
) -> None:
    x = make_harness(client=x_client(fake_x))
    x.post_signed(dm("hello"))
    x.loop.run_until_complete(
        x.received[0].output_channel.send_text_with_buttons(
            "x-dm-200", "Take part?", [{"title": "Yes", "payload": "/consent_agree"}]
        )
    )
    assert fake_x.refused == [("/1.1/direct_messages/events/new.json", 403)]
    assert [k for k, _ in fake_x.billed] == ["dm"] and ledger_usd() == fake_x.total_usd


def test_search_collects_new_hashtag_posts_and_bills_the_reads(
    make_harness: Any,
    fake_x: FakeX,
) -> None:
    fake_x.add_post("7001", USER_ID, "old news #bucksLIS")
    x = make_harness(
        client=x_client(fake_x), x_consumer_key="k", x_access_token="t", x_access_token_secret="s"
    )
    poller = SearchPoller(x.channel, x.handle_message, x.channel.client, 60)
    assert x.loop.run_until_complete(poller.poll_once()) == 0  # first start: baseline
    fake_x.add_post("7002", USER_ID, "Skills shortages in Wycombe #BucksLIS")
    fake_x.add_post("7003", "300", "Rail to Aylesbury is poor #bucksLIS")
    assert x.loop.run_until_complete(poller.poll_once()) == 2
    assert x.loop.run_until_complete(poller.poll_once()) == 0
    with session_scope() as s:
        assert s.scalars(select(Response.external_id).order_by(Response.id)).all() == [
            "x:7002",
            "x:7003",
        ]
    assert x.received == [] and fake_x.sent_posts() == []
    assert [k for k, _ in fake_x.billed] == ["read"] * 3
    assert ledger_usd() == fake_x.total_usd == 0.015


def test_daily_compliance_check_removes_posts_deleted_on_x(
    make_harness: Any,
    fake_x: FakeX,
) -> None:
    x = make_harness(client=x_client(fake_x))
    for tweet_id, text in (("5001", "Broadband is slow"), ("5002", "Rail is poor")):
        x.post_signed(post(f"{text} #bucksLIS", tweet_id=tweet_id))
    fake_x.deleted_on_x = {"5001"}
    result = ComplianceCheck(x.channel.client, x.channel.engine, poll_seconds=0.01).run_once()
    assert (result.checked, result.removed, result.status) == (2, 1, "complete")
    uploaded = next(job["_ids"] for job in fake_x.jobs.values())
    assert sorted(uploaded) == ["5001", "5002"]
    with session_scope() as s:
        assert s.scalars(select(Response.external_id)).all() == ["x:5002"]
        audit = s.scalars(select(AuditEvent).where(AuditEvent.action == "x_post_deleted")).one()
    assert audit.detail == {"reason": "deleted", "responses_deleted": 1}
    assert "Broadband" not in str(audit.detail)


def saved_by_rasa(harness: Harness) -> None:
    """What Rasa's tracker store keeps of each message taken in: a `user` event with its
    text and metadata (the post's id among them)."""
    from sqlalchemy import text

    from tests.review.seed import create_events_table

    with session_scope() as s:
        create_events_table(s)
        for n, message in enumerate(harness.received):
            data = {"event": "user", "text": message.text, "metadata": message.metadata}
            s.execute(
                text(
                    "INSERT INTO events (sender_id, type_name, timestamp, data) "
                    "VALUES (:sender, 'user', :at, :data)"
                ),
                {"sender": message.sender_id, "at": 1_793_612_200 + n, "data": json.dumps(data)},
            )


def test_the_compliance_check_redacts_deleted_mentions_in_the_transcript(
    make_harness: Any,
    fake_x: FakeX,
) -> None:
    """X tells the webhook of the bot's own posts' deletions only: a business deleting its
    @mention is learnt from this check, which read stored views alone; a deleted question
    to the bot stayed in the transcript for ever (X format probe, 7 Dec)."""
    from bot.storage.erasure import DELETED_POST
    from bot.storage.transcripts import EVENTS

    x = make_harness(client=x_client(fake_x))
    for tweet_id, author, said in (
        ("7101", USER_ID, "our unit rent in Iver doubled"),
        ("7103", "400", "hi, how do I take part?"),
        ("7104", "400", "what is the Arc?"),
    ):
        mentioning = {"user_mentions": [BOT_MENTION]}
        x.post_signed(post(f"@BucksLEPbot {said}", tweet_id, author, entities=mentioning))
    x.post_signed(dm("a DM is no post", event_id="9100"))
    saved_by_rasa(x)
    with session_scope() as s:
        assert s.scalars(select(Response.external_id)).all() == ["x:7101"]  # a view
    fake_x.deleted_on_x = {"7101", "7103"}
    result = ComplianceCheck(x.channel.client, x.channel.engine, poll_seconds=0.01).run_once()
    assert (result.checked, result.removed, result.status) == (3, 2, "complete")
    # every post held: the view, and the questions in the transcript only
    assert sorted(next(job["_ids"] for job in fake_x.jobs.values())) == ["7101", "7103", "7104"]
    with session_scope() as s:
        texts = [json.loads(d)["text"] for d in s.scalars(select(EVENTS.c.data))]
        assert s.scalars(select(Response.external_id)).all() == []  # the view went
        audits = s.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "x_post_deleted")
        ).all()
    assert texts == [DELETED_POST, DELETED_POST, "what is the Arc?", "a DM is no post"]
    redacted = {"reason": "deleted", "responses_deleted": 0, "transcript_events_redacted": 1}
    assert audits.count(redacted) == 2
    from bot.channels.x.compliance import held_posts

    assert held_posts() == {"7104": {"x-post-400"}}  # redacted posts are not checked again
