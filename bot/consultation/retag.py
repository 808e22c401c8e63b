"""Re-tag stored responses with the current model; respondent and staff rows stay untouched."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.consultation.answer_parts import tag_answers
from bot.storage.audit import audit
from bot.storage.db import session_scope
from bot.storage.models import EffectiveTheme, Response
from bot.storage.themes import set_model_tags

if TYPE_CHECKING:
    from bot.tagging.protocols import Tagger


def retag(
    since: datetime | None = None,
    batch_size: int = 200,
    engine: Engine | None = None,
    tagger: Tagger | None = None,
) -> dict:
    """Replace the model tags of every response (created on/after `since`).

    The question each response answered is given to the tagger, as when it was stored.
    Only rows with source "model" are rewritten
    (bot.storage.themes.set_model_tags), so respondent and staff decisions keep precedence.
    Each response whose effective themes change gets an audit event with before/after; one
    summary event records the run.
    """
    if tagger is None:
        from bot.tagging import engine as tagging_engine

        tagger = tagging_engine()
    version = tagger.version
    total = changed = 0
    last_id = 0
    while True:
        with session_scope(engine) as session:
            query = select(Response).where(Response.id > last_id).order_by(Response.id)
            if since is not None:
                query = query.where(Response.created_at >= since)
            rows = session.scalars(query.limit(batch_size)).all()
            if not rows:
                break
            # a list's points and later additions count on their own, as when stored
            results = tag_answers(
                [r.text for r in rows], [r.question_key for r in rows], tagger.tag_many
            )
            for row, result in zip(rows, results, strict=True):
                before = sorted(
                    session.scalars(
                        select(EffectiveTheme.theme_id).where(EffectiveTheme.response_id == row.id)
                    ).all()
                )
                after = set_model_tags(
                    session, row.id, result.themes, result.scores, result.evidence, version
                )
                if sorted(after) != before:
                    changed += 1
                    audit(
                        session,
                        actor="system",
                        action="model_retagged",
                        response_id=row.id,
                        detail={"model_version": version, "before": before, "after": after},
                    )
            total += len(rows)
            last_id = rows[-1].id
    with session_scope(engine) as session:
        audit(
            session,
            actor="system",
            action="retag_run",
            detail={
                "model_version": version,
                "since": since.isoformat() if since else None,
                "responses": total,
                "changed": changed,
            },
        )
    return {"responses": total, "changed": changed, "model_version": version}
