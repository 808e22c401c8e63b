"""A post deleted on X by its author: its words leave our transcript and responses."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import select

from bot.storage.db import session_scope
from bot.storage.erasure import DELETED_POST, erase_x_post
from bot.storage.models import AuditEvent, Business, Conversation, Response, ResponseTheme
from bot.storage.tracker_store import ConsultationTrackerStore

ROOT = Path(__file__).resolve().parents[2]
SENDER = "x-post-200"


def post_event(text: str, tweet_id: str) -> UserUttered:
    return UserUttered(
        text,
        {"name": "inform", "confidence": 0.9},
        metadata={"x": {"kind": "post", "tweet_id": tweet_id, "user_id": "200"}},
        timestamp=time.time(),
    )


def test_deleted_post_is_redacted_and_its_response_deleted(
    database_url: str, engine: sa.engine.Engine
) -> None:
    domain = Domain.load(str(ROOT / "domain.yml"))
    store = ConsultationTrackerStore(domain=domain)
    tracker = DialogueStateTracker(SENDER, domain.slots)
    for event in [
        post_event("Our studio needs  sound stages", "5001"),
        ActionExecuted("action_listen"),
        post_event("Rail links to Aylesbury are poor", "5002"),
    ]:
        tracker.update(event)
    asyncio.run(store.save(tracker))
    with session_scope(engine) as s:
        business = Business(sender_id=SENDER, channel="x", consent=True)
        s.add(business)
        s.flush()
        conversation = Conversation(business_id=business.id, sender_id=SENDER, channel="x")
        s.add(conversation)
        s.flush()
        for text in ("Our studio needs sound stages", "Rail links to Aylesbury are poor"):
            response = Response(conversation_id=conversation.id, text=text)
            s.add(response)
            s.flush()
            s.add(
                ResponseTheme(
                    response_id=response.id, theme_id="creative_digital", source="model", score=0.9
                )
            )

    with session_scope(engine) as s:
        result = erase_x_post(s, SENDER, "5001")
    assert (result.events, result.responses) == (1, 1)

    with session_scope(engine) as s:
        texts = [r.text for r in s.scalars(select(Response))]
        assert texts == ["Rail links to Aylesbury are poor"]
        assert s.scalar(select(sa.func.count(ResponseTheme.id))) == 1
        audit = s.scalars(select(AuditEvent).where(AuditEvent.action == "x_post_deleted")).one()
        assert "studio" not in json.dumps(audit.detail)
    with engine.connect() as conn:
        rows = (
            conn.execute(
                sa.text(
                    "SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' "
                    "ORDER BY id"
                ),
                {"s": SENDER},
            )
            .scalars()
            .all()
        )
    said = [json.loads(r)["text"] for r in rows]
    assert said == [DELETED_POST, "Rail links to Aylesbury are poor"]
    assert all("sound stages" not in r for r in rows)
    # the conversation can go on: the transcript still loads with the same events
    tracker = asyncio.run(store.retrieve(SENDER))
    assert tracker is not None and tracker.latest_message.text.startswith("Rail links")

    with session_scope(engine) as s:  # an unknown post changes nothing
        assert erase_x_post(s, SENDER, "9999").events == 0
