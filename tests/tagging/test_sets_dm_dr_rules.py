"""Subjects sets DM to DX of unseen conversations lost on their first run (fortieth
session): a letter's "I should add that ..." announces a new subject; an old building turned
into rooms to work in is premises; a power supply that cannot take the load is a utility;
developers who leave for the F1 teams are a skills need. Each rule agrees with every
labelled message so worded."""

from __future__ import annotations

from typing import Any

import pytest

from bot.tagging.landmarks import only_someone_elses
from bot.tagging.needs import stated_needs
from bot.tagging.segments import new_subject_marks, segment_spans
from bot.tagging.stated_views import stated_views


@pytest.mark.parametrize(
    "late",
    [
        "I should add that the young ones we do train cannot afford a room in Princes Risborough",
        "It is also worth mentioning that the bus stops at six",
        "One further point: the broadband is poor",
    ],
)
def test_a_letters_afterthought_is_marked_as_a_new_subject(late: str) -> None:
    text = f"We have trained our own people since 1931. {late}."
    spans = segment_spans(text)
    marked = [
        text[a:b] for (a, b), m in zip(spans, new_subject_marks(text, spans), strict=True) if m
    ]
    assert marked and all(clause in late for clause in marked)  # the opening sentence not


@pytest.mark.parametrize(
    "clause",
    [
        "the council letting us turn the old stable block into a second cutting room",
        "we'd convert the old barns into small workshops",
    ],
)
def test_an_old_building_turned_into_rooms_to_work_in_is_premises(clause: str) -> None:
    assert "infrastructure" in stated_needs([clause])


def test_products_turned_into_offices_are_no_premises() -> None:
    assert "infrastructure" not in stated_needs(
        ["we turn old shipping containers into site offices"]
    )


@pytest.mark.parametrize(
    "clause",
    ["the supply to the farm cant take it", "our power supply won't run a second oven"],
)
def test_a_supply_that_cannot_take_the_load_is_a_utility(clause: str) -> None:
    assert "infrastructure" in stated_views([clause])


def test_developers_who_leave_for_the_f1_teams_are_a_skills_need() -> None:
    clause = "Our developers leave for the F1 teams' own software departments"
    assert "education_skills" in stated_needs([clause])


@pytest.mark.parametrize(
    ("text", "island"),
    [
        (
            "Last month I framed a signed race suit for a man who works for one of the "
            "Silverstone teams, and he's been back twice since.",
            "high_performance_technology",
        ),
        (
            "One of my pupils is a theatre nurse at Stoke Mandeville and she passed.",
            "medical_technologies",
        ),
        ("My late father was an engineer at the rocket test site at Westcott.", "space"),
        ("my cousin works at pinewood lol", "creative_digital"),
    ],
)
def test_an_island_named_only_as_someone_elses_job_is_set_aside(text: str, island: str) -> None:
    assert only_someone_elses(text) == {island}


@pytest.mark.parametrize(
    "text",
    [
        "My cousin works at Pinewood and says the studios can't find riggers",
        "my dad's firm makes brackets for satellites, im on work experience there",
        "My daughter is set on working at Westcott",
        "We machine parts for the Silverstone teams",
    ],
)
def test_the_island_stands_when_said_of_the_business_or_beyond_the_story(text: str) -> None:
    assert only_someone_elses(text) == set()


@pytest.mark.parametrize(
    ("clause", "theme", "rules"),
    [
        ("none of them can afford rent in iver", "environment_quality_of_life", stated_views),
        ("Our five-axis machines also trip the estate supply", "infrastructure", stated_views),
        ("so we lose them as soon as we've trained them", "education_skills", stated_needs),
        ("we need to retrain our testers in them", "education_skills", stated_needs),
    ],
)
def test_sets_ds_to_dx_subjects_said_outright(clause: str, theme: str, rules: Any) -> None:
    assert theme in rules([clause])
