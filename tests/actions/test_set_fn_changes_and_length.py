"""What set FN of unseen conversations (ordinary website consultations) found in the
actions: "Before I answer this one, I'd like to change my answer on housing growth, please.
It should read: ..." at the next driver's question was kept as that question's answer; "I
don't have anything further to add on this one." was kept as a view; and "Is there a limit
to how much I can write here?" was told "You're doing it now!". Now the named answer takes
the new wording and the question is asked again; nothing is kept for the second; the third
is told there is no word limit (and the longest message the channels take), asked the
same question again, and the answer after it is kept there."""

from __future__ import annotations

import pytest

from bot.config import settings
from bot.consultation import service
from tests.actions.conftest import answered, validate_strategy_answer

HOUSING = (
    "Most of our work is one-off houses and small schemes for local landowners. We would like "
    "the council to set design codes for the new developments."
)
NEW_WORDING = (
    "The big housing sites go to volume housebuilders with their own in-house designers, so "
    "small practices like ours are shut out of the planned growth altogether."
)
DRIVERS = [
    "seabed:digital_science:views",
    "seabed:intelligent_public_services:views",
]
AT_DIGITAL = {
    "pending_questions": DRIVERS,
    "seabed": ["housing_growth", "digital_science", "intelligent_public_services"],
}


@pytest.mark.parametrize(
    "text",
    [
        "Before I answer this one, I'd like to change my answer on housing growth, please. "
        f"It should read: {NEW_WORDING}",
        f"Can I change my answer about housing? It should read: {NEW_WORDING}",
        f"before that, please update my reply on the housing one. New version: {NEW_WORDING}",
    ],
)
def test_an_earlier_answer_changed_by_its_subject_at_a_later_question(
    text: str, database_url: str
) -> None:
    service.record_consent("fn1", "rest", True)
    service.record_answer("fn1", "rest", HOUSING, "seabed:housing_growth:views", "q")
    result, sent = validate_strategy_answer("seabed_answer", "fn1", text, AT_DIGITAL)
    assert result == {"seabed_answer": None}  # the digital question asked again
    assert sent and "Housing growth" in sent[0]
    said = service.recorded_answers("fn1")
    assert [(a.question_key, a.text) for a in said] == [
        ("seabed:housing_growth:views", NEW_WORDING)
    ]


def test_a_view_about_an_answer_on_a_subject_is_still_a_view(database_url: str) -> None:
    service.record_consent("fn2", "rest", True)
    service.record_answer("fn2", "rest", HOUSING, "seabed:housing_growth:views", "q")
    text = "My answer on software is simple: the licences cost more than the rent."
    result, _ = validate_strategy_answer("seabed_answer", "fn2", text, AT_DIGITAL)
    assert result["pending_questions"] == DRIVERS[1:]
    assert [a.text for a in service.recorded_answers("fn2")] == [HOUSING, text]


@pytest.mark.parametrize(
    "text",
    [
        "I don't have anything further to add on this one.",
        "Nothing further to add here.",
        "We don't have anything further to add on this one, sorry",
        "nothing further from me on this",
    ],
)
def test_nothing_further_to_add_keeps_nothing(text: str, database_url: str) -> None:
    service.record_consent("fn3", "rest", True)
    result, _ = validate_strategy_answer("seabed_answer", "fn3", text, AT_DIGITAL)
    assert result["pending_questions"] == DRIVERS[1:]
    assert service.recorded_answers("fn3") == []


def test_nothing_further_said_of_a_subject_is_a_view(database_url: str) -> None:
    service.record_consent("fn4", "rest", True)
    text = "nothing further on the roads works, they keep digging up the same street"
    validate_strategy_answer("seabed_answer", "fn4", text, AT_DIGITAL)
    assert [a.text for a in service.recorded_answers("fn4")] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Is there a limit to how much I can write here?",
        "@btvlep is there a limit to how much i can put?",
        "Is there a limit on how long my answer can be?",
        "can I write as much as I like?",
        "is there a max length?",
    ],
)
def test_a_limit_asked_about_at_a_question(text: str, database_url: str) -> None:
    service.record_consent("fn5", "rest", True)
    result, sent = validate_strategy_answer("seabed_answer", "fn5", text, AT_DIGITAL)
    assert result == {"seabed_answer": None}  # the same question again
    assert len(sent) == 1 and "no word limit" in sent[0]
    assert f"{settings().max_message_chars:,} characters" in sent[0]
    assert service.recorded_answers("fn5") == []
    # the route NLU takes when it reads a question (set FN's "You're doing it now!")
    faq = answered(text, "get_involved", 0.9, slots=AT_DIGITAL, active_loop="strategy_form")
    assert faq == sent


@pytest.mark.parametrize(
    "text",
    [
        "is there a limit to how much rent the landlord can charge? its gone up 40%",
        "is there a limit to how many apprentices we can take? we'd take four",
    ],
)
def test_a_limit_on_something_else_is_a_view(text: str, database_url: str) -> None:
    service.record_consent("fn6", "rest", True)
    _, sent = validate_strategy_answer("seabed_answer", "fn6", text, AT_DIGITAL)
    assert not any("word limit" in s for s in sent)
    assert [a.text for a in service.recorded_answers("fn6")] == [text]
