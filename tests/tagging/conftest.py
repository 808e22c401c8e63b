"""Fixtures for the tagger tests: a fast stand-in engine and the trained model (if any)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import bot.tagging


@pytest.fixture()
def keyword_engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Install the keyword baseline as the process engine (no trained model needed)."""
    from bot.tagging.keyword import KeywordTagger

    engine = KeywordTagger()
    monkeypatch.setattr(bot.tagging, "_engine", engine)
    yield engine


@pytest.fixture(scope="session")
def trained_engine() -> object:
    """The trained model from models/tagger/, or skip with the reason."""
    from bot.tagging import TaggerModelMissing, load_engine
    from bot.tagging.assets import TOKENIZER_PATH

    if not TOKENIZER_PATH.exists():
        pytest.skip("embedding tokenizer not fetched: run `make setup`")
    try:
        return load_engine()
    except TaggerModelMissing as exc:
        pytest.skip(f"tagger not trained ({exc}); run `make train`")
