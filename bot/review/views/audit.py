"""The audit log: who changed what, newest first."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request, url_for
from flask_login import login_required

from bot.review.db import db_session
from bot.storage import queries

bp = Blueprint("audit", __name__)


@bp.get("/audit")
@login_required
def index() -> Any:
    try:
        page = max(1, int(request.args.get("page", 1)))
    except ValueError:
        page = 1
    action = (request.args.get("action") or "").strip() or None
    response_id = request.args.get("response", "")
    with db_session() as session:
        log = queries.audit_log(
            session,
            page=page,
            action=action,
            response_id=int(response_id) if response_id.isdigit() else None,
            include_logins=request.args.get("logins") == "1",
        )
        actions = queries.audit_actions(session)
    # Any, not str: url_for's keyword-only options (_external: bool...) share **values.
    args: dict[str, Any] = {k: v for k, v in request.args.items() if k != "page"}
    return render_template(
        "review/audit.html",
        log=log,
        actions=actions,
        action=action,
        page_url=lambda p: url_for("review.audit.index", **args, page=p),
    )
