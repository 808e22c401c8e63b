"""Staff login: Flask-Login wiring, role checks and the per-(IP, email) login throttle.

Sessions are Flask's signed cookies, so the server ends one by changing what it accepts:
each session's id carries a fingerprint of the user's password hash, role and session
token (`StaffUser.session_token`), checked on every request by `load_user`; signing out
(or a new password) replaces the token and every session of that user ends, a copied
cookie included (attack probe, 7 Dec). A sign-in ends a working day after the password
was given, however much it is used (attack probe s46). "strong" session protection ties a
session to the client's address and browser; the address is the peer's
(`request.remote_addr`), which the WSGI server sets from X-Forwarded-For only for
TRUSTED_PROXY (bot/web/serve.py), never a header any client may send.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import abort, current_app, flash, jsonify, redirect, request, session, url_for
from flask_login import LoginManager, UserMixin, current_user
from sqlalchemy import select

from bot.review.db import db_session
from bot.review.ids import parse_id
from bot.storage.models import StaffUser
from bot.storage.staff import ROLE_ADMIN

login_manager = LoginManager()
login_manager.login_view = "review.auth.login"
login_manager.login_message = "Please sign in to see this page."
login_manager.login_message_category = "info"
login_manager.session_protection = "strong"


def session_identifier() -> str:
    """The address and browser a session is tied to. Flask-Login's own took the address from
    any client's X-Forwarded-For, so a stolen cookie worked from anywhere by naming the
    victim's address (attack probe, 7 Dec)."""
    agent = request.headers.get("User-Agent", "")
    return hashlib.sha512(f"{request.remote_addr}|{agent}".encode()).hexdigest()


# Flask-Login reads this attribute at sign-in and on every request; it has no setter.
login_manager._session_identifier_generator = session_identifier

F = TypeVar("F", bound=Callable[..., Any])

# When the password was given, kept in the session cookie: a sign-in ends the app's session
# lifetime (a working day) after it, however much it is used (attack probe s46).
SIGNED_IN_AT = "signed_in_at"


def now() -> int:
    return int(time.time())


def mark_signed_in() -> None:
    """Call right after `login_user`: the sign-in's working day starts now."""
    session[SIGNED_IN_AT] = now()


def signed_in_within_lifetime() -> bool:
    """Whether this session's sign-in is younger than the session lifetime. Flask checks
    only the cookie's age, and a cookie is signed anew whenever the session changes (a
    saved note's message, a flag), so a sign-in in use, or a stolen cookie kept in use from
    the same address and browser, never ended (attack probe s46)."""
    started = session.get(SIGNED_IN_AT)
    if not isinstance(started, int) or isinstance(started, bool):
        return False  # signed in before this rule, or a cookie not made at sign-in
    return now() - started <= current_app.permanent_session_lifetime.total_seconds()


class StaffLogin(UserMixin):
    """The signed-in staff member. The session id embeds a fingerprint of the password
    hash, role and session token, so changing any of them (or deactivating the account)
    ends old sessions."""

    def __init__(
        self, user_id: int, email: str, role: str, password_hash: str, session_token: str
    ) -> None:
        self.user_id = user_id
        self.email = email
        self.role = role
        self._fingerprint = _fingerprint(password_hash, role, session_token)

    def get_id(self) -> str:
        return f"{self.user_id}.{self._fingerprint}"

    @property
    def is_admin(self) -> bool:
        return self.role == ROLE_ADMIN


def _fingerprint(password_hash: str, role: str, session_token: str) -> str:
    return hashlib.sha256(f"{password_hash}|{role}|{session_token}".encode()).hexdigest()[:20]


def login_for(user: StaffUser) -> StaffLogin:
    return StaffLogin(user.id, user.email, user.role, user.password_hash, user.session_token or "")


@login_manager.user_loader
def load_user(raw_id: str) -> StaffLogin | None:
    user_part, _, fingerprint = (raw_id or "").partition(".")
    user_id = parse_id(user_part)
    if user_id is None or not fingerprint or not signed_in_within_lifetime():
        return None
    with db_session() as db:
        user = db.scalars(select(StaffUser).where(StaffUser.id == user_id)).first()
        if user is None or not user.active or not user.session_token:
            return None
        login = login_for(user)
    return login if login.get_id() == raw_id else None


@login_manager.unauthorized_handler
def unauthorized() -> Any:
    """Sign in first. A form sent after the session ended leads back, once signed in, to the
    page the form was on (its own address takes only POSTs); the browser keeps what was
    typed in it (review.js) to put back there."""
    if request.path.startswith("/staff/api/"):
        return jsonify(error="login required"), 401
    if request.method in ("GET", "HEAD"):
        target = request.full_path.rstrip("?")
    else:
        target = referring_page() or url_for("review.overview.index")
        flash(
            "Your session ended, so that was not saved. Sign in again: you will be taken back "
            "to the page, where a note or summary you typed is put back.",
            "info",
        )
    return redirect(url_for("review.auth.login", next=target))


def referring_page() -> str | None:
    """The staff page this request came from (same site only), as a path, or None."""
    parts = urlsplit(request.referrer or "")
    if parts.netloc and parts.netloc != request.host:
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    safe = safe_next(path, "")
    return safe or None


def admin_required(view: F) -> F:
    """Use under @login_required: 403 unless the signed-in user is an admin."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not getattr(current_user, "is_admin", False):
            abort(403)
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


def client_ip() -> str:
    """The peer address. Behind a proxy, TRUSTED_PROXY has the WSGI server take it from
    X-Forwarded-For (bot/web/serve.py); the header itself is never trusted here."""
    return request.remote_addr or "unknown"


def safe_next(target: str | None, default: str) -> str:
    """Only follow `next` to a path inside the staff app (no open redirects)."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/staff"):
        return default
    if target.startswith("//") or "\\" in target:
        return default
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in target):
        return default  # a newline would break the Location header (a 500), spaces are odd
    return target
