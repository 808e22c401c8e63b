"""A clause naming a programme GUIDE.md files under one theme carries it (`programmes.py`)."""

from __future__ import annotations

import pytest

from bot.tagging.programmes import named_plans, named_programmes
from bot.tagging.segments import segments
from tests.tagging.conftest import switched, training_agreement


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("a KTP with Bucks New Uni would sort our firmware", "entrepreneurialism"),
        ("DIT want us on a trade mission to Japan", "entrepreneurialism"),
        ("we've got an SBRI phase 2 contract", "intelligent_public_services"),
        ("CPD for the physios who use our kit isn't funded", "education_skills"),
        ("why is there no CPD on modern methods of construction for planners?", "education_skills"),
        ("T-levels, whatever they are, haven't reached us", "education_skills"),
        # the start-up ecosystem's instruments (set O: "a medtech accelerator near Stoke
        # Mandeville" went untagged; so did a firm "spun out of research")
        ("The LEP should set up a medtech accelerator near Stoke Mandeville", "entrepreneurialism"),
        ("We're a rehab company spun out of research at the spinal centre", "entrepreneurialism"),
        ("piloting a sensor glove from a Bucks New Uni spin-out", "entrepreneurialism"),
        ("three pitch decks and fourteen months to close the round", "entrepreneurialism"),
    ],
)
def test_a_programme_named_carries_its_theme(text: str, theme: str) -> None:
    assert theme in named_programmes(segments(text))


@pytest.mark.parametrize(
    "text",
    [
        "we don't need a KTP, we need customers",  # turned down
        "credit to the team, they did it",  # 'dit' only as a word of its own
        "the levels of traffic on the A41",
        "we don't want an incubator, we want customers",  # turned down
        "our start-up makes inhalers",  # 'start-up' is how firms describe themselves
    ],
)
def test_no_programme_is_read_into_other_words(text: str) -> None:
    assert named_programmes(segments(text)) == {}


def test_the_programmes_agree_with_the_training_labels() -> None:
    fired, agreed = training_agreement(named_programmes)
    assert fired >= 25
    assert agreed / fired >= 0.95


def test_the_engine_tags_a_programme_as_a_second_subject(trained_engine: object) -> None:
    with switched(trained_engine, "named_programmes") as engine:
        [answer] = engine.tag_many(  # type: ignore[attr-defined]
            ["green propellant thruster testing at Westcott, we've got an SBRI phase 2 contract"]
        )
    assert {"space", "intelligent_public_services"} <= set(answer.themes)
    assert any(e.startswith("programme: ") for e in answer.evidence["intelligent_public_services"])


@pytest.mark.parametrize(
    "text",
    [
        "prices have gone mad since the Garden Town started",  # set E of unseen conversations
        "3,000 new homes at Winslow and not one workshop unit",
        "thousands of houses going up round Aylesbury",
        "the new estates need a bus",
        "we frame new builds for local developers",
        "we don't want another new estate near the farm",  # against it: still a view on it
        # homes going up (set P: "turfed out of two yards because they're building flats")
        "We've been turfed out of two yards because they're building flats on them",
        "Four hundred houses are being built next to the school",
    ],
)
def test_the_planned_housing_growth_named_carries_its_theme(text: str) -> None:
    assert "housing_growth" in named_plans(segments(text))


@pytest.mark.parametrize(
    "text",
    [
        "we are a care home group, 4 homes, staff turnover 40%",  # homes, but not planned
        "our homes are in the villages",
        "we moved to a new estate office in Marlow",
        "we build homes for hedgehogs",  # homes, but not for people
    ],
)
def test_no_plan_is_read_into_other_homes(text: str) -> None:
    assert named_plans(segments(text)) == {}


def test_the_plans_agree_with_the_training_labels() -> None:
    fired, agreed = training_agreement(named_plans)
    assert fired >= 200
    assert agreed / fired >= 0.95


def test_a_long_answer_keeps_the_plan_it_names(trained_engine: object) -> None:
    text = (
        "We make rehabilitation kit and cannot recruit technicians. When we do find someone "
        "they cannot afford to rent near here, prices have gone mad since the Garden Town "
        "started, and the A41 is solid every morning."
    )
    with switched(trained_engine, "named_plans") as engine:
        [answer] = engine.tag_many([text])  # type: ignore[attr-defined]
    assert "housing_growth" in answer.themes
    assert any(line.startswith("plan: ") for line in answer.evidence["housing_growth"])
