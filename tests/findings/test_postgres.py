"""Findings on a real PostgreSQL: the migration, sub-themes, quotes, report and erasure."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, text

from bot.config import settings
from bot.findings import quotes as q
from bot.findings import report
from bot.findings import subthemes as st
from bot.storage.db import engine_for, session_scope
from bot.storage.erasure import forget_sender
from bot.storage.migrate import upgrade
from bot.storage.models import Business, Quote, ResponseEmbedding
from tests.findings.conftest import responses_adder
from tests.findings.test_subthemes import BROADBAND, TRAINS

pytestmark = pytest.mark.postgres


def test_findings_on_postgres(
    postgres_url: str,
    fake_encoder: Any,
    tmp_path,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    settings.cache_clear()
    upgrade("head", postgres_url)
    engine = engine_for(postgres_url)
    try:
        with session_scope(engine) as session:
            add = responses_adder(session)
            add(BROADBAND)
            add(TRAINS)
            (rid,) = add(
                ["Call Priya Shah on 01494 123456 about broadband fibre"],
                organisation="Orbital Widgets Ltd",
            )
            result = st.run(session, "infrastructure", actor="pg")
            assert result.proposed == 2
            q.star(session, rid, "infrastructure", actor="pg")
            report.save_summary(session, "infrastructure", "Fibre first.", actor="pg")
        with session_scope(engine) as session:
            found = st.listing(session, "infrastructure")
            assert sum(s.count for s in found.subthemes) + len(found.unassigned) == 11
            assert len(session.scalars(select(ResponseEmbedding)).all()) == 11
            data = report.collect(session)
            infra = next(t for t in data.themes if t.id == "infrastructure")
            assert infra.responses == 11 and infra.summary == "Fibre first."
            assert "Priya" not in infra.quotes[0][0]
            report.write(data, tmp_path / "r.docx")
            sender = session.scalar(
                select(Business.sender_id).where(Business.organisation == "Orbital Widgets Ltd")
            )
            forget_sender(session, sender, actor="pg", reason="test")
        with session_scope(engine) as session:
            assert session.scalars(select(Quote)).all() == []
            assert session.get(ResponseEmbedding, rid) is None
            assert session.scalar(select(Business.named_consent)) is False
    finally:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "TRUNCATE businesses, conversations, responses, response_themes, "
                    "effective_themes, audit_log, subthemes, response_subthemes, quotes, "
                    "response_embeddings, report_summaries RESTART IDENTITY CASCADE"
                )
            )
        settings.cache_clear()
