"""Finding a business, and erasing one on request (admin, typed confirmation, audited)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import login_required

from bot.review.auth import admin_required
from bot.review.db import db_session
from bot.review.forms import EraseForm
from bot.review.views.common import actor
from bot.storage import queries
from bot.storage.erasure import forget_sender
from bot.storage.models import Business
from bot.storage.queries import Page

bp = Blueprint("businesses", __name__)


PER_PAGE = 50
MAX_PAGE = 10**6  # as the audit log: a 25-digit page overflowed SQLite's OFFSET


@bp.get("/businesses")
@login_required
def index() -> Any:
    """Newest first, a page at a time: it showed the newest 50 and no way to the rest, so an
    older business could be found only by its name (staff probe s45)."""
    q = (request.args.get("q") or "").strip()[:200]
    try:
        wanted = min(MAX_PAGE, max(1, int(request.args.get("page", 1))))
    except ValueError:
        wanted = 1
    with db_session() as session:
        rows, total = queries.find_businesses(
            session, q, limit=PER_PAGE, offset=(wanted - 1) * PER_PAGE
        )
        page = Page(items=rows, total=total, page=wanted, per_page=PER_PAGE)
        if wanted > page.pages:  # past the end (an old link): the last page
            page.page = page.pages
            page.items, _ = queries.find_businesses(
                session, q, limit=PER_PAGE, offset=(page.page - 1) * PER_PAGE
            )
    return render_template(
        "review/businesses.html",
        page=page,
        rows=page.items,
        total=total,
        q=q,
        page_url=lambda n: url_for("review.businesses.index", q=q or None, page=n),
    )


@bp.route("/businesses/<int:business_id>/erase", methods=["GET", "POST"])
@login_required
@admin_required
def erase(business_id: int) -> Any:
    form = EraseForm()
    with db_session() as session:
        biz = session.get(Business, business_id)
        # as its transcript page: typed with the id of someone who declined or was never
        # asked, this page named the organisation (attack probe s44)
        if biz is None or not queries.shown_to_staff(biz):
            abort(404)
        sender_id = biz.sender_id
        label = biz.organisation or f"business #{biz.id}"
        count = queries.count_responses(session, queries.ResponseFilter(business_id=business_id))
        if request.method == "POST" and form.validate_on_submit():
            result = forget_sender(session, sender_id, actor=actor(), reason="staff erasure")
            flash(
                f"Erased: {result.businesses} business record(s), {result.responses} response(s) "
                f"and {result.events} transcript event(s).",
                "success",
            )
            return redirect(url_for("review.audit.index"))
    status = 400 if request.method == "POST" else 200
    return render_template(
        "review/erase.html", form=form, business_id=business_id, label=label, count=count
    ), status
