"""A gentle "I'd rather not say" at a profile question that NLU took for a privacy
question (set AC's beekeeper was shown the privacy notice and asked again): a skip, and the
form moves on."""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionAnswerQuestion
from bot.consultation.questions import SKIPPED
from tests.actions.conftest import make_tracker, run, texts

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
