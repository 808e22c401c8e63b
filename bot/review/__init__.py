"""Staff review app, mounted at /staff.

Login (Flask-Login), CSRF on every staff form (Flask-WTF), security headers, and the
pages in `views`. Templates autoescape everything; nothing user-written is marked safe.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from markupsafe import Markup

from bot.findings.stance import LABELS as STANCE_LABELS
from bot.review import navigation
from bot.review.ids import IdConverter
from bot.review.labels import channel_label
from bot.storage.models import SOURCE_MODEL, SOURCE_RESPONDENT, SOURCE_STAFF
from bot.storage.queries.filters import NONE_LABEL, uk_time
from bot.strategy import ISLAND_IDS, SEABED_IDS, THEME_IDS, load_themes

STAFF_PREFIX = "/staff"

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}

FORM_MIMETYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

SOURCE_LABELS = {SOURCE_MODEL: "Model", SOURCE_RESPONDENT: "Respondent", SOURCE_STAFF: "Staff"}

csrf = CSRFProtect()


def _theme_names() -> dict[str, str]:
    return {t.id: t.name for t in load_themes()}


def _bdi(value: Any) -> Markup:
    """User text set apart from the page's words around it (escaped): a right-to-left
    override (U+202E) in a business's name or sector turned the rest of its line around
    ("Read the whole conversation" read backwards; staff probe s45)."""
    return Markup("<bdi>{}</bdi>").format("" if value is None else value)


def _when(value: Any, fmt: str = "%d %b %Y %H:%M") -> str:
    """A stored (naive UTC) time as UK local time for people to read (an ISO string, as a
    model's meta.json gives its training time, too)."""
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return value
        if parsed.tzinfo is None:  # no zone: not ours to guess
            return value
        # staff probe s46: a model's raw UTC stamp beside UK times on the agreement page
        value = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    if isinstance(value, datetime):
        local = uk_time(value)  # the date filter's and the exports' UK time
        shown = local.strftime(fmt)
        if "%H" in fmt and local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
            # the hour the clocks go back comes twice: "01:30" twice, the later listed
            # first, read as out of order (staff probe s46)
            shown += f" {local.tzname()}"
        return shown
    return "" if value is None else str(value)


def init_app(app: Flask) -> None:
    """Register the staff blueprint, login manager and CSRF protection."""
    from bot.review.auth import login_manager
    from bot.review.views import bp

    # Flask checks a session cookie's age on every request against this lifetime, so a
    # staff sign-in lasts at most a working day. (Only replaces Flask's 31-day default.)
    if app.config.get("PERMANENT_SESSION_LIFETIME") == timedelta(days=31):
        app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=8)
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", 8 * 3600)

    # CSRF: the staff blueprint always checks tokens (below). We only turn on app-wide
    # checking if someone else already did, so other blueprints' JSON endpoints keep working.
    if "csrf" not in app.extensions:
        app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)
        csrf.init_app(app)

    login_manager.init_app(app)
    # Every `<int:...>` id in a staff URL read as bot/review/ids.py does: "²" or a number
    # past the id columns' range is a 404, not a 500 (attack probe, 7 Dec). Set before the
    # blueprints' rules are added: a rule takes its converter when it is added.
    app.url_map.converters["int"] = IdConverter
    app.register_blueprint(bp)
    from bot.review.findings_views import bp as findings_bp  # sub-themes, quotes, report

    app.register_blueprint(findings_bp)
    from bot.review import outage  # the database locked or down: a 503 page (s45)

    outage.init_app(app, STAFF_PREFIX)

    names = _theme_names()
    app.jinja_env.filters["bdi"] = _bdi

    @app.context_processor
    def _review_helpers() -> dict[str, Any]:
        if not request.path.startswith(STAFF_PREFIX):
            return {}
        return {
            "THEME_IDS": THEME_IDS,
            "ISLAND_IDS": ISLAND_IDS,
            "SEABED_IDS": SEABED_IDS,
            "theme_name": lambda t: names.get(t, t),
            "source_label": lambda s: SOURCE_LABELS.get(s, s),
            "channel_label": channel_label,
            "here": navigation.here,
            "list_url": navigation.list_url,
            "list_name": navigation.list_name,
            "when": _when,
            "stance_label": lambda s: STANCE_LABELS.get(s or "", s or "Not set"),
            "STANCE_IDS": tuple(STANCE_LABELS),
            "NONE_LABEL": NONE_LABEL,  # the filter value for "not given" / "not set"
        }

    @app.before_request
    def _staff_posts_are_forms() -> Any:
        """Staff pages take only HTML form posts: Flask-WTF would read a JSON body as the
        form, and one that is not an object (a list, a number) raised a 500."""
        if (
            request.path.startswith(STAFF_PREFIX)
            and request.method not in ("GET", "HEAD", "OPTIONS")
            and request.mimetype
            and request.mimetype not in FORM_MIMETYPES
        ):
            return render_template(
                "review/error.html",
                code=415,
                title="Not a form",
                message="Staff pages accept only their own forms. Go back and use the page.",
            ), 415
        return None

    @app.before_request
    def _upload_limit() -> None:
        """The upload's own size limit, set before anything reads a body (the NUL check
        below, then CSRF), so an oversized file is a 413 and a normal one is not."""
        if request.endpoint == "review.imports.index":
            from bot.review.views import imports

            request.max_content_length = imports.max_upload_bytes()

    @app.before_request
    def _no_nul_in_staff_input() -> Any:
        """PostgreSQL cannot hold a NUL character: a search, a login or a note with one
        (`%00`) raised a 500 there. Refuse it clearly instead, on every database, whatever
        the form's encoding: a multipart form carried one past this check to the database
        (attack probe, 7 Dec). Uploaded files' contents are not form values; the import
        checks them."""
        if not request.path.startswith(STAFF_PREFIX):
            return None
        values = [v for vs in request.args.listvalues() for v in vs]  # every repeat too
        if request.mimetype in FORM_MIMETYPES:
            values += [v for vs in request.form.listvalues() for v in vs]
        if any("\x00" in value for value in values):
            return render_template(
                "review/error.html",
                code=400,
                title="Not readable",
                message="Part of what was sent contains a NUL character. Remove it and try again.",
            ), 400
        return None

    @app.after_request
    def _staff_headers(response: Any) -> Any:
        if request.path.startswith(STAFF_PREFIX):
            for key, value in SECURITY_HEADERS.items():
                response.headers.setdefault(key, value)
            if app.config.get("SESSION_COOKIE_SECURE"):  # served over HTTPS in production
                response.headers.setdefault(
                    "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
                )
            if not request.path.startswith(f"{STAFF_PREFIX}/static/"):
                response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(CSRFError)
    def _csrf_error(error: CSRFError) -> Any:
        if request.path.startswith(STAFF_PREFIX):
            from flask_login import current_user

            from bot.review.auth import referring_page, unauthorized

            signing_in = request.endpoint == "review.auth.login"
            if not current_user.is_authenticated and not signing_in:  # the session ran out
                return unauthorized()
            return (
                render_template(
                    "review/error.html",
                    code=400,
                    title="Your form expired",
                    message="The security token was missing or out of date, so nothing was "
                    "saved. Go back to the page and send the form again: a note or summary "
                    "you typed is put back.",
                    back_url=referring_page(),
                ),
                400,
            )
        return error.description, 400

    for code, title, message in (
        # a bad export format or a malformed form (browser probe, 7 Dec: bare framework pages)
        (
            400,
            "That request could not be used",
            "Something in the address or the form was not valid, so nothing was changed. Go "
            "back to the page and try again.",
        ),
        (403, "You do not have permission", "This page or action needs an administrator."),
        (404, "Page not found", "Check the address, or go back to the overview."),
        (
            405,
            "That page can't be opened that way",
            "Use the page's own buttons and links, or go back to the overview.",
        ),
        (
            413,
            "The file is too large",
            "Nothing was imported. Split the file into smaller files and upload each.",
        ),
    ):
        _register_error(app, code, title, message)


def _register_error(app: Flask, code: int, title: str, message: str) -> None:
    previous = app.error_handler_spec.get(None, {}).get(code, {})

    def handler(error: Any) -> Any:
        if request.path.startswith(STAFF_PREFIX):
            return render_template(
                "review/error.html", code=code, title=title, message=message
            ), code
        for cls, fn in previous.items():  # another blueprint's app-wide handler, if any
            if isinstance(error, cls):
                return fn(error)
        return error

    app.register_error_handler(code, handler)
