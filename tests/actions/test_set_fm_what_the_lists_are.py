"""What set FM of unseen conversations (ordinary X DM consultations) found in the actions:
"@btvlep sorry what do you mean by islands? not sure what im picking" at the islands choice
was told what an open question wants ("Anything about your business and this part of the
strategy ..."), and a question about the drivers at the seabed choice was "didn't catch
which". Now what the islands and the seabed are (the FAQ's answer), the choice asked
again, nothing chosen; paraphrases the set does not use, and a view beside such words
stays a view."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.strategy_choice import choose
from bot.consultation import service
from bot.consultation.strategy_asides import asks_what_the_lists_are
from tests.actions.conftest import answered, make_tracker, texts, validate_strategy_answer

LISTS = "utter_faq/islands_seabed"
AT_DRIVERS = {
    "pending_questions": ["seabed:digital_science:views", "seabed:education_skills:views"],
    "seabed": ["digital_science", "education_skills"],
}


def _choose(sender: str, slot: str, text: str) -> tuple[dict[str, Any], list[str]]:
    service.record_consent(sender, "rest", True)
    slots: dict[str, Any] = {"islands": []} if slot == "seabed" else {}
    tracker = make_tracker(sender, text, "faq", slots=slots, active_loop="strategy_form")
    tracker.latest_message["response_selector"] = {
        "faq": {"response": {"intent_response_key": "faq/bot_help", "confidence": 0.5}}
    }
    sent = CollectingDispatcher()
    answer_slot = "island_answer" if slot == "islands" else "seabed_answer"
    return choose(slot, answer_slot, text, sent, tracker), texts(sent)


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep sorry what do you mean by islands? not sure what im picking",
        "what do u mean by the islands",
        "Sorry, what's meant by islands here?",
    ],
)
def test_what_the_islands_are_at_the_islands_choice(text: str, database_url: str) -> None:
    result, sent = _choose("fm1", "islands", text)
    assert result == {"islands": None}  # the choice asked again
    assert sent == [LISTS]


@pytest.mark.parametrize(
    "text",
    [
        "sorry what do you mean by drivers? not sure what im picking",
        "@btvlep what do u mean by the drivers",
        "what are these drivers exactly?",
        "What do you mean by the seabed?",
    ],
)
def test_what_the_seabed_is_at_the_seabed_choice(text: str, database_url: str) -> None:
    result, sent = _choose("fm2", "seabed", text)
    assert result == {"seabed": None}
    assert sent == [LISTS]


def test_what_the_seabed_is_at_a_drivers_question_keeps_nothing(database_url: str) -> None:
    service.record_consent("fm3", "rest", True)
    text = "@btvlep what do you mean by seabed? bit lost"
    result, sent = validate_strategy_answer("seabed_answer", "fm3", text, AT_DRIVERS)
    assert result == {"seabed_answer": None}  # the same question again
    assert sent == [LISTS]
    assert service.recorded_answers("fm3") == []


def test_the_faq_route_answers_the_same() -> None:
    text = "@btvlep sorry what do you mean by islands? not sure what im picking"
    assert answered(text, "bot_help", 0.7, active_loop="strategy_form") == [LISTS]


def test_what_the_question_means_is_still_explained(database_url: str) -> None:
    service.record_consent("fm4", "rest", True)
    _, sent = validate_strategy_answer(
        "seabed_answer", "fm4", "what do you mean by opportunities?", AT_DRIVERS
    )
    assert sent and "Anything about your business" in sent[0]


@pytest.mark.parametrize(
    "text",
    [
        "what are the drivers? we just need more examiners",
        "the islands are all very well but none of them are us",
        "what are the drivers of growth for us? mostly skills, we cant find welders",
        "none of the islands?",
    ],
)
def test_views_and_choices_with_the_lists_words_are_not_asked(text: str) -> None:
    assert not asks_what_the_lists_are(text)


def test_a_view_beside_the_words_is_kept(database_url: str) -> None:
    service.record_consent("fm5", "rest", True)
    text = "what are the drivers? we just need more examiners"
    result, sent = validate_strategy_answer("seabed_answer", "fm5", text, AT_DRIVERS)
    assert LISTS not in sent
    assert [a.text for a in service.recorded_answers("fm5")] == [text]
    assert result["pending_questions"] == AT_DRIVERS["pending_questions"][1:]
