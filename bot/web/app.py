"""Flask application factory: mounts the public site (widget) and the staff review app."""

from __future__ import annotations

from typing import Any

from flask import Flask

from bot.config import settings


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the web app. `overrides` sets Flask config (tests)."""
    cfg = settings()
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=cfg.secret_key,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=cfg.production,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SECURE=cfg.production,
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
        DATABASE_URL=cfg.database_url,
    )
    if overrides:
        app.config.update(overrides)

    from bot.review import init_app as init_review
    from bot.widget import init_app as init_widget

    init_widget(app)
    init_review(app)

    @app.get("/healthz")
    def healthz() -> tuple[dict[str, str], int]:
        """Liveness: the process serves HTTP."""
        return {"status": "ok"}, 200

    @app.get("/readyz")
    def readyz() -> tuple[dict[str, object], int]:
        """Readiness: the staff app's database answers and is migrated."""
        from bot.production.health import database_problem, report

        return report({"database": database_problem(app.config["DATABASE_URL"])})

    return app
