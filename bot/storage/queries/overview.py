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
from bot.storage.queries.businesses import shown_to_staff_clause
from bot.storage.queries.filters import NONE_LABEL, uk_day, uk_midnight_utc
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
    """Responses per UK week (Monday 00:00 UK time) for the latest `max_weeks` weeks with data.

    A range count per week on the created_at index: portable and cheap at any size. Weeks
    are cut at UK midnight as the list's date filter cuts days, so a week's bar and the list
    filtered to that week agree (UTC weeks moved Sunday 23:xx UTC in summer: staff probe s44)."""
    # Two queries: SQLite answers a lone min() or max() from the index in O(log n).
    first = _as_datetime(session.scalar(select(func.min(Response.created_at))))
    last = _as_datetime(session.scalar(select(func.max(Response.created_at))))
    if first is None or last is None:
        return []
    first_day, last_day = uk_day(first), uk_day(last)
    last_monday = last_day - timedelta(days=last_day.weekday())
    first_monday = first_day - timedelta(days=first_day.weekday())
    start = max(first_monday, last_monday - timedelta(weeks=max_weeks - 1))
    mondays: list[date] = []
    monday = start
    while monday <= last_monday:
        mondays.append(monday)
        monday += timedelta(days=7)
    row = session.execute(
        _weekly_sql(len(mondays)),
        {
            **{f"lo{i}": uk_midnight_utc(m) for i, m in enumerate(mondays)},
            **{f"hi{i}": uk_midnight_utc(m + timedelta(days=7)) for i, m in enumerate(mondays)},
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


# A theme on fewer responses than this starts from its own rows; a commoner one walks the
# responses from the newest (created_at index) and stops at the first few on the theme.
LATEST_FROM_THEME_BELOW = 2000


@lru_cache(maxsize=64)
def _latest_sql(from_theme: tuple[bool, ...], per_theme: int) -> TextClause:
    """The newest `per_theme` response ids (by time received) for each theme id `:t{i}`,
    in one query; `from_theme[i]` chooses the plan for theme i (see above).

    Newest by time, not by id: an import stores older emails and survey answers after
    newer chat, and they crowded the newest chat answers out (staff probe s44)."""
    n = int(per_theme)
    parts = []
    for i, rare in enumerate(from_theme):
        if rare:
            inner = (
                f"SELECT e.theme_id, e.response_id FROM effective_themes e "
                f"JOIN responses r ON r.id = e.response_id WHERE e.theme_id = :t{i} "
                f"ORDER BY r.created_at DESC, r.id DESC LIMIT {n}"
            )
        else:  # one index probe per response walked (an IN list would be built whole)
            inner = (
                f"SELECT CAST(:t{i} AS VARCHAR(64)) AS theme_id, r.id AS response_id "
                f"FROM responses r WHERE EXISTS (SELECT 1 FROM effective_themes e "
                f"WHERE e.theme_id = :t{i} AND e.response_id = r.id) "
                f"ORDER BY r.created_at DESC, r.id DESC LIMIT {n}"
            )
        parts.append(f"SELECT * FROM ({inner}) AS l{i}")
    return text(" UNION ALL ".join(parts))


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

    businesses = int(
        session.scalar(select(func.count(Business.id)).where(shown_to_staff_clause())) or 0
    )

    # Newest responses per theme, as the list on that theme shows them. One query.
    wanted = [t for t in THEME_IDS if by_theme[t]]
    plans = tuple(by_theme[t] < LATEST_FROM_THEME_BELOW for t in wanted)
    pairs = (
        session.execute(
            _latest_sql(plans, recent_per_theme), {f"t{i}": t for i, t in enumerate(wanted)}
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
