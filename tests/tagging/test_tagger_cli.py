"""`bucks-lis tag` and `evaluate-tagger`: order, malformed lines, metrics output."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main
from bot.strategy import THEME_IDS


def test_tag_keeps_order_and_reports_bad_lines(keyword_engine: object) -> None:
    lines = [
        json.dumps({"id": "a", "text": "We test rocket engines at Westcott"}),
        "",
        "this is not json",
        '{"id": "b7", "text": "unterminated',
        json.dumps({"id": 3}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c", "text": "hello"}),
    ] + [json.dumps({"id": f"n{i}", "text": f"message {i} about broadband"}) for i in range(70)]
    result = CliRunner().invoke(main, ["tag"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert len(out) == len(lines)
    assert out[0]["id"] == "a" and out[0]["themes"] == ["space"]
    assert list(out[0]["scores"]) == list(THEME_IDS)
    assert out[0]["evidence"]["space"]
    assert out[1] == {"id": None, "error": "blank line"}
    assert out[2]["id"] is None and "malformed" in out[2]["error"]
    assert out[3]["id"] == "b7" and "malformed" in out[3]["error"]
    assert out[4]["id"] == 3 and "text" in out[4]["error"]
    assert "error" in out[5]
    assert out[6] == {
        "id": "c",
        "themes": [],
        "scores": dict.fromkeys(THEME_IDS, 0.0),
        "evidence": {},
    }
    assert [o["id"] for o in out[7:]] == [f"n{i}" for i in range(70)]
    assert all(o["themes"] == ["infrastructure"] for o in out[7:])


def test_tag_without_model_is_a_clear_error(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    import bot.tagging
    from bot.config import settings

    monkeypatch.setenv("MODELS_DIR", str(tmp_path))
    monkeypatch.setattr(bot.tagging, "_engine", None)
    settings.cache_clear()
    try:
        result = CliRunner().invoke(main, ["tag"], input='{"id": 1, "text": "hi"}\n')
    finally:
        settings.cache_clear()
    assert result.exit_code != 0
    assert "make train" in result.output


def test_evaluate_tagger_json(keyword_engine: object, tmp_path: Path) -> None:
    data = tmp_path / "eval.jsonl"
    rows = [
        {"id": "1", "text": "We build satellites", "themes": ["space"]},
        {"id": "2", "text": "Hello", "themes": []},
        {"id": "3", "text": "The broadband is awful", "themes": ["infrastructure"]},
        {"id": "4", "text": "We need investors", "themes": ["entrepreneurialism", "space"]},
    ]
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = CliRunner().invoke(main, ["evaluate-tagger", "--data", str(data), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    for key in (
        "macro_f1",
        "micro_f1",
        "exact_match",
        "mean_response_f1",
        "no_theme_accuracy",
        "per_theme",
    ):
        assert key in report
    assert report["no_theme_accuracy"] == 1.0
    assert report["exact_match"] == 0.75
    assert report["per_theme"]["space"]["recall"] == 0.5
    text = CliRunner().invoke(main, ["evaluate-tagger", "--data", str(data)])
    assert "macro-F1" in text.output and "no-theme accuracy" in text.output


def test_tag_survives_an_engine_error(monkeypatch, keyword_engine) -> None:  # noqa: ANN001
    real = keyword_engine.tag_many

    def flaky(texts: list[str], keys: list | None = None) -> list:
        if any("BOOM" in t for t in texts):
            raise RuntimeError("boom")
        return real(texts, keys)

    monkeypatch.setattr(keyword_engine, "tag_many", flaky)
    lines = [
        json.dumps({"id": i, "text": t}) for i, t in enumerate(["satellites", "BOOM", "broadband"])
    ]
    result = CliRunner().invoke(main, ["tag"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == [0, 1, 2]
    assert out[0]["themes"] == ["space"] and out[2]["themes"] == ["infrastructure"]
    assert "tagging failed" in out[1]["error"]
