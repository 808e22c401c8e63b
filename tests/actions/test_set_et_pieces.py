"""What set ET of unseen conversations found in the actions: a later piece of the answer just
given, arriving at the next question (after a pause, too), was kept as that question's
answer; a pause with its reason and a return alone were kept as answers; a subject closed on
its own was kept, and wrapped up the questions at the last one; sorry for a long answer at
the play-back was kept as one more view; "@btvlep nope" at the email question was "doesn't
look like an email address"."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from actions.consultation import ValidateStrategyForm
from actions.playback import HELD, ValidateCorrectionForm
from actions.strategy_choice import choose
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, run, texts

MONEY = "seabed:entrepreneurialism:views"
HOUSING = "seabed:housing_growth:views"
SKILLS = "seabed:education_skills:views"
ROADS = "seabed:infrastructure:views"
GREEN = "seabed:environment_quality_of_life:views"
AT_ROADS = {
    "seabed": ["entrepreneurialism", "infrastructure", "environment_quality_of_life"],
    "pending_questions": [ROADS, GREEN],
}
FIRST = "I'd love a second van but every lender wants a bigger deposit than I've got."


def _user(text: str) -> dict[str, Any]:
    return {"event": "user", "text": text}


def _bot(text: str) -> dict[str, Any]:
    return {"event": "bot", "text": text}


def _at_roads(
    sender: str, text: str, events: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[str]]:
    """The Infrastructure question answered with `text` after the money answer was kept and
    `events` happened since: the slots set and the replies sent."""
    service.record_consent(sender, "rest", True)
    service.record_answer(sender, "rest", FIRST, MONEY, "q")
    tracker = make_tracker(sender, text, slots=AT_ROADS, events=events, active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed_answer(text, sent, tracker, {})
    return result, texts(sent)


def test_the_rest_after_a_pause_and_a_return_joins_the_last_answer(database_url: str) -> None:
    text = "Right, he's in. Forgot to say on the money side: there's no advice for tiny firms."
    events = [_user(FIRST), _user("Bear with, a spaniel's just arrived for his bath")]
    result, replies = _at_roads("et1", text, events)
    assert result == {"seabed_answer": None}  # the Infrastructure question again
    assert replies == [message("earlier_added", name="Entrepreneurialism")]  # "money side"
    [answer] = service.recorded_answers("et1")
    assert answer.question_key == MONEY and "no advice for tiny firms" in answer.text
    assert "he's in" not in answer.text


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep 2nd thing, banks want 3 years of accounts before theyll talk to u",
        "What I mean is nobody will lend on a van for a business under two years old.",
        "Another gripe while I'm at it: the grant schemes all want match funding.",
    ],
)
def test_a_piece_pointing_back_joins_the_last_answer(database_url: str, text: str) -> None:
    result, replies = _at_roads("et2", text, [_user(FIRST)])
    assert result == {"seabed_answer": None} and replies == [message("added_to_last")]
    assert [a.question_key for a in service.recorded_answers("et2")] == [MONEY]


def test_after_a_nudge_for_more_the_explanation_answers_the_question(database_url: str) -> None:
    text = "What I mean is the roads out of the village are gridlocked by eight."
    result, _ = _at_roads("et3", text, [_user("Parking."), _bot(message("say_more"))])
    assert result["pending_questions"] == [GREEN]
    assert [a.question_key for a in service.recorded_answers("et3")] == [MONEY, ROADS]


def test_a_linked_answer_on_the_pending_subject_is_its_answer(database_url: str) -> None:
    text = "On top of that, the roads round the estate are gridlocked by eight every day."
    result, _ = _at_roads("et4", text, [_user(FIRST)])
    assert result["pending_questions"] == [GREEN]
    assert service.recorded_answers("et4")[-1].question_key == ROADS


@pytest.mark.parametrize(
    "text",
    [
        "Bear with, a spaniel's just arrived for his bath",
        "@btvlep sorry pupil just turned up, back after the lesson",
        "@btvlep right lesson done",
        "@btvlep hang fire, customer on the phone",
        "Sorry, getting on my soapbox there",
    ],
)
def test_a_pause_a_return_or_an_apology_keeps_nothing(database_url: str, text: str) -> None:
    result, replies = _at_roads("et5", text, [_user(FIRST)])
    assert result == {"seabed_answer": None}
    assert message("added_to_last") not in replies
    assert [a.question_key for a in service.recorded_answers("et5")] == [MONEY]


def test_a_subject_closed_at_the_last_question_keeps_nothing(database_url: str) -> None:
    service.record_consent("et6", "rest", True)
    service.record_answer("et6", "rest", "Roads. [added later: the lanes are fast]", ROADS, "q")
    text = "That's everything on the roads and so on"
    slots = {**AT_ROADS, "pending_questions": [GREEN]}
    tracker = make_tracker("et6", text, slots=slots, active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed_answer(text, sent, tracker, {})
    assert result == {"seabed_answer": None}  # the environment question again, no play-back
    assert texts(sent) == [message("enough_said")]
    assert len(service.recorded_answers("et6")) == 1


def test_a_piece_at_the_seabed_choice_joins_the_last_island_answer(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("et7", "rest", True)
    service.record_answer("et7", "rest", "a short course at the uni", "island:space:help", "q")
    text = "Forgot to say, the Space Agency forms take a week to fill in and there are five of us."
    events = [_user("One moment, my eleven o'clock has just walked in")]
    tracker = make_tracker("et7", text, slots={"islands": ["space"]}, events=events)
    sent = CollectingDispatcher()
    result = choose("seabed", "seabed_answer", text, sent, tracker)
    assert result == {"seabed": None}  # the seabed choice asked again
    [answer] = service.recorded_answers("et7")
    assert "take a week" in answer.text


@pytest.mark.parametrize(
    "text",
    ["Sorry, that turned into a bit of a speech", "Right, that's the lot on the council and NHS."],
)
def test_an_apology_or_a_close_at_the_play_back_shows_it_again(
    database_url: str, text: str
) -> None:
    service.record_consent("et8", "rest", True)
    service.record_answer("et8", "rest", "the countryside is why I stay", GREEN, "q")
    tracker = make_tracker("et8", text, "inform", slots={"stage": "playback"})
    sent = CollectingDispatcher()
    result = run(ValidateCorrectionForm().extract_theme_correction(sent, tracker, {}))
    assert result == {"theme_correction": HELD}
    assert len(service.recorded_answers("et8")) == 1


def test_a_no_on_x_at_the_email_question_declines(database_url: str) -> None:
    service.record_consent("et9", "rest", True)
    sent = CollectingDispatcher()
    tracker = make_tracker("et9", "@btvlep nope", "inform")
    result = ValidateContactForm().validate_email("@btvlep nope", sent, tracker, {})
    assert result["follow_up"] is False
    assert not any("doesn't look like" in t for t in texts(sent))


def test_glad_of_the_chance_at_the_play_back_is_no_view(database_url: str) -> None:
    service.record_consent("et10", "rest", True)
    service.record_answer("et10", "rest", "the countryside is why I stay", GREEN, "q")
    text = "Nice to be asked for once"
    tracker = make_tracker("et10", text, "inform", slots={"stage": "playback"})
    sent = CollectingDispatcher()
    result = run(ValidateCorrectionForm().extract_theme_correction(sent, tracker, {}))
    assert result == {"theme_correction": HELD}
    assert texts(sent) == [message("small_talk")]
    assert len(service.recorded_answers("et10")) == 1


def test_a_piece_naming_an_earlier_question_joins_that_answer(database_url: str) -> None:
    service.record_consent("et11", "rest", True)
    service.record_answer("et11", "rest", "The estates use their own installers.", HOUSING, "q")
    service.record_answer("et11", "rest", "Apprentices.", SKILLS, "q")
    text = "Forgot to say on the housing one: the houses leak heat so badly the bills are awful."
    slots = {
        "seabed": ["housing_growth", "education_skills", "environment_quality_of_life"],
        "pending_questions": [GREEN],
    }
    tracker = make_tracker("et11", text, slots=slots, active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed_answer(text, sent, tracker, {})
    assert result == {"seabed_answer": None}  # the environment question again
    housing, skills = service.recorded_answers("et11")
    assert "leak heat" in housing.text and skills.text == "Apprentices."


def test_also_on_the_pending_subject_answers_the_pending_question(database_url: str) -> None:
    text = "Also the roads are gridlocked every morning, so our deliveries are always late."
    result, replies = _at_roads("et12", text, [_user(FIRST)])
    assert result["pending_questions"] == [GREEN] and replies == []
    assert [a.question_key for a in service.recorded_answers("et12")] == [MONEY, ROADS]


def test_and_on_the_last_subject_still_joins_the_last_answer(database_url: str) -> None:
    text = "and no bank will lend to a firm under two years old either"
    result, replies = _at_roads("et13", text, [_user(FIRST)])
    assert result == {"seabed_answer": None} and replies == [message("added_to_last")]
    assert [a.question_key for a in service.recorded_answers("et13")] == [MONEY]
