"""One business's conversation: the tracker's turns interleaved with its stored responses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, abort, render_template
from flask_login import login_required
from sqlalchemy import select

from bot.review.db import db_session
from bot.review.x_status import x_post_links
from bot.storage import queries
from bot.storage.models import Business, Conversation
from bot.storage.transcripts import USER, transcript

bp = Blueprint("transcripts", __name__)


@dataclass
class TranscriptItem:
    speaker: str
    text: str
    at: Any
    buttons: list[Any] = field(default_factory=list)
    button_title: str | None = None
    response: queries.ResponseRow | None = None


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "")).strip().casefold()


def build_transcript(
    turns: list[Any], rows: list[queries.ResponseRow]
) -> tuple[list[TranscriptItem], list[queries.ResponseRow]]:
    """Interleave the tracker's turns with our stored responses (matched by text, in order).

    Returns the items and the stored responses that matched no turn."""
    pending = list(rows)
    items: list[TranscriptItem] = []
    for t in turns:
        item = TranscriptItem(t.speaker, t.text, t.at, list(t.buttons), t.button_title)
        if t.speaker == USER:
            key = _norm(t.text)
            for i, row in enumerate(pending):
                if _norm(row.text) == key:
                    item.response = pending.pop(i)
                    break
        items.append(item)
    return items, pending


@bp.get("/businesses/<int:business_id>")
@login_required
def business(business_id: int) -> Any:
    with db_session() as session:
        biz = session.get(Business, business_id)
        if biz is None or not queries.shown_to_staff(biz):
            abort(404)
        conversations = list(
            session.scalars(
                select(Conversation)
                .where(Conversation.business_id == business_id)
                .order_by(Conversation.started_at)
            )
        )
        rows = queries.business_responses(session, business_id)
        evidence = queries.evidence_for(session, [r.id for r in rows])
        turns = transcript(session, biz.sender_id)
        post_links = x_post_links(session, [r.id for r in rows])
    items, unmatched = build_transcript(turns, rows)
    return render_template(
        "review/transcript.html",
        post_links=post_links,
        biz=biz,
        conversations=conversations,
        items=items,
        unmatched=unmatched,
        rows=rows,
        evidence=evidence,
        has_turns=bool(turns),
    )
