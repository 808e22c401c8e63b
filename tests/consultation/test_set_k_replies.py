"""What the eleventh set of unseen conversations (benchmarks/data/conversation_probe_k.yml)
found in reading replies, tested without Rasa: "eh?" at a question, asking to be phoned
or to start again, turnover for the head count, a double send, sign-offs ("cheers, Dave")
and a name with a remark after it."""

from __future__ import annotations

import pytest

from bot.consultation.asides import (
    asks_what_the_question_means,
    steps_aside,
)
from bot.consultation.participation import asks_for_a_call, asks_to_start_again
from bot.consultation.profile_checks import (
    name_without_remark,
    sent_twice,
    turnover_not_head_count,
    without_sign_off,
)
from bot.nlu.reply_intents import certain_intent


@pytest.mark.parametrize("text", ["eh?", "huh", "what?", "sorry what??", "come again?", "pardon?"])
def test_not_catching_the_question_asks_what_it_means(text: str) -> None:
    assert asks_what_the_question_means(text) and steps_aside(text)


@pytest.mark.parametrize("text", ["whatever", "what about the roads", "eh up, the A41 again"])
def test_answers_that_open_like_that_are_still_answers(text: str) -> None:
    assert not asks_what_the_question_means(text)


@pytest.mark.parametrize(
    "text",
    [
        "can someone just call me instead? easier than typing. 07700 900123",
        "could you ring me please",
        "call me back instead",
        "I'd rather speak to a person",
    ],
)
def test_asking_to_be_phoned_is_an_aside(text: str) -> None:
    assert asks_for_a_call(text) and steps_aside(text)


@pytest.mark.parametrize(
    "text",
    [
        "customers call us less since the bypass opened",
        "the council said they would call us back but never did",
        "we would call it a day if business rates go up again",
        "the council never rings back and we can't phone anyone at highways, it's a joke, "
        "could someone at the LEP call them and ask why the A413 is shut again",
    ],
)
def test_a_view_about_calls_is_still_a_view(text: str) -> None:
    assert not asks_for_a_call(text)


@pytest.mark.parametrize(
    "text", ["sorry can we start again? I've made a mess of this", "restart", "start over pls"]
)
def test_asking_to_start_again_is_an_aside(text: str) -> None:
    assert asks_to_start_again(text) and steps_aside(text)


@pytest.mark.parametrize(
    "text",
    [
        "we had to start again after the fire destroyed the unit and the insurers took two "
        "years to pay out",
        "we had to restart production after the flood",
    ],
)
def test_starting_again_inside_a_view_is_a_view(text: str) -> None:
    assert not asks_to_start_again(text)
    assert not steps_aside(text)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Thame Tiles. Cheers, Dave", "Thame Tiles"),
        ("4. cheers, Dave", "4"),
        ("tiles and bathrooms. cheers, Dave", "tiles and bathrooms"),
        ("Hale Print - regards, Sue", "Hale Print"),
        ("Cheers Wine Bar", "Cheers Wine Bar"),
        ("no thanks", "no thanks"),
        ("thanks", "thanks"),
        ("ok thanks, anyway", "ok thanks, anyway"),
    ],
)
def test_a_sign_off_is_dropped_only_at_the_end_after_punctuation(text: str, plain: str) -> None:
    assert without_sign_off(text) == plain


def test_a_yes_signed_off_with_a_name_is_a_yes() -> None:
    assert certain_intent("yes ok. cheers, Dave", "thank") == "affirm"
    assert certain_intent("no. cheers, Dave", "thank") == "deny"
    # thanks without a name are still thanks
    assert certain_intent("ok, thanks", "thank") == "thank"
    assert certain_intent("thanks, Dave", "thank") is None


@pytest.mark.parametrize("text", ["about £2m turnover", "1.5 million", "turnover's 800k"])
def test_money_is_not_a_head_count(text: str) -> None:
    assert turnover_not_head_count(text)


@pytest.mark.parametrize("text", ["£2m turnover, 18 staff", "18", "250+", "just me"])
def test_people_are_a_head_count(text: str) -> None:
    assert not turnover_not_head_count(text)


def test_a_double_send_is_the_same_words_as_the_message_before() -> None:
    assert sent_twice("Chiltern E-Bikes", "chiltern e-bikes ")
    assert not sent_twice("bike shop", "Chiltern E-Bikes")
    assert not sent_twice("Chiltern E-Bikes", None)
    assert not sent_twice("?", "!")  # no words: nothing to compare


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Marlow Boatworks, though I sold it in 2022", "Marlow Boatworks"),
        ("Penn Bakery - we closed last year", "Penn Bakery"),
        ("Smith, Jones and Co", "Smith, Jones and Co"),
        (
            "Hale Leys Print, we're a commercial printers",
            "Hale Leys Print, we're a commercial printers",
        ),
    ],
)
def test_a_remark_after_the_name_is_dropped(text: str, name: str) -> None:
    assert name_without_remark(text) == name
