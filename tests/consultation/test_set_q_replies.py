"""What the seventeenth set of unseen conversations (benchmarks/data/conversation_probe_q.yml)
found in reading choices, without Rasa: a view given with the choice of themes ("skills
and housing, we can't keep young staff because ...") is split from the names and kept,
and a place the strategy lists under two islands ("Westcott") picks the one whose summary
names it. Paraphrases the set does not use. Tagged by the keyword baseline (hermetic), which
decides whether what follows the names has a subject of its own."""

from __future__ import annotations

import pytest

from bot.consultation.choice_view import choice_and_view, view_beside_none
from bot.consultation.questions import match_themes, named_themes
from bot.strategy import ISLAND_IDS, SEABED_IDS


@pytest.fixture(autouse=True)
def _keywords(keyword_engine: object) -> None:
    """The keyword baseline as the tagger: no trained model needed."""


@pytest.mark.parametrize(
    ("text", "among", "themes", "view"),
    [
        (
            "Infrastructure - the A41 is a car park every morning and broadband is dire",
            SEABED_IDS,
            ["infrastructure"],
            "the A41 is a car park every morning and broadband is dire",
        ),
        (
            "space: we machine valves for the Westcott firms and can't find machinists",
            ISLAND_IDS,
            ["space"],
            "we machine valves for the Westcott firms and can't find machinists",
        ),
        (
            "Skills mainly. Can't find an apprentice electrician anywhere",
            SEABED_IDS,
            ["education_skills"],
            "Can't find an apprentice electrician anywhere",
        ),
        (
            "housing + skills — staff cannot afford to live near the yard",
            SEABED_IDS,
            ["housing_growth", "education_skills"],
            "staff cannot afford to live near the yard",
        ),
        (
            "@btvlep #skills & #infrastructure - no sparks to hire and the A41 is a car park",
            SEABED_IDS,
            ["education_skills", "infrastructure"],
            "no sparks to hire and the A41 is a car park",
        ),
        (
            "film and tv because we build sets at Pinewood and need carpenters",
            ISLAND_IDS,
            ["creative_digital"],
            "because we build sets at Pinewood and need carpenters",
        ),
    ],
)
def test_a_view_after_the_names_is_split_off(
    text: str, among: tuple[str, ...], themes: list[str], view: str
) -> None:
    said = choice_and_view(text, among)
    assert said is not None
    assert (said.themes, said.view) == (themes, view)


@pytest.mark.parametrize(
    "text",
    [
        "space and film",
        "skills and housing mainly tbh",
        "skills and housing, the two that matter",  # no subject of its own
        "space - no wait, medtech",  # a change of mind
        "creative no, mobility yes we run EV vans, medical no",  # each island answered
        "skills, what does that cover?",  # a question back
        "skills - does that include apprenticeships",  # one without its question mark
        "infrastructure: tell me what counts as infrastructure",
        "medical tech i guess",
        "the car one",
        "skills, not housing though",
    ],
)
def test_a_choice_alone_has_no_view(text: str) -> None:
    assert choice_and_view(text, [*ISLAND_IDS, *SEABED_IDS]) is None


def test_the_view_answers_the_first_question_on_the_first_theme_named() -> None:
    said = choice_and_view(
        "skills and housing: half my fitters left because rents are silly", SEABED_IDS
    )
    assert said is not None
    # asked in theme order (housing first), but skills was named first
    assert said.answers(["housing_growth", "education_skills"]) == "seabed:education_skills:views"
    assert said.answers(["housing_growth"]) == "seabed:housing_growth:views"
    assert said.answers(["infrastructure"]) is None
    island = choice_and_view("space, the test stands at Westcott need our pumps", ISLAND_IDS)
    assert island is not None and island.answers(["space"]) == "island:space:opportunities"


@pytest.mark.parametrize("text", ["Westcott", "westcott mostly", "the Westcott lot tbh"])
def test_a_place_listed_under_two_islands_picks_the_one_it_belongs_to(text: str) -> None:
    assert match_themes(text, "island") == ["space"]


def test_a_place_still_names_every_island_listing_it_when_asked_about() -> None:
    assert match_themes("westcott and silverstone", "island") == [
        "high_performance_technology",
        "space",
    ]
    assert named_themes("what's Westcott got to do with it?") == [
        "high_performance_technology",
        "space",
    ]


@pytest.mark.parametrize(
    ("text", "view"),
    [
        (
            "none of these are us, but the real problem is staff can't get home after the last bus",
            "but the real problem is staff can't get home after the last bus",
        ),
        (
            "what about tourism? our B&B can't get a broadband line that works",
            "our B&B can't get a broadband line that works",
        ),
        (
            "none, the roads round here are shocking and nobody fixes the potholes",
            "the roads round here are shocking and nobody fixes the potholes",
        ),
    ],
)
def test_a_view_beside_none_at_the_choice_is_found(text: str, view: str) -> None:
    """Set Q left these unkept: no theme was chosen, so the view went with the choice."""
    assert view_beside_none(text) == view


@pytest.mark.parametrize(
    "text",
    [
        "none of these tbh",
        "pubs aren't on your list, what do I pick?",
        "none. we're a florist",
        "just the general stuff please",
        "none really, which one is for shops?",
    ],
)
def test_a_choice_of_none_alone_holds_no_view(text: str) -> None:
    assert view_beside_none(text) is None
