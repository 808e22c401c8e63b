"""The overview dashboard (and its JSON), reused briefly because it counts everything."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from typing import Any

from flask import Blueprint, current_app, jsonify, render_template, request, url_for
from flask_login import login_required
from sqlalchemy import func, select

from bot.review.db import db_session
from bot.review.x_status import x_status
from bot.storage import queries
from bot.storage.models import AuditEvent, utcnow

bp = Blueprint("overview", __name__)

# The overview aggregates every response (three index passes). It is a dashboard, so it
# is reused for a short time; any staff change made through this app refreshes it at
# once, and new chat messages show within REVIEW_OVERVIEW_CACHE_SECONDS.
_OVERVIEW: dict[str, tuple[float, tuple[int, int], datetime, queries.Overview]] = {}
_GENERATION = [0]

# Audit actions that delete what someone said: each drops the overview's reused copy, so
# staff never see a count or a quote of words already gone ("answer_withdrawn": a business
# took back its last answer, "sorry wrong chat, ignore that").
ERASURE_ACTIONS = ("erasure", "x_post_deleted", "answer_withdrawn")


def _overview_ttl() -> float:
    return float(current_app.config.get("REVIEW_OVERVIEW_CACHE_SECONDS", 30))


def cached_overview(fresh: bool = False) -> tuple[queries.Overview, datetime]:
    """The overview, reused briefly. An erasure anywhere (the bot's "forget" included)
    drops the reused copy at once, so erased words never linger on this page."""
    key = current_app.config["DATABASE_URL"]
    now = time.monotonic()
    with db_session() as session:
        last_erasure = session.scalar(
            select(func.max(AuditEvent.id)).where(AuditEvent.action.in_(ERASURE_ACTIONS))
        )
        version = (_GENERATION[0], int(last_erasure or 0))
        cached = _OVERVIEW.get(key)
        if fresh or cached is None or cached[1] != version or now - cached[0] > _overview_ttl():
            cached = (now, version, utcnow(), queries.overview(session))
            _OVERVIEW[key] = cached
    return cached[3], cached[2]


@bp.after_app_request
def _changes_refresh_overview(response: Any) -> Any:
    if (
        request.method == "POST"
        and request.path.startswith("/staff")
        and response.status_code < 400
    ):
        _GENERATION[0] += 1
    return response


@bp.get("/")
@login_required
def index() -> Any:
    data, as_of = cached_overview(fresh=request.args.get("fresh") == "1")
    islands, seabed = queries.island_and_seabed(data.by_theme)
    return render_template(
        "review/overview.html",
        x=x_status(),
        data=data,
        as_of=as_of,
        cache_seconds=_overview_ttl(),
        islands=islands,
        seabed=seabed,
        theme_href=lambda t: url_for("review.responses.index", theme=t),
        channel_href=lambda c: url_for("review.responses.index", channel=c),
        sector_href=lambda s: url_for("review.responses.index", sector=s),
        # None is "Not set": a bare url_for dropped it and the bar led to every response
        # (staff probe s44)
        stance_href=lambda s: url_for("review.responses.index", stance=s or queries.NONE_LABEL),
        # a week's responses, and those before the chart's first week, as the list's UK days
        # read them (staff probe s46: the chart's figures led nowhere)
        week_href=lambda monday: _days_href(monday, monday + timedelta(days=6)),
        before_href=lambda monday: _days_href(None, monday - timedelta(days=1)),
    )


def _days_href(first: date | None, last: date) -> str:
    days: dict[str, Any] = {"to": last.isoformat()}
    if first is not None:
        days["from"] = first.isoformat()
    return url_for("review.responses.index", **days)


@bp.get("/api/overview")
@login_required
def api() -> Any:
    data, as_of = cached_overview(fresh=request.args.get("fresh") == "1")
    return jsonify(
        as_of=as_of.isoformat(timespec="seconds"),
        total=data.total,
        businesses=data.businesses,
        reviewed=data.reviewed,
        flagged=data.flagged,
        by_theme=data.by_theme,
        by_channel=dict(data.by_channel),
        by_sector=dict(data.by_sector),
        by_week=[[d.isoformat(), n] for d, n in data.by_week],
        # Responses stored before stance existed (until `bucks-lis stance`) count as "not_set".
        by_stance={s or "not_set": n for s, n in data.by_stance},
    )
