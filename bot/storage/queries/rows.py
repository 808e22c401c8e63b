"""The rows staff read: one response with its business, channel and winning themes.

Lists fetch ids first (from indexes) and then these rows, so the wide join runs only
for the page being shown.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from bot.storage.models import (
    SOURCE_PRECEDENCE,
    Business,
    Conversation,
    Response,
    ResponseTheme,
)
from bot.strategy import THEME_IDS


@dataclass
class ThemeTag:
    theme_id: str
    source: str  # the source whose view won (model, respondent or staff)


@dataclass
class ResponseRow:
    id: int
    text: str
    question: str | None
    question_key: str | None
    created_at: datetime
    reviewed_at: datetime | None
    reviewed_by: str | None
    flagged: bool
    note: str | None
    channel: str
    business_id: int
    sender_id: str
    organisation: str | None
    sector: str | None
    size_band: str | None
    location: str | None
    email: str | None
    stance: str | None = None
    stance_by: str | None = None  # staff who corrected the stance, if any
    themes: list[ThemeTag] = field(default_factory=list)


@dataclass
class Page:
    """One page of results (responses, or audit events for the audit log)."""

    items: list[Any]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def first_index(self) -> int:
        return 0 if not self.total else (self.page - 1) * self.per_page + 1

    @property
    def last_index(self) -> int:
        return min(self.total, self.page * self.per_page)


ROW_COLUMNS = (
    Response.id,
    Response.text,
    Response.question,
    Response.question_key,
    Response.created_at,
    Response.reviewed_at,
    Response.reviewed_by,
    Response.flagged,
    Response.note,
    Conversation.channel,
    Business.id,
    Business.sender_id,
    Business.organisation,
    Business.sector,
    Business.size_band,
    Business.location,
    Business.email,
    Response.stance,
    Response.stance_by,
)


def rows_select() -> Select:
    return (
        select(*ROW_COLUMNS)
        .select_from(Response)
        .join(Conversation, Response.conversation_id == Conversation.id)
        .join(Business, Conversation.business_id == Business.id)
    )


def to_rows(result: Iterable[Sequence[Any]]) -> list[ResponseRow]:
    return [
        ResponseRow(
            id=r[0],
            text=r[1],
            question=r[2],
            question_key=r[3],
            created_at=r[4],
            reviewed_at=r[5],
            reviewed_by=r[6],
            flagged=bool(r[7]),
            note=r[8],
            channel=r[9],
            business_id=r[10],
            sender_id=r[11],
            organisation=r[12],
            sector=r[13],
            size_band=r[14],
            location=r[15],
            email=r[16],
            stance=r[17],
            stance_by=r[18],
        )
        for r in result
    ]


def winning_sources(rows: Iterable[tuple[int, str, str, bool]]) -> dict[int, list[ThemeTag]]:
    """(response_id, theme_id, source, present) rows → effective themes with winning source."""
    best: dict[int, dict[str, tuple[str, bool]]] = defaultdict(dict)
    for response_id, theme_id, source, present in rows:
        held = best[response_id].get(theme_id)
        if held is None or SOURCE_PRECEDENCE[source] > SOURCE_PRECEDENCE[held[0]]:
            best[response_id][theme_id] = (source, bool(present))
    return {
        rid: [ThemeTag(t, themes[t][0]) for t in THEME_IDS if t in themes and themes[t][1]]
        for rid, themes in best.items()
    }


def attach_themes(session: Session, rows: list[ResponseRow]) -> list[ResponseRow]:
    if not rows:
        return rows
    ids = [r.id for r in rows]
    tags = winning_sources(
        session.execute(
            select(
                ResponseTheme.response_id,
                ResponseTheme.theme_id,
                ResponseTheme.source,
                ResponseTheme.present,
            ).where(ResponseTheme.response_id.in_(ids))
        ).all()
    )
    for row in rows:
        row.themes = tags.get(row.id, [])
    return rows


# Start from the themes' id list only when it is short; otherwise walk an index of


def order_newest(stmt: Select) -> Select:
    return stmt.order_by(Response.created_at.desc(), Response.id.desc())


def rows_by_ids(session: Session, ids: Sequence[int]) -> list[ResponseRow]:
    """The rows for `ids`, in that order, with their themes."""
    if not ids:
        return []
    rows = to_rows(session.execute(rows_select().where(Response.id.in_(list(ids)))).all())
    position = {rid: i for i, rid in enumerate(ids)}
    rows.sort(key=lambda r: position[r.id])
    return attach_themes(session, rows)
