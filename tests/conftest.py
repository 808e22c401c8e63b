"""Shared fixtures: every test gets its own SQLite database through DATABASE_URL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = PROJECT_ROOT.parent / "shared"


@pytest.fixture()
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh SQLite file with our schema, set as DATABASE_URL for the test."""
    from bot.config import settings
    from bot.storage.db import create_schema, engine_for

    url = f"sqlite:///{tmp_path / 'test.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("BUCKS_LIS_VAR_DIR", str(tmp_path / "var"))
    settings.cache_clear()
    create_schema(engine_for(url))
    yield url
    engine_for(url).dispose()
    settings.cache_clear()


@pytest.fixture()
def engine(database_url: str) -> Engine:
    from bot.storage.db import engine_for

    return engine_for(database_url)


@pytest.fixture()
def session(engine: Engine) -> Iterator[Session]:
    from bot.storage.db import session_scope

    with session_scope(engine) as s:
        yield s
