"""Database sessions for the review app, bound to the app's DATABASE_URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import current_app
from sqlalchemy.orm import Session

from bot.storage.db import engine_for, session_scope


@contextmanager
def db_session() -> Iterator[Session]:
    """A transactional session on the app's database (commit on success)."""
    with session_scope(engine_for(current_app.config["DATABASE_URL"])) as session:
        yield session
