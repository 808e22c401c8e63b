"""What staff see of the X channel: public-post links, estimated spend, why replies stopped.

Kept apart from `views.py` so the pages only pass these values to their templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.db import engine_for
from bot.storage.models import Response

X_POST_PREFIX = "x:"


def x_post_links(session: Session, response_ids: Sequence[int]) -> dict[int, str]:
    """{response id: link to the post on X} for collected public posts among the ids."""
    from bot.channels.x.collect import post_url

    if not response_ids:
        return {}
    rows = session.execute(
        select(Response.id, Response.external_id).where(
            Response.id.in_(list(response_ids)), Response.external_id.like(f"{X_POST_PREFIX}%")
        )
    ).all()
    return {
        rid: post_url(ext[len(X_POST_PREFIX) :])
        for rid, ext in rows
        if ext[len(X_POST_PREFIX) :].isdigit()
    }


@dataclass(frozen=True)
class XStatus:
    today_usd: float
    month_usd: float
    budget_usd: float
    stopped_because: str | None
    revoked: dict[str, Any] | None
    unknown_event_types: dict[str, int]
    compliance: dict[str, Any] | None
    used: bool  # anything sent or read, or a state worth showing


def x_status() -> XStatus:
    """The overview's X panel, from the shared `x_spend` / `x_state` tables."""
    from bot.channels.x import spend
    from bot.channels.x.state import COMPLIANCE_LAST_RUN, get_state
    from bot.config import settings

    engine = engine_for(current_app.config["DATABASE_URL"])
    summary = spend.summary(settings().x_monthly_budget_usd, engine)
    compliance = get_state(COMPLIANCE_LAST_RUN, engine)
    return XStatus(
        today_usd=summary.today_usd,
        month_usd=summary.month_usd,
        budget_usd=summary.budget_usd,
        stopped_because=summary.public_replies_stopped_because,
        revoked=summary.revoked,
        unknown_event_types=summary.unknown_event_types,
        compliance=compliance,
        used=bool(
            summary.by_kind_month
            or summary.revoked
            or summary.unknown_event_types
            or compliance
            or summary.budget_usd
        ),
    )
