"""Public site: the demo LEP page at /, the privacy notice and the chat widget's assets (issue 5).

- `/`                            demo "Local Industrial Strategy" page with the widget embedded
- `/privacy`                     privacy notice (linked from the widget at all times)
- `/widget/bucks-lis-chat.js`    the widget, prefixed with this server's defaults
                                 (socket URL, max message length, privacy URL)
- `/widget/bucks-lis-chat.css`   its styles; `/widget/vendor/socket.io.min.js` socket.io-client
- `/widget/config.json`          the same defaults as JSON (for a web team's own integration)
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    jsonify,
    render_template,
    request,
    url_for,
)
from sqlalchemy.exc import SQLAlchemyError

from bot.config import settings
from bot.storage.session_purge import DEFAULT_IDLE_SECONDS
from bot.strategy import load_strategy, load_themes

STATIC_DIR = Path(__file__).resolve().parent / "static"
WIDGET_JS = STATIC_DIR / "bucks-lis-chat.js"

bp = Blueprint(
    "widget",
    __name__,
    static_folder="static",
    static_url_path="/widget",
    template_folder="templates",
)


def widget_defaults() -> dict[str, object]:
    """What the widget needs from the server; the embedding page may override any of it.

    The privacy link comes from PUBLIC_WEB_URL, not the request: built from the Host
    header, `Host: evil.example` put evil.example's page in publicly cached widget code
    (attack probe, 7 Dec). Unset, it is left out and the widget links to `privacy` beside
    the server it was loaded from (its own script's address)."""
    cfg = settings()
    defaults: dict[str, object] = {
        "socketUrl": cfg.rasa_url,
        "socketPath": "/socket.io",
        "maxMessageChars": cfg.max_message_chars,
        # the device forgets a conversation idle as long as the server's session: no copy
        # outlives the session for the next person at a shared computer (attack probe s43)
        "storageIdleMinutes": DEFAULT_IDLE_SECONDS // 60,
    }
    if cfg.public_web_url:
        defaults["privacyUrl"] = cfg.public_web_url + url_for("widget.privacy")
    return defaults


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _csp() -> str:
    """Content-Security-Policy for our own pages: nothing inline, nothing third-party."""
    rasa = _origin(settings().rasa_url)
    ws = rasa.replace("https://", "wss://").replace("http://", "ws://")
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' {rasa} {ws}; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'self'; object-src 'none'"
    )


def _page(html: str) -> Response:
    resp = Response(html, mimetype="text/html")
    resp.headers["Content-Security-Policy"] = _csp()
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return resp


@bp.get("/")
def demo() -> Response:
    return _page(
        render_template(
            "widget/demo.html",
            strategy=load_strategy(),
            islands=[t for t in load_themes() if t.kind == "island"],
            seabed=[t for t in load_themes() if t.kind == "seabed"],
        )
    )


@bp.get("/privacy")
def privacy() -> Response:
    return _page(
        render_template(
            "widget/privacy.html", strategy=load_strategy(), retention=_retention_statement()
        )
    )


def _retention_statement() -> str:
    """How long data is kept, as the admin set it (bot/storage/retention.py)."""
    from bot.storage.db import engine_for, session_scope
    from bot.storage.retention import RetentionPolicy, get_policy, privacy_statement

    url = current_app.config.get("DATABASE_URL") or settings().database_url
    try:
        with session_scope(engine_for(url)) as session:
            policy = get_policy(session)
    except SQLAlchemyError:  # no table yet (database not migrated): say it is not set
        policy = RetentionPolicy(None, None)
    return privacy_statement(policy)


@bp.get("/widget/bucks-lis-chat.js")
def widget_js() -> Response:
    defaults = json.dumps(widget_defaults()).replace("<", "\\u003c")
    body = f"window.__BUCKS_LIS_CHAT_DEFAULTS__ = {defaults};\n" + WIDGET_JS.read_text("utf-8")
    resp = Response(body, mimetype="text/javascript")
    resp.headers["Cache-Control"] = "public, max-age=300"
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp


@bp.get("/widget/config.json")
def widget_config() -> Response:
    resp = jsonify(widget_defaults())
    origin = request.headers.get("Origin")
    if origin and origin.rstrip("/") in [o.rstrip("/") for o in settings().allowed_origins]:
        resp.headers["Access-Control-Allow-Origin"] = origin
        resp.headers["Vary"] = "Origin"
    return resp


@bp.after_app_request
def _asset_headers(resp: Response) -> Response:
    if request.path.startswith("/widget/"):
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
    return resp


def init_app(app: Flask) -> None:
    """Register the public blueprint."""
    app.register_blueprint(bp)
