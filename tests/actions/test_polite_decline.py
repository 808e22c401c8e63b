"""A gentle "I'd rather not say" at a profile question that NLU took for a privacy
question (set AC's beekeeper was shown the privacy notice and asked again): a skip, and the
form moves on."""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionAnswerQuestion
from bot.consultation import service
from bot.consultation.questions import SKIPPED, message
from tests.actions.conftest import make_tracker, run, texts, validate_strategy_answer

DECLINE = (
    "If it's all the same to you, I'd rather not say how many of us there are. "
    "I do hope that's alright."
)


def test_a_decline_read_as_a_question_at_the_profile_skips_it(
    database_url: str, domain: dict[str, Any]
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "polite-1",
        DECLINE,
        "faq",
        slots={"requested_slot": "size_band", "stage": "profile", "consent": True},
        active_loop="profile_form",
    )
    events = run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert events == [SlotSet("size_band", SKIPPED)]
    assert texts(dispatcher) == []


def test_a_real_question_at_the_profile_is_still_answered(
    database_url: str, domain: dict[str, Any]
) -> None:
    dispatcher = CollectingDispatcher()
    text = "who gets to see how many staff we have?"
    tracker = make_tracker(
        "polite-2",
        text,
        "faq",
        slots={"requested_slot": "size_band", "stage": "profile", "consent": True},
        active_loop="profile_form",
    )
    events = run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert SlotSet("size_band", SKIPPED) not in events
    assert texts(dispatcher)  # answered


def test_second_thoughts_mid_way_are_not_kept_and_the_question_is_asked_again(
    database_url: str,
) -> None:
    service.record_consent("doubt-1", "rest", True)
    text = (
        "hmm actually I'm having second thoughts about this, not sure I want to end up on "
        "some government list"
    )
    slots = {
        "islands": ["intelligent_mobility"],
        "pending_questions": ["island:intelligent_mobility:barriers"],
    }
    result, replies = validate_strategy_answer("island_answer", "doubt-1", text, slots)
    assert result == {"island_answer": None}
    assert replies == [message("second_thoughts")]
    assert service.recorded_answers("doubt-1") == []
