"""What the sub-theme modules share: the error staff see, theme checks, the theme's
responses and the audit row every change writes."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.audit import audit
from bot.storage.models import (
    EffectiveTheme,
    Response,
)
from bot.strategy import THEME_IDS


class SubthemeError(ValueError):
    """A curation request that cannot be done (unknown id, wrong theme...)."""


def check_theme(theme_id: str) -> None:
    if theme_id not in THEME_IDS:
        raise SubthemeError(f"unknown theme {theme_id!r}; one of: {', '.join(THEME_IDS)}")


def theme_responses(session: Session, theme_id: str) -> list[tuple[int, str]]:
    """(id, text) of every response whose effective themes include `theme_id`, by id."""
    return [
        (rid, text)
        for rid, text in session.execute(
            select(Response.id, Response.text)
            .join(EffectiveTheme, EffectiveTheme.response_id == Response.id)
            .where(EffectiveTheme.theme_id == theme_id)
            .order_by(Response.id)
        )
    ]


def audit_change(
    session: Session,
    actor: str,
    action: str,
    theme_id: str,
    detail: dict,
    response_id: int | None = None,
) -> None:
    audit(
        session,
        actor=actor,
        action=action,
        response_id=response_id,
        detail={"theme": theme_id, **detail},
    )


def theme_responses_for(
    session: Session, theme_id: str, response_ids: Sequence[int]
) -> list[tuple[int, str]]:
    """Those of `response_ids` that are on the theme."""
    return [
        (rid, text)
        for rid, text in session.execute(
            select(Response.id, Response.text)
            .join(EffectiveTheme, EffectiveTheme.response_id == Response.id)
            .where(EffectiveTheme.theme_id == theme_id, Response.id.in_(response_ids))
        )
    ]
