"""What sets AV and AW of unseen conversations found in single replies: "Is that enough?"
read as a stop, "too long?", "is there a word limit on these?" and "do you mean
opportunities for us or for games in bucks generally?" kept as answers; "Can I say something
that isn't strictly about the practice?" not answered; "hang on, asking kev in the
workshop", "sorry for the typos, on my phone between takes" and "ha this is quicker than i
thought it would be" kept as views; "Yes, go on, I've got ten minutes before evening
surgery" read as a hello."""

from __future__ import annotations

import pytest

from bot.consultation.about_chat import about_the_chat_reply
from bot.consultation.navigation import skips_rest_of_theme
from bot.consultation.question_help import asks_what_the_question_means
from bot.consultation.questions import message
from bot.consultation.remarks import remark_reply
from bot.consultation.replies import holding, skip_then_view
from bot.nlu.reply_intents import certain_intent

KEY = "island:medical_technologies:barriers"


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("Is that enough?", "enough_said"),
        ("@btvlep too long?", "enough_said"),
        (
            "Before I write this one, is there a word limit on these? I could go on for pages",
            "any_length",
        ),
        ("how long should it be?", "any_length"),
        # set FR: a longer remark about the writer's own length beside the question
        (
            "Before I begin: is there a limit to how much I may write? I warn you that I tend "
            "to go on.",
            "any_length",
        ),
        ("Can I say something that isn't strictly about the practice?", "say_anything"),
        ("is it ok to mention something off topic?", "say_anything"),
    ],
)
def test_questions_about_the_answer_are_answered(text: str, reply: str) -> None:
    assert about_the_chat_reply(text, KEY) == message(reply)


@pytest.mark.parametrize(
    "text",
    [
        "too long for the lorries to get through the lanes",
        "we cant say how much the roads cost us, is there a limit to what the council can do?",
        "can I say the council is useless at planning and the A41 is a car park",
        "is there a word limit? I could write pages about the A41 being closed every week",
    ],
)
def test_views_about_length_or_saying_things_stay_views(text: str) -> None:
    assert about_the_chat_reply(text, KEY) is None


def test_is_that_enough_read_as_a_stop_is_a_question() -> None:
    assert certain_intent("Is that enough?", "stop") == "inform"
    assert certain_intent("that's enough, stop now", "stop") is None


def test_a_yes_with_time_to_spare_read_as_a_hello_agrees() -> None:
    text = "Yes, go on, I've got ten minutes before evening surgery"
    assert certain_intent(text, "greet") == "consent_agree"
    assert certain_intent("Morning", "greet") is None


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("do you mean opportunities for us or for games in bucks generally?", True),
        ("is that for us or for the whole sector?", True),
        ("is it the A41 or the A413 that matters? both are awful", False),
        ("do you mean opportunities for us or for games in bucks generally", False),
    ],
)
def test_which_of_two_readings(text: str, means: bool) -> None:
    assert asks_what_the_question_means(text) is means


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("@btvlep hang on, asking kev in the workshop", True),
        ("one sec, let me check with my business partner", True),
        ("sorry for the typos, on my phone between takes", True),
        ("hang on, asking around for premises is hopeless", False),
        ("asking about rents is pointless", False),
    ],
)
def test_not_an_answer_yet(text: str, held: bool) -> None:
    assert holding(text) is held


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("@btvlep ha this is quicker than i thought it would be", "glad_its_easy"),
        ("this is easier than a survey", "glad_its_easy"),
        ("easy", None),  # may answer the question
        ("the roads are quicker than rail", None),
        ("better broadband", None),
    ],
)
def test_a_remark_on_the_chat(text: str, reply: str | None) -> None:
    assert remark_reply(text) == reply


@pytest.mark.parametrize(
    ("text", "skips"),
    [
        ("nothing more on the racing side, next island please", True),
        ("@btvlep next island", True),
        ("next one please", False),  # the next question, as "next" is
        ("the next island over has better broadband", False),
        ("we need the next generation of engineers", False),
    ],
)
def test_next_island(text: str, skips: bool) -> None:
    assert skips_rest_of_theme(text) is skips


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("Pass on that one really, except that no bank will lend against a crop", True),
        ("nothing really, but the roads into Aylesbury are gridlocked every morning", True),
        ("pass, but thanks", False),
        ("pass except roads", False),
    ],
)
def test_a_skip_taken_back(text: str, view: bool) -> None:
    assert skip_then_view(text) is view
