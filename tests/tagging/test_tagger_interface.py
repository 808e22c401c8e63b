"""The stable interface: tag, tag_many, model_version, TagResult, and the missing-model error."""

from __future__ import annotations

from pathlib import Path

import pytest

import bot.tagging
from bot.strategy import THEME_IDS
from bot.tagging import TaggerModelMissing, TagResult, load_engine, model_version, tag, tag_many


def _check_contract(result: TagResult) -> None:
    assert isinstance(result, TagResult)
    assert list(result.scores) == list(THEME_IDS)
    assert all(0.0 <= s <= 1.0 for s in result.scores.values())
    assert result.themes == [t for t in THEME_IDS if t in result.themes], "THEME_IDS order"
    assert set(result.evidence) == set(result.themes)
    assert all(
        result.evidence[t] and all(isinstance(p, str) for p in result.evidence[t])
        for t in result.themes
    ), "evidence for every tagged theme"


def test_contract_with_stand_in_engine(keyword_engine: object) -> None:
    result = tag("Our rocket engine test stand at Westcott needs better broadband")
    _check_contract(result)
    assert result.themes == ["space", "infrastructure"]
    assert result.model_version == model_version() == keyword_engine.version
    many = tag_many(["hello", "We make carbon fibre parts for race teams"])
    assert [r.themes for r in many] == [[], ["high_performance_technology"]]
    assert tag_many([]) == []
    d = result.to_dict()
    assert set(d) == {"themes", "scores", "evidence"}


def test_missing_model_names_make_train(tmp_path: Path) -> None:
    with pytest.raises(TaggerModelMissing, match="make train"):
        load_engine(tmp_path)


def test_engine_loads_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    class Stub:
        version = "stub-1"

        def tag_many(self, texts: list[str], keys: list | None = None) -> list[TagResult]:
            return [TagResult([], dict.fromkeys(THEME_IDS, 0.0), {}, self.version) for _ in texts]

    def fake_load() -> Stub:
        calls.append(1)
        return Stub()

    monkeypatch.setattr(bot.tagging, "_engine", None)
    monkeypatch.setattr(bot.tagging, "load_engine", fake_load)
    tag("a")
    tag("b")
    assert model_version() == "stub-1"
    assert len(calls) == 1


def test_trained_model_contract(trained_engine: object) -> None:
    texts = [
        "We build lidar sensors for driverless cars",
        "",
        "Thanks!",
        "   ",
        "x" * 5000,
        "🙂 #bucksLIS",
    ]
    results = trained_engine.tag_many(texts)
    assert len(results) == len(texts)
    for r in results:
        _check_contract(r)
        assert r.model_version == trained_engine.version
    assert results[1].themes == [] and results[3].themes == []
    assert "intelligent_mobility" in results[0].themes
    assert trained_engine.version.startswith("tagger-")
