"""What set FQ of unseen conversations (firms outside the islands, honest non-answers) found
in the actions: a non-answer with why beside it ("Not really my area, I just teach people to
drive"), a spoken "@btvlep not my area that" and "same as before, nothing" after a non-answer
were kept as the answer to a driver's question (no theme, but in the play-back). Now nothing
is kept and the next question is asked; a disclaimer that goes on to the subject is kept
(paraphrases the set does not use)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from bot.consultation import service
from tests.actions.conftest import make_tracker, user_event, validate_strategy_answer

DRIVERS = [
    "seabed:entrepreneurialism:views",
    "seabed:digital_science:views",
    "seabed:infrastructure:views",
]
SEABED = ["entrepreneurialism", "digital_science", "infrastructure"]


def _answer(sender: str, text: str, previous: str | None = None) -> dict[str, Any]:
    """The digital science question answered with `text`, `previous` the message before."""
    service.record_consent(sender, "rest", True)
    slots = {"pending_questions": DRIVERS[2:], "seabed": SEABED}
    if previous is None:
        result, _ = validate_strategy_answer("seabed_answer", sender, text, slots)
        return result
    events = [user_event(previous)]
    tracker = make_tracker(sender, text, slots=slots, events=events, active_loop="strategy_form")
    return ValidateStrategyForm().validate_seabed_answer(text, CollectingDispatcher(), tracker, {})


@pytest.mark.parametrize(
    "text",
    [
        "Not my thing really, I only fit kitchens",
        "Couldn't tell you, my son sorts all that side of things",
        "@btvlep no idea, we're just a small family shop",
        "@btvlep not really my thing that",
        "Same again, nothing to add",
    ],
)
def test_nothing_with_why_keeps_nothing_and_moves_on(text: str, database_url: str) -> None:
    result = _answer("fq1", text)
    assert result["pending_questions"] == []  # on to the infrastructure question
    assert service.recorded_answers("fq1") == []


@pytest.mark.parametrize(
    "text",
    [
        "Not really my area, but the lorries on the bypass scare my pupils",
        "no idea, we only get one bus an hour out here",
    ],
)
def test_a_disclaimer_then_the_subject_is_kept(text: str, database_url: str) -> None:
    _answer("fq2", text)
    assert [a.text for a in service.recorded_answers("fq2")] == [text]


def test_same_as_before_after_a_non_answer_keeps_nothing(database_url: str) -> None:
    service.record_consent("fq3", "rest", True)
    service.record_answer(
        "fq3", "rest", "The bypass is shut every week", "seabed:infrastructure:views", "q"
    )
    result = _answer("fq3", "same as before", previous="No idea, sorry")
    assert result["pending_questions"] == []
    assert [a.text for a in service.recorded_answers("fq3")] == ["The bypass is shut every week"]


def test_same_as_before_after_a_view_still_points_back(database_url: str) -> None:
    view = "The bypass is shut every week"
    service.record_consent("fq4", "rest", True)
    service.record_answer("fq4", "rest", view, "seabed:entrepreneurialism:views", "q")
    _answer("fq4", "same as before", previous=view)
    assert len(service.recorded_answers("fq4")) == 2
