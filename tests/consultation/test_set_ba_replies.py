"""What sets AZ and BA of unseen conversations found in single replies: a kiss on every
message ("medical tech x") made the choice "didn't catch"; "its all composites" chose every
island; "wdym opportunities? we just deliver gas lol", '"what barriers or problems hold you
back?" 😂 how long have u got', "ok to answer in a list?" and "Before I answer - does a
dental lab count as medtech?" were kept as answers; "...so none of the instructors can get
home" did not carry on the answer before; "nah thats me done" at the seabed choice was
"didn't catch"; "Can we do the infrastructure one first?" was kept as the skills answer."""

from __future__ import annotations

import pytest

from bot.consultation.about_chat import about_the_chat_reply
from bot.consultation.continued import continues_with_mark
from bot.consultation.navigation import steered, wanted_first
from bot.consultation.none_choice import means_none
from bot.consultation.question_help import (
    asks_before_answering,
    asks_what_the_question_means,
    quotes_the_question,
)
from bot.consultation.questions import match_themes, message, question_queue
from bot.consultation.replies import normalise

ASKED = "Intelligent mobility: what barriers or problems hold you back? (2 of 3)"


def test_a_kiss_is_no_word_of_the_reply() -> None:
    assert normalise("medical tech x") == "medical tech"
    assert normalise("yes lovely xx") == "yes lovely"
    assert normalise("x") == "x"
    assert match_themes("medical tech x", "island") == ["medical_technologies"]


def test_its_all_says_what_the_business_is_about() -> None:
    assert match_themes("hight performance i guess, its all composites", "island") == [
        "high_performance_technology"
    ]
    assert len(match_themes("all of them", "island")) == 5


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("wdym opportunities? we just deliver gas lol", True),
        ("wdym", True),
        (
            "what do you mean by barriers? the roads are awful and the A41 floods every winter "
            "so our lorries cant get through",
            False,
        ),
    ],
)
def test_wdym(text: str, means: bool) -> None:
    assert asks_what_the_question_means(text) is means


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('@btvlep "what barriers or problems hold you back?" 😂 how long have u got', True),
        ('re "what opportunities": the studios are full', False),
        (
            '"what barriers or problems hold you back?" the A41 floods and we cant recruit '
            "fitters for love nor money",
            False,
        ),
    ],
)
def test_the_question_quoted_back(text: str, quoted: bool) -> None:
    assert quotes_the_question(text, ASKED) is quoted


def test_a_list_may_be_the_answer() -> None:
    assert about_the_chat_reply("@btvlep ok to answer in a list?", None) == message("any_form")
    assert about_the_chat_reply("we keep a list of jobs in a spreadsheet", None) is None


def test_a_question_before_the_answer() -> None:
    assert asks_before_answering(
        "Before I answer - does a dental lab actually count as medtech for this? Or is it "
        "just Stoke Mandeville and the spinal side?"
    )
    assert not asks_before_answering(
        "quick question, is the A41 in this? because the potholes on it have cost us three "
        "tyres this month and the council wont fix them"
    )


def test_dots_carry_on_the_answer_before() -> None:
    assert continues_with_mark("@btvlep ...so none of the instructors can get home after")
    assert not continues_with_mark("...so?")
    assert not continues_with_mark("... The council should act")  # a capital starts anew


def test_thats_me_done_at_a_choice_is_none() -> None:
    assert means_none("@btvlep nah thats me done")
    assert not means_none("thats me, skills and roads")


def test_a_theme_first() -> None:
    pending = question_queue(["education_skills", "infrastructure"])
    assert wanted_first("Can we do the infrastructure one first? That's the one I care about.")
    steer = steered("Can we do the infrastructure one first?", pending)
    assert steer is not None
    assert steer.pending == [
        *question_queue(["infrastructure"]),
        *question_queue(["education_skills"]),
    ]
    assert steered("we do the roads first thing every morning", pending) is None
    assert steered("can we do skills first", pending) is None  # already first


def test_set_az_choices_steered_in_words() -> None:
    from bot.consultation.choice_changes import switched_choice
    from bot.consultation.choices import added_choice
    from bot.consultation.navigation import narrowed_to
    from bot.consultation.question_help import asks_about_a_named_place
    from bot.strategy import ISLAND_IDS

    islands = list(ISLAND_IDS)
    assert switched_choice(
        "hmm is this the self-driving stuff? we restore old racing cars, that's the "
        "silverstone one isn't it. switch me to that",
        islands,
        "intelligent_mobility",
    ) == ["high_performance_technology"]
    assert added_choice(
        "Can you add space as well? We do as much for the space lot.",
        islands,
        ["high_performance_technology"],
    ) == ["space"]
    assert narrowed_to(
        "Sorry, got carried away with 'all of them'. Really it's just the film and medical ones",
        islands,
    ) == ["creative_digital", "medical_technologies"]
    assert narrowed_to("it's just the roads", ["infrastructure", "education_skills"]) == []
    no_islands = steered(
        "@btvlep actually none of these islands are really us. can we just do the general bit",
        question_queue(["intelligent_mobility"]),
    )
    assert no_islands is not None and no_islands.pending == []
    assert asks_about_a_named_place(
        "@btvlep is westcott actually in bucks? always thought it was oxon"
    )
    assert not asks_about_a_named_place("is the A41 ever going to be fixed? its a disgrace")
