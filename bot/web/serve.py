"""Serve the web app with waitress (pure-Python WSGI server): `python -m bot.web.serve`."""

from __future__ import annotations

from waitress import serve

from bot.config import settings
from bot.web.app import create_app


def main() -> None:
    cfg = settings()
    serve(create_app(), host=cfg.web_host, port=cfg.web_port, threads=8, ident="bucks-lis")


if __name__ == "__main__":
    main()
