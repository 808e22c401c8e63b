"""Fixtures and helpers for the tagger tests: the trained model (if any), a rule switched on
for one call, a rule's agreement with the training labels, near-duplicates."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from bot.tagging.training import data as tagdata


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


def near_duplicates(a: list[tagdata.Example], b: list[tagdata.Example]) -> list[tuple]:
    """Pairs that are equal after normalisation, or share >= 60% of words (5+ words): a
    checking message must not be one the tagger (or its answer head) was trained on."""
    out = []
    b_norm = {tagdata.normalise(e.text): e for e in b}
    # each of b's word sets once, not once per message of a (6,191 training messages)
    b_words = [(y, set(tagdata.normalise(y.text).split())) for y in b]
    b_words = [(y, ty) for y, ty in b_words if len(ty) >= 5]
    for x in a:
        norm = tagdata.normalise(x.text)
        if norm in b_norm:
            out.append((x.text, b_norm[norm].text))
            continue
        tx = set(norm.split())
        if len(tx) < 5:
            continue
        for y, ty in b_words:
            if len(tx & ty) / len(tx | ty) >= 0.6:
                out.append((x.text, y.text))
    return out


@contextmanager
def switched(engine: object, key: str, on: bool = True) -> Iterator[object]:
    """The engine with config `key` set to `on` for the block, as it was after: the served
    model may have been trained before the key existed (then it reads as off)."""
    config = engine.config  # type: ignore[attr-defined]
    saved = config.get(key)
    config[key] = on
    try:
        yield engine
    finally:
        config[key] = saved


def training_agreement(rule: Callable[[list[str]], dict[str, str]]) -> tuple[int, int]:
    """(themes fired, themes the writers' labels carry) when an outright rule reads every
    training message's clauses: the rules add to the classifier, so a stray firing is a
    wrong tag."""
    from bot.tagging.clean import clean
    from bot.tagging.segments import segments

    fired = agreed = 0
    for path in tagdata.TRAIN_PATHS:
        for example in tagdata.load(path):
            found = rule(segments(clean(example.text) or example.text))
            fired += len(found)
            agreed += sum(theme in example.themes for theme in found)
    return fired, agreed
