"""SQLite connections (our tables and Rasa's transcript) share the file safely and quickly."""

from __future__ import annotations

from typing import Any

import pytest
from rasa.shared.core.domain import Domain

from bot.storage.db import make_engine
from bot.storage.tracker_store import ConsultationTrackerStore


def pragmas(engine) -> dict[str, object]:  # noqa: ANN001
    with engine.connect() as conn:
        return {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "busy_timeout")
        }


def test_our_engine_uses_wal_with_normal_sync(tmp_path) -> None:  # noqa: ANN001
    engine = make_engine(f"sqlite:///{tmp_path / 'a.db'}")
    assert pragmas(engine) == {"journal_mode": "wal", "synchronous": 1, "busy_timeout": 10000}
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_the_transcript_store_uses_the_same_settings(
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    from bot.config import settings

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'b.db'}")
    settings.cache_clear()
    try:
        store = ConsultationTrackerStore(domain=Domain.empty())
        assert pragmas(store.engine) == {
            "journal_mode": "wal",
            "synchronous": 1,
            "busy_timeout": 10000,
        }
    finally:
        settings.cache_clear()
