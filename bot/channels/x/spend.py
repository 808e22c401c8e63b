"""Estimated X spend under pay-per-use, and the gate that stops public replies over budget.

Prices (X, from 20 April 2026): a post $0.015, a post containing a URL $0.20, a summoned
reply $0.01, a DM sent $0.015, a post read $0.005. Each use the client actually makes is
one `x_spend` row, so every replica adds to one ledger and staff see one figure. Requests X
refuses are not recorded (X does not bill them).

`X_MONTHLY_BUDGET_USD` (0 = none): once this calendar month's estimate reaches it, public
replies stop; DMs go on, because a consultation already under way by DM must not break.
An `oauth.revoke` of the bot account stops all sending until staff clear it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from bot.channels.x.state import REVOKED, get_state, set_state
from bot.storage.audit import audit
from bot.storage.db import session_scope
from bot.storage.models import XSpend, utcnow

PRICES_USD = {
    "post": 0.015,
    "post_url": 0.20,
    "summoned_reply": 0.01,
    "dm": 0.015,
    "read": 0.005,
}


def record(kind: str, units: int = 1, engine: Engine | None = None) -> None:
    """One billable use (or `units` of them, e.g. posts read by one search)."""
    if units <= 0:
        return
    with session_scope(engine) as session:
        session.add(XSpend(kind=kind, units=units, usd=round(PRICES_USD[kind] * units, 6)))


def _month_start(now: datetime) -> datetime:
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class SpendSummary:
    today_usd: float
    month_usd: float
    budget_usd: float
    by_kind_month: dict[str, tuple[int, float]]
    revoked: dict | None
    unknown_event_types: dict[str, int]

    @property
    def over_budget(self) -> bool:
        return self.budget_usd > 0 and self.month_usd >= self.budget_usd

    @property
    def public_replies_stopped_because(self) -> str | None:
        if self.revoked:
            return "the bot account's access was revoked on X"
        if self.over_budget:
            return (
                f"this month's estimated X spend (${self.month_usd:.2f}) has reached the "
                f"budget (X_MONTHLY_BUDGET_USD = ${self.budget_usd:.2f})"
            )
        return None


def summary(
    budget_usd: float, engine: Engine | None = None, now: datetime | None = None
) -> SpendSummary:
    from bot.channels.x.state import UNKNOWN_EVENT_TYPES

    now = now or utcnow()
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    with session_scope(engine) as session:
        today = session.scalar(select(func.sum(XSpend.usd)).where(XSpend.at >= day)) or 0.0
        rows = session.execute(
            select(XSpend.kind, func.sum(XSpend.units), func.sum(XSpend.usd))
            .where(XSpend.at >= _month_start(now), XSpend.at < now + timedelta(seconds=1))
            .group_by(XSpend.kind)
        ).all()
    by_kind = {kind: (int(units or 0), float(usd or 0)) for kind, units, usd in rows}
    return SpendSummary(
        today_usd=round(float(today), 4),
        month_usd=round(sum(usd for _, usd in by_kind.values()), 4),
        budget_usd=budget_usd,
        by_kind_month=by_kind,
        revoked=get_state(REVOKED, engine),
        unknown_event_types=get_state(UNKNOWN_EVENT_TYPES, engine) or {},
    )


class SpendGate:
    """`gate(kind)`: None when a send of `kind` ("public" or "dm") may go, else why not."""

    def __init__(self, budget_usd: float, engine: Engine | None = None) -> None:
        self.budget_usd = budget_usd
        self.engine = engine

    def __call__(self, kind: str) -> str | None:
        revoked = get_state(REVOKED, self.engine)
        if revoked:
            return "the bot account's access was revoked on X"
        if kind != "public" or self.budget_usd <= 0:
            return None
        return summary(self.budget_usd, self.engine).public_replies_stopped_because


def mark_revoked(user_id: str, engine: Engine | None = None) -> None:
    """The bot account revoked our app: stop sending, tell staff (audit + overview)."""
    set_state(REVOKED, {"user_id": user_id, "at": utcnow().isoformat(timespec="seconds")}, engine)
    with session_scope(engine) as session:
        audit(session, actor="x", action="x_access_revoked", detail={"user_id": user_id})


def clear_revoked(actor: str, engine: Engine | None = None) -> bool:
    """Staff re-authorised the app: sending may resume. True if it was revoked."""
    if not get_state(REVOKED, engine):
        return False
    set_state(REVOKED, None, engine)
    with session_scope(engine) as session:
        audit(session, actor=actor, action="x_access_restored")
    return True
