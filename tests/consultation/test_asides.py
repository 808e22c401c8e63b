"""Replies that point back or step aside (bot/consultation/asides.py), read without Rasa:
found by the fourth set of unseen conversations."""

from __future__ import annotations

import pytest

from bot.consultation.asides import (
    answered,
    asks_about_the_bot,
    asks_to_change_answer,
    continues_answer,
    new_turn_after_and,
    numbered_choice,
    same_as_before,
    without_and,
)
from bot.consultation.replies import greeting_only, holding, impatient
from bot.strategy import ISLAND_IDS, SEABED_IDS


@pytest.mark.parametrize(
    "text",
    [
        "same as before",
        "see above",
        "Same again",
        "ditto",
        "as above",
        "same as my last answer tbh",
    ],
)
def test_same_as_before(text: str) -> None:
    assert same_as_before(text)


@pytest.mark.parametrize(
    "text", ["the same roads are bad", "same problem with the A41 as everyone", "see you later"]
)
def test_a_view_that_mentions_the_same_is_not_a_pointer(text: str) -> None:
    assert not same_as_before(text)


@pytest.mark.parametrize(
    "text", ["and the A41 is a nightmare", "plus the rates", "oh and parking too"]
)
def test_an_answer_carried_on(text: str) -> None:
    assert continues_answer(text)


@pytest.mark.parametrize("text", ["Andover is where we deliver", "also", "and?", "parking"])
def test_not_a_continuation(text: str) -> None:
    assert not continues_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "can I change what I said about roads?",
        "how do I edit my answer",
        "I'd like to change my last answer",
    ],
)
def test_asking_to_change_an_answer(text: str) -> None:
    assert asks_to_change_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "can we change the roads",
        "the council should change the bus route",
        "can I change the themes",
    ],
)
def test_not_asking_to_change_an_answer(text: str) -> None:
    assert not asks_to_change_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "are you a bot?",
        "who are you?",
        "am I talking to a real person?",
        "is this a bot",
        "r u real",
        "are you a real person or a bot?",
    ],
)
def test_asking_about_the_bot(text: str) -> None:
    assert asks_about_the_bot(text)


@pytest.mark.parametrize(
    "text", ["are you going to fix the roads?", "who are you people to tell us about skills"]
)
def test_a_question_to_the_lep_is_not_about_the_bot(text: str) -> None:
    assert not asks_about_the_bot(text)


def test_numbers_choose_by_place_in_the_list() -> None:
    assert numbered_choice("2", ISLAND_IDS) == [ISLAND_IDS[1]]
    assert numbered_choice("1 and 4", SEABED_IDS) == [SEABED_IDS[0], SEABED_IDS[3]]
    assert numbered_choice("numbers 1, 3 & 5", ISLAND_IDS) == [ISLAND_IDS[i] for i in (0, 2, 4)]
    assert numbered_choice("2-4", ISLAND_IDS) == list(ISLAND_IDS[1:4])


@pytest.mark.parametrize("text", ["12", "0", "2 staff", "A41", "space"])
def test_not_a_numbered_choice(text: str) -> None:
    assert numbered_choice(text, ISLAND_IDS) is None


@pytest.mark.parametrize(
    "text", ["Hi again, it's Sarah from the bakery", "hello it's Dave", "Hi, it is Jo here"]
)
def test_a_greeting_that_says_who_is_back(text: str) -> None:
    assert greeting_only(text) and holding(text)


@pytest.mark.parametrize("text", ["hello it's the roads again", "hi, our problem is staff"])
def test_a_greeting_before_a_view_is_a_view(text: str) -> None:
    assert not greeting_only(text)


@pytest.mark.parametrize(
    "text", ["HOW MANY MORE OF THESE", "how many more to go", "are there many more"]
)
def test_more_ways_to_lose_patience(text: str) -> None:
    assert impatient(text)


@pytest.mark.parametrize(
    "text",
    [
        "and what happens next?",
        "and how long will this take?",
        "and can I see the results?",
        "and is anyone actually reading these?",
        "and are you a bot?",
        "And how many more of these",
        "also, when will we hear back?",
    ],
)
def test_and_then_something_else_is_a_new_turn(text: str) -> None:
    assert new_turn_after_and(text)
    assert not continues_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "and the A41 is a nightmare",
        "and why can't anyone fix the A413?",  # a view asked as a question
        "and what about parking?",
        "also parking is awful",
        "what happens next?",  # no "and": not this matcher's business
    ],
)
def test_and_that_carries_the_answer_on_is_no_new_turn(text: str) -> None:
    assert not new_turn_after_and(text)


def test_without_and() -> None:
    assert without_and("And how long will this take?") == "how long will this take?"
    assert without_and("oh and, are you a bot") == "are you a bot"
    assert without_and("Andover is lovely") == "Andover is lovely"
    assert without_and("and") == "and"


@pytest.mark.parametrize(
    ("before", "carries"),
    [("we need engineers", True), ("skip", False), ("yes", False), ("hang on", False), ("", False)],
)
def test_answered_before(before: str, carries: bool) -> None:
    assert answered(before) is carries
