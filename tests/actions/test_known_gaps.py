"""Known gaps left open by the third round of unseen conversations, fixed in the actions:
"not sure tbh" / "dunno" / "pass" are never a view whatever NLU read them as, a one-word
subject ("parking") is an answer whatever intent NLU gave it, "negative" / "nope not
really" is a no, and "carry on" after stopping half-way through the profile goes back
to it."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.close import ValidateContactForm
from actions.consultation import ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.profile_save import ActionResumeProfile, ActionSaveProfile
from bot.consultation import service
from bot.consultation.questions import SKIPPED, message
from bot.storage.db import session_scope
from bot.storage.models import Business
from tests.actions.conftest import make_tracker, run, slot_sets, texts

QUEUE = ["island:space:opportunities", "island:space:barriers", "island:space:help"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("not sure tbh", "inform"),
        ("dunno", "nlu_fallback"),
        ("no idea tbh", "inform"),
        ("pass", "skip"),
        ("nope not really", "deny"),
        ("negative", "choose_theme"),
    ],
)
def test_nothing_to_say_at_an_open_question_is_not_stored(
    text: str, intent: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict
) -> None:
    service.record_consent("g1", "rest", True)
    slots = {"islands": ["space"], "pending_questions": QUEUE}
    result = ValidateStrategyForm().validate_island_answer(
        text, dispatcher, make_tracker("g1", text, intent, slots=slots), domain
    )
    assert result == {"island_answer": None, "pending_questions": QUEUE[1:]}  # the next one
    assert service.recorded_answers("g1") == []


@pytest.mark.parametrize("intent", ["inform", "choose_theme", "nlu_fallback", "faq", "hold"])
@pytest.mark.parametrize("text", ["parking", "broadband", "apprenticeships"])
def test_a_one_word_subject_is_an_answer_whatever_nlu_read(
    text: str, intent: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict
) -> None:
    service.record_consent("g2", "rest", True)
    slots = {"islands": ["space"], "pending_questions": QUEUE, "requested_slot": "island_answer"}
    tracker = make_tracker("g2", text, intent, slots=slots)
    form = ValidateStrategyForm()
    extracted = run(form.extract_island_answer(dispatcher, tracker, domain))
    value = extracted.get("island_answer", text)  # from_text fills it for other intents
    assert value == text
    form.validate_island_answer(value, dispatcher, tracker, domain)
    answers = service.recorded_answers("g2")
    assert [(a.question_key, a.text) for a in answers] == [(QUEUE[0], text)]


@pytest.mark.parametrize(
    ("text", "intent"),
    [("negative", "choose_theme"), ("nope not really", "inform"), ("nah ta", "deny")],
)
def test_a_plain_no_to_the_follow_up_question(
    text: str, intent: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict
) -> None:
    service.record_consent("g3", "rest", True)
    result = ValidateContactForm().validate_follow_up(
        text, dispatcher, make_tracker("g3", text, intent), domain
    )
    assert result == {"follow_up": False, "email": SKIPPED}
    with session_scope() as s:
        assert s.scalars(select(Business)).one().follow_up is False


def test_a_plain_yes_to_the_follow_up_question_that_nlu_missed(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict
) -> None:
    result = ValidateContactForm().validate_follow_up(
        "yeah go on then", dispatcher, make_tracker("g4", "yeah go on then", "nlu_fallback"), domain
    )
    assert result == {"follow_up": True}


@pytest.mark.parametrize("text", ["not sure tbh", "dunno", "nope", "cheers"])
def test_nothing_to_say_after_closing_is_not_stored(
    text: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict
) -> None:
    service.record_consent("g5", "rest", True)
    tracker = make_tracker("g5", text, "inform", slots={"stage": "closed", "consent": True})
    run(ActionFallback().run(dispatcher, tracker, domain))
    assert service.recorded_answers("g5") == []
    assert "added that" not in " ".join(texts(dispatcher))


def test_stopping_half_way_through_the_profile_is_remembered(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict
) -> None:
    service.record_consent("g6", "rest", True)
    half = {"organisation": "Acme Widgets", "sector": SKIPPED}
    events = run(
        ActionSaveProfile().run(dispatcher, make_tracker("g6", "stop", slots=half), domain)
    )
    assert slot_sets(events) == {"stage": "strategy", "profile_stopped": True}
    full = dict(half, size_band=SKIPPED, location="Amersham", role="owner")
    events = run(ActionSaveProfile().run(dispatcher, make_tracker("g6", "x", slots=full), domain))
    assert slot_sets(events) == {"stage": "strategy", "profile_stopped": False}


def test_carrying_on_goes_back_to_the_profile(
    dispatcher: CollectingDispatcher, domain: dict
) -> None:
    tracker = make_tracker("g7", "actually continue", "carry_on", slots={"profile_stopped": True})
    events = run(ActionResumeProfile().run(dispatcher, tracker, domain))
    assert slot_sets(events) == {"stage": "profile", "profile_stopped": False}
    assert texts(dispatcher) == [message("carry_on")]


def test_choosing_islands_ends_the_profile_carry_on(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker("g8", "space", "choose_theme", slots={"profile_stopped": True})
    result = ValidateStrategyForm().validate_islands("space", dispatcher, tracker, domain)
    assert result["islands"] == ["space"] and result["profile_stopped"] is False
