"""What set EZ of unseen conversations (owners writing English as a second language, a
sixth round) found in the actions: "OK, can do" at the consent question, which NLU read as
asking what the bot does (told so, asked again, and the whole profile lost); "none" at the
islands in a second language's words ("No one of this, we are only small shop", "no any of
these": "didn't catch"); and nothing to say with what it is about said first ("For
environment I have nothing special to say.": kept and played back as an answer)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consent import ActionRecordConsent
from actions.faq import ActionAnswerQuestion
from actions.strategy_choice import choose
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import (
    CONSENT_SHOWN,
    make_tracker,
    run,
    slot_sets,
    texts,
    validate_strategy_answer,
)

DRIVERS = ["seabed:infrastructure:views", "seabed:environment_quality_of_life:views"]


@pytest.mark.parametrize(("sender", "text"), [("ez1", "OK, can do"), ("ez2", "yes can")])
def test_a_short_yes_read_as_a_question_takes_part(
    sender: str, text: str, database_url: str, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(sender, text, "faq", events=CONSENT_SHOWN)
    tracker.latest_message["response_selector"] = {
        "faq": {"response": {"intent_response_key": "faq/bot_help", "confidence": 0.9}}
    }
    sent = CollectingDispatcher()
    events = run(ActionAnswerQuestion().run(sent, tracker, domain))
    assert slot_sets(events) == {"consent": True, "stage": "profile"}
    assert "utter_faq/bot_help" not in texts(sent)
    assert service.is_consented(sender) is True


def test_is_fine_read_as_a_no_still_takes_part(database_url: str, domain: dict[str, Any]) -> None:
    tracker = make_tracker("ez3", "is fine", "consent_decline", events=CONSENT_SHOWN)
    events = run(ActionRecordConsent().run(CollectingDispatcher(), tracker, domain))
    assert slot_sets(events)["consent"] is True


@pytest.mark.parametrize(
    ("sender", "text"),
    [
        ("ez4", "No one of this, we are only small shop"),
        ("ez5", "@btvlep no any of these"),
    ],
)
def test_none_in_a_second_languages_words_goes_on_to_the_seabed(
    sender: str, text: str, database_url: str
) -> None:
    service.record_consent(sender, "rest", True)
    tracker = make_tracker(sender, text, "inform", active_loop="strategy_form")
    sent = CollectingDispatcher()
    assert choose("islands", "island_answer", text, sent, tracker)["islands"] == []
    assert message("view_kept_at_choice") not in texts(sent)
    assert service.recorded_answers(sender) == []


@pytest.mark.parametrize(
    ("sender", "text"),
    [
        ("ez6", "For environment I have nothing special to say."),
        ("ez7", "@btvlep sorry for this one i have nothing to say"),
    ],
)
def test_nothing_to_say_on_a_driver_keeps_nothing(
    sender: str, text: str, database_url: str
) -> None:
    service.record_consent(sender, "rest", True)
    slots = {
        "pending_questions": DRIVERS,
        "seabed": ["infrastructure", "environment_quality_of_life"],
    }
    result, _ = validate_strategy_answer("seabed_answer", sender, text, slots)
    assert result["pending_questions"] == DRIVERS[1:]
    assert service.recorded_answers(sender) == []
