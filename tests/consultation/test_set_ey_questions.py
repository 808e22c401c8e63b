"""Readings that set EY of unseen conversations (questions asked along the way, a third
round) and set EX found wanting (no Rasa): how long the chat takes is not when the strategy
is decided, whether the answers are stored on a database is a data question and not "is it
saving as I go", a question about the finished strategy that the classifier read as a stop
is a question, which of the list a trade comes under is asked and not a choice, "n" lists
theme names on X as "and" does, and a worded no with a question beside it is a no."""

from __future__ import annotations

import pytest

from bot.consultation.about_chat import about_the_chat_reply
from bot.consultation.choice_help import asks_which_fits
from bot.consultation.choice_view import choice_and_view
from bot.consultation.contact_terms import contact_reply
from bot.consultation.questions import message
from bot.consultation.replies import asked_topic, asks_how_long
from bot.consultation.replies.asked_in_passing import yes_or_no_then_question
from bot.consultation.strategy_asides import asks_when_it_is_finished
from bot.nlu.reply_intents import certain_intent
from bot.strategy import SEABED_IDS

HOW_LONG = "And how long is this going to take? I've got a sofa half stripped on the bench."


def test_how_long_the_chat_takes_is_not_when_the_strategy_is_decided() -> None:
    assert asked_topic(HOW_LONG) != "next_steps"
    assert asks_how_long(HOW_LONG)


@pytest.mark.parametrize(
    "text",
    [
        "how long is this consultation open for?",
        "how long is it going on for?",
        "how long will the survey be running?",
    ],
)
def test_how_long_the_consultation_is_open_is_still_the_timetable(text: str) -> None:
    assert asked_topic(text) == "next_steps"


def test_stored_on_a_database_is_a_data_question_not_saving_as_i_go() -> None:
    text = "@btvlep quick one first, where does all this end up? is it stored on some database"
    assert about_the_chat_reply(text, "seabed:digital_science:views") is None
    assert about_the_chat_reply("is it stored somewhere safe?", None) is None


@pytest.mark.parametrize(
    "text",
    [
        "sorry quick q, is this saving as i go? phone's on 4%",
        "is it being kept so far?",
        "are my answers stored?",
    ],
)
def test_is_it_saving_as_i_go_is_still_finishing_later(text: str) -> None:
    assert about_the_chat_reply(text, None) == message("finish_later")


@pytest.mark.parametrize(
    "text",
    [
        "One more thing: when will the finished strategy actually come out?",
        "when is the full strategy out?",
        "when will the final report be published?",
    ],
)
def test_when_the_finished_strategy_comes_out_is_the_timetable(text: str) -> None:
    assert asks_when_it_is_finished(text)


@pytest.mark.parametrize(
    "text",
    [
        "One more thing: when will the finished strategy actually come out?",
        "@btvlep when do you close this?",
    ],
)
def test_a_strategy_question_read_as_a_stop_is_a_question(text: str) -> None:
    assert certain_intent(text, "stop") == "faq"


@pytest.mark.parametrize(
    "text",
    [
        "that's all from me, when's the strategy out?",
        "can we stop now? when will the strategy be out?",
        "whats the point of this strategy? im done",
        "can I finish it here?",
        "stop please",
    ],
)
def test_a_stop_beside_a_strategy_question_still_stops(text: str) -> None:
    assert certain_intent(text, "stop") in (None, "stop")


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep which of those would an electrician come under?",
        "which one would a plumber be in?",
        "Which of these do we come under? We mostly do rewires.",
        "which one would we fit?",
    ],
)
def test_which_of_the_list_a_trade_comes_under_is_asked(text: str) -> None:
    assert asks_which_fits(text)


@pytest.mark.parametrize(
    "text",
    [
        "which of those would skills come under?",  # a theme named: what it covers
        "which one is the best for funding?",
        "which of those roads would you fix first?",
        "which ones are we",  # no question mark: left to the choice
        "Sorry, what are these islands exactly? We make crowns, so which one would that be?",
    ],
)
def test_other_which_questions_are_not_read_so(text: str) -> None:
    assert not asks_which_fits(text)


def test_n_lists_theme_names_on_x_and_is_no_view() -> None:
    assert choice_and_view("@btvlep digital, public services n infrastructure", SEABED_IDS) is None
    assert choice_and_view("digital, public services and infrastructure", SEABED_IDS) is None


def test_a_view_after_names_joined_by_n_is_still_a_view() -> None:
    said = choice_and_view(
        "@btvlep skills n infrastructure, we cant get sparks n the grid is full", SEABED_IDS
    )
    assert said is not None
    assert said.themes == ["education_skills", "infrastructure"]
    assert said.view == "we cant get sparks n the grid is full"


def test_a_worded_no_then_a_question_at_the_follow_up() -> None:
    text = "no emails ta, but who do i speak to if i want to get properly involved?"
    assert yes_or_no_then_question(text) is None  # not a plain no
    found = yes_or_no_then_question(text, lambda said: contact_reply(said) is not None)
    assert found == ("no emails ta", "human")
    assert contact_reply("no emails ta") is not None
    assert not contact_reply("no emails ta").wants  # type: ignore[union-attr]
