"""Public site: the demo LEP page at / and the embeddable chat widget's assets (issue 5)."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the public blueprint."""
