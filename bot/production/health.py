"""Readiness checks that test what they claim: the database answers, the tagger is loaded.

Liveness (`/health`, `/healthz`) only says the process serves HTTP; readiness (`/ready`,
`/readyz`) says it can do its job now, so a balancer or Kubernetes sends it traffic.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlalchemy as sa

logger = logging.getLogger(__name__)

# How often an action server whose tagger failed to load tries again (fault probe s45).
TAGGER_RETRY_SECONDS = 30.0


def database_problem(database_url: str) -> str | None:
    """None if the database answers `SELECT 1` and has our tables, else what is wrong."""
    from bot.storage.db import engine_for

    try:
        engine = engine_for(database_url)
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
            if not sa.inspect(conn).has_table("responses"):
                return "database reachable but not migrated (run `bucks-lis db upgrade`)"
    except Exception as error:  # any driver error means: not ready
        # The driver's message names hosts, ports and database users: it goes to the log,
        # and the public readiness answer says only what kind of failure it was.
        logger.warning("Database check failed: %s", str(error).splitlines()[0])
        return f"database unreachable: {type(error).__name__}"
    return None


@dataclass
class TaggerWarmup:
    """Loads the theme tagger in a background thread and remembers how that went; a failed
    load is tried again every TAGGER_RETRY_SECONDS, so `/ready` recovers once the tagger is
    there (it kept the first failure for good: fault probe s45)."""

    started: float = field(default_factory=time.monotonic)
    error: str | None = None
    _done: threading.Event = field(default_factory=threading.Event)
    _stopped: threading.Event = field(default_factory=threading.Event)
    then: Callable[[], object] | None = None  # run once the tagger is loaded (server only)

    def start(self) -> TaggerWarmup:
        threading.Thread(target=self._keep_trying, name="tagger-warmup", daemon=True).start()
        return self

    def stop(self) -> None:
        """No more tries (tests)."""
        self._stopped.set()

    def _keep_trying(self) -> None:
        while not self._load() and not self._stopped.wait(TAGGER_RETRY_SECONDS):
            pass

    def _load(self) -> bool:
        """One try; True once the tagger is loaded (and `then` has run)."""
        try:
            from bot.tagging import engine

            engine()
        except Exception as error:  # reported by /ready, not a crash
            failed = f"tagger not loaded: {error}"
            if failed != self.error:
                logger.error("%s (trying again every %g s)", failed, TAGGER_RETRY_SECONDS)
            self.error = failed
            self._done.set()
            return False
        if self.error is not None:
            logger.warning("tagger loaded after all: the action server is ready")
        self.error = None
        self._done.set()
        if self.then is not None:
            try:
                self.then()
            except Exception:  # an optional step after loading; never a failed tagger
                logger.exception("after loading the tagger")
        return True

    def problem(self) -> str | None:
        """None once the tagger is loaded; else 'loading' or why it failed."""
        if not self._done.is_set():
            return f"tagger loading ({time.monotonic() - self.started:.0f} s)"
        return self.error


async def database_problem_within(database_url: str, timeout: float = 5.0) -> str | None:
    """`database_problem` off the event loop, bounded: a hung database is a problem too."""
    loop = asyncio.get_running_loop()
    try:
        return await asyncio.wait_for(
            loop.run_in_executor(None, database_problem, database_url), timeout
        )
    except asyncio.TimeoutError:
        return f"database did not answer within {timeout:g} s"


def report(problems: dict[str, str | None]) -> tuple[dict[str, object], int]:
    """JSON body and HTTP status for a readiness answer (200 ready, 503 not)."""
    failing = {name: text for name, text in problems.items() if text}
    body: dict[str, object] = {
        "status": "ready" if not failing else "not ready",
        "checks": {name: text or "ok" for name, text in problems.items()},
    }
    return body, 200 if not failing else 503
