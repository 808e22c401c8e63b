"""Staff accounts (admin only): create, change role, deactivate, reset a password."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from bot.review.auth import admin_required
from bot.review.db import db_session
from bot.review.forms import NewUserForm
from bot.review.views.common import actor
from bot.storage import staff as staff_store

bp = Blueprint("users", __name__)


@bp.route("/users", methods=["GET", "POST"])
@login_required
@admin_required
def index() -> Any:
    form = NewUserForm()
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                with db_session() as session:
                    staff_store.create_user(
                        session, form.email.data, form.password.data, form.role.data, actor=actor()
                    )
                flash(f"Account created for {form.email.data.strip().lower()}.", "success")
                return redirect(url_for("review.users.index"))
            except ValueError as exc:
                form.email.errors = [*form.email.errors, str(exc)]
        status = 400
    with db_session() as session:
        people = staff_store.list_users(session)
    return render_template("review/users.html", form=form, people=people), status


@bp.post("/users/<int:user_id>")
@login_required
@admin_required
def update(user_id: int) -> Any:
    if user_id == current_user.user_id:
        flash("You cannot change your own role or access here.", "error")
        return redirect(url_for("review.users.index"))
    role = request.form.get("role") or None
    active_raw = request.form.get("active")
    active = None if active_raw is None else active_raw == "1"
    password = request.form.get("password") or None
    try:
        with db_session() as session:
            info = staff_store.update_user(
                session, user_id, actor=actor(), role=role, active=active, password=password
            )
    except LookupError:
        abort(404)
    except ValueError as exc:
        flash(str(exc), "error")
        return redirect(url_for("review.users.index"))
    flash(f"Updated {info.email}.", "success")
    return redirect(url_for("review.users.index"))
