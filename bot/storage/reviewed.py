"""Staff-reviewed responses as labelled examples: staff corrections feed the next model.

A response counts once a reviewer has marked it reviewed; its label is its effective theme
set (staff > respondent > model), which is what filters, counts and exports already use.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.models import Response
from bot.storage.themes import effective_themes_for


@dataclass(frozen=True)
class ReviewedResponse:
    response_id: int
    text: str
    themes: list[str]
    question_key: str | None


def reviewed_responses(session: Session) -> list[ReviewedResponse]:
    """Every reviewed response with its effective themes, oldest first."""
    rows = session.execute(
        select(Response.id, Response.text, Response.question_key)
        .where(Response.reviewed_at.is_not(None))
        .order_by(Response.id)
    ).all()
    themes = effective_themes_for(session, [r.id for r in rows])
    return [ReviewedResponse(r.id, r.text, themes[r.id], r.question_key) for r in rows]
