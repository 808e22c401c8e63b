"""What the seventh set of unseen conversations (benchmarks/data/conversation_probe_g.yml)
found, fixed in the actions and kept so: the same sentence pasted to every island question
is kept once; "no" to which themes to change goes on to the follow-up question."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import DONE, ValidateStrategyForm
from actions.playback import NO_CHANGE, ActionPlayback, ValidateCorrectionForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, run, slot_sets, texts

QUEUE = [
    "island:intelligent_mobility:opportunities",
    "island:intelligent_mobility:barriers",
    "island:intelligent_mobility:help",
]
SENTENCE = "we just need the buses to run after 6pm so staff can get home"


def _answer(sender: str, text: str, pending: list[str], dispatcher: CollectingDispatcher) -> Any:
    slots = {"islands": ["intelligent_mobility"], "pending_questions": pending}
    tracker = make_tracker(sender, text, "inform", slots=slots)
    return ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, {})


def test_the_same_sentence_to_the_next_questions_is_kept_once(database_url: str) -> None:
    service.record_consent("g1", "rest", True)
    service.record_answer("g1", "rest", SENTENCE, QUEUE[0], None)
    for n, pending in enumerate((QUEUE[1:], QUEUE[2:]), 1):
        dispatcher = CollectingDispatcher()
        result = _answer("g1", SENTENCE.upper() + "!", pending, dispatcher)
        rest = pending[1:]
        assert result == {"island_answer": None if rest else DONE, "pending_questions": rest}
        assert texts(dispatcher) == [message("already_noted")], n
    assert [(a.question_key, a.text) for a in service.recorded_answers("g1")] == [
        (QUEUE[0], SENTENCE)
    ]


def test_a_new_answer_or_a_short_one_said_twice_is_still_kept(database_url: str) -> None:
    service.record_consent("g2", "rest", True)
    service.record_answer("g2", "rest", "grants", QUEUE[0], None)
    _answer("g2", "grants", QUEUE[1:], CollectingDispatcher())
    _answer(
        "g2", "the buses stop at 6pm and staff can't get home", QUEUE[2:], CollectingDispatcher()
    )
    assert [a.text for a in service.recorded_answers("g2")] == [
        "grants",
        "grants",
        "the buses stop at 6pm and staff can't get home",
    ]


def test_a_resend_to_the_same_question_is_not_called_a_repeat(database_url: str) -> None:
    service.record_consent("g3", "rest", True)
    service.record_answer("g3", "rest", SENTENCE, QUEUE[0], None)
    assert not service.repeats_an_answer("g3", SENTENCE, QUEUE[0])
    assert service.repeats_an_answer("g3", SENTENCE, QUEUE[1])


@pytest.mark.parametrize("text", ["no", "none", "nope not really", "skip"])
def test_no_to_which_themes_to_change_changes_nothing(
    text: str, database_url: str, domain: dict[str, Any]
) -> None:
    dispatcher = CollectingDispatcher()
    result = ValidateCorrectionForm().validate_theme_correction(
        text, dispatcher, make_tracker("g4", text, "deny"), domain
    )
    assert result == {"theme_correction": NO_CHANGE}
    assert texts(dispatcher) == []


def test_nothing_to_change_goes_on_to_the_follow_up_question(
    database_url: str, domain: dict[str, Any]
) -> None:
    # set G: "no" after "no" at the play-back showed the same play-back round and round
    service.record_consent("g5", "rest", True)
    service.record_answer("g5", "rest", SENTENCE, QUEUE[0], None)
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("g5", "no", "deny", slots={"theme_correction": NO_CHANGE})
    events = run(ActionPlayback().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == [message("themes_kept"), "utter_next_steps"]
    assert events[-1] == FollowupAction("contact_form")
    assert slot_sets(events) == {"theme_correction": None, "stage": "playback"}


def test_a_play_back_after_a_change_still_shows_the_summary(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("g6", "rest", True)
    service.record_answer("g6", "rest", SENTENCE, QUEUE[0], None)
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("g6", "add skills", "inform", slots={"theme_correction": "add skills"})
    events = run(ActionPlayback().run(dispatcher, tracker, domain))
    assert SENTENCE in texts(dispatcher)[0]
    assert not any(e.get("event") == "followup" for e in events)
