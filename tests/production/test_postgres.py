"""The production backend: our schema and the consultation flow on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text

from bot.config import settings
from bot.consultation import service
from bot.storage.db import engine_for, session_scope
from bot.storage.export import export_rows
from bot.storage.migrate import upgrade
from bot.storage.models import Response

pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    settings.cache_clear()
    upgrade("head", postgres_url)
    yield postgres_url
    with engine_for(postgres_url).begin() as conn:
        conn.execute(
            text(
                "TRUNCATE businesses, conversations, responses, response_themes, "
                "effective_themes, audit_log, staff_users RESTART IDENTITY CASCADE"
            )
        )
    settings.cache_clear()


def test_consultation_flow_on_postgres(pg: str) -> None:
    service.record_consent("pg-1", "rest", agreed=True)
    service.save_profile("pg-1", "rest", organisation="Westcott Propulsion", size_band="10-49")
    answer = service.record_answer(
        "pg-1",
        "rest",
        "We fire rocket engines at Westcott and need more test cell time.",
        "island:space:barriers",
        "What holds you back?",
    )
    assert answer is not None and answer.response_id > 0
    service.correct_themes("pg-1", add=["infrastructure"], remove=[])
    engine = engine_for(pg)
    assert engine.dialect.name == "postgresql"
    with session_scope(engine) as session:
        rows = list(export_rows(session))
    assert len(rows) == 1
    assert "infrastructure" in rows[0]["themes"]
    assert rows[0]["channel"] == "rest"
    result = service.forget("pg-1")
    assert result.responses == 1
    with session_scope(engine) as session:
        assert session.scalar(select(func.count(Response.id))) == 0
