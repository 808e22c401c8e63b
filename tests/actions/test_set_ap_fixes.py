"""What set AP of unseen conversations (benchmarks/data/conversation_probe_ap.yml) found in
the actions: asked what it has got down, the bot gives the business's details as well as
its answers (it said only "I haven't recorded any answers", with the name and trade given)."""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from actions.faq import ActionAnswerQuestion
from actions.playback_views import keep_view_at_playback
from bot.consultation import service
from bot.consultation.questions import SKIPPED, message
from tests.actions.conftest import make_tracker, run, texts

PROFILE = {
    "organisation": "Ivy Lane Frames",
    "sector": "picture framing",
    "size_band": "Micro (1-9 staff)",
    "location": SKIPPED,
}


def _asked(sender: str, slots: dict[str, Any], domain: dict[str, Any]) -> list[str]:
    dispatcher = CollectingDispatcher()
    text = "Hang on, what have you got down for us so far?"
    tracker = make_tracker(sender, text, "faq", slots=slots, active_loop="strategy_form")
    run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    return texts(dispatcher)


def test_the_details_given_come_before_the_answers(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ap1", "rest", True)
    said = _asked("ap1", PROFILE, domain)[0]
    details = "Ivy Lane Frames; picture framing; Micro (1-9 staff)"
    assert said.startswith(message("details_so_far", details=details))
    assert SKIPPED not in said  # a skipped question is not a detail
    assert said.endswith(message("playback_none"))
    service.record_answer("ap1", "rest", "set dressers at Pinewood", "island:x", None)
    assert "set dressers at Pinewood" in _asked("ap1", PROFILE, domain)[0]


def test_with_no_details_only_the_answers_are_given(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ap2", "rest", True)
    assert _asked("ap2", {}, domain) == [message("playback_none")]


def test_a_no_with_its_reason_at_the_email_question_is_a_no_not_a_view(
    database_url: str, domain: dict[str, Any]
) -> None:
    """ "Nay, I get enough emails as it is", read as a question at the follow-up question:
    set AP kept it as one more view and asked "was that a yes or a no?"."""
    service.record_consent("ap3", "rest", True)
    service.record_answer("ap3", "rest", "the lane floods every winter", "island:x", None)
    text = "Nay, I get enough emails as it is"
    slots = {"stage": "playback", "requested_slot": "follow_up"}
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("ap3", text, "faq", slots=slots, active_loop="contact_form")
    events = run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    # read as a question, it is still a no: not "You're doing it now!" and "yes or no?"
    assert SlotSet("follow_up", False) in events
    assert dispatcher.messages == []
    # the one check every path to a view at the play-back makes (FAQ, fallback, consent)
    assert not keep_view_at_playback(dispatcher, tracker)
    assert [a.text for a in service.recorded_answers("ap3")] == ["the lane floods every winter"]
    result = ValidateContactForm().validate_follow_up(text, dispatcher, tracker, domain)
    assert result["follow_up"] is False
