"""What set Z of unseen conversations (benchmarks/data/conversation_probe_z.yml) found,
fixed in the actions and kept so: a complaint worded as a negation ("can't get anyone")
that NLU reads as a skip is kept as the answer, and nothing-to-say replies NLU reads as a
no ("nah nothing on that one", "@btvlep nowt") are not kept."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import DONE, ValidateStrategyForm
from bot.consultation import service
from tests.actions.conftest import make_tracker

SKILLS = "seabed:education_skills:views"
ROADS = "seabed:infrastructure:views"


def _answer(sender: str, text: str, intent: str) -> dict:
    service.record_consent(sender, "rest", True)
    slots = {
        "consent": True,
        "stage": "strategy",
        "seabed": ["education_skills", "infrastructure"],
        "pending_questions": [SKILLS, ROADS],
    }
    tracker = make_tracker(sender, text, intent, slots=slots, active_loop="strategy_form")
    return ValidateStrategyForm().validate_seabed_answer(text, CollectingDispatcher(), tracker, {})


@pytest.mark.parametrize("text", ["can't get anyone", "nobody applies", "cant find drivers"])
def test_a_complaint_nlu_read_as_a_skip_is_kept(database_url: str, text: str) -> None:
    result = _answer("z-complaint", text, "skip")
    assert result["pending_questions"] == [ROADS]
    [answer] = service.recorded_answers("z-complaint")
    assert (answer.question_key, answer.text) == (SKILLS, text)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("nah nothing on that one", "deny"),
        ("@btvlep nowt", "deny"),
        ("@btvlep nothing to add really", "stop"),
        ("can't think of anything", "skip"),
    ],
)
def test_nothing_to_say_is_not_kept(database_url: str, text: str, intent: str) -> None:
    result = _answer("z-nothing", text, intent)
    assert result.get("seabed_answer") in (None, DONE)
    assert service.recorded_answers("z-nothing") == []


SPACE = ["island:space:opportunities", "island:space:barriers", "island:space:help"]


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        (
            "whats an island exactly? we just machine valves, didnt know we were on one",
            "utter_faq/islands_seabed",
        ),
        (
            "before i answer that one, who actually sees this? dont want pinewood reading it",
            "utter_faq/data_privacy",
        ),
    ],
)
def test_a_side_question_with_context_is_answered_and_the_question_asked_again(
    database_url: str, text: str, reply: str
) -> None:
    service.record_consent("z-aside", "rest", True)
    slots = {"pending_questions": SPACE, "islands": ["space"], "requested_slot": "island_answer"}
    tracker = make_tracker("z-aside", text, "inform", slots=slots, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, {})
    assert result == {"island_answer": None}  # the same question again
    assert [m.get("response") for m in dispatcher.messages] == [reply]  # what it asked
    assert service.recorded_answers("z-aside") == []
    # the answer that follows is kept against the question it answers
    answer = "the test stands at Westcott need valves made to order"
    tracker = make_tracker("z-aside", answer, "inform", slots=slots, active_loop="strategy_form")
    ValidateStrategyForm().validate_island_answer(answer, CollectingDispatcher(), tracker, {})
    [kept] = service.recorded_answers("z-aside")
    assert kept.question_key == SPACE[0]
