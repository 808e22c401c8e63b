"""The audit log: who changed what, newest first."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request, url_for
from flask_login import login_required

from bot.review.db import db_session
from bot.review.ids import parse_id
from bot.storage import queries

bp = Blueprint("audit", __name__)
MAX_PAGE = 10**6


@bp.get("/audit")
@login_required
def index() -> Any:
    try:  # at most MAX_PAGE: a 25-digit page overflowed SQLite's OFFSET (attack probe, 7 Dec)
        page = min(MAX_PAGE, max(1, int(request.args.get("page", 1))))
    except ValueError:
        page = 1
    action = (request.args.get("action") or "").strip() or None
    response_id = parse_id(request.args.get("response", ""))
    include_logins = request.args.get("logins") == "1"
    with db_session() as session:
        log = queries.audit_log(
            session,
            page=page,
            action=action,
            response_id=response_id,
            include_logins=include_logins,
        )
        actions = queries.audit_actions(session)
    # Only the filters, as read above: every query argument went to url_for, which took
    # `endpoint`, `_method`, `_external`, `_scheme` as its own options (a 500, or a link to
    # another host or scheme; attack probe, 7 Dec).
    args: dict[str, Any] = {
        "action": action,
        "response": response_id,
        "logins": "1" if include_logins else None,
    }
    return render_template(
        "review/audit.html",
        log=log,
        actions=actions,
        action=action,
        response_id=response_id,
        page_url=lambda p: url_for("review.audit.index", **args, page=p),
    )
