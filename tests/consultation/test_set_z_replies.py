"""What set Z of unseen conversations (benchmarks/data/conversation_probe_z.yml) found in
reading replies, without Rasa: nothing-to-say replies in more phrasings and behind an X
DM's opening handles, a complaint worded as a negation that is a view, and a list of
themes separated by commas that is a choice, not a choice and a view. Paraphrases the set
does not use, and, for every rule, replies with the same words that must stay views."""

from __future__ import annotations

import pytest

from bot.consultation.choice_view import choice_and_view, named_only
from bot.consultation.replies import (
    asked_topic,
    means_nothing,
    question_before_remark,
    question_then_remark,
    states_a_complaint,
)
from bot.strategy import THEME_IDS

SEABED = THEME_IDS[5:]


@pytest.mark.parametrize(
    "text",
    [
        "nah nothing on that one",  # the set's
        "nowt",  # the set's
        "can't think of anything",  # the set's
        "@btvlep nothing to add really",  # the set's, on X
        "@btvlep nowt #bucksLIS",
        "nothing from me",
        "cant think of any tbh",
        "nothing on this question",
        "honestly can't think of anything else",
    ],
)
def test_more_ways_to_have_nothing_to_say(text: str) -> None:
    assert means_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "nothing on that one except the roads are awful",
        "nowt wrong with the roads, it's staff",
        "can't think of anything worse than the A41",
        "@btvlep the A41 is gridlocked",
        "can't get anyone",
    ],
)
def test_the_same_words_with_a_view_are_a_view(text: str) -> None:
    assert not means_nothing(text)


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("can't get anyone", True),  # the set's: NLU read it as a skip
        ("cant find welders for love nor money", True),
        ("nobody applies", True),
        ("not enough units", True),
        ("can't think of anything", False),
        ("skip", False),
        ("no idea", False),
    ],
)
def test_a_complaint_worded_as_a_negation(text: str, complaint: bool) -> None:
    assert states_a_complaint(text) is complaint


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep entrepreneurialism, digital, skills & infrastructure",  # the set's
        "skills, housing, infrastructure",
        "digital, skills and infrastructure",
        "housing, skills",
    ],
)
def test_theme_names_separated_by_commas_are_a_choice_alone(text: str) -> None:
    assert choice_and_view(text, SEABED) is None


def test_a_list_of_names_alone_is_names_only() -> None:
    assert named_only("skills, housing & infrastructure")


@pytest.mark.parametrize(
    ("text", "themes", "view"),
    [
        (
            "skills, housing and infrastructure, we cant find welders",
            ["education_skills", "housing_growth", "infrastructure"],
            "we cant find welders",
        ),
        (
            "housing, skills: rents are mad and we cant keep young staff",
            ["housing_growth", "education_skills"],
            "rents are mad and we cant keep young staff",
        ),
        # a theme word that starts the view is not another name in the list
        (
            "skills, housing costs are mad for our young staff",
            ["education_skills"],
            "housing costs are mad for our young staff",
        ),
        (
            "Infrastructure, the A41 is a car park every morning",
            ["infrastructure"],
            "the A41 is a car park every morning",
        ),
    ],
)
def test_a_view_after_a_list_of_names_is_still_kept(
    text: str, themes: list[str], view: str
) -> None:
    said = choice_and_view(text, SEABED)
    assert said is not None and said.themes == themes and said.view == view


@pytest.mark.parametrize(
    "text",
    [
        "whats an island exactly? we just machine valves, didnt know we were on one",  # set Z's
        "before i answer that one, who actually sees this? dont want pinewood reading me moan",
        "@btvlep is it only these 5 sectors the strategy cares about? were more general eng",
        "what does the LEP actually do? we make sandwiches",
        "who reads this? just curious, we're a small firm",
    ],
)
def test_a_question_about_the_consultation_then_context_is_a_side_question(text: str) -> None:
    assert question_then_remark(text)


@pytest.mark.parametrize(
    "text",
    [
        "what's the Arc for? our problem is the A41",  # a complaint after it
        "who reads this? we want the A41 fixed",  # asks for something
        "is the strategy going to fix the trains? theyre awful",
        "why is the A41 always shut? we lose hours",  # not about the consultation
        "what is the arc?",  # a question alone: the other rules answer it
        "whats an island? are we one? we make valves",  # more than one question
    ],
)
def test_a_view_or_a_question_alone_is_not_a_question_then_a_remark(text: str) -> None:
    assert not question_then_remark(text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "before i answer that one, who actually sees this? dont want pinewood reading",
            "data_privacy",
        ),
        ("whats an island exactly? we just machine valves", "islands_seabed"),
        ("@btvlep is it only these 5 sectors the strategy cares about? were engineers", "focus"),
        ("what does the LEP do? we make sandwiches", None),  # NLU's answer stands
        ("who reads this? we want the A41 fixed", None),  # a view: not a side question
    ],
)
def test_what_the_opening_question_asks(text: str, topic: str | None) -> None:
    question = question_before_remark(text)
    assert (asked_topic(question) if question is not None else None) == topic


def test_a_side_question_is_its_opening_question_without_the_handles() -> None:
    text = "@btvlep whats an island exactly? we just machine valves"
    assert question_before_remark(text) == "whats an island exactly"
    assert question_before_remark("whats an island exactly? the A41 is a nightmare") is None
