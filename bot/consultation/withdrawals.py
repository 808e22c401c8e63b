"""Answers a business takes back: "sorry wrong chat!! ignore that", "scrap that", "take out
what I said about the council". Each is deleted and audited without its words. Split from
service.py (past 400 lines). No Rasa imports.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.consultation.service import RESPONDENT, find_business
from bot.storage.audit import audit
from bot.storage.db import session_scope
from bot.storage.models import Conversation, Response


def withdraw_answer(sender_id: str, question_key: str, latest_only: bool = True) -> bool:
    """Delete the business's latest answer if it was to this question ("sorry wrong chat!!
    ignore that", "scrap that"): a message meant for someone else is no view; with
    `latest_only` False, its latest answer to this question, whatever came after ("going
    back to the skills one, I meant ..."). Audited without its words; False when there was
    none to take back."""
    with session_scope() as session:
        query = select(Response).join(Conversation, Response.conversation_id == Conversation.id)
        if not latest_only:
            query = query.where(Response.question_key == question_key)
        last = session.scalars(
            query.where(Conversation.sender_id == sender_id).order_by(Response.id.desc()).limit(1)
        ).first()
        if last is None or last.question_key != question_key:
            return False
        business = find_business(session, sender_id)
        audit(
            session,
            actor=RESPONDENT,
            action="answer_withdrawn",
            business_id=business.id if business else None,
            detail={"question_key": question_key},
        )
        session.delete(last)
    return True


def withdraw_responses(sender_id: str, response_ids: list[int]) -> int:
    """Delete these answers of the business ("take out what I said about the council"),
    each audited without its words; how many went."""
    with session_scope() as session:
        business = find_business(session, sender_id)
        gone = session.scalars(
            select(Response)
            .join(Conversation, Response.conversation_id == Conversation.id)
            .where(Conversation.sender_id == sender_id, Response.id.in_(response_ids))
        ).all()
        for response in gone:
            who = business.id if business else None
            detail = {"question_key": response.question_key}
            audit(
                session, actor=RESPONDENT, action="answer_withdrawn", business_id=who, detail=detail
            )
            session.delete(response)
    return len(gone)
