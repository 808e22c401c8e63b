"""The agreement page shows the current model beside the one it replaced, each judged on the
reviewed responses it was not trained on (issue 8: staff can see whether retraining helped)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from bot.storage.queries.agreement import model_agreement
from bot.storage.themes import set_model_tags
from bot.tagging.versions import InstalledModel


def _meta(dir_: Path, version: str, reviewed: list[int]) -> None:
    dir_.mkdir(parents=True)
    (dir_ / "meta.json").write_text(
        json.dumps(
            {
                "version": version,
                "trained_at": "2026-11-30T06:00:00+00:00",
                "data": {"examples": 10, "reviewed_response_ids": reviewed},
            }
        )
    )


def test_each_model_is_judged_on_what_it_did_not_learn(session, seeded) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from bot.storage.models import Response

    reviewed_id = session.scalars(
        select(Response.id).where(Response.reviewed_at.is_not(None))
    ).one()
    # The replacement model says what staff said (mobility + skills).
    set_model_tags(
        session, reviewed_id, ["intelligent_mobility", "education_skills"], {}, {}, "tagger-test-2"
    )
    session.flush()
    previous = InstalledModel("previous", "tagger-test-1", None, 10, frozenset())
    current = InstalledModel("current", "tagger-test-2", None, 11, frozenset())
    prev, cur = model_agreement(session, [previous, current])
    assert (prev.judged, round(prev.mean_f1, 2), prev.exact) == (1, 0.67, 0)
    assert (cur.judged, cur.mean_f1, cur.exact) == (1, 1.0, 1)
    # Trained on that response: it is not judged on it.
    learnt = InstalledModel("current", "tagger-test-2", None, 11, frozenset({reviewed_id}))
    assert model_agreement(session, [learnt])[0].judged == 0


def test_agreement_page_shows_both_models(
    reviewer: FlaskClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.config import settings

    _meta(tmp_path / "tagger", "tagger-test-2", [])
    _meta(tmp_path / "tagger-previous", "tagger-test-1", [])
    monkeypatch.setenv("MODELS_DIR", str(tmp_path))
    settings.cache_clear()
    html = reviewer.get("/staff/agreement").get_data(as_text=True)
    settings.cache_clear()
    assert "Did retraining help?" in html
    assert "tagger-test-2" in html and "tagger-test-1" in html
    assert "Previous" in html and "Current" in html
