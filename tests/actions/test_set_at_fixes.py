"""What set AT of unseen conversations found in the strategy form: "oh can u add high
performance too, forgot that one" at the first Intelligent mobility question was kept as
its answer; "whats the difference between digital science and intelligent public services"
at the seabed choice chose both instead of answering; "the microscope one should say £8k"
at the play-back was not understood, and "rest is right yes" after it not read as a yes."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from bot.consultation import service
from bot.consultation.playback_fixes import correct_played_back, subject_put_right
from bot.consultation.playback_replies import (
    confirms,
)
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


def test_an_answer_named_by_its_subject_is_put_right(
    database_url: str, domain: dict[str, Any]
) -> None:
    # "the microscope one should say £8k not £6k" at the play-back ("didn't understand")
    service.record_consent("at3", "rest", True)
    loan = "applied for a £6k start up loan for a conservation microscope, took 5 months"
    service.record_answer("at3", "rest", loan, "seabed:entrepreneurialism:views", None)
    service.record_answer(
        "at3", "rest", "studio above a shop, no lift", "seabed:infrastructure:views", None
    )
    fixed = correct_played_back("at3", "@btvlep the microscope one should say £8k not £6k")
    assert fixed is not None
    first, second = service.recorded_answers("at3")
    assert "£8k" in first.text and "£8k" not in second.text
    # a word in no answer, or a theme named ("should be" is a theme change): not this
    assert correct_played_back("at3", "the kiln one should say £8k") is None
    assert subject_put_right("the loan one should say infrastructure", []) is None


def test_the_rest_is_right_confirms() -> None:
    assert confirms("rest is right yes")
    assert confirms("the rest is fine thanks")
    assert not confirms("the rest is wrong")
