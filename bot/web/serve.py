"""Serve the web app with waitress (pure-Python WSGI server): `python -m bot.web.serve`."""

from __future__ import annotations

from waitress import serve

from bot.config import settings
from bot.web.app import create_app


def main() -> None:
    cfg = settings()
    options: dict[str, object] = {}
    if cfg.trusted_proxy:
        # Behind a reverse proxy: take the client address from X-Forwarded-For so the
        # staff login limits count real clients, not the proxy.
        options = {
            "trusted_proxy": cfg.trusted_proxy,
            "trusted_proxy_count": 1,
            "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
            "clear_untrusted_proxy_headers": True,
        }
    serve(
        create_app(), host=cfg.web_host, port=cfg.web_port, threads=8, ident="bucks-lis", **options
    )


if __name__ == "__main__":
    main()
