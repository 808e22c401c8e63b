"""What set T of unseen conversations (benchmarks/data/conversation_probe_t.yml) found,
fixed in the actions and kept so (paraphrases the set does not use): a business outside
the islands asking where it fits, at the choice or when NLU took it for a question, goes on
to the seabed; seabed drivers described are chosen; an email pasted as an answer is kept
without its header, quoting and signature; an answer marked "(cont.)" waits for the rest
and "contd: ..." after the next question joins the answer before."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.faq import ActionAnswerQuestion
from actions.strategy_state import DONE
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import (
    make_tracker,
    run,
    slot_sets,
    stored_business,
    texts,
    user_event,
)

ROADS = "seabed:infrastructure:views"
ENV = "seabed:environment_quality_of_life:views"
SKILLS = "seabed:education_skills:views"


def test_outside_the_islands_at_the_choice_goes_on_to_the_seabed(database_url: str) -> None:
    dispatcher = CollectingDispatcher()
    text = "hairdressers aren't in your options"
    tracker = make_tracker("t-hair", text, slots={}, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_islands(text, dispatcher, tracker, {})
    assert result == {"islands": [], "pending_questions": [], "island_answer": DONE}
    assert texts(dispatcher) == [message("islands_other_sector")]


def test_outside_the_islands_taken_for_a_question_goes_on_to_the_seabed(
    domain: dict[str, Any],
) -> None:
    text = "what should I choose as a plumber?"
    slots = {"requested_slot": "islands"}
    tracker = make_tracker("t-plumb", text, "faq", slots=slots, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    events = run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert slot_sets(events) == {"islands": [], "pending_questions": [], "island_answer": DONE}
    assert texts(dispatcher) == [message("islands_other_sector")]


def test_the_same_question_at_the_seabed_choice_is_answered_as_a_question(
    domain: dict[str, Any],
) -> None:
    text = "what should I choose as a plumber?"
    slots = {"requested_slot": "seabed"}
    tracker = make_tracker("t-plumb2", text, "faq", slots=slots, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    events = run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert slot_sets(events) == {}
    assert message("islands_other_sector") not in texts(dispatcher)


def test_seabed_drivers_described_are_chosen_in_order(database_url: str) -> None:
    dispatcher = CollectingDispatcher()
    text = "the people one and the transport bit"
    tracker = make_tracker("t-vet", text, slots={}, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_seabed(text, dispatcher, tracker, {})
    assert result["seabed"] == ["education_skills", "infrastructure"]
    assert result["pending_questions"] == [SKILLS, ROADS]


def _answer(
    sender: str,
    text: str,
    key: str,
    events: list[dict[str, Any]] | None = None,
    chosen: list[str] | None = None,
) -> tuple[dict[str, Any], list[str]]:
    slots = {"seabed": chosen or [key.split(":")[1]], "pending_questions": [key]}
    tracker = make_tracker(sender, text, slots=slots, events=events, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed_answer(text, dispatcher, tracker, {})
    return result, texts(dispatcher)


def test_an_email_pasted_as_an_answer_is_kept_without_its_furniture(database_url: str) -> None:
    service.record_consent("t-mail", "rest", True)
    text = (
        "From: Raj Patel <raj@patelcouriers.co.uk>\nSent: Monday 30 November 2026\n"
        "Subject: FW: strategy\n\nThe A41 resurfacing overran by three months.\n\n"
        "Kind regards\nRaj\nPatel Couriers\n\nThis email is confidential and intended only"
        " for the addressee."
    )
    result, _ = _answer("t-mail", text, ROADS)
    assert result == {"seabed_answer": DONE, "pending_questions": []}
    assert [a.text for a in service.recorded_answers("t-mail")] == [
        "The A41 resurfacing overran by three months."
    ]
    assert stored_business("t-mail").email is None  # Raj's address is no contact


def test_an_answer_marked_cont_waits_and_is_joined(database_url: str) -> None:
    service.record_consent("t-cont", "rest", True)
    first = "rents in Thame have doubled since the lease renewal [contd]"
    result, replies = _answer("t-cont", first, ROADS)
    assert result == {"seabed_answer": None}
    assert replies == [message("go_on")]
    assert service.recorded_answers("t-cont") == []
    rest = "contd and there is nothing smaller to move to"
    events = [user_event(first), {"event": "bot", "text": message("go_on")}]
    result, _ = _answer("t-cont", rest, ROADS, events)
    assert result == {"seabed_answer": DONE, "pending_questions": []}
    assert [(a.question_key, a.text) for a in service.recorded_answers("t-cont")] == [
        (
            ROADS,
            "rents in Thame have doubled since the lease renewal and there is nothing"
            " smaller to move to",
        )
    ]


def test_contd_after_the_next_question_joins_the_answer_before(database_url: str) -> None:
    service.record_consent("t-contd", "rest", True)
    first = "no bus from Marlow after six"
    service.record_answer("t-contd", "rest", first, ROADS, "q")
    text = "Continued - and the trains are worse"
    events = [user_event(first)]
    chosen = ["infrastructure", "environment_quality_of_life"]
    result, _ = _answer("t-contd", text, ENV, events, chosen)
    assert result == {"seabed_answer": None}  # the environment question again
    assert [(a.question_key, a.text) for a in service.recorded_answers("t-contd")] == [
        (ROADS, f"{first} [added later: and the trains are worse]"),
    ]


def test_contd_at_the_first_question_of_a_part_is_kept_without_its_mark(
    database_url: str,
) -> None:
    service.record_consent("t-first", "rest", True)
    result, _ = _answer("t-first", "cont'd: the broadband drops out every afternoon", ROADS)
    assert result == {"seabed_answer": DONE, "pending_questions": []}
    assert [a.text for a in service.recorded_answers("t-first")] == [
        "the broadband drops out every afternoon"
    ]
