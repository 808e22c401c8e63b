"""Stance on stored responses: fill it where missing (or recompute all), and count it.

New responses get their stance as they are stored (`bot.storage.models`); this fills
rows stored before, or recomputes every row after the classifier's cues change.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.findings.stance import STANCES, stance_of
from bot.storage.models import Response


def backfill_stance(session: Session, recompute: bool = False, batch: int = 1000) -> int:
    """Set the stance of responses that have none (with `recompute`, every response whose
    stance staff have not corrected); return how many changed. Keyset batches, so
    100,000 rows stay linear."""
    changed = 0
    last_id = 0
    while True:
        stmt = select(Response.id, Response.text, Response.question_key, Response.stance).where(
            Response.id > last_id
        )
        if not recompute:
            stmt = stmt.where(Response.stance.is_(None))
        else:  # a stance staff corrected is theirs
            stmt = stmt.where(Response.stance_by.is_(None))
        rows = session.execute(stmt.order_by(Response.id).limit(batch)).all()
        if not rows:
            return changed
        for rid, text, question_key, current in rows:
            stance = stance_of(text or "", question_key)
            if stance != current:
                session.execute(update(Response).where(Response.id == rid).values(stance=stance))
                changed += 1
        last_id = rows[-1][0]
        session.flush()


def stance_counts(session: Session) -> dict[str | None, int]:
    """Responses per stance (from the stance index), every stance present; responses
    without one (stored before stance existed) under None."""
    counts: dict[str | None, int] = dict.fromkeys(STANCES, 0)
    for stance, n in session.execute(
        select(Response.stance, func.count()).group_by(Response.stance)
    ):
        key = stance if stance in STANCES else None
        counts[key] = counts.get(key, 0) + int(n)
    return counts
