"""Deleting a business's data everywhere: our tables and Rasa's transcript."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import delete, inspect, select, update
from sqlalchemy.orm import Session

from bot.storage.audit import audit
from bot.storage.models import Business, Conversation, Response, XState
from bot.storage.transcripts import EVENTS


@dataclass(frozen=True)
class ErasureResult:
    businesses: int
    responses: int
    events: int


def event_data(raw: str | None) -> dict[str, Any]:
    """A transcript event's stored JSON, or {} when it is not a JSON object."""
    try:
        data = json.loads(raw or "{}")
    except (ValueError, RecursionError):  # nested too deep: attack probe s43
        return {}
    return data if isinstance(data, dict) else {}


def event_tweet_id(data: dict[str, Any]) -> str:
    """The X post a transcript event came from (its `metadata.x.tweet_id`), or ""."""
    x = (data.get("metadata") or {}).get("x")
    return str(x.get("tweet_id") or "") if isinstance(x, dict) else ""


def delete_transcript(session: Session, sender_id: str) -> int:
    """Delete Rasa's stored events for one sender (if the table exists)."""
    if not inspect(session.connection()).has_table("events"):
        return 0
    result = session.execute(delete(EVENTS).where(EVENTS.c.sender_id == sender_id))
    return result.rowcount or 0


def forget_sender(
    session: Session, sender_id: str, actor: str, reason: str = "forget"
) -> ErasureResult:
    """Erase everything stored for `sender_id` on any channel; audit that it happened.

    The audit row records counts and ids only, never what was said.
    """
    businesses = session.scalars(select(Business).where(Business.sender_id == sender_id)).all()
    business_ids = [b.id for b in businesses]
    responses = 0
    if business_ids:
        responses = len(
            session.scalars(
                select(Response.id)
                .join(Conversation, Response.conversation_id == Conversation.id)
                .where(Conversation.business_id.in_(business_ids))
            ).all()
        )
    for business in businesses:
        session.delete(business)  # cascades to conversations, responses, themes
    events = delete_transcript(session, sender_id)
    # an X reply kept to send again (bot/channels/x/pending.py) may repeat what they said
    session.execute(delete(XState).where(XState.key == f"x-out:{sender_id}"[:64]))
    audit(
        session,
        actor=actor,
        action="erasure",
        business_id=business_ids[0] if business_ids else None,
        detail={
            "reason": reason,
            "businesses": business_ids,
            "responses_deleted": responses,
            "transcript_events_deleted": events,
        },
    )
    session.flush()
    return ErasureResult(businesses=len(business_ids), responses=responses, events=events)


DELETED_POST = "[deleted by its author on X]"


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def erase_x_post(
    session: Session,
    sender_id: str,
    tweet_id: str,
    actor: str = "x",
    reason: str | None = None,
) -> ErasureResult:
    """An X post was deleted by its author: remove what it said, keep the conversation.

    The post's message in Rasa's transcript is redacted in place (the transcript keeps its
    shape, so the conversation can go on) and the response stored from it is deleted with
    its themes. The audit row records counts only (and a compliance check's `reason`).
    """
    said: list[tuple[str, float | None]] = []
    if inspect(session.connection()).has_table("events"):
        rows = session.execute(
            select(EVENTS.c.id, EVENTS.c.data, EVENTS.c.timestamp).where(
                EVENTS.c.sender_id == sender_id, EVENTS.c.type_name == "user"
            )
        ).all()
        for row in rows:
            data = event_data(row.data)
            if event_tweet_id(data) != tweet_id:
                continue
            said.append((str(data.get("text") or ""), row.timestamp))
            data["text"] = DELETED_POST
            if isinstance(data.get("parse_data"), dict):
                data["parse_data"]["text"] = DELETED_POST
            session.execute(
                update(EVENTS).where(EVENTS.c.id == row.id).values(data=json.dumps(data))
            )
    responses = 0
    for text, timestamp in said:
        query = (
            select(Response)
            .join(Conversation, Response.conversation_id == Conversation.id)
            .where(Conversation.sender_id == sender_id)
            .order_by(Response.id)
        )
        if timestamp is not None:
            since = datetime.fromtimestamp(float(timestamp) - 5, tz=timezone.utc)
            query = query.where(Response.created_at >= since.replace(tzinfo=None))
        match = next((r for r in session.scalars(query) if _same_words(r.text, text)), None)
        if match is not None:
            session.delete(match)
            responses += 1
    if said:
        audit(
            session,
            actor=actor,
            action="x_post_deleted",
            detail={
                **({"reason": reason} if reason else {}),
                "responses_deleted": responses,
                "transcript_events_redacted": len(said),
            },
        )
    session.flush()
    return ErasureResult(businesses=0, responses=responses, events=len(said))


def erase_public_post(
    session: Session, tweet_id: str, actor: str = "x", reason: str = "deleted_on_x"
) -> int:
    """A collected public X post (`external_id` "x:<id>") deleted on X, or found deleted or
    protected by a compliance check: its response goes, with its themes. Audited by count."""
    responses = session.scalars(
        select(Response).where(Response.external_id == f"x:{tweet_id}")
    ).all()
    for response in responses:
        session.delete(response)
    if responses:
        audit(
            session,
            actor=actor,
            action="x_post_deleted",
            detail={"reason": reason, "responses_deleted": len(responses)},
        )
    session.flush()
    return len(responses)


def forget_x_user(session: Session, user_id: str, actor: str) -> ErasureResult:
    """Everything an X user gave us: collected public posts (channel `x_post`), summoned-post
    and DM conversations with their transcripts. Audited without content."""
    public = session.scalars(
        select(Business).where(Business.channel == "x_post", Business.sender_id == user_id)
    ).all()
    posts = 0
    for business in public:  # only channel x_post: a bare id may be someone else elsewhere
        posts += len(
            session.scalars(
                select(Response.id)
                .join(Conversation, Response.conversation_id == Conversation.id)
                .where(Conversation.business_id == business.id)
            ).all()
        )
        session.delete(business)
    if public:
        audit(
            session,
            actor=actor,
            action="erasure",
            business_id=public[0].id,
            detail={
                "reason": "x_user",
                "businesses": [b.id for b in public],
                "responses_deleted": posts,
            },
        )
    total = ErasureResult(len(public), posts, 0)
    for sender_id in (f"x-post-{user_id}", f"x-dm-{user_id}"):
        result = forget_sender(session, sender_id, actor=actor, reason="x_user")
        total = ErasureResult(
            total.businesses + result.businesses,
            total.responses + result.responses,
            total.events + result.events,
        )
    return total
