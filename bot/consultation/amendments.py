"""A change to an answer already given joins that answer: "the second one should say
Chesham, not Amersham" at the play-back, "re the opportunities question, forgot to say ..."
a question later, or a new wording asked for ("change the second one" -> "should be: ...").

Three fresh writers of unseen conversations (sets Z, AA and AB) each expected one answer
per question, as the business finally meant it, where the bot kept the change as a second
answer beside the first: the consultation team then read two answers to one question and
had to work out which stood. Nothing is lost by joining them: a correction or an addition
is kept after the words it changes, marked as such, and the answer is tagged again as a
whole. Only a wording given in full to replace the answer stands in its place; the words it
replaces stay in the transcript, and an audit event records the change.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.consultation import service
from bot.consultation.answer_parts import ADDED, tag_answer
from bot.consultation.service import RESPONDENT, clean_text
from bot.storage.audit import audit
from bot.storage.db import session_scope
from bot.storage.models import Conversation, Response
from bot.storage.themes import set_model_tags

CORRECTED = "corrected"
REWORDED = "replaced"


def amended_text(old: str, change: str, how: str) -> str:
    """The answer's text after the change: the new wording alone when it replaces the
    answer, else the answer with the change after it ("... [corrected: ...]")."""
    return change if how == REWORDED else f"{old} [{how}: {change}]"


def amend_answer(sender_id: str, response_id: int, change: str, how: str) -> bool:
    """Join `change` to this business's answer `response_id` (`how`: ADDED, CORRECTED or
    REWORDED), tag it again and audit it; False when there is no such answer or the change
    is empty."""
    if how not in (ADDED, CORRECTED, REWORDED):
        raise ValueError(f"unknown kind of change: {how!r}")
    change = clean_text(change)
    if not change:
        return False
    with session_scope() as session:
        response = session.scalars(
            select(Response)
            .join(Conversation, Response.conversation_id == Conversation.id)
            .where(Conversation.sender_id == sender_id, Response.id == response_id)
        ).first()
        if response is None:
            return False
        text = amended_text(response.text, change, how)
        # tagged before the first write: SQLite holds its one write lock from there to commit
        result = tag_answer(text, response.question_key)
        response.text = text
        set_model_tags(
            session, response.id, result.themes, result.scores, result.evidence,
            result.model_version,
        )  # fmt: skip
        audit(
            session,
            actor=RESPONDENT,
            action="answer_amended",
            response_id=response.id,
            business_id=response.conversation.business_id,
            detail={"question_key": response.question_key, "how": how},
        )
    return True


def add_beside_yes(sender_id: str, channel: str, view: str) -> str | None:
    """A view added with the yes to the play-back ("yes but add that parking is a nightmare
    too": set BO): joined to the answer when there is only one, else kept as one more view.
    The key of the message that says so, or None when nothing was kept."""
    said = service.recorded_answers(sender_id)
    if len(said) == 1 and amend_answer(sender_id, said[0].response_id, view, ADDED):
        return "added_to_last"
    if service.record_answer(sender_id, channel, view, service.AFTER_CLOSE, None):
        return "view_added"
    return None
