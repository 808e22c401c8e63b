"""What set AT of unseen conversations found in the strategy form: "oh can u add high
performance too, forgot that one" at the first Intelligent mobility question was kept as
its answer; "whats the difference between digital science and intelligent public services"
at the seabed choice chose both instead of answering."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from bot.consultation import service
from bot.consultation.questions import question_queue
from bot.consultation.strategy_asides import describe
from tests.actions.conftest import make_tracker, texts

MOBILITY = question_queue(["intelligent_mobility"])


def test_an_island_added_at_a_question_joins_the_queue_after_the_others(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("at1", "rest", True)
    text = "@btvlep oh can u add high performance too, forgot that one"
    slots = {"islands": ["intelligent_mobility"], "pending_questions": MOBILITY}
    tracker = make_tracker("at1", text, slots=slots, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_island_answer(
        text, CollectingDispatcher(), tracker, domain
    )
    assert result["islands"] == ["intelligent_mobility", "high_performance_technology"]
    assert result["pending_questions"] == [
        *MOBILITY,
        *question_queue(["high_performance_technology"]),
    ]
    assert result["island_answer"] is None  # the mobility question asked again
    assert service.recorded_answers("at1") == []


def test_asking_the_difference_at_the_choice_describes_both(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("at2", "rest", True)
    text = "@btvlep whats the difference between digital science and intelligent public services"
    tracker = make_tracker("at2", text, "choose_theme", active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed(text, dispatcher, tracker, domain)
    assert result == {"seabed": None}
    replies = "\n".join(texts(dispatcher))
    assert describe("digital_science") in replies
    assert describe("intelligent_public_services") in replies
