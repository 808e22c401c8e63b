"""An island's asset named only as a place the business drives to or parks at carries no
theme (`landmarks.py`, found by sets BU, BX and CF of unseen conversations)."""

from __future__ import annotations

import pytest

from bot.tagging.landmarks import only_a_place
from bot.tagging.training import data as tagdata
from tests.tagging.conftest import switched

VENDING = (
    "@btvlep half the business parks we stock have no van access after 9, and theres never "
    "anywhere to park at stoke mandeville hospital when we refill the machines there"
)


@pytest.mark.parametrize(
    ("text", "islands"),
    [
        (VENDING, {"medical_technologies"}),
        (
            "we're on the road out to Stoke Mandeville Hospital and the traffic is awful",
            {"medical_technologies"},
        ),
        # the sector itself, or the asset as the asset: the island stands
        (
            "The car park at Stoke Mandeville is a nightmare for our reps visiting the spinal unit",
            set(),
        ),
        ("Stoke Mandeville is world class and half of Bucks doesn't know it", set()),
        ("we deliver wheelchair cushions to Stoke Mandeville every week", set()),
        ("A named person at Stoke Mandeville we could ring", set()),
    ],
)
def test_the_hospital_as_a_place(text: str, islands: set[str]) -> None:
    assert only_a_place(text) == islands


def test_no_training_message_that_reads_so_carries_the_island() -> None:
    # the writers' labels: every message naming the hospital only as a place leaves
    # medical technologies off (none yet reads so; a new one that carried it would fail)
    for path in tagdata.TRAIN_PATHS:
        for example in tagdata.load(path):
            for island in only_a_place(example.text):
                assert island not in example.themes, example.text


def test_the_place_carries_no_island_and_the_view_stands(trained_engine: object) -> None:
    with switched(trained_engine, "landmark_places") as engine:
        [answer] = engine.tag_many([VENDING], ["seabed:infrastructure:views"])  # type: ignore[attr-defined]
    assert "medical_technologies" not in answer.themes
    assert "infrastructure" in answer.themes
    # the medtech island's own question keeps its prior
    with switched(trained_engine, "landmark_places") as engine:
        [asked] = engine.tag_many([VENDING], ["island:medical_technologies:barriers"])  # type: ignore[attr-defined]
    assert "medical_technologies" in asked.themes
