"""Serve the web app with waitress (pure-Python WSGI server): `python -m bot.web.serve`.

One process serves the public site (the widget's script, the demo page, the privacy notice)
and the staff app, so what holds the server holds all of them. Waitress's defaults let one
client do that (attack probe s45), so here:

- a body larger than the largest the app takes (an import upload, else Flask's 2 MB) is
  refused (413) as soon as its headers say so: waitress read up to 1 GB of any post into a
  temporary file before the app could refuse it, so posts sent together filled the disk;
- many more connections at once (waitress stopped accepting at 100, so 100 sockets that
  sent nothing shut everyone out for two minutes), idle ones closed sooner;
- a request must arrive whole within `REQUEST_SECONDS`: a byte now and then kept one open
  for ever, as waitress only closes a connection that has gone silent.
"""

from __future__ import annotations

import logging
import resource
import time
from typing import Any

from flask import Flask
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server

from bot.config import Settings, settings
from bot.web.app import create_app

# Longest a request (headers and body) may take to arrive: a 5 MB import over a slow line.
REQUEST_SECONDS = 120.0
# Connections served at once (waitress's default is 100), if the process may open enough
# files; `poll` instead of `select`, which fails past file descriptor 1023.
CONNECTION_LIMIT = 1000
FILES_BESIDE_CONNECTIONS = 256  # database, logs, the app's own files
# Seconds a connection may stay silent (waitress's default 120) and how often that is checked.
IDLE_SECONDS = 30
CLEANUP_SECONDS = 10


class DeadlineChannel(HTTPChannel):
    """Waitress's connection, closed when a request has been arriving for longer than
    REQUEST_SECONDS (the request that is part-read, and when it began)."""

    _arriving: tuple[Any, float] | None = None

    def received(self, data: bytes) -> bool:
        now = time.monotonic()
        result = super().received(data)
        partial = self.request  # waitress's parser of a request not yet whole, else None
        if partial is None:
            self._arriving = None
        elif self._arriving is None or self._arriving[0] is not partial:
            self._arriving = (partial, now)
        elif now - self._arriving[1] > REQUEST_SECONDS:
            self.will_close = True  # closed by waitress's loop; nothing of it reaches the app
        return bool(result)


def largest_body(app: Flask) -> int:
    """The largest request body any page of the app accepts."""
    from bot.review.views.imports import max_upload_bytes

    with app.app_context():
        return max(int(app.config.get("MAX_CONTENT_LENGTH") or 0), max_upload_bytes())


def connection_limit(wanted: int = CONNECTION_LIMIT) -> int:
    """`wanted`, raising this process's open-file limit for it where the hard limit allows;
    else as many as fit under it (never fewer than waitress's own 100)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = wanted + FILES_BESIDE_CONNECTIONS
    if soft != resource.RLIM_INFINITY and soft < needed:
        raised = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
            soft = raised
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(100, min(wanted, soft - FILES_BESIDE_CONNECTIONS))


def server_options(app: Flask, cfg: Settings) -> dict[str, Any]:
    options: dict[str, Any] = {
        "host": cfg.web_host,
        "port": cfg.web_port,
        "threads": 8,
        "ident": "bucks-lis",
        "max_request_body_size": largest_body(app),
        "connection_limit": connection_limit(),
        "asyncore_use_poll": True,
        "channel_timeout": IDLE_SECONDS,
        "cleanup_interval": CLEANUP_SECONDS,
    }
    if cfg.trusted_proxy:
        # Behind a reverse proxy: take the client address from X-Forwarded-For so the
        # staff login limits count real clients, not the proxy.
        options |= {
            "trusted_proxy": cfg.trusted_proxy,
            "trusted_proxy_count": 1,
            "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
            "clear_untrusted_proxy_headers": True,
        }
    return options


def main() -> None:
    logging.basicConfig()  # as waitress.serve does: its warnings reach the log
    cfg = settings()
    app = create_app()
    sockets: dict[int, Any] = {}  # waitress's map: a listener per address WEB_HOST names
    server = create_server(app, map=sockets, **server_options(app, cfg))
    for listener in list(sockets.values()):
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = DeadlineChannel
    server.print_listen("Serving on http://{}:{}")
    server.run()


if __name__ == "__main__":
    main()
