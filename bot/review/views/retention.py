"""The consultation's closing date and retention period (admin), and applying it."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import login_required

from bot.review.auth import admin_required
from bot.review.db import db_session
from bot.review.forms import ApplyRetentionForm, RetentionForm
from bot.review.views.common import actor
from bot.storage.models import utcnow
from bot.storage.retention import apply_retention, get_policy, pending, set_policy

bp = Blueprint("retention", __name__)


@bp.route("/retention", methods=["GET", "POST"])
@login_required
@admin_required
def index() -> Any:
    with db_session() as session:
        policy = get_policy(session)
    form = RetentionForm(
        data={"closes_on": policy.closes_on, "retention_days": policy.retention_days}
        if request.method == "GET"
        else None
    )
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            with db_session() as session:
                policy = set_policy(
                    session, form.closes_on.data, int(form.retention_days.data), actor()
                )
            flash(
                f"Saved: personal data is anonymised from {policy.delete_on:%d %B %Y}.",
                "success",
            )
            return redirect(url_for("review.retention.index"))
        status = 400
    with db_session() as session:
        businesses, events = pending(session)
    return render_template(
        "review/retention.html",
        form=form,
        apply_form=ApplyRetentionForm(),
        policy=policy,
        due=policy.due(utcnow().date()),
        businesses=businesses,
        events=events,
    ), status


@bp.post("/retention/apply")
@login_required
@admin_required
def apply() -> Any:
    form = ApplyRetentionForm()
    if not form.validate_on_submit():
        return redirect(url_for("review.retention.index"))
    with db_session() as session:
        result = apply_retention(session, actor=actor())
    if result is None:
        flash("The retention date has not come yet: nothing was deleted.", "error")
    else:
        flash(
            f"Anonymised {result.businesses_anonymised} business(es) and deleted "
            f"{result.transcript_events_deleted} transcript event(s).",
            "success",
        )
    return redirect(url_for("review.retention.index"))
