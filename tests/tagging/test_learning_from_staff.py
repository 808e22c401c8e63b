"""Staff corrections feed the next model: `train-tagger --include-reviewed` (issue 8)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.cli import main
from bot.storage.db import session_scope
from bot.storage.models import Business, Conversation, ModelPrediction, Response
from bot.storage.themes import set_model_tags, set_themes
from bot.tagging.training.data import Example
from bot.tagging.versions import installed_models


def _answer(
    session: Any,
    conv: Conversation,
    text: str,
    model: list[str],
    staff: list[str] | None,
    version: str = "m1",
) -> int:
    response = Response(conversation_id=conv.id, text=text, question_key=None)
    session.add(response)
    session.flush()
    set_model_tags(session, response.id, model, dict.fromkeys(model, 0.9), {}, version)
    if staff is not None:
        set_themes(session, response.id, staff, "staff", "officer@example.org")
        response.reviewed_at = datetime(2026, 11, 30)
        response.reviewed_by = "officer@example.org"
    return response.id


def _seed(engine: Engine) -> dict[str, int]:
    with session_scope(engine) as s:
        business = Business(sender_id="b1", channel="rest", consent=True)
        s.add(business)
        s.flush()
        conv = Conversation(business_id=business.id, sender_id="b1", channel="rest")
        s.add(conv)
        s.flush()
        return {
            "corrected": _answer(
                s,
                conv,
                "We can't hire welders and the A41 is jammed",
                ["education_skills"],
                ["education_skills", "infrastructure"],
            ),
            "confirmed": _answer(s, conv, "Our satellites need a test range", ["space"], ["space"]),
            "unreviewed": _answer(s, conv, "Broadband is slow", ["infrastructure"], None),
        }


def test_include_reviewed_trains_on_staff_themes(
    engine: Engine,
    monkeypatch,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    ids = _seed(engine)
    seen: dict = {}

    def fake_train(**kwargs: object) -> dict:
        seen.update(kwargs)
        return {"version": "tagger-test", "path": str(tmp_path)}

    monkeypatch.setattr("bot.tagging.training.train.train", fake_train)
    result = CliRunner().invoke(
        main, ["train-tagger", "--include-reviewed", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "including 2 staff-reviewed responses" in result.output
    by_text = {e.text: set(e.themes) for e in seen["extra"]}
    assert by_text == {
        "We can't hire welders and the A41 is jammed": {"education_skills", "infrastructure"},
        "Our satellites need a test range": {"space"},
    }
    assert seen["extra_note"] == {"reviewed_response_ids": [ids["corrected"], ids["confirmed"]]}


def test_without_the_flag_nothing_from_the_database(
    engine: Engine,
    monkeypatch,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    _seed(engine)
    seen: dict = {}
    monkeypatch.setattr(
        "bot.tagging.training.train.train",
        lambda **kw: seen.update(kw) or {"version": "v", "path": "p"},
    )
    assert CliRunner().invoke(main, ["train-tagger", "--out", str(tmp_path)]).exit_code == 0
    assert seen["extra"] == [] and seen["extra_note"] == {}


def test_every_model_version_keeps_its_prediction(engine: Engine) -> None:
    ids = _seed(engine)
    with session_scope(engine) as s:
        set_model_tags(s, ids["unreviewed"], ["infrastructure", "digital_science"], {}, {}, "m2")
    with session_scope(engine) as s:
        rows = s.execute(
            select(ModelPrediction.model_version, ModelPrediction.themes)
            .where(ModelPrediction.response_id == ids["unreviewed"])
            .order_by(ModelPrediction.model_version)
        ).all()
    assert [(v, t) for v, t in rows] == [
        ("m1", ["infrastructure"]),
        ("m2", ["digital_science", "infrastructure"]),
    ]


def test_a_real_training_records_reviewed_ids_and_keeps_the_previous_model(
    tmp_path: Path,
    trained_engine: object,
) -> None:
    from bot.tagging.training.train import train

    out = tmp_path / "tagger"
    train(out_dir=out, limit=150, checks=False, log=lambda _m: None)
    first = json.loads((out / "meta.json").read_text())
    extra = [
        Example(
            "response-7",
            "Our rocket test stand needs a bigger water main",
            ("space", "infrastructure"),
        )
    ]
    train(
        out_dir=out,
        limit=150,
        checks=False,
        log=lambda _m: None,
        extra=extra,
        extra_note={"reviewed_response_ids": [7]},
    )
    models = {m.role: m for m in installed_models(tmp_path)}
    assert models["previous"].version == first["version"]
    assert models["current"].version != first["version"]
    assert models["current"].reviewed_response_ids == frozenset({7})
    assert models["current"].examples == 151
    assert extra[0].text in json.loads((out / "examples.json").read_text())
