"""Fixtures for the tagger tests: the trained model (if any)."""

from __future__ import annotations

import pytest


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
