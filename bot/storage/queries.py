"""Read-side queries for the staff review app: filter, search, paginate, overview, agreement.

All 2.0-style `select()`. Filtering reads `EffectiveTheme` (the derived set after
staff > respondent > model overrides). Written to stay fast at 100,000 responses:
joins are added only when a filter needs them, counts avoid joins they don't need,
and the overview aggregates in as few scans as possible.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import DateTime, and_, bindparam, case, func, or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import TextClause

from bot.storage.models import (
    SOURCE_MODEL,
    SOURCE_PRECEDENCE,
    SOURCE_STAFF,
    AuditEvent,
    Business,
    Conversation,
    EffectiveTheme,
    Response,
    ResponseTheme,
)
from bot.strategy import ISLAND_IDS, SEABED_IDS, THEME_IDS

PER_PAGE_DEFAULT = 25
UK_TIMEZONE = "Europe/London"
PER_PAGE_MAX = 200
MAX_SEARCH_TERMS = 8
NONE_LABEL = "(not given)"


# --- filters ------------------------------------------------------------------------------


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
    page: int = 1
    per_page: int = PER_PAGE_DEFAULT

    @classmethod
    def from_args(cls, args: Any) -> ResponseFilter:
        """Build from a request's query args (a MultiDict); ignores anything malformed."""

        def one(name: str) -> str | None:
            value = (args.get(name) or "").strip()
            return value or None

        def tri(name: str) -> bool | None:
            value = (args.get(name) or "").strip().lower()
            return {
                "yes": True,
                "true": True,
                "1": True,
                "no": False,
                "false": False,
                "0": False,
            }.get(value)

        def day(name: str) -> date | None:
            try:
                return date.fromisoformat((args.get(name) or "").strip())
            except ValueError:
                return None

        def number(name: str, default: int, low: int, high: int) -> int:
            try:
                return max(low, min(high, int(args.get(name) or default)))
            except (TypeError, ValueError):
                return default

        themes = [t for t in dict.fromkeys(args.getlist("theme")) if t in THEME_IDS]
        business_raw = one("business")
        return cls(
            themes=themes,
            theme_mode="all" if (args.get("mode") or "") == "all" else "any",
            channel=one("channel"),
            sector=one("sector"),
            size_band=one("size_band"),
            date_from=day("from"),
            date_to=day("to"),
            reviewed=tri("reviewed"),
            flagged=tri("flagged"),
            q=(args.get("q") or "").strip()[:200],
            business_id=int(business_raw) if business_raw and business_raw.isdigit() else None,
            page=number("page", 1, 1, 10**6),
            per_page=number("per_page", PER_PAGE_DEFAULT, 1, PER_PAGE_MAX),
        )

    def to_args(self, **changes: Any) -> list[tuple[str, str]]:
        """Query-string pairs reproducing this filter (with `changes` applied)."""
        values = {**self.__dict__, **changes}
        pairs: list[tuple[str, str]] = [("theme", t) for t in values["themes"]]
        if values["themes"] and values["theme_mode"] == "all":
            pairs.append(("mode", "all"))
        for key in ("channel", "sector", "size_band"):
            if values[key]:
                pairs.append((key, values[key]))
        if values["date_from"]:
            pairs.append(("from", values["date_from"].isoformat()))
        if values["date_to"]:
            pairs.append(("to", values["date_to"].isoformat()))
        for key in ("reviewed", "flagged"):
            if values[key] is not None:
                pairs.append((key, "yes" if values[key] else "no"))
        if values["q"]:
            pairs.append(("q", values["q"]))
        if values["business_id"]:
            pairs.append(("business", str(values["business_id"])))
        if values["page"] and values["page"] != 1:
            pairs.append(("page", str(values["page"])))
        if values["per_page"] != PER_PAGE_DEFAULT:
            pairs.append(("per_page", str(values["per_page"])))
        return pairs

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
        )


def uk_midnight_utc(day: date) -> datetime:
    """Midnight at the start of `day` in UK time, as naive UTC (how times are stored)."""
    try:
        zone: Any = ZoneInfo(UK_TIMEZONE)
    except ZoneInfoNotFoundError:
        zone = timezone.utc
    local = datetime.combine(day, datetime.min.time()).replace(tzinfo=zone)
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def search_terms(q: str) -> list[str]:
    """Words or "quoted phrases" from a search box, at most MAX_SEARCH_TERMS."""
    terms = [a or b for a, b in re.findall(r'"([^"]+)"|(\S+)', q or "")]
    return [t.strip() for t in terms if t.strip()][:MAX_SEARCH_TERMS]


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _needs_conversation(f: ResponseFilter) -> bool:
    return bool(f.channel or f.sector or f.size_band or f.business_id)


def _needs_business(f: ResponseFilter) -> bool:
    return bool(f.sector or f.size_band or f.business_id)


def _theme_conditions(f: ResponseFilter, drive: bool) -> list[Any]:
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


def _where(
    session: Session, stmt: Select, f: ResponseFilter, joined: bool, drive_themes: bool = True
) -> Select:
    """Apply the filter's conditions. `joined`: Conversation and Business already joined."""
    if not joined and _needs_conversation(f):
        stmt = stmt.join(Conversation, Response.conversation_id == Conversation.id)
        if _needs_business(f):
            stmt = stmt.join(Business, Conversation.business_id == Business.id)
    for condition in _theme_conditions(f, drive_themes):
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
    if f.date_from:
        stmt = stmt.where(Response.created_at >= uk_midnight_utc(f.date_from))
    if f.date_to:
        stmt = stmt.where(Response.created_at < uk_midnight_utc(f.date_to + timedelta(days=1)))
    if f.reviewed is True:
        stmt = stmt.where(Response.reviewed_at.is_not(None))
    elif f.reviewed is False:
        stmt = stmt.where(Response.reviewed_at.is_(None))
    if f.flagged is not None:
        stmt = stmt.where(Response.flagged == f.flagged)
    sqlite = session.get_bind().dialect.name == "sqlite"
    for term in search_terms(f.q):
        pattern = f"%{_like_escape(term)}%"
        # SQLite's LIKE is already case-insensitive for ASCII; ILIKE elsewhere.
        if sqlite:
            stmt = stmt.where(Response.text.like(pattern, escape="\\"))
        else:
            stmt = stmt.where(Response.text.ilike(pattern, escape="\\"))
    return stmt


# --- the list -----------------------------------------------------------------------------


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


_ROW_COLUMNS = (
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
)


def _rows_select() -> Select:
    return (
        select(*_ROW_COLUMNS)
        .select_from(Response)
        .join(Conversation, Response.conversation_id == Conversation.id)
        .join(Business, Conversation.business_id == Business.id)
    )


def _to_rows(result: Iterable[Sequence[Any]]) -> list[ResponseRow]:
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
# responses (by date, or by conversation for channel/sector filters) and test membership.
DRIVE_FROM_THEMES_BELOW = 2000


def _drive_from_themes(session: Session, f: ResponseFilter) -> bool:
    if not f.themes:
        return False
    rows = session.scalar(
        select(func.count())
        .select_from(EffectiveTheme)
        .where(EffectiveTheme.theme_id.in_(f.themes))
    )
    return int(rows or 0) < DRIVE_FROM_THEMES_BELOW


def _only_themes(f: ResponseFilter) -> bool:
    return bool(f.themes) and not replace(f, themes=[]).active


def count_responses(session: Session, f: ResponseFilter) -> int:
    """How many responses match `f`, by the cheapest route for the filter's shape."""
    if _only_themes(f):
        # Index-only count on the derived theme table.
        if f.theme_mode == "all" and len(f.themes) > 1:
            first, *rest = f.themes
            stmt = (
                select(func.count())
                .select_from(EffectiveTheme)
                .where(EffectiveTheme.theme_id == first)
            )
            for theme_id in rest:
                stmt = stmt.where(
                    EffectiveTheme.response_id.in_(
                        select(EffectiveTheme.response_id).where(
                            EffectiveTheme.theme_id == theme_id
                        )
                    )
                )
            return int(session.scalar(stmt) or 0)
        return int(
            session.scalar(
                select(func.count(func.distinct(EffectiveTheme.response_id))).where(
                    EffectiveTheme.theme_id.in_(f.themes)
                )
            )
            or 0
        )
    drive = _drive_from_themes(session, f)
    stmt = _where(
        session, select(func.count()).select_from(Response), f, joined=False, drive_themes=drive
    )
    return int(session.scalar(stmt) or 0)


def _order(stmt: Select) -> Select:
    return stmt.order_by(Response.created_at.desc(), Response.id.desc())


def _rows_by_ids(session: Session, ids: Sequence[int]) -> list[ResponseRow]:
    if not ids:
        return []
    rows = _to_rows(session.execute(_rows_select().where(Response.id.in_(list(ids)))).all())
    position = {rid: i for i, rid in enumerate(ids)}
    rows.sort(key=lambda r: position[r.id])
    return attach_themes(session, rows)


# A text search reads every row's text anyway; when it matches fewer than this, one scan
# gives both the count and the page (sorted here) instead of two scans.
SEARCH_PROBE = 2000


def _page(total: int, f: ResponseFilter) -> int:
    return min(f.page, max(1, math.ceil(total / f.per_page)))


def list_responses(session: Session, f: ResponseFilter) -> Page:
    """One page of responses matching `f`, newest first, with their themes.

    Two steps: the page's ids (from indexes only where possible), then those rows."""
    drive = _drive_from_themes(session, f)
    if search_terms(f.q):
        probe = session.execute(
            _where(
                session,
                select(Response.id, Response.created_at).select_from(Response),
                f,
                joined=False,
                drive_themes=drive,
            ).limit(SEARCH_PROBE + 1)
        ).all()
        if len(probe) <= SEARCH_PROBE:
            keys = sorted(probe, key=lambda k: (k[1], k[0]), reverse=True)
            page = _page(len(keys), f)
            ids = [k[0] for k in keys[(page - 1) * f.per_page : page * f.per_page]]
            return Page(
                items=_rows_by_ids(session, ids), total=len(keys), page=page, per_page=f.per_page
            )
    total = count_responses(session, f)
    if not total:
        return Page(items=[], total=0, page=1, per_page=f.per_page)
    page = _page(total, f)
    ids_stmt = _order(
        _where(
            session,
            select(Response.id).select_from(Response),
            f,
            joined=False,
            drive_themes=drive,
        )
    )
    ids = list(session.scalars(ids_stmt.limit(f.per_page).offset((page - 1) * f.per_page)))
    return Page(items=_rows_by_ids(session, ids), total=total, page=page, per_page=f.per_page)


def iter_responses(session: Session, f: ResponseFilter, batch: int = 1000) -> Iterator[ResponseRow]:
    """Every response matching `f` (no pagination), newest first, in batches (exports).

    Keyset pagination on (created_at, id), so a 100,000-row export stays linear."""
    base = _where(
        session,
        select(Response.id, Response.created_at).select_from(Response),
        f,
        joined=False,
        drive_themes=_drive_from_themes(session, f),
    )
    last: tuple[datetime, int] | None = None
    while True:
        stmt = base
        if last is not None:
            stmt = stmt.where(
                or_(
                    Response.created_at < last[0],
                    and_(Response.created_at == last[0], Response.id < last[1]),
                )
            )
        keys = session.execute(_order(stmt).limit(batch)).all()
        if not keys:
            return
        yield from _rows_by_ids(session, [k[0] for k in keys])
        if len(keys) < batch:
            return
        last = (keys[-1][1], keys[-1][0])


def facets(session: Session) -> dict[str, list[str]]:
    """Distinct channels, sectors and size bands for the filter drop-downs."""

    def distinct(col: Any) -> list[str]:
        values = session.scalars(select(col).distinct()).all()
        out = sorted(v for v in values if v)
        if any(v is None or v == "" for v in values):
            out.append(NONE_LABEL)
        return out

    return {
        "channel": distinct(Conversation.channel),
        "sector": distinct(Business.sector),
        "size_band": distinct(Business.size_band),
    }


# --- one response, one business --------------------------------------------------------------


@dataclass
class ResponseDetail:
    row: ResponseRow
    theme_rows: list[ResponseTheme]
    history: list[AuditEvent]
    model_themes: list[str]


def response_detail(session: Session, response_id: int) -> ResponseDetail | None:
    rows = _to_rows(session.execute(_rows_select().where(Response.id == response_id)).all())
    if not rows:
        return None
    row = attach_themes(session, rows)[0]
    theme_rows = list(
        session.scalars(
            select(ResponseTheme)
            .where(ResponseTheme.response_id == response_id)
            .order_by(ResponseTheme.created_at, ResponseTheme.id)
        )
    )
    history = list(
        session.scalars(
            select(AuditEvent)
            .where(AuditEvent.response_id == response_id)
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        )
    )
    model = [
        t
        for t in THEME_IDS
        if any(r.theme_id == t and r.source == SOURCE_MODEL and r.present for r in theme_rows)
    ]
    return ResponseDetail(row=row, theme_rows=theme_rows, history=history, model_themes=model)


def business_responses(session: Session, business_id: int) -> list[ResponseRow]:
    rows = _to_rows(
        session.execute(
            _rows_select()
            .where(Business.id == business_id)
            .order_by(Response.created_at, Response.id)
        ).all()
    )
    return attach_themes(session, rows)


def evidence_for(session: Session, response_ids: Sequence[int]) -> dict[int, dict[str, list[str]]]:
    """The tagger's evidence phrases per response and theme (model rows only)."""
    out: dict[int, dict[str, list[str]]] = defaultdict(dict)
    if not response_ids:
        return out
    for rid, theme_id, evidence in session.execute(
        select(ResponseTheme.response_id, ResponseTheme.theme_id, ResponseTheme.evidence).where(
            ResponseTheme.response_id.in_(list(response_ids)),
            ResponseTheme.source == SOURCE_MODEL,
        )
    ):
        if evidence:
            out[rid][theme_id] = [str(e) for e in evidence][:10]
    return out


# --- overview -----------------------------------------------------------------------------


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
    rows_by_id = {r.id: r for r in _rows_by_ids(session, sorted({rid for _, rid in pairs}))}
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
    )


def island_and_seabed(
    by_theme: dict[str, int],
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    return (
        [(t, by_theme.get(t, 0)) for t in ISLAND_IDS],
        [(t, by_theme.get(t, 0)) for t in SEABED_IDS],
    )


# --- audit log ----------------------------------------------------------------------------

LOGIN_ACTIONS = ("login", "login_failed", "logout")


def audit_actions(session: Session) -> list[str]:
    return sorted(a for a in session.scalars(select(AuditEvent.action).distinct()) if a)


def audit_log(
    session: Session,
    page: int = 1,
    per_page: int = 50,
    action: str | None = None,
    response_id: int | None = None,
    include_logins: bool = False,
) -> Page:
    conditions = []
    if action:
        conditions.append(AuditEvent.action == action)
    elif not include_logins:
        conditions.append(AuditEvent.action.not_in(LOGIN_ACTIONS))
    if response_id:
        conditions.append(AuditEvent.response_id == response_id)
    where = and_(*conditions) if conditions else None
    count_stmt = select(func.count(AuditEvent.id))
    list_stmt = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if where is not None:
        count_stmt = count_stmt.where(where)
        list_stmt = list_stmt.where(where)
    total = int(session.scalar(count_stmt) or 0)
    pages = max(1, math.ceil(total / per_page))
    page = max(1, min(page, pages))
    items = list(session.scalars(list_stmt.limit(per_page).offset((page - 1) * per_page)))
    return Page(items=items, total=total, page=page, per_page=per_page)


# --- agreement: model vs staff-corrected themes ---------------------------------------------


@dataclass
class ThemeAgreement:
    theme_id: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if (self.tp + self.fp) else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if (self.tp + self.fn) else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if (p + r) else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass
class Agreement:
    reviewed: int
    per_theme: list[ThemeAgreement]
    mean_f1: float | None  # mean of per-response F1 (both empty counts as 1.0)
    exact: int  # responses where the model's set equals the corrected set
    staff_changed: int  # reviewed responses where staff overrides exist
    micro_precision: float | None
    micro_recall: float | None
    micro_f1: float | None


def set_f1(predicted: set[str], gold: set[str]) -> float:
    if not predicted and not gold:
        return 1.0
    tp = len(predicted & gold)
    if not tp:
        return 0.0
    p, r = tp / len(predicted), tp / len(gold)
    return 2 * p * r / (p + r)


def agreement(session: Session) -> Agreement:
    """Compare the model's tags with the final (staff-checked) themes on reviewed responses."""
    reviewed_ids = select(Response.id).where(Response.reviewed_at.is_not(None))
    ids = list(session.scalars(reviewed_ids))
    model: dict[int, set[str]] = defaultdict(set)
    gold: dict[int, set[str]] = defaultdict(set)
    staff: set[int] = set()
    for rid, theme_id, source, present in session.execute(
        select(
            ResponseTheme.response_id,
            ResponseTheme.theme_id,
            ResponseTheme.source,
            ResponseTheme.present,
        ).where(
            ResponseTheme.response_id.in_(reviewed_ids),
            or_(ResponseTheme.source == SOURCE_MODEL, ResponseTheme.source == SOURCE_STAFF),
        )
    ):
        if source == SOURCE_MODEL and present:
            model[rid].add(theme_id)
        elif source == SOURCE_STAFF:
            staff.add(rid)
    for rid, theme_id in session.execute(
        select(EffectiveTheme.response_id, EffectiveTheme.theme_id).where(
            EffectiveTheme.response_id.in_(reviewed_ids)
        )
    ):
        gold[rid].add(theme_id)
    stats = {t: ThemeAgreement(t, 0, 0, 0) for t in THEME_IDS}
    f1s: list[float] = []
    exact = 0
    for rid in ids:
        p, g = model.get(rid, set()), gold.get(rid, set())
        f1s.append(set_f1(p, g))
        exact += p == g
        for t in p & g:
            stats[t].tp += 1
        for t in p - g:
            if t in stats:
                stats[t].fp += 1
        for t in g - p:
            if t in stats:
                stats[t].fn += 1
    tp = sum(s.tp for s in stats.values())
    fp = sum(s.fp for s in stats.values())
    fn = sum(s.fn for s in stats.values())
    micro_p = tp / (tp + fp) if tp + fp else None
    micro_r = tp / (tp + fn) if tp + fn else None
    micro_f1 = (
        2 * micro_p * micro_r / (micro_p + micro_r)
        if micro_p is not None and micro_r is not None and (micro_p + micro_r)
        else (0.0 if micro_p is not None and micro_r is not None else None)
    )
    return Agreement(
        reviewed=len(ids),
        per_theme=[stats[t] for t in THEME_IDS],
        mean_f1=(sum(f1s) / len(f1s)) if f1s else None,
        exact=exact,
        staff_changed=len(staff & set(ids)),
        micro_precision=micro_p,
        micro_recall=micro_r,
        micro_f1=micro_f1,
    )


# --- businesses (find one, e.g. for an erasure request) ----------------------------------------


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


def find_businesses(
    session: Session, q: str = "", limit: int = 50
) -> tuple[list[BusinessRow], int]:
    """Businesses whose organisation, contact email or sender id contains `q`, newest first,
    with their response counts; and how many matched in all."""
    conditions = []
    for term in search_terms(q):
        pattern = f"%{_like_escape(term)}%"
        conditions.append(
            or_(
                Business.organisation.ilike(pattern, escape="\\"),
                Business.email.ilike(pattern, escape="\\"),
                Business.sender_id.ilike(pattern, escape="\\"),
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
    found = session.execute(list_stmt.limit(limit)).all()
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
    rows = [BusinessRow(*b, responses=counts.get(b[0], 0)) for b in found]
    return rows, total


def next_unreviewed(session: Session, exclude: int) -> int | None:
    """The newest unreviewed response other than `exclude` (for "next" in the review flow)."""
    return session.scalar(
        select(Response.id)
        .where(Response.reviewed_at.is_(None), Response.id != exclude)
        .order_by(Response.created_at.desc(), Response.id.desc())
        .limit(1)
    )
