"""Listing responses: counts, pages, exports' iteration, facets, one response, one business.

Two steps everywhere: the ids (from indexes only where possible), then those rows.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bot.findings.stance import STANCES
from bot.storage.models import (
    SOURCE_MODEL,
    AuditEvent,
    Business,
    Conversation,
    EffectiveTheme,
    Response,
    ResponseTheme,
)
from bot.storage.queries.filters import (
    NONE_LABEL,
    ResponseFilter,
    apply_filter,
    drive_from_themes,
    only_themes,
    search_terms,
)
from bot.storage.queries.rows import (
    Page,
    ResponseRow,
    attach_themes,
    order_newest,
    rows_by_ids,
    rows_select,
    to_rows,
)
from bot.strategy import THEME_IDS


def last_response_id(session: Session) -> int:
    """The newest response's id (0 when there is none): an export's bound (`upto_id`)."""
    return int(session.scalar(select(func.max(Response.id))) or 0)


def count_responses(session: Session, f: ResponseFilter) -> int:
    """How many responses match `f`, by the cheapest route for the filter's shape."""
    if only_themes(f):
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
    drive = drive_from_themes(session, f)
    stmt = apply_filter(
        session, select(func.count()).select_from(Response), f, joined=False, drive_themes=drive
    )
    return int(session.scalar(stmt) or 0)


# A text search reads every row's text anyway; when it matches fewer than this, one scan
# gives both the count and the page (sorted here) instead of two scans.
SEARCH_PROBE = 2000


def _page(total: int, f: ResponseFilter) -> int:
    return min(f.page, max(1, math.ceil(total / f.per_page)))


def list_responses(session: Session, f: ResponseFilter) -> Page:
    """One page of responses matching `f`, newest first, with their themes.

    Two steps: the page's ids (from indexes only where possible), then those rows."""
    drive = drive_from_themes(session, f)
    if search_terms(f.q):
        probe = session.execute(
            apply_filter(
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
                items=rows_by_ids(session, ids), total=len(keys), page=page, per_page=f.per_page
            )
    total = count_responses(session, f)
    if not total:
        return Page(items=[], total=0, page=1, per_page=f.per_page)
    page = _page(total, f)
    ids_stmt = order_newest(
        apply_filter(
            session,
            select(Response.id).select_from(Response),
            f,
            joined=False,
            drive_themes=drive,
        )
    )
    ids = list(session.scalars(ids_stmt.limit(f.per_page).offset((page - 1) * f.per_page)))
    return Page(items=rows_by_ids(session, ids), total=total, page=page, per_page=f.per_page)


def iter_responses(session: Session, f: ResponseFilter, batch: int = 1000) -> Iterator[ResponseRow]:
    """Every response matching `f` (no pagination), newest first, in batches (exports).

    Keyset pagination on (created_at, id), so a 100,000-row export stays linear."""
    base = apply_filter(
        session,
        select(Response.id, Response.created_at).select_from(Response),
        f,
        joined=False,
        drive_themes=drive_from_themes(session, f),
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
        keys = session.execute(order_newest(stmt).limit(batch)).all()
        if not keys:
            return
        yield from rows_by_ids(session, [k[0] for k in keys])
        if len(keys) < batch:
            return
        last = (keys[-1][1], keys[-1][0])


def question_options(session: Session) -> list[tuple[str, str]]:
    """(question_key, the question as the bot asked it) of every question answered, in key
    order; answers to no question last."""
    rows = session.execute(
        select(Response.question_key, func.max(Response.question)).group_by(Response.question_key)
    ).all()
    out = sorted((key, text or key) for key, text in rows if key)
    if any(not key for key, _ in rows):
        out.append((NONE_LABEL, "No question (volunteered, or from an import)"))
    return out


def facets(session: Session) -> dict[str, list[Any]]:
    """Distinct channels, sectors and size bands for the filter drop-downs."""

    def distinct(col: Any) -> list[str]:
        values = session.scalars(select(col).distinct()).all()
        out = sorted(v for v in values if v)
        if any(v is None or v == "" for v in values):
            out.append(NONE_LABEL)
        return out

    return {
        "question": question_options(session),
        "stance": [*STANCES, NONE_LABEL],
        "channel": distinct(Conversation.channel),
        "sector": distinct(Business.sector),
        "size_band": distinct(Business.size_band),
    }


@dataclass
class ResponseDetail:
    row: ResponseRow
    theme_rows: list[ResponseTheme]
    history: list[AuditEvent]
    model_themes: list[str]


def response_detail(session: Session, response_id: int) -> ResponseDetail | None:
    rows = to_rows(session.execute(rows_select().where(Response.id == response_id)).all())
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
    rows = to_rows(
        session.execute(
            rows_select()
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


def next_unreviewed(session: Session, exclude: int, f: ResponseFilter | None = None) -> int | None:
    """The unreviewed response after `exclude` in the list `f` (newest first), else the
    list's first: "next" in the review flow. Without `f`, every response.

    Staff probe s45: it was the newest unreviewed response anywhere, so an officer working
    through a filtered list ("Space, not reviewed") was taken out of it without knowing."""
    unreviewed = replace(f or ResponseFilter(), reviewed=False)
    base = apply_filter(
        session,
        select(Response.id).select_from(Response).where(Response.id != exclude),
        unreviewed,
        joined=False,
        drive_themes=drive_from_themes(session, unreviewed),
    )
    current = session.execute(
        select(Response.created_at, Response.id).where(Response.id == exclude)
    ).first()
    if current is not None:
        after = session.scalar(
            order_newest(
                base.where(
                    or_(
                        Response.created_at < current[0],
                        and_(Response.created_at == current[0], Response.id < current[1]),
                    )
                )
            ).limit(1)
        )
        if after is not None:
            return int(after)
    first = session.scalar(order_newest(base).limit(1))
    return None if first is None else int(first)
