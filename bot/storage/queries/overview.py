"""The overview dashboard: counts by theme, channel, sector and week, newest per theme.

Aggregates in as few index scans as possible so it stays cheap at 100,000 responses.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import DateTime, bindparam, case, func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause

from bot.storage.models import Business, Conversation, EffectiveTheme, Response
from bot.storage.queries.filters import NONE_LABEL
from bot.storage.queries.rows import ResponseRow, rows_by_ids
from bot.storage.stance import stance_counts
from bot.strategy import ISLAND_IDS, SEABED_IDS, THEME_IDS


@dataclass
class Overview:
    total: int
    businesses: int
    reviewed: int
    flagged: int
    by_theme: dict[str, int]
    by_channel: list[tuple[str, int]]
    by_sector: list[tuple[str, int]]
    by_week: list[tuple[date, int]]
    recent: dict[str, list[ResponseRow]]
    # Every stance in a fixed order; None = stored before stance existed.
    by_stance: list[tuple[str | None, int]] = field(default_factory=list)


def weekly_counts(session: Session, max_weeks: int = 26) -> list[tuple[date, int]]:
    """Responses per week (Monday start) for the latest `max_weeks` weeks with data.

    A range count per week on the created_at index: portable and cheap at any size."""
    # Two queries: SQLite answers a lone min() or max() from the index in O(log n).
    first = _as_datetime(session.scalar(select(func.min(Response.created_at))))
    last = _as_datetime(session.scalar(select(func.max(Response.created_at))))
    if first is None or last is None:
        return []
    last_monday = last.date() - timedelta(days=last.weekday())
    first_monday = first.date() - timedelta(days=first.weekday())
    start = max(first_monday, last_monday - timedelta(weeks=max_weeks - 1))
    mondays: list[date] = []
    monday = start
    while monday <= last_monday:
        mondays.append(monday)
        monday += timedelta(days=7)
    row = session.execute(
        _weekly_sql(len(mondays)),
        {
            **{f"lo{i}": datetime.combine(m, datetime.min.time()) for i, m in enumerate(mondays)},
            **{
                f"hi{i}": datetime.combine(m + timedelta(days=7), datetime.min.time())
                for i, m in enumerate(mondays)
            },
        },
    ).one()  # one round trip, one index range per week
    return [(m, int(n or 0)) for m, n in zip(mondays, row, strict=True)]


@lru_cache(maxsize=64)
def _weekly_sql(weeks: int) -> TextClause:
    """Plain SQL (built once per week count; cheaper per request than composing it)."""
    parts = ", ".join(
        f"(SELECT count(*) FROM responses WHERE created_at >= :lo{i} AND created_at < :hi{i})"
        for i in range(weeks)
    )
    return text(f"SELECT {parts}").bindparams(
        *[bindparam(f"lo{i}", type_=DateTime()) for i in range(weeks)],
        *[bindparam(f"hi{i}", type_=DateTime()) for i in range(weeks)],
    )


@lru_cache(maxsize=16)
def _latest_sql(themes: int, per_theme: int) -> TextClause:
    """The newest `per_theme` response ids for each of `themes` theme ids, in one query."""
    parts = " UNION ALL ".join(
        f"SELECT * FROM (SELECT theme_id, response_id FROM effective_themes "
        f"WHERE theme_id = :t{i} ORDER BY response_id DESC LIMIT {int(per_theme)}) AS l{i}"
        for i in range(themes)
    )
    return text(parts)


def _as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def overview(session: Session, recent_per_theme: int = 3, max_weeks: int = 26) -> Overview:
    """Counts by theme, channel, sector and week, plus the newest responses per theme."""
    by_theme = dict.fromkeys(THEME_IDS, 0)
    for theme_id, n in session.execute(
        select(EffectiveTheme.theme_id, func.count()).group_by(EffectiveTheme.theme_id)
    ):
        if theme_id in by_theme:
            by_theme[theme_id] = n

    # One pass over the covering (conversation_id, created_at, reviewed_at, flagged) index
    # gives totals, review counts and responses per conversation; channel and sector are
    # then looked up per conversation, never per response, and no text row is read.
    per_conversation = (
        select(
            Response.conversation_id.label("cid"),
            func.count().label("n"),
            func.count(Response.reviewed_at).label("reviewed"),
            func.sum(case((Response.flagged == True, 1), else_=0)).label("flagged"),  # noqa: E712
        )
        .group_by(Response.conversation_id)
        .subquery()
    )
    channel_counts: Counter[str] = Counter()
    sector_counts: Counter[str] = Counter()
    total = reviewed = flagged = 0
    for channel, sector, n, n_reviewed, n_flagged in session.execute(
        select(
            Conversation.channel,
            Business.sector,
            func.sum(per_conversation.c.n),
            func.sum(per_conversation.c.reviewed),
            func.sum(per_conversation.c.flagged),
        )
        .select_from(per_conversation)
        .join(Conversation, Conversation.id == per_conversation.c.cid)
        .join(Business, Business.id == Conversation.business_id)
        .group_by(Conversation.channel, Business.sector)
    ):
        channel_counts[channel or NONE_LABEL] += int(n or 0)
        sector_counts[sector or NONE_LABEL] += int(n or 0)
        total += int(n or 0)
        reviewed += int(n_reviewed or 0)
        flagged += int(n_flagged or 0)

    by_week = weekly_counts(session, max_weeks) if total else []

    businesses = int(session.scalar(select(func.count(Business.id))) or 0)

    # Newest responses per theme: ids are assigned as messages arrive, so the highest ids
    # on the (theme_id, response_id) index are the most recent. One query for all themes.
    wanted = [t for t in THEME_IDS if by_theme[t]]
    pairs = (
        session.execute(
            _latest_sql(len(wanted), recent_per_theme), {f"t{i}": t for i, t in enumerate(wanted)}
        ).all()
        if wanted
        else []
    )
    rows_by_id = {r.id: r for r in rows_by_ids(session, sorted({rid for _, rid in pairs}))}
    recent: dict[str, list[ResponseRow]] = {t: [] for t in THEME_IDS}
    for theme_id, rid in pairs:
        if rid in rows_by_id:
            recent[theme_id].append(rows_by_id[rid])
    for rows in recent.values():
        rows.sort(key=lambda r: (r.created_at, r.id), reverse=True)

    return Overview(
        total=int(total or 0),
        businesses=businesses,
        reviewed=int(reviewed or 0),
        flagged=int(flagged or 0),
        by_theme=by_theme,
        by_channel=channel_counts.most_common(),
        by_sector=sector_counts.most_common(),
        by_week=by_week,
        recent=recent,
        by_stance=list(stance_counts(session).items()) if total else [],
    )


def island_and_seabed(
    by_theme: dict[str, int],
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    return (
        [(t, by_theme.get(t, 0)) for t in ISLAND_IDS],
        [(t, by_theme.get(t, 0)) for t in SEABED_IDS],
    )
