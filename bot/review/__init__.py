"""Staff review app, mounted at /staff (issue 4 fills this in)."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the staff blueprint, login manager and CSRF protection."""
