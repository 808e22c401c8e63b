"""Replies sets DY to EB of unseen conversations found misread, tested without Rasa: a
third round of formal writers ("I should be pleased to assist.", "Of the five you list,
the first is ours.", "Housing growth, skills and the environment concern the committee.",
"Quite right, thank you."), and questions asked beside an answer ("Risborough Frame
Workshop. Will that name appear anywhere publicly?", "6 of us. is there a closing date for
this?")."""

from __future__ import annotations

import pytest

from bot.consultation.choice_help import chosen_after_a_lead_in
from bot.consultation.choice_places import positional_choice
from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.head_count import size_band_for
from bot.consultation.none_choice import means_none
from bot.consultation.openings import introduces_itself
from bot.consultation.playback_replies import confirms
from bot.consultation.profile import answer_then_question
from bot.consultation.question_help import asks_what_the_question_means
from bot.consultation.replies import view_then_question
from bot.consultation.replies.topics import asked_topic
from bot.consultation.small_talk import small_talk_only
from bot.consultation.standing import asks_about_a_grant
from bot.strategy import ISLAND_IDS, SEABED_IDS


@pytest.mark.parametrize(
    "text",
    [
        "I should be pleased to assist.",
        "I should be glad to.",
        "I should be delighted.",
        "With pleasure. Please proceed.",
        "By all means.",
    ],
)
def test_a_formal_yes_to_take_part(text: str) -> None:
    assert agrees_to_take_part(text)


@pytest.mark.parametrize(
    "text", ["I would be happy to, but not now", "I would be happy to help but who reads it?"]
)
def test_a_formal_yes_held_back_is_no_agreement(text: str) -> None:
    assert not agrees_to_take_part(text)


@pytest.mark.parametrize(
    "text",
    [
        "I cannot see that a golf club belongs to any of them.",
        "Not one of them applies to a care home, I think.",
        "None of the five islands applies to a parish council, I am afraid.",
    ],
)
def test_none_said_formally(text: str) -> None:
    assert means_none(text)


def test_the_first_and_the_last_of_the_list() -> None:
    assert positional_choice("Of the five you list, the first is ours.", ISLAND_IDS) == [
        "creative_digital"
    ]
    text = "Of the drivers you list, it is the first and the last that concern us most."
    assert positional_choice(text, SEABED_IDS) == [
        "entrepreneurialism",
        "environment_quality_of_life",
    ]
    assert positional_choice("the first thing is the roads", SEABED_IDS) is None
    assert positional_choice("the last two on your list", SEABED_IDS) == list(SEABED_IDS[-2:])


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "The council would wish to comment on housing growth, infrastructure, and the "
            "environment and quality of life.",
            "housing growth, infrastructure, and the environment and quality of life.",
        ),
        (
            "Housing growth, skills and the environment concern the committee.",
            "Housing growth, skills and the environment",
        ),
    ],
)
def test_a_formal_choice_without_its_lead_in_or_tail(text: str, named: str) -> None:
    assert chosen_after_a_lead_in(text) == named


def test_a_choice_with_no_lead_in_is_left_as_it_is() -> None:
    assert chosen_after_a_lead_in("skills and roads") is None


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep Quite right, thank you.",
        "@btvlep That is just as I intended it. Thank you.",
        "The summary is accurate, and I shall report it to the council at its next meeting.",
    ],
)
def test_the_play_back_confirmed_in_a_letter_again(text: str) -> None:
    assert confirms(text)


def test_an_approval_with_a_view_after_it_is_no_confirmation() -> None:
    assert not confirms("The summary is accurate, and the roads are still awful.")


@pytest.mark.parametrize(
    "text",
    ["@btvlep Many thanks. I wish you a pleasant afternoon.", "Good morning to you."],
)
def test_a_courteous_goodbye_is_small_talk(text: str) -> None:
    assert small_talk_only(text)


def test_a_no_beside_a_courtesy_is_no_small_talk() -> None:
    assert not small_talk_only("@btvlep No, thank you. Good morning to you.")


def test_a_letter_opening_that_says_what_the_business_does() -> None:
    text = "@btvlep Good afternoon. I grow grapes and make sparkling wine in the Hambleden valley."
    assert introduces_itself(text)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        (
            "Risborough Frame Workshop. Will that name appear anywhere publicly?",
            "Risborough Frame Workshop",
        ),
        ("@btvlep 6 of us. is there a closing date for this?", "6 of us"),
    ],
)
def test_a_profile_answer_then_a_question(text: str, answer: str) -> None:
    assert answer_then_question(text) == answer


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("when does it all close, though", "next_steps"),
        ("is there a closing date for this", "next_steps"),
        ("will that name appear anywhere publicly", "data_privacy"),
        ("when will it end up in the report", None),
    ],
)
def test_topics_of_questions_asked_beside_an_answer(question: str, topic: str | None) -> None:
    assert asked_topic(question) == topic


def test_a_head_count_across_branches() -> None:
    text = "We have some two hundred and eighty employees across our nine branches"
    assert size_band_for(text) == "Large (250+ staff)"


def test_outside_all_five_is_none_not_all() -> None:
    assert means_none("I am afraid we fall outside all five.")


@pytest.mark.parametrize("text", ["Ow, yes. I can answer", "I can answer", "네, yes"])
def test_a_yes_in_another_language_beside_i_can_answer(text: str) -> None:
    assert agrees_to_take_part(text)


def test_thanks_and_good_afternoon_after_the_goodbye() -> None:
    assert small_talk_only("Thank you. Good afternoon.")


@pytest.mark.parametrize(
    "text",
    [
        "Sure, the spinal unit trials new seating. Will our company name be attached to this "
        "when you publish anything?",
        "A bigger grid connection for the estate. Who at the LEP actually reads these, by the way?",
    ],
)
def test_a_view_then_a_question_about_who_reads_it(text: str) -> None:
    split = view_then_question(text)
    assert split is not None and split[1] == "data_privacy"


def test_what_counts_as_a_barrier_is_a_question_about_the_question() -> None:
    assert asks_what_the_question_means("Sorry, what counts as a barrier here? Anything at all?")


@pytest.mark.parametrize(
    "text",
    [
        "Hello, I run a flower shop. Before I start, is there any money for small shops at the "
        "end of this?",
        "Before I pick, is any of this tied to funding we could apply for?",
        "@btvlep none of them, were a dairy farm. is there any funding for farms out of this?",
    ],
)
def test_money_at_the_end_of_this_is_a_question_about_a_grant(text: str) -> None:
    assert asks_about_a_grant(text)


def test_grants_for_a_purpose_are_a_view() -> None:
    assert not asks_about_a_grant("are there grants for apprenticeships?")
