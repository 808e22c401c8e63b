"""What the fourteenth set of unseen conversations (benchmarks/data/conversation_probe_n.yml)
found, fixed in the actions and kept so: a grant question and "sorry, got called away"
half way are never stored; a sector the islands leave out goes on to the seabed; a message
cut off mid-sentence waits for its second half and is kept with it as one answer; questions
about taking part (a student, the cost, two businesses) are answered, first message
included."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.consent import ActionRecordConsent
from actions.consultation import DONE, ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.faq import ActionAnswerQuestion
from bot.consultation import service
from bot.consultation.questions import message
from bot.storage.db import session_scope
from bot.storage.models import Business
from tests.actions.conftest import make_tracker, run, texts, user_event

SPACE = "island:space"
ROADS, ENV = "seabed:infrastructure:views", "seabed:environment_quality_of_life:views"


def _island_answer(
    sender: str, text: str, events: list[dict[str, Any]] | None = None
) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    slots = {"islands": ["space"], "pending_questions": [f"{SPACE}:opportunities"]}
    tracker = make_tracker(
        sender, text, "inform", slots=slots, events=events, active_loop="strategy_form"
    )
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, {})
    return result, texts(dispatcher)


def test_a_grant_question_half_way_is_answered_not_stored(database_url: str) -> None:
    service.record_consent("n-grant", "rest", True)
    result, replies = _island_answer("n-grant", "will filling this in get me a grant?")
    assert result == {"island_answer": None}  # the same question again
    assert replies == [message("no_grant")]
    assert service.recorded_answers("n-grant") == []


@pytest.mark.parametrize(
    "text", ["sorry, got called away by a customer", "sorry had to serve a customer"]
)
def test_back_from_an_interruption_is_not_stored(database_url: str, text: str) -> None:
    service.record_consent("n-away", "rest", True)
    result, replies = _island_answer("n-away", text)
    assert result == {"island_answer": None}
    assert replies == []
    assert service.recorded_answers("n-away") == []


def test_a_sector_the_islands_leave_out_goes_on_to_the_seabed(database_url: str) -> None:
    dispatcher = CollectingDispatcher()
    text = "what about tourism? we run a B&B near Marlow"
    tracker = make_tracker("n-tourism", text, "faq", slots={}, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_islands(text, dispatcher, tracker, {})
    assert result == {"islands": [], "pending_questions": [], "island_answer": DONE}
    assert texts(dispatcher) == [message("islands_other_sector")]


def test_a_message_cut_off_waits_and_is_kept_with_its_second_half(database_url: str) -> None:
    service.record_consent("n-cut", "rest", True)
    slots = {"seabed": ["infrastructure"], "pending_questions": [ROADS]}
    form = ValidateStrategyForm()
    first = CollectingDispatcher()
    tracker = make_tracker("n-cut", "we need better", slots=slots, active_loop="strategy_form")
    assert form.validate_seabed_answer("we need better", first, tracker, {}) == {
        "seabed_answer": None
    }
    assert texts(first) == [message("go_on")]
    assert service.recorded_answers("n-cut") == []
    # the second half, after the bot's "go on": one answer, the questions move on
    rest = "roads into Aylesbury, the A41 is gridlocked from 8 every morning"
    events = [user_event("we need better"), {"event": "bot", "text": message("go_on")}]
    tracker = make_tracker("n-cut", rest, slots=slots, events=events, active_loop="strategy_form")
    result = form.validate_seabed_answer(rest, CollectingDispatcher(), tracker, {})
    assert result == {"seabed_answer": DONE, "pending_questions": []}
    assert [(a.question_key, a.text) for a in service.recorded_answers("n-cut")] == [
        (ROADS, f"we need better {rest}")
    ]


def test_without_a_go_on_the_previous_message_is_not_joined(database_url: str) -> None:
    service.record_consent("n-nojoin", "rest", True)
    slots = {"seabed": ["environment_quality_of_life"], "pending_questions": [ENV]}
    text = "the river walks bring us customers all summer"
    events = [user_event("we need better")]  # said at another question, answered there
    tracker = make_tracker(
        "n-nojoin", text, slots=slots, events=events, active_loop="strategy_form"
    )
    ValidateStrategyForm().validate_seabed_answer(text, CollectingDispatcher(), tracker, {})
    assert [a.text for a in service.recorded_answers("n-nojoin")] == [text]


def test_a_student_first_message_is_welcomed_and_answered(domain: dict[str, Any]) -> None:
    text = "hi, I'm not a business, I'm a student at Bucks New Uni - can I still have my say?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("n-student", text, "nlu_fallback", slots={})
    run(ActionFallback().run(dispatcher, tracker, domain))
    sent = [m.get("response") or m.get("text") for m in dispatcher.messages]
    assert sent == ["utter_welcome", message("you_count"), "utter_privacy", "utter_ask_consent"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("does it cost anything?", "costs_nothing"),
        ("I just work here, the boss is away this week - can I still do it?", "you_count"),
        ("I own two businesses, which one shall I do?", "one_business_a_chat"),
    ],
)
def test_questions_about_taking_part_get_their_answer(
    domain: dict[str, Any], text: str, key: str
) -> None:
    # NLU's FAQ selector chose the strategy's focus or "get involved" for these
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("n-faq", text, "faq", slots={"stage": "consent"})
    run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == [message(key)]


def test_a_first_message_asking_to_take_part_as_a_researcher(
    database_url: str, domain: dict[str, Any]
) -> None:
    # NLU reads it as consent_agree; no agreement before the notice, and it is told it counts
    text = "I'm a researcher at the university, can I take part?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("n-research", text, "consent_agree", slots={})
    run(ActionRecordConsent().run(dispatcher, tracker, domain))
    sent = [m.get("response") or m.get("text") for m in dispatcher.messages]
    assert sent == ["utter_welcome", message("you_count"), "utter_privacy", "utter_ask_consent"]
    with session_scope() as session:  # nothing recorded before the notice
        assert (
            session.scalars(select(Business).where(Business.sender_id == "n-research")).all() == []
        )


def test_a_question_about_support_is_kept_as_a_view(database_url: str) -> None:
    """Money without taking part in it: "are there grants for ...?" is a view about support."""
    service.record_consent("n-support", "rest", True)
    text = "are there grants for small firms to get a test slot at Westcott?"
    result, replies = _island_answer("n-support", text)
    assert message("no_grant") not in replies
    assert [a.text for a in service.recorded_answers("n-support")] == [text]
