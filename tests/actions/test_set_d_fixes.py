"""What the fourth set of unseen conversations (benchmarks/data/conversation_probe_d.yml)
found, fixed in the actions and kept so: an answer carried on in a second message, "same
as before" said back (and kept, as set A's "same as I said" is), numbers for choices,
"yes" to a profile question, an unclear choice twice, "can I change what I said?", "are
you a bot?", "how many more of these", and a greeting that says who is back."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import DONE, ValidateStrategyForm
from actions.faq import ActionAnswerQuestion
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import SKIPPED, message, section_text
from bot.strategy import ISLAND_IDS, SEABED_IDS
from tests.actions.conftest import make_tracker, run, texts, user_event

QUEUE = [
    "island:high_performance_technology:opportunities",
    "island:high_performance_technology:barriers",
    "island:high_performance_technology:help",
]
SLOTS = {"islands": ["high_performance_technology"], "pending_questions": QUEUE[1:]}


def _answer(sender: str, text: str, before: str, intent: str = "inform") -> dict[str, Any]:
    tracker = make_tracker(sender, text, intent, slots=SLOTS, events=[user_event(before)])
    return ValidateStrategyForm().validate_island_answer(text, CollectingDispatcher(), tracker, {})


def test_an_answer_carried_on_is_kept_with_it(database_url: str) -> None:
    service.record_consent("d1", "rest", True)
    first = "we need more engineers"
    service.record_answer("d1", "rest", first, QUEUE[0], None)
    result = _answer("d1", "and the A41 is a nightmare", before=first)
    assert result == {"island_answer": None}  # the pending question again
    stored = [(a.question_key, a.text) for a in service.recorded_answers("d1")]
    assert stored == [(QUEUE[0], f"{first} [added later: and the A41 is a nightmare]")]


def test_and_after_a_skip_is_an_answer_to_the_pending_question(database_url: str) -> None:
    service.record_consent("d2", "rest", True)
    result = _answer("d2", "and the A41 is a nightmare", before="skip")
    assert result == {"island_answer": None, "pending_questions": QUEUE[2:]}
    assert [a.question_key for a in service.recorded_answers("d2")] == [QUEUE[1]]


@pytest.mark.parametrize("text", ["same as before", "see above"])
def test_same_as_before_is_kept_against_its_question_and_moves_on(
    text: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("d3", "rest", True)
    tracker = make_tracker("d3", text, "inform", slots=SLOTS)
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, domain)
    assert result == {"island_answer": None, "pending_questions": QUEUE[2:]}
    assert texts(dispatcher) == [message("same_as_before")]  # not "say a little more"
    assert [(a.question_key, a.text) for a in service.recorded_answers("d3")] == [(QUEUE[1], text)]


@pytest.mark.parametrize(
    ("slot", "text", "chosen"),
    [
        ("islands", "2", [ISLAND_IDS[1]]),
        ("islands", "1 and 5", [ISLAND_IDS[0], ISLAND_IDS[4]]),
        ("seabed", "1 and 4", [SEABED_IDS[0], SEABED_IDS[3]]),
    ],
)
def test_numbers_choose_from_the_list_shown(
    slot: str, text: str, chosen: list[str], dispatcher: CollectingDispatcher, domain: dict
) -> None:
    form = ValidateStrategyForm()
    validate = form.validate_islands if slot == "islands" else form.validate_seabed
    result = validate(text, dispatcher, make_tracker("d4", text, "inform"), domain)
    assert result[slot] == chosen


def test_an_unclear_choice_twice_moves_on_as_a_live_transcript_records_it(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    # a form's ask action leaves its message in the transcript, not an action event
    asked = {"event": "bot", "text": section_text("islands", "ask")}
    once = make_tracker("d5", "yes", "affirm", events=[asked])
    assert ValidateStrategyForm().validate_islands("yes", dispatcher, once, domain) == {
        "islands": None
    }
    unclear = {"event": "bot", "text": message("islands_unclear")}
    twice = make_tracker("d5", "yes", "affirm", events=[asked, user_event("yes"), unclear, asked])
    result = ValidateStrategyForm().validate_islands("yes", dispatcher, twice, domain)
    assert result["islands"] == [] and result["island_answer"] == DONE


def test_a_choice_asked_again_later_counts_afresh(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    # asked once, then "carry on" back to the profile, then asked again: one unclear
    # reply now is asked again, not moved past
    asked = {"event": "bot", "text": section_text("islands", "ask")}
    intro = {"event": "bot", "text": section_text("islands", "intro")}
    carry_on = {"event": "bot", "text": message("carry_on")}
    events = [intro, asked, user_event("carry on"), carry_on, intro, asked]
    tracker = make_tracker("d5b", "yes", "affirm", events=events)
    assert ValidateStrategyForm().validate_islands("yes", dispatcher, tracker, domain) == {
        "islands": None
    }


@pytest.mark.parametrize("slot", ["organisation", "sector", "size_band", "location", "role"])
def test_yes_to_a_profile_question_is_no_answer(
    slot: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("d6", "rest", True)
    validate = getattr(ValidateProfileForm(), f"validate_{slot}")
    assert validate("yes", dispatcher, make_tracker("d6", "yes", "affirm"), domain) == {
        slot: SKIPPED
    }
    # a real answer is still kept
    assert validate("Marlow", dispatcher, make_tracker("d6", "Marlow"), domain)[slot]


@pytest.mark.parametrize("intent", ["faq", "inform"])
def test_asking_to_change_an_answer_says_how(
    intent: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("d7", "rest", True)
    text = "can I change what I said about roads?"
    tracker = make_tracker("d7", text, intent, slots=SLOTS, active_loop="strategy_form")
    if intent == "faq":  # the FAQ rule answers (NLU reads it as how to get involved)
        run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    else:
        result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, domain)
        assert result == {"island_answer": None}
    assert texts(dispatcher) == [message("change_how")]
    assert service.recorded_answers("d7") == []


@pytest.mark.parametrize("text", ["are you a bot?", "who are you?"])
def test_the_bot_says_it_is_automated(
    text: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    run(ActionAnswerQuestion().run(dispatcher, make_tracker("d8", text, "faq"), domain))
    assert texts(dispatcher) == [message("bot_is_automated"), "utter_faq/bot_help"]
    assert "automated" in message("bot_is_automated")


def test_how_many_more_mid_questions_says_how_to_finish_but_not_before_starting(
    domain: dict[str, Any],
) -> None:
    text = "HOW MANY MORE OF THESE"
    mid = CollectingDispatcher()
    tracker = make_tracker("d9", text, "faq", active_loop="strategy_form")
    run(ActionAnswerQuestion().run(mid, tracker, domain))
    assert texts(mid) == [message("impatient")]
    before = CollectingDispatcher()
    run(ActionAnswerQuestion().run(before, make_tracker("d9", text, "faq"), domain))
    assert texts(before) != [message("impatient")]


def test_a_greeting_that_says_who_is_back_is_not_stored(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("d10", "rest", True)
    text = "Hi again, it's Sarah from the bakery"
    tracker = make_tracker("d10", text, "greet", slots=SLOTS)
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, domain)
    assert result == {"island_answer": None}
    assert service.recorded_answers("d10") == []
