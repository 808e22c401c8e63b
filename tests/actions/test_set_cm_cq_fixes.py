"""What sets CM to CR of unseen conversations (benchmarks/data/conversation_probe_cm.yml
onwards) found in the actions: a warm no at the email question that NLU read as asking how
to get involved ("No thank you, I get enough emails! Lovely chatting to you though") was
told "You're doing it now!" and asked "yes or no?"."""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionAnswerQuestion
from bot.consultation import service
from tests.actions.conftest import make_tracker, run


def test_a_warm_no_at_the_email_question_read_as_a_question_is_a_no(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("cm1", "rest", True)
    service.record_answer("cm1", "rest", "frames need glass from Italy", "island:x", None)
    text = "No thank you, I get enough emails! Lovely chatting to you though."
    slots = {"stage": "playback", "requested_slot": "follow_up"}
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("cm1", text, "faq", slots=slots, active_loop="contact_form")
    events = run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert SlotSet("follow_up", False) in events
    assert dispatcher.messages == []  # no FAQ answer
    assert [a.text for a in service.recorded_answers("cm1")] == ["frames need glass from Italy"]
