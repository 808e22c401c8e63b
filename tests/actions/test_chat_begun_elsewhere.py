"""A chat begun elsewhere, "I began this on twitter, can I finish it here?": the served model
read it as `stop`, so as a first message it got the consent question with no welcome, and
mid-way through it would have ended the questions. The reply classifier now reads it as a
question whatever the model says (bot/nlu/reply_intents.py); here, with the intent it sets,
what the actions the rules then run say and keep: the first message is welcomed and told
the chats are separate before the notice and the consent question, mid-way it is answered
and the question asked again, and nothing is recorded, ended or deleted. Real stops are
left as stops."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.consent import PRIVACY_NOTICE
from actions.consultation import DONE, ValidateStrategyForm
from actions.faq import ActionAnswerQuestion, ActionResume
from bot.consultation import service
from bot.consultation.questions import message
from bot.nlu.reply_intents import certain_intent
from bot.storage.db import session_scope
from bot.storage.models import Business
from tests.actions.conftest import CONSENT_SHOWN, make_tracker, run, slot_sets, texts

SKILLS, ROADS = "seabed:education_skills:views", "seabed:infrastructure:views"
STRATEGY = {
    "consent": True,
    "stage": "strategy",
    "seabed": ["education_skills", "infrastructure"],
    "pending_questions": [ROADS],
    "requested_slot": "seabed_answer",
}
# What the model read them as (stop 0.74, stop 0.61, faq, nlu_fallback, consent_decline)
BEGUN_ELSEWHERE = [
    ("I began this on twitter, can I finish it here?", "stop"),
    ("started this on X, can I finish here", "stop"),
    ("i did some of this via twitter can i finish on the website", "faq"),
    ("I was halfway through on X, can I complete it here?", "nlu_fallback"),
    ("can i complete the survey i began on twitter", "consent_decline"),
]


def _turn(
    sender: str, text: str, read_as: str, actions: list[Action], **tracker: Any
) -> tuple[list[str], list[dict[str, Any]]]:
    """The intent the reply classifier sets on what the model read, then the actions the
    `faq` rules run for it: what was said and the events returned."""
    intent = certain_intent(text, read_as) or read_as
    assert intent == "faq"
    dispatcher, events = CollectingDispatcher(), []
    for action in actions:
        events += run(action.run(dispatcher, make_tracker(sender, text, intent, **tracker), {}))
    return texts(dispatcher), events


@pytest.mark.parametrize(("text", "read_as"), BEGUN_ELSEWHERE)
def test_a_first_message_about_a_chat_begun_elsewhere_is_welcomed_and_answered(
    database_url: str, domain: dict[str, Any], text: str, read_as: str
) -> None:
    # "answer a question, then return to where the business was": the answer, then the ask
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("else-first", text, certain_intent(text, read_as) or read_as)
    events = run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    events += run(ActionResume().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == [
        "utter_welcome",
        message("other_channel"),
        PRIVACY_NOTICE,
        "utter_ask_consent",
    ]
    assert slot_sets(events) == {}
    with session_scope() as session:  # nothing recorded before the notice
        assert (
            session.scalars(select(Business).where(Business.sender_id == "else-first")).all() == []
        )


def test_after_the_consent_question_it_is_answered_without_a_second_welcome(
    domain: dict[str, Any],
) -> None:
    text = "I began this on twitter, can I finish it here?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("else-consent", text, "faq", events=CONSENT_SHOWN)
    run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    run(ActionResume().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == [message("other_channel"), "utter_ask_consent"]


@pytest.mark.parametrize(
    "text",
    [
        "I began this on twitter earlier, can I finish it here?",
        "can I finish what I started on twitter?",
        "I did half of this on my phone earlier, can I finish it here?",
    ],
)
def test_mid_consultation_it_is_answered_and_nothing_ends_or_is_deleted(
    database_url: str, text: str
) -> None:
    # "question inside strategy_form": answered, then the form asks the roads question again
    service.record_consent("else-mid", "rest", True)
    service.record_answer("else-mid", "rest", "apprentices are impossible to find", SKILLS, None)
    said, events = _turn(
        "else-mid",
        text,
        "stop",
        [ActionAnswerQuestion()],
        slots=STRATEGY,
        active_loop="strategy_form",
    )
    assert said == [message("other_channel")]
    assert slot_sets(events) == {}
    assert [a.question_key for a in service.recorded_answers("else-mid")] == [SKILLS]
    with session_scope() as session:
        business = session.scalars(select(Business).where(Business.sender_id == "else-mid")).one()
        assert business.consent is True


def test_in_the_profile_it_is_answered_and_the_profile_goes_on(database_url: str) -> None:
    service.record_consent("else-profile", "rest", True)
    slots = {"consent": True, "stage": "profile", "requested_slot": "sector"}
    text = "I began this on twitter, can I finish it here?"
    said, events = _turn(
        "else-profile",
        text,
        "stop",
        [ActionAnswerQuestion()],
        slots=slots,
        active_loop="profile_form",
    )
    assert said == [message("other_channel")]
    assert slot_sets(events) == {}


def test_at_the_playback_it_is_answered_and_the_playback_asked_again(database_url: str) -> None:
    service.record_consent("else-play", "rest", True)
    service.record_answer("else-play", "rest", "apprentices are impossible to find", SKILLS, None)
    slots = {"consent": True, "stage": "playback"}
    text = "I was halfway through on X, can I complete it here?"
    said, _ = _turn(
        "else-play", text, "stop", [ActionAnswerQuestion(), ActionResume()], slots=slots
    )
    assert said == [message("other_channel"), "utter_ask_playback_ok"]
    assert [a.question_key for a in service.recorded_answers("else-play")] == [SKILLS]


def test_with_a_view_beside_it_the_view_is_kept_and_the_questions_go_on(database_url: str) -> None:
    # read as stop, set to inform: the form's validation keeps the view
    service.record_consent("else-view", "rest", True)
    text = (
        "I started this on X yesterday, can I finish here? the roads and transport links are awful"
    )
    assert certain_intent(text, "stop") == "inform"
    tracker = make_tracker("else-view", text, "inform", slots=STRATEGY, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_seabed_answer(
        text, CollectingDispatcher(), tracker, {}
    )
    assert result["seabed_answer"] == DONE
    assert [a.question_key for a in service.recorded_answers("else-view")] == [ROADS]


@pytest.mark.parametrize(
    "text",
    [
        "stop",
        "I want to finish now",
        "can I finish here?",
        "can I finish it here?",
        "I started this on X but I want to stop now",
    ],
)
def test_a_real_stop_is_still_a_stop(text: str) -> None:
    # the stop rules (the play-back mid-questions) run as before
    assert certain_intent(text, "stop") is None


@pytest.mark.parametrize("text", ["I want to finish now", "fine just finish it"])
def test_finishing_that_nlu_missed_still_ends_the_questions(database_url: str, text: str) -> None:
    service.record_consent("else-stop", "rest", True)
    tracker = make_tracker("else-stop", text, "inform", slots=STRATEGY, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_seabed_answer(
        text, CollectingDispatcher(), tracker, {}
    )
    assert result["seabed_answer"] == DONE
    assert service.recorded_answers("else-stop") == []
