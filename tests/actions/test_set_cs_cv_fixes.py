"""What sets CS to CV of unseen conversations found in the actions: a no to the mailing list
that NLU read as leaving was told the questions had stopped (CT); a no with its reason that
NLU could not place was "I didn't understand" (CU); "can u take our company name off this?"
at an island question was kept as the answer (CT); "plus 4 students at weekends" after the
head count was filed as the town (CS)."""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ActionClose
from actions.fallback import ActionFallback
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import (
    make_tracker,
    run,
    stored_business,
    texts,
    validate_strategy_answer,
)

SMALL = "Small (10-49 staff)"
FOLLOW_UP_ASKED = [{"event": "bot", "text": message("ask_follow_up")}]


def test_leaving_at_the_follow_up_question_is_a_no_to_the_email_and_goodbye(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ct1", "rest", True)
    service.record_answer("ct1", "rest", "the lanes flood every winter", "island:x", None)
    text = "I'd rather not be on a mailing list, thanks."
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "ct1", text, "consent_decline", slots={"consent": True}, events=FOLLOW_UP_ASKED
    )
    events = run(ActionClose().run(dispatcher, tracker, domain))
    assert SlotSet("stage", "closed") in events
    assert texts(dispatcher) == [message("goodbye")]
    assert [a.text for a in service.recorded_answers("ct1")] == ["the lanes flood every winter"]


def test_leaving_mid_way_is_still_told_the_questions_stopped(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ct2", "rest", True)
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "ct2", "I've changed my mind", "consent_decline", slots={"consent": True}
    )
    run(ActionClose().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == ["utter_stopped_taking_part"]


def test_a_no_with_its_reason_nlu_could_not_place_at_the_follow_up_is_a_no(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("cu1", "rest", True)
    text = "No thanks, I get enough emails I never read."
    slots = {"consent": True, "stage": "playback", "requested_slot": "follow_up"}
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("cu1", text, "nlu_fallback", slots=slots, active_loop="contact_form")
    events = run(ActionFallback().run(dispatcher, tracker, domain))
    assert SlotSet("follow_up", False) in events
    assert dispatcher.messages == []


def test_the_name_taken_off_at_an_island_question_is_no_answer(database_url: str) -> None:
    service.record_consent("ct3", "rest", True)
    service.save_profile("ct3", "rest", organisation="Volt Rover", role="founder")
    text = (
        "@btvlep b4 i go on, can u take our company name off this? happy for the views to "
        "count, just not with our name on"
    )
    key = "island:intelligent_mobility:barriers"
    slots = {"consent": True, "islands": ["intelligent_mobility"], "pending_questions": [key]}
    result, replies = validate_strategy_answer("island_answer", "ct3", text, slots)
    assert result == {"island_answer": None}  # the same question again
    assert replies == [message("name_dropped")]
    assert stored_business("ct3").organisation is None
    assert service.recorded_answers("ct3") == []


def test_more_people_after_the_head_count_put_the_band_right_not_the_town(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("cs1", "rest", True)
    history = [
        {"event": "user", "text": "12 on the payroll"},
        {"event": "slot", "name": "size_band", "value": SMALL},
        {"event": "bot", "text": "Where in Buckinghamshire are you based (town or area)?"},
    ]
    text = "plus 4 students at weekends"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("cs1", text, slots={"size_band": SMALL}, events=history)
    result = ValidateProfileForm().validate_location(text, dispatcher, tracker, domain)
    assert result == {"location": None, "size_band": SMALL}
    assert stored_business("cs1").location is None


def test_an_answer_for_a_theme_to_come_is_kept_against_it(database_url: str) -> None:
    service.record_consent("cs2", "rest", True)
    housing, environment = "seabed:housing_growth:views", "seabed:environment_quality_of_life:views"
    text = (
        "@btvlep the new builds round aylesbury all want a stove but the builders wont put a "
        "flue in. and on the environment one, customers r scared off wood burners by the air "
        "quality stories"
    )
    slots = {
        "seabed": ["housing_growth", "environment_quality_of_life"],
        "pending_questions": [housing, environment],
    }
    result, _ = validate_strategy_answer("seabed_answer", "cs2", text, slots)
    assert result["pending_questions"] == []
    said = {a.question_key: a.text for a in service.recorded_answers("cs2")}
    assert said[housing].endswith("wont put a flue in.")
    assert said[environment].startswith("customers r scared off wood burners")
