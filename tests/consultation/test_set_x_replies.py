"""What set X of unseen conversations (benchmarks/data/conversation_probe_x.yml) found in
reading replies, without Rasa: trade acronyms and jargon at a choice ("EO", "CAV", "MMC",
"KTP"), a question about the strategy in one sentence of a view whose other sentences hold
the trigger words ("EO data for farmers ... why aren't you talking about agriculture? half
of Bucks is farmland"), and freelance crew beside staff in a head count. Paraphrases the
set does not use, and, for every rule, views with the same trigger words that stay views."""

from __future__ import annotations

import pytest

from bot.consultation.choice_view import view_beside_none
from bot.consultation.head_count import size_band_for
from bot.consultation.questions import match_themes, parse_correction
from bot.consultation.strategy_asides import (
    asks_about_an_event,
    asks_about_the_strategy,
    asks_for_figures,
    asks_when_it_is_finished,
    strategy_aside_reply,
)


@pytest.mark.parametrize(
    ("text", "kind", "themes"),
    [
        ("EO", "island", ["space"]),  # the set's
        ("composites and CAV", "island", ["intelligent_mobility", "high_performance_technology"]),
        ("earth observation mainly", "island", ["space"]),
        ("CAVs and post production", "island", ["creative_digital", "intelligent_mobility"]),
        (
            "medical devices, precision engineering",
            "island",
            [
                "medical_technologies",
                "high_performance_technology",
            ],
        ),
        ("MMC and CPD", "seabed", ["housing_growth", "education_skills"]),
        ("KTP", "seabed", ["entrepreneurialism"]),
        ("SBRI and 5G", "seabed", ["intelligent_public_services", "infrastructure"]),
        ("the AONB", "seabed", ["environment_quality_of_life"]),
    ],
)
def test_trade_acronyms_name_their_themes_at_a_choice(
    text: str, kind: str, themes: list[str]
) -> None:
    assert match_themes(text, kind) == themes


def test_trade_acronyms_work_in_a_theme_correction_too() -> None:
    assert parse_correction("add KTP, drop the CPD bit") == (
        ["entrepreneurialism"],
        ["education_skills"],
    )


@pytest.mark.parametrize(
    "text",
    [
        # the set's: "data" and "Bucks" are in the view, the question is about agriculture
        "EO data for farmers - crop health, flood risk. why aren't you talking about "
        "agriculture? half of Bucks is farmland and it's our biggest market",
        "our sales data for Bucks shops is flat. why does nobody talk about retail?",
        "we sell footfall stats to town centres across the county. is that digital science?",
        "the numbers of jobs at Westcott keep growing. why does the road in never get fixed?",
    ],
)
def test_a_question_beside_figures_words_is_not_a_figures_question(text: str) -> None:
    assert not asks_for_figures(text)
    assert not asks_about_the_strategy(text)
    assert strategy_aside_reply(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "we run events in the barn. why is tourism missing? half our bookings are visitors",
        "our workshops at Silverstone Park are full. where are the grow-on units?",
        "the strategy came out late. why no mention of pubs?",
        "we finished the fit-out in May. when will the fibre arrive on the estate?",
    ],
)
def test_a_question_beside_event_or_timetable_words_is_not_that_question(text: str) -> None:
    assert not asks_about_an_event(text)
    assert not asks_when_it_is_finished(text)
    assert not asks_about_the_strategy(text)


@pytest.mark.parametrize(
    "text",
    [
        "what are the figures for the Bucks economy? GDP, jobs, that sort of thing",
        "any stats on the county's GDP?",
        "how many jobs are there in Bucks?",
        "so what's the economy of Bucks worth, any figures?",
    ],
)
def test_the_figures_question_itself_is_still_one(text: str) -> None:
    assert asks_for_figures(text)


@pytest.mark.parametrize(
    "text",
    [
        "is there an event I could come to?",
        "can we come along to a workshop on this?",
        "when is it finished?",
        "when will the final strategy be out?",
    ],
)
def test_event_and_timetable_questions_are_still_answered(text: str) -> None:
    assert asks_about_the_strategy(text)


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("14 staff plus up to 80 freelance crew on a big build", "Small (10-49 staff)"),  # set's
        ("6 employees and 30 contractors on site", "Micro (1-9 staff)"),
        ("20 of us, 100 agency workers at peak", "Small (10-49 staff)"),
        ("12 plus about 20 subbies", "Small (10-49 staff)"),
        ("3 on the books and 15 day-rate riggers", "Micro (1-9 staff)"),
        # a freelancer alone is still one person; staff that add up still add up
        ("just me, I'm freelance", "Micro (1-9 staff)"),
        ("me plus 3 subbies", "Micro (1-9 staff)"),  # set N: alone they are the count
        ("2 contractors", "Micro (1-9 staff)"),
        ("about a dozen, plus a couple of part-timers", "Small (10-49 staff)"),
        ("5 staff and 40 volunteers", "Micro (1-9 staff)"),
    ],
)
def test_freelancers_and_contractors_beside_staff_are_not_staff(text: str, band: str) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    ("text", "view"),
    [
        # the set's: the first clause is the view's own, not a "none" before it
        (
            "can't hire data scientists, Harwell and London outbid us, and there's no 4G on "
            "the farms we test on",
            "can't hire data scientists, Harwell and London outbid us, and there's no 4G on "
            "the farms we test on",
        ),
        (
            "the broadband on our estate is dire, and the A41 into Aylesbury is gridlocked",
            "the broadband on our estate is dire, and the A41 into Aylesbury is gridlocked",
        ),
        # a "none" or a sector before the view is still left out
        (
            "none really, but we can't find apprentices anywhere",
            "but we can't find apprentices anywhere",
        ),
        (
            "none of these are us, the real problem is staff can't get home after the last bus",
            "the real problem is staff can't get home after the last bus",
        ),
    ],
)
def test_the_view_beside_no_island_keeps_its_own_first_clause(text: str, view: str) -> None:
    assert view_beside_none(text) == view
