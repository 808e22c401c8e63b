"""Engine and session handling for our database (SQLite by default, PostgreSQL via DATABASE_URL)."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from bot.config import settings


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL never corrupts the file; a power cut may lose the last commits.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Pooled (SQLAlchemy 1.4 defaults to NullPool for SQLite files): opening, setting
        # pragmas and closing (a WAL checkpoint) per session cost more than the query.
        pooled = (
            {"poolclass": QueuePool, "pool_size": 5, "max_overflow": 10}
            if (path and path != ":memory:")
            else {}
        )
        engine = create_engine(
            url,
            future=True,
            connect_args={"check_same_thread": False, "timeout": 10},
            **pooled,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True)


@lru_cache(maxsize=4)
def engine_for(url: str) -> Engine:
    """One engine per URL per process."""
    return make_engine(url)


def get_engine() -> Engine:
    """The engine for the configured DATABASE_URL."""
    return engine_for(settings().database_url)


def session_factory(engine: Engine | None = None) -> sessionmaker:
    return sessionmaker(bind=engine or get_engine(), future=True, expire_on_commit=False)


class StorageFull(RuntimeError):
    """The database's disk is full. The transaction was rolled back: nothing half-written."""


# SQLite's SQLITE_FULL, the OS's ENOSPC, PostgreSQL's "could not extend file".
_DISK_FULL = ("database or disk is full", "No space left on device", "could not extend file")


def _disk_full(session: Session, error: OperationalError) -> bool:
    """Did this error come from a full disk? SQLite says so on a write (SQLITE_FULL), but
    only "disk I/O error" when it cannot even open its shared-memory file: then look."""
    message = str(error)
    if any(m in message for m in _DISK_FULL):
        return True
    url = session.get_bind().url
    if "disk I/O error" in message and url.get_backend_name() == "sqlite" and url.database:
        folder = Path(url.database).resolve().parent
        return shutil.disk_usage(folder).free < 64 * 1024
    return False


def read_only(error: BaseException) -> bool:
    """Did the database refuse a write because it takes none now? PostgreSQL's SQLSTATE
    25006 (a standby after a failover, `default_transaction_read_only`), which psycopg2
    raises as an InternalError; SQLite's read-only file. Fault probe s46."""
    orig = getattr(error, "orig", None)
    if getattr(orig, "pgcode", None) == "25006":
        return True
    return "attempt to write a readonly database" in str(orig or error)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A transactional session: commit on success, roll back on error.

    A full disk becomes `StorageFull` with a message an operator can act on."""
    session = session_factory(engine)()
    try:
        yield session
        session.commit()
    except BaseException as error:
        session.rollback()
        if isinstance(error, OperationalError) and _disk_full(session, error):
            logging.getLogger(__name__).error(
                "database disk full: write rolled back (%s)", str(error).splitlines()[0]
            )
            raise StorageFull(
                "the database's disk is full: nothing was stored; free space and try again"
            ) from error
        raise
    finally:
        session.close()


def create_schema(engine: Engine | None = None) -> None:
    """Create our tables directly (tests). Deployments use `bucks-lis db upgrade` (Alembic)."""
    from bot.storage.models import Base

    Base.metadata.create_all(engine or get_engine())
