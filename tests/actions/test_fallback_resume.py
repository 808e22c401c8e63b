"""Fallbacks (two in a row offer a person) and returning to where the business was."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionFallback, fallbacks_in_a_row
from actions.faq import ActionResume
from tests.actions.conftest import action_event, make_tracker, run, texts, user_event


def test_first_fallback_offers_options(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        text="blorp",
        intent="nlu_fallback",
        slots={"stage": "consent"},
        events=[action_event("action_listen")],
    )
    run(ActionFallback().run(dispatcher, tracker, domain))
    message = dispatcher.messages[0]
    assert "didn't understand" in message["text"]
    payloads = [b["payload"] for b in message["buttons"]]
    assert "/consent_agree" in payloads


def test_second_fallback_in_a_row_offers_a_person(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    history = [
        action_event("utter_declined"),
        action_event("action_listen"),
        user_event("blorp", "nlu_fallback"),
        action_event("action_fallback"),
        action_event("action_listen"),
    ]
    tracker = make_tracker(text="glorp", intent="nlu_fallback", events=history)
    run(ActionFallback().run(dispatcher, tracker, domain))
    text = texts(dispatcher)[0]
    assert "Lisa McCance" in text and "020 7756 7600" in text and "#bucksLIS" in text


def test_fallback_count_resets_after_another_action() -> None:
    events = [
        action_event("action_fallback"),
        action_event("action_listen"),
        action_event("action_answer_question"),
        action_event("action_listen"),
    ]
    assert fallbacks_in_a_row(events) == 0


def test_resume_re_asks_by_stage(dispatcher: CollectingDispatcher, domain: dict[str, Any]) -> None:
    shown = [action_event("utter_privacy")]  # greeted first: the notice is not shown again
    run(
        ActionResume().run(
            dispatcher, make_tracker(slots={"stage": "consent"}, events=shown), domain
        )
    )
    run(ActionResume().run(dispatcher, make_tracker(slots={"stage": "playback"}), domain))
    run(ActionResume().run(dispatcher, make_tracker(slots={"stage": "declined"}), domain))
    assert [m.get("response") for m in dispatcher.messages[:2]] == [
        "utter_ask_consent",
        "utter_ask_playback_ok",
    ]
    assert dispatcher.messages[2]["buttons"][0]["payload"] == "/consent_agree"


def test_resume_is_silent_inside_a_form(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(slots={"stage": "strategy"}, active_loop="strategy_form")
    run(ActionResume().run(dispatcher, tracker, domain))
    assert dispatcher.messages == []


def test_a_view_before_consent_says_why_it_is_not_noted_yet(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "the roads round Aylesbury are a disaster and nobody listens"
    tracker = make_tracker(text=text, intent="inform", events=[action_event("action_listen")])
    run(ActionFallback().run(dispatcher, tracker, domain))
    notice, message = dispatcher.messages  # the privacy notice first: nothing shown it yet
    assert notice["response"] == "utter_privacy"
    assert message["response"] == "utter_view_before_consent"
    assert message["buttons"][0]["payload"] == "/consent_agree"
    for stage, response in [
        ("declined", "utter_view_while_declined"),
        ("closed", "utter_view_after_close"),
    ]:
        dispatcher.messages.clear()
        tracker = make_tracker(text=text, intent="inform", slots={"stage": stage})
        run(ActionFallback().run(dispatcher, tracker, domain))
        assert dispatcher.messages[0]["response"] == response
        assert response in domain["responses"]


def test_an_unplaced_sentence_after_closing_is_taken_as_a_view(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "oh and another thing, the broadband is rubbish"
    tracker = make_tracker(text=text, intent="nlu_fallback", slots={"stage": "closed"})
    run(ActionFallback().run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["response"] == "utter_view_after_close"
    dispatcher.messages.clear()
    tracker = make_tracker(text="blorp", intent="nlu_fallback", slots={"stage": "closed"})
    run(ActionFallback().run(dispatcher, tracker, domain))
    assert "didn't understand" in texts(dispatcher)[0]
