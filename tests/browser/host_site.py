"""An LEP site on its own origin, embedding the widget, with the fake chat stack behind it."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import background_process, free_port, wait_for_url

ROOT = Path(__file__).resolve().parents[2]
FAKE = ROOT / "tests" / "widget" / "fake_rasa.py"


@contextmanager
def host_site_served(
    var_dir: Path, handler_for: Callable[[str, str], type[BaseHTTPRequestHandler]]
) -> Iterator[str]:
    """The site's URL (localhost:PORT, listed in ALLOWED_ORIGINS; the chat is on 127.0.0.1):
    its pages come from `handler_for(web_url, rasa_url)`, the fake chat stack runs behind
    it, and both stop afterwards."""
    rasa_port, web_port, site_port = free_port(), free_port(), free_port()
    web_url, rasa_url = f"http://127.0.0.1:{web_port}", f"http://127.0.0.1:{rasa_port}"
    site_url = f"http://localhost:{site_port}"
    env = dict(os.environ)
    env.update(
        BUCKS_LIS_VAR_DIR=str(var_dir),
        PUBLIC_RASA_URL=rasa_url,
        ALLOWED_ORIGINS=f"{web_url},{site_url}",
        PYTHONPATH=str(ROOT),
    )
    env.pop("BUCKS_LIS_ENV", None)
    server = ThreadingHTTPServer(("127.0.0.1", site_port), handler_for(web_url, rasa_url))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with background_process(
            [sys.executable, str(FAKE), str(rasa_port), str(web_port)], env
        ) as proc:
            wait_for_url(web_url + "/", proc)
            wait_for_url(rasa_url + "/test/received", proc)
            yield site_url
    finally:
        server.shutdown()
        server.server_close()


Page = tuple[bytes, Mapping[str, str]]  # HTML and its extra headers


def pages_handler(
    pages: Mapping[str, Page], default: Page | None = None
) -> type[BaseHTTPRequestHandler]:
    """A site serving `pages` by path; anything else gets `default`, or a 404 without one
    (a browser asks for /favicon.ico too, and a 404 shows in its console)."""

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            body, headers = pages.get(self.path, default or (b"", {}))
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Site
