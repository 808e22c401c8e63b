"""The real staff app served for a browser test, over a fresh database each module fills."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.conftest import free_port

STAFF_SECRET = "browser-test-secret"
Filled = TypeVar("Filled")


@contextmanager
def staff_app_served(
    tmp: Path,
    fill: Callable[[Any], Filled],
    *,
    patch: Callable[[pytest.MonkeyPatch], None] | None = None,
    config: dict[str, Any] | None = None,
) -> Iterator[tuple[str, Filled, str]]:
    """The staff app (werkzeug's threaded server) on a free port over a fresh SQLite
    database in `tmp` that `fill(session)` seeds: (base URL, what `fill` returned, database
    URL). Passwords hash cheaply (scrypt N=4096), so a sign-in takes milliseconds; `patch`
    sets anything else the module needs before the database is filled."""
    from werkzeug.serving import make_server

    from bot.config import settings
    from bot.storage import staff
    from bot.storage.db import create_schema, engine_for, session_scope

    url = f"sqlite:///{tmp / 'staff.db'}"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DATABASE_URL", url)
        mp.setenv("BUCKS_LIS_VAR_DIR", str(tmp / "var"))
        mp.setenv("SECRET_KEY", STAFF_SECRET)
        mp.setattr(staff, "HASH_METHOD", "scrypt:4096:8:1")
        if patch is not None:
            patch(mp)
        settings.cache_clear()
        engine = engine_for(url)
        create_schema(engine)
        with session_scope(engine) as session:
            filled = fill(session)
        from bot.web.app import create_app

        app = create_app({"DATABASE_URL": url, "SECRET_KEY": STAFF_SECRET, **(config or {})})
        server = make_server("127.0.0.1", free_port(), app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}", filled, url
        finally:
            server.shutdown()
            thread.join(timeout=5)
            engine.dispose()
            settings.cache_clear()
