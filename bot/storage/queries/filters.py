"""What a staff filter means in SQL: the `ResponseFilter` and the WHERE clauses it adds.

Joins are added only when a condition needs them, and theme conditions choose whether
the database starts from the theme index or from the responses (see `theme_conditions`),
so the list, counts and exports stay fast at 100,000 responses. Reading a filter from a
query string is the review app's job (`bot/review/filters.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from bot.storage.models import Business, Conversation, EffectiveTheme, Response

PER_PAGE_DEFAULT = 25
UK_TIMEZONE = "Europe/London"
PER_PAGE_MAX = 200
MAX_SEARCH_TERMS = 8
NONE_LABEL = "(not given)"


@dataclass
class ResponseFilter:
    """What the staff asked for on the responses list (and exports)."""

    themes: list[str] = field(default_factory=list)
    theme_mode: str = "any"  # "any" or "all"
    channel: str | None = None
    sector: str | None = None
    size_band: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    reviewed: bool | None = None
    flagged: bool | None = None
    q: str = ""
    business_id: int | None = None
    stance: str | None = None  # opportunity | barrier | ask, or NONE_LABEL
    question: str | None = None  # the question_key answered, or NONE_LABEL
    page: int = 1
    per_page: int = PER_PAGE_DEFAULT
    # Exports: only responses stored up to this id, so the count the audit records and the
    # rows written agree while chats go on storing answers (load probe s46).
    upto_id: int | None = None

    @property
    def active(self) -> bool:
        return bool(
            self.themes
            or self.channel
            or self.sector
            or self.size_band
            or self.date_from
            or self.date_to
            or self.reviewed is not None
            or self.flagged is not None
            or self.q
            or self.business_id
            or self.stance
            or self.question
            or self.upto_id is not None
        )


def _uk_zone() -> Any:  # noqa: ANN401 - a tzinfo
    try:
        return ZoneInfo(UK_TIMEZONE)
    except ZoneInfoNotFoundError:
        return timezone.utc


def uk_midnight_utc(day: date) -> datetime:
    """Midnight at the start of `day` in UK time, as naive UTC (how times are stored)."""
    local = datetime.combine(day, datetime.min.time()).replace(tzinfo=_uk_zone())
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def uk_time(stored: datetime) -> datetime:
    """A stored (naive UTC) time in UK time, as the staff pages show it."""
    return stored.replace(tzinfo=timezone.utc).astimezone(_uk_zone())


def uk_day(stored: datetime) -> date:
    """The UK calendar day of a stored (naive UTC) time."""
    return uk_time(stored).date()


def search_terms(q: str) -> list[str]:
    """Words or "quoted phrases" from a search box, at most MAX_SEARCH_TERMS."""
    terms = [a or b for a, b in re.findall(r'"([^"]+)"|(\S+)', q or "")]
    return [t.strip() for t in terms if t.strip()][:MAX_SEARCH_TERMS]


def like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def case_variants(term: str) -> list[str]:
    """`term` as typed, in lower case, upper case and capitalised (each word, the first).

    SQLite's LIKE and lower(), and PostgreSQL's ILIKE under the C locale, fold ASCII letters
    only: "łódź" missed "Łódź" (staff probe s45). A term with other letters is matched in
    each of its usual shapes; mixed case inside a word ("łÓdź") is still not found."""
    if term.isascii():
        return [term]
    return list(dict.fromkeys([term, term.lower(), term.upper(), term.title(), term.capitalize()]))


def contains(column: Any, term: str, sqlite: bool) -> Any:  # noqa: ANN401 - SQL expressions
    """`column` contains `term`, ignoring case (any script, as `case_variants` can)."""
    conditions = []
    for variant in case_variants(term):
        pattern = f"%{like_escape(variant)}%"
        # SQLite's LIKE is already case-insensitive for ASCII; ILIKE elsewhere.
        if sqlite:
            conditions.append(column.like(pattern, escape="\\"))
        else:
            conditions.append(column.ilike(pattern, escape="\\"))
    return or_(*conditions) if len(conditions) > 1 else conditions[0]


def _needs_conversation(f: ResponseFilter) -> bool:
    return bool(f.channel or f.sector or f.size_band or f.business_id)


def _needs_business(f: ResponseFilter) -> bool:
    return bool(f.sector or f.size_band or f.business_id)


def theme_conditions(f: ResponseFilter, drive: bool) -> list[Any]:
    """`response id IN (ids with theme ...)` conditions.

    `drive=False` wraps the id as `id + 0` so SQLite will not start from the (large) id
    list and look each row up in the wide responses table; it then walks an index of
    responses (by date or conversation) and checks membership instead. Which is faster
    depends on how many rows match, so callers choose.
    """
    if not f.themes:
        return []
    rid = Response.id if drive else Response.id + 0
    if f.theme_mode == "all":
        return [
            rid.in_(select(EffectiveTheme.response_id).where(EffectiveTheme.theme_id == t))
            for t in f.themes
        ]
    return [
        rid.in_(select(EffectiveTheme.response_id).where(EffectiveTheme.theme_id.in_(f.themes)))
    ]


def apply_filter(
    session: Session, stmt: Select, f: ResponseFilter, joined: bool, drive_themes: bool = True
) -> Select:
    """Apply the filter's conditions. `joined`: Conversation and Business already joined."""
    if not joined and _needs_conversation(f):
        stmt = stmt.join(Conversation, Response.conversation_id == Conversation.id)
        if _needs_business(f):
            stmt = stmt.join(Business, Conversation.business_id == Business.id)
    for condition in theme_conditions(f, drive_themes):
        stmt = stmt.where(condition)
    if f.channel:
        stmt = stmt.where(Conversation.channel == f.channel)
    if f.sector:
        stmt = stmt.where(
            Business.sector.is_(None) if f.sector == NONE_LABEL else Business.sector == f.sector
        )
    if f.size_band:
        stmt = stmt.where(
            Business.size_band.is_(None)
            if f.size_band == NONE_LABEL
            else Business.size_band == f.size_band
        )
    if f.business_id:
        stmt = stmt.where(Business.id == f.business_id)
    if f.upto_id is not None:
        stmt = stmt.where(Response.id <= f.upto_id)
    if f.stance:
        stmt = stmt.where(
            Response.stance.is_(None) if f.stance == NONE_LABEL else Response.stance == f.stance
        )
    if f.question:
        stmt = stmt.where(
            Response.question_key.is_(None)
            if f.question == NONE_LABEL
            else Response.question_key == f.question
        )
    if f.date_from:
        stmt = stmt.where(Response.created_at >= uk_midnight_utc(f.date_from))
    if f.date_to and f.date_to < date.max:  # up to 9999-12-31 is no upper bound at all:
        # the day after it overflowed, a 500 (attack probe, 7 Dec)
        stmt = stmt.where(Response.created_at < uk_midnight_utc(f.date_to + timedelta(days=1)))
    if f.reviewed is True:
        stmt = stmt.where(Response.reviewed_at.is_not(None))
    elif f.reviewed is False:
        stmt = stmt.where(Response.reviewed_at.is_(None))
    if f.flagged is not None:
        stmt = stmt.where(Response.flagged == f.flagged)
    sqlite = session.get_bind().dialect.name == "sqlite"
    for term in search_terms(f.q):
        stmt = stmt.where(contains(Response.text, term, sqlite))
    return stmt


# Start from the themes' id list only when it is short; otherwise walk an index of
# responses (by date, or by conversation for channel/sector filters) and test membership.
DRIVE_FROM_THEMES_BELOW = 2000


def drive_from_themes(session: Session, f: ResponseFilter) -> bool:
    if not f.themes:
        return False
    rows = session.scalar(
        select(func.count())
        .select_from(EffectiveTheme)
        .where(EffectiveTheme.theme_id.in_(f.themes))
    )
    return int(rows or 0) < DRIVE_FROM_THEMES_BELOW


def only_themes(f: ResponseFilter) -> bool:
    return bool(f.themes) and not replace(f, themes=[]).active
