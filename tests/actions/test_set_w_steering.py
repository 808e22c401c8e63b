"""Set W's businesses steering the chat (benchmarks/data/conversation_probe_w.yml), through
the actions with a tracker fixture, in paraphrases the set does not use: a numbered
profile, two questions in one line, "go back to question 2", "skip the islands, go
straight to ...", a late answer named by its question, "keep my views but not my name"
and a withdrawal that asks for nothing to be kept at the play-back. Views beside the
trigger words are still stored and tagged."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.consent import ActionRecordConsent
from actions.consultation import ValidateStrategyForm
from actions.faq import ActionAnswerQuestion
from actions.forgetting import ActionForget
from actions.playback import ValidateCorrectionForm
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message
from bot.storage.db import session_scope
from bot.storage.models import Business
from tests.actions.conftest import (
    make_tracker,
    run,
    stored_business,
    texts,
    validate_strategy_answer,
)

SPACE = [f"island:space:{q}" for q in ("opportunities", "barriers", "help")]


def _consented(sender: str, **profile: str) -> None:
    service.record_consent(sender, "rest", True)
    if profile:
        service.save_profile(sender, "rest", **profile)


def test_a_numbered_profile_fills_every_field(database_url: str, domain: dict[str, Any]) -> None:
    _consented("w-list")
    text = "1. Haddenham Deli\n2. delicatessen and cafe\n3. 6 of us\n4. Haddenham\n5. manager"
    tracker = make_tracker("w-list", text, active_loop="profile_form")
    result = ValidateProfileForm().validate_organisation(
        text, CollectingDispatcher(), tracker, domain
    )
    assert result == {
        "organisation": "Haddenham Deli",
        "sector": "delicatessen and cafe",
        "size_band": "Micro (1-9 staff)",
        "location": "Haddenham",
        "role": "manager",
    }
    business = stored_business("w-list")
    assert (business.organisation, business.location) == ("Haddenham Deli", "Haddenham")


def _space(sender: str, text: str, at: int) -> tuple[dict[str, Any], list[str]]:
    slots = {"islands": ["space"], "pending_questions": SPACE[at:]}
    return validate_strategy_answer("island_answer", sender, text, slots)


def test_the_current_and_the_next_question_in_one_line(database_url: str) -> None:
    _consented("w-two")
    text = "barriers: the space primes never reply. what would help: a meet the buyer day"
    result, _ = _space("w-two", text, 1)
    assert result == {"island_answer": "(done)", "pending_questions": []}
    stored = [(a.question_key, a.text) for a in service.recorded_answers("w-two")]
    assert stored == [
        (SPACE[1], "the space primes never reply."),
        (SPACE[2], "a meet the buyer day"),
    ]


def test_question_places_as_labels_at_the_second_question(database_url: str) -> None:
    # "first one" at the second question: a late answer to the first, kept there
    _consented("w-places")
    text = "q1: satellite testing at Westcott. q2: no clean room staff. q3: a skills bootcamp"
    result, _ = _space("w-places", text, 1)
    assert result["pending_questions"] == []
    assert [a.question_key for a in service.recorded_answers("w-places")] == SPACE


@pytest.mark.parametrize(
    "text",
    ["can we go back to question 1 please", "sorry, back to the opportunities one"],
)
def test_going_back_asks_that_question_again_then_the_pending(database_url: str, text: str) -> None:
    _consented("w-back")
    result, said = _space("w-back", text, 2)
    assert result == {"island_answer": None, "pending_questions": [SPACE[0], SPACE[2]]}
    assert said == [message("going_back")]
    assert service.recorded_answers("w-back") == []


@pytest.mark.parametrize(
    "text",
    [
        "go back to question 1 - the satellite testing centre at Westcott needs clean rooms",
        "back to the first question, space firms at Westcott need machined parts too",
        "can I go back to q1, the Westcott space cluster wants more suppliers like us",
    ],
)
def test_going_back_with_a_view_keeps_it_tagged_against_that_question(
    database_url: str, text: str
) -> None:
    _consented("w-back-view")
    result, said = _space("w-back-view", text, 2)
    assert result == {"island_answer": None}
    [answer] = service.recorded_answers("w-back-view")
    assert answer.question_key == SPACE[0] and "Westcott" in answer.text
    assert "space" in answer.themes
    assert said == [message("earlier_added", name="Space")]


def test_after_going_back_an_also_answers_that_question(database_url: str) -> None:
    from tests.actions.conftest import user_event

    _consented("w-also")
    events = [
        user_event("can we go back to question 2"),
        {"event": "bot", "text": message("going_back")},
        {"event": "bot", "text": "Space: what barriers or problems hold you back?"},
    ]
    text = "also business rates at the Westcott space park went up"
    slots = {"islands": ["space"], "pending_questions": [SPACE[1], SPACE[2]]}
    tracker = make_tracker("w-also", text, slots=slots, events=events, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_island_answer(
        text, CollectingDispatcher(), tracker, {}
    )
    assert result["pending_questions"] == [SPACE[2]]
    [answer] = service.recorded_answers("w-also")
    assert answer.question_key == SPACE[1]


@pytest.mark.parametrize(
    ("text", "seabed"),
    [
        ("skip the islands, take me straight to the housing one", ["housing_growth"]),
        ("none of the islands. jump to infrastructure please", ["infrastructure"]),
    ],
)
def test_skipping_the_islands_goes_straight_to_the_driver(
    database_url: str, text: str, seabed: list[str]
) -> None:
    _consented("w-straight")
    tracker = make_tracker("w-straight", text, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_islands(text, CollectingDispatcher(), tracker, {})
    assert result["seabed"] == seabed and result["islands"] == []
    assert service.recorded_answers("w-straight") == []


@pytest.mark.parametrize(
    "text",
    [
        "skip the islands, go straight to skills because we can't find apprentices anywhere",
        "none of the islands, take me to housing - new housing estates need our scaffolding",
        "not the islands, go to infrastructure: the roads and broadband round Thame are awful",
    ],
)
def test_a_view_beside_going_straight_on_is_kept_and_tagged(database_url: str, text: str) -> None:
    _consented("w-straight-view")
    tracker = make_tracker("w-straight-view", text, active_loop="strategy_form")
    ValidateStrategyForm().validate_islands(text, CollectingDispatcher(), tracker, {})
    [answer] = service.recorded_answers("w-straight-view")
    assert answer.themes


def test_a_late_answer_named_by_its_question_is_kept_there(database_url: str) -> None:
    _consented("w-late")
    service.record_answer("w-late", "rest", "supply chain work at Westcott", SPACE[0], None)
    service.record_answer("w-late", "rest", "nobody knows us", SPACE[1], None)
    text = "going back to the opportunities bit, the Westcott space park needs clean rooms"
    result, _ = _space("w-late", text, 2)
    assert result == {"island_answer": None}
    # joined to the answer already given there: one answer per question (set BP)
    said = [(a.question_key, a.text) for a in service.recorded_answers("w-late")]
    assert [key for key, _ in said] == [SPACE[0], SPACE[1]]
    assert "supply chain work" in said[0][1] and "clean rooms" in said[0][1]


PLAYBACK = {"consent": True, "stage": "playback"}


def _named(sender: str) -> None:
    _consented(sender, organisation="Chiltern Farm Shop", sector="farm shop", role="owner")
    service.record_answer(sender, "rest", "nowhere to park for walkers", SPACE[0], None)


def _fields(sender: str) -> tuple[Any, ...]:
    business = stored_business(sender)
    return business.organisation, business.role, business.sector


@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionAnswerQuestion(), "faq"), (ActionForget(), "forget_me")],
)
def test_keep_my_views_but_not_my_name_whatever_nlu_read(
    database_url: str, domain: dict[str, Any], action: Any, intent: str
) -> None:
    _named("w-name")
    dispatcher = CollectingDispatcher()
    text = "you can use what I said, but please leave our business name off it"
    run(action.run(dispatcher, make_tracker("w-name", text, intent, slots=PLAYBACK), domain))
    assert texts(dispatcher)[0] == message("name_dropped")
    assert _fields("w-name") == (None, None, "farm shop")
    assert len(service.recorded_answers("w-name")) == 1


def test_keep_my_views_but_not_my_name_at_the_correction(
    database_url: str, domain: dict[str, Any]
) -> None:
    _named("w-name-fix")
    text = "leave the answers as they are but remove my name please"
    tracker = make_tracker("w-name-fix", text, "deny", slots=PLAYBACK)
    dispatcher = CollectingDispatcher()
    result = run(ValidateCorrectionForm().extract_theme_correction(dispatcher, tracker, domain))
    assert result == {"theme_correction": "(view added)"}
    assert _fields("w-name-fix")[0] is None


def test_a_withdrawal_at_the_playback_that_asks_nothing_be_kept_deletes_everything(
    database_url: str, domain: dict[str, Any]
) -> None:
    _named("w-pull")
    text = "on reflection I don't want to take part, do not keep my answers"
    tracker = make_tracker("w-pull", text, "consent_decline", slots=PLAYBACK)
    dispatcher = CollectingDispatcher()
    events = run(ActionRecordConsent().run(dispatcher, tracker, domain))
    assert texts(dispatcher)[0] == message("forgotten")
    assert [e["event"] for e in events] == ["active_loop", "reset_slots", "followup"]
    assert service.recorded_answers("w-pull") == []
    with session_scope() as session:
        assert session.scalars(select(Business)).all() == []


def test_declining_before_taking_part_is_still_a_decline(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "no thanks, please don't keep anything I say"
    tracker = make_tracker("w-decline", text, "consent_decline")
    events = run(ActionRecordConsent().run(CollectingDispatcher(), tracker, domain))
    assert {"event": "slot", "name": "stage", "value": "declined", "timestamp": None} in events


def test_not_my_name_read_as_declining_drops_the_name_and_resumes(
    database_url: str, domain: dict[str, Any]
) -> None:
    _named("w-name-decline")
    text = "I don't want our business name on it, the answers are fine"
    tracker = make_tracker("w-name-decline", text, "consent_decline", slots=PLAYBACK)
    dispatcher = CollectingDispatcher()
    events = run(ActionRecordConsent().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == [message("name_dropped")]
    assert events == [{"event": "followup", "name": "action_resume", "timestamp": None}]
    assert _fields("w-name-decline")[:2] == (None, None)
    assert service.is_consented("w-name-decline") is True
