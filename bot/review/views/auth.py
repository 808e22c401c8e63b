"""Signing in and out (failed attempts limited per address and account)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask import session as flask_session
from flask_login import current_user, login_required, login_user, logout_user

from bot.addresses import client_network
from bot.review.auth import StaffLogin, client_ip, login_for, mark_signed_in, safe_next
from bot.review.db import db_session
from bot.review.forms import LoginForm
from bot.review.views.common import actor
from bot.storage import staff as staff_store
from bot.storage.audit import audit
from bot.storage.models import StaffUser

bp = Blueprint("auth", __name__)


# What the sign-in page says for each refusal.
SIGN_IN_ERRORS = {
    400: "Enter your email address and password.",
    401: "The email address or password is not right.",
    429: (
        "Too many failed sign-in attempts. Wait 15 minutes and try again, "
        "or ask an administrator to reset your password."
    ),
}


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    if current_user.is_authenticated:
        return redirect(url_for("review.overview.index"))
    form = LoginForm()
    status = 200
    if request.method == "POST":
        email = (request.form.get("email") or "").strip()
        # counted per client: an IPv6 guesser's whole /64, not each of its addresses, which
        # it may change for every attempt (attack probe s44)
        ip = client_network(client_ip()) or "unknown"
        with db_session() as session:
            locked = staff_store.is_locked_out(session, ip, email)
        if locked:
            status = 429
        elif not form.validate_on_submit():
            status = 400
        else:
            signed_in, status = _check_password(form, ip, email)
            if signed_in is not None:
                flask_session.clear()  # drop anything set before sign-in
                login_user(signed_in)
                mark_signed_in()  # the working day a sign-in lasts starts now (s46)
                return redirect(
                    safe_next(request.args.get("next"), url_for("review.overview.index"))
                )
    error = SIGN_IN_ERRORS.get(status)
    return render_template("review/login.html", form=form, error=error), status


def _check_password(form: LoginForm, ip: str, email: str) -> tuple[StaffLogin | None, int]:
    """(the staff member signed in, or None; the status otherwise: 401 wrong, 429 over the
    limit). The attempt is claimed (committed) before it is counted, so guesses sent at once
    count each other instead of all passing one check (attack probe s45)."""
    with db_session() as session:
        attempt = staff_store.claim_attempt(session, ip, email)
    with db_session() as session:
        if staff_store.is_locked_out(session, ip, email, claimed=True):
            staff_store.withdraw_attempt(session, attempt)
            return None, 429
        info = staff_store.authenticate(session, form.email.data, form.password.data)
        staff_store.settle_attempt(session, attempt, ok=info is not None)
        user = session.get(StaffUser, info.id) if info else None
        return (login_for(user), 302) if user else (None, 401)


@bp.get("/logout")
@login_required
def confirm_logout() -> Any:
    """A typed or bookmarked /staff/logout: a button that signs out. Signing out stays a
    POST with a CSRF token, so another site can't sign staff out (browser probe, 7 Dec: a
    bare "405 Method Not Allowed" that left them signed in)."""
    return render_template("review/logout.html")


@bp.post("/logout")
@login_required
def logout() -> Any:
    with db_session() as session:
        audit(session, actor=actor(), action="logout", detail={"ip": client_ip()})
        # the cookie's copies too, not only this browser's (attack probe, 7 Dec)
        staff_store.end_sessions(session, current_user.user_id)
    logout_user()
    flash("You have signed out.", "info")
    return redirect(url_for("review.auth.login"))
