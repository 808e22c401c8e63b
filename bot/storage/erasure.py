"""Deleting a business's data everywhere: our tables and Rasa's transcript."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, inspect, select
from sqlalchemy.orm import Session

from bot.storage.models import AuditEvent, Business, Conversation, Response
from bot.storage.transcripts import EVENTS


@dataclass(frozen=True)
class ErasureResult:
    businesses: int
    responses: int
    events: int


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
    session.add(
        AuditEvent(
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
    )
    session.flush()
    return ErasureResult(businesses=len(business_ids), responses=responses, events=events)
