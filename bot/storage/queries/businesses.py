"""Finding a business (e.g. for an erasure request) by organisation, email or sender id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from bot.storage.models import Business, Conversation, Response
from bot.storage.queries.filters import contains, search_terms


@dataclass
class BusinessRow:
    id: int
    sender_id: str
    channel: str
    organisation: str | None
    sector: str | None
    size_band: str | None
    email: str | None
    created_at: datetime | None
    responses: int


# #bucksLIS posts are public and collected without a consent question (bot/channels/x/collect)
PUBLIC_POSTS_CHANNEL = "x_post"


def shown_to_staff(business: Business) -> bool:
    """Whether staff may read this business's transcript: it agreed to take part, or what
    it said was a public post. Someone who declined, or was never asked, was told nothing
    they say is kept; the purge removes it (browser probe, 7 Dec)."""
    return business.consent is True or business.channel == PUBLIC_POSTS_CHANNEL


def shown_to_staff_clause() -> ColumnElement[bool]:
    """`shown_to_staff` in SQL: every count of businesses staff see uses it (the overview
    counted declined and never-asked ones beside a Businesses page without them: staff
    probe s44)."""
    return or_(Business.consent.is_(True), Business.channel == PUBLIC_POSTS_CHANNEL)


def find_businesses(
    session: Session, q: str = "", limit: int = 50, offset: int = 0
) -> tuple[list[BusinessRow], int]:
    """Businesses shown to staff (`shown_to_staff`) whose organisation, contact email or
    sender id contains `q`, newest first, `limit` from `offset` (a page), with their
    response counts; and how many matched in all."""
    conditions = [shown_to_staff_clause()]
    sqlite = session.get_bind().dialect.name == "sqlite"
    for term in search_terms(q):  # any script's case, as the responses search (s45)
        conditions.append(
            or_(
                contains(Business.organisation, term, sqlite),
                contains(Business.email, term, sqlite),
                contains(Business.sender_id, term, sqlite),
            )
        )
    where = and_(*conditions) if conditions else None
    count_stmt = select(func.count()).select_from(Business)
    list_stmt = select(
        Business.id,
        Business.sender_id,
        Business.channel,
        Business.organisation,
        Business.sector,
        Business.size_band,
        Business.email,
        Business.created_at,
    ).order_by(Business.created_at.desc(), Business.id.desc())
    if where is not None:
        count_stmt = count_stmt.where(where)
        list_stmt = list_stmt.where(where)
    total = int(session.scalar(count_stmt) or 0)
    found = session.execute(list_stmt.limit(limit).offset(offset)).all()
    counts: dict[int, int] = {}
    if found:
        counts = dict(
            session.execute(
                select(Conversation.business_id, func.count(Response.id))
                .join(Response, Response.conversation_id == Conversation.id)
                .where(Conversation.business_id.in_([b[0] for b in found]))
                .group_by(Conversation.business_id)
            ).all()
        )
    # Keyed by column name (= field name), so the row's length is not mypy's concern.
    rows = [BusinessRow(**b._mapping, responses=counts.get(b.id, 0)) for b in found]
    return rows, total
