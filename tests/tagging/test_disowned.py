"""An island the business says it is not in carries no theme (`disowned.py`), and a reply
that only names a subject carries that subject's themes alone (`outright.lift`)."""

from __future__ import annotations

import pytest

from bot.tagging.disowned import disowned_islands
from bot.tagging.training import data as tagdata


@pytest.mark.parametrize(
    ("text", "islands"),
    [
        ("Not a space business, we sell gifts!", {"space"}),
        ("We're a tyre and exhaust garage, not the racing kind!", {"high_performance_technology"}),
        ("We build modular homes at Westcott Venture Park (no, not rockets).", {"space"}),
        ("I'm an osteopath, nothing to do with films I'm afraid", {"creative_digital"}),
        ("Yes we're in Iver, and no, we've nothing to do with the studios.", {"creative_digital"}),
        ("people assume we do rockets too, but we don't, it's all motorsport", {"space"}),
        ("people think we make films and we do, for the studios", set()),
        # a supplier to the sector carries it; "not just" keeps the island
        ("Not a space firm as such but we make hose assemblies for Westcott", set()),
        ("We're not just a racing firm, we do marine work too", set()),
        ("we're a medical business", set()),
        ("not enough space for a business our size", set()),  # room, not the sector
    ],
)
def test_an_island_denied_in_words(text: str, islands: set[str]) -> None:
    assert disowned_islands(text) == islands


def test_the_training_labels_leave_the_denied_island_out() -> None:
    fired = kept_out = 0
    for path in tagdata.TRAIN_PATHS:
        for example in tagdata.load(path):
            for island in disowned_islands(example.text):
                fired += 1
                kept_out += island not in example.themes
    assert fired >= 5
    assert kept_out / fired >= 0.85


def test_a_denied_island_is_neither_tagged_nor_its_questions_prior(
    trained_engine: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the switch as `make train` saves it now (a model trained before it has it off)
    monkeypatch.setitem(trained_engine.config, "disowned_islands", True)  # type: ignore[attr-defined]
    text = "Not a space business, we sell gifts! The real barrier is the A41 being dug up."
    [answer] = trained_engine.tag_many([text], ["island:space:barriers"])  # type: ignore[attr-defined]
    assert "space" not in answer.themes
    assert "infrastructure" in answer.themes


def test_a_bare_named_subject_carries_its_themes_alone(
    trained_engine: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(trained_engine.config, "bare_only_named", True)  # type: ignore[attr-defined]
    [answer] = trained_engine.tag_many(  # type: ignore[attr-defined]
        ["The Chiltern line"], ["seabed:infrastructure:views"]
    )
    assert answer.themes == ["infrastructure"]
