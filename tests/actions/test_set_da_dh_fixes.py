"""What sets DA to DH of unseen conversations found in the actions: "bank wont lend" at the
entrepreneurialism question, which NLU read as a skip (0.53), was lost (DD); a second DM
carrying the last island answer on at the seabed choice was joined to it without a word (DB);
"Motorsport and space, but can we do space first? ..." kept its reason as a view and asked
motorsport first, and "I said none too quickly. Put us down for film and TV" at the seabed
choice was not understood (DH)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, texts

KEY = "seabed:entrepreneurialism:views"


@pytest.mark.parametrize(
    "text", ["bank wont lend", "no one will insure us", "council won't answer emails"]
)
def test_someone_who_wont_is_a_view_whatever_nlu_says(database_url: str, text: str) -> None:
    service.record_consent("dd1", "rest", True)
    tracker = make_tracker(
        "dd1",
        text,
        "skip",
        slots={"pending_questions": [KEY, "seabed:housing_growth:views"]},
        active_loop="strategy_form",
    )
    result = ValidateStrategyForm().validate_seabed_answer(
        text, CollectingDispatcher(), tracker, {}
    )
    assert result["pending_questions"] == ["seabed:housing_growth:views"]
    [answer] = service.recorded_answers("dd1")
    assert (answer.question_key, answer.text) == (KEY, text)


def test_a_refusal_read_as_a_skip_is_still_no_view(database_url: str) -> None:
    service.record_consent("dd2", "rest", True)
    text = "i won't answer that one"
    tracker = make_tracker(
        "dd2", text, "skip", slots={"pending_questions": [KEY]}, active_loop="strategy_form"
    )
    ValidateStrategyForm().validate_seabed_answer(text, CollectingDispatcher(), tracker, {})
    assert service.recorded_answers("dd2") == []


def test_an_answer_carried_on_at_the_choice_is_said_to_be_added(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("db1", "rest", True)
    key = "island:high_performance_technology:help"
    service.record_answer("db1", "rest", "a short harness course at the college", key, "q")
    text = "@btvlep & a bigger unit on silverstone park, we're in 3 small units knocked together"
    events = [{"event": "user", "text": "@btvlep a short harness course at the college"}]
    tracker = make_tracker("db1", text, events=events)
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed(text, dispatcher, tracker, domain)
    assert result == {"seabed": None}  # the seabed choice asked again
    assert texts(dispatcher) == [message("added_to_last")]
    [answer] = service.recorded_answers("db1")
    assert "a bigger unit on silverstone park" in answer.text


def test_an_order_asked_with_the_choice_is_kept_and_its_reason_is_no_view(
    database_url: str,
) -> None:
    service.record_consent("dh1", "rest", True)
    text = "Motorsport and space, but can we do space first? It's most of our work now."
    tracker = make_tracker("dh1", text, "choose_theme", active_loop="strategy_form")
    result = ValidateStrategyForm().validate_islands(text, CollectingDispatcher(), tracker, {})
    assert result["islands"] == ["high_performance_technology", "space"]
    themes = [k.split(":")[1] for k in result["pending_questions"]]
    assert themes == ["space"] * 3 + ["high_performance_technology"] * 3
    assert service.recorded_answers("dh1") == []


def test_islands_taken_up_at_the_seabed_choice_after_none(database_url: str) -> None:
    service.record_consent("dh2", "rest", True)
    text = "Hang on, I said none too quickly. Put us down for film and TV."
    tracker = make_tracker(
        "dh2", text, "inform", slots={"islands": []}, active_loop="strategy_form"
    )
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed(text, dispatcher, tracker, {})
    assert result["islands"] == ["creative_digital"]
    assert result["seabed"] is None and result["island_answer"] is None
    assert [k.split(":")[1] for k in result["pending_questions"]] == ["creative_digital"] * 3
    assert service.recorded_answers("dh2") == []
