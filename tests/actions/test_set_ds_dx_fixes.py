"""What sets DM to DX of unseen conversations found in the actions: two drivers answered
under their names in one message (DU kept it all as the first); a view that ends "thats
all ive got time for" (DU asked the next question); a letter's opening and a formal yes
(DX kept the opening as a view and met the yes with "still not getting it"); an address
in the follow-up yes that NLU read as "forget me" (DX told the writer how to delete)."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.forgetting import ActionForget
from actions.strategy_state import DONE
from bot.consultation import service
from tests.actions.conftest import make_tracker, run, texts

DRIVERS = ["seabed:education_skills:views", "seabed:infrastructure:views"]
GREETED = ["utter_welcome", "utter_privacy", "utter_ask_consent"]


def _at_drivers(sender: str, text: str) -> tuple[dict[str, Any], CollectingDispatcher]:
    service.record_consent(sender, "rest", True)
    slots = {"pending_questions": DRIVERS, "seabed": ["education_skills", "infrastructure"]}
    tracker = make_tracker(sender, text, slots=slots, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed_answer(text, dispatcher, tracker, {})
    return result, dispatcher


def test_two_drivers_answered_under_their_names_are_stored_apart(database_url: str) -> None:
    text = (
        "In a rush so both at once. Skills: we can't find level 3 qualified staff. "
        "Infrastructure: rent for a second setting is silly money."
    )
    result, _ = _at_drivers("du1", text)
    stored = {a.question_key: a.text for a in service.recorded_answers("du1")}
    assert stored == {
        DRIVERS[0]: "we can't find level 3 qualified staff.",
        DRIVERS[1]: "rent for a second setting is silly money.",
    }
    assert result["pending_questions"] == []


def test_a_view_that_ends_the_chat_is_kept_and_the_questions_end(database_url: str) -> None:
    text = "no safe cycle path into town, the A4010 is lethal. thats all ive got time for sorry"
    result, _ = _at_drivers("du2", text)
    assert [a.text for a in service.recorded_answers("du2")] == [
        "no safe cycle path into town, the A4010 is lethal"
    ]
    assert result["seabed_answer"] == DONE and result["island_answer"] == DONE
    assert result["pending_questions"] == DRIVERS[1:]  # kept for "actually carry on"


def test_a_letters_opening_as_the_first_message_is_greeted(domain: dict[str, Any]) -> None:
    text = "Good morning. I chair an association of master thatchers in the Chilterns."
    dispatcher = CollectingDispatcher()
    run(ActionFallback().run(dispatcher, make_tracker("dx1", text, "nlu_fallback"), domain))
    assert texts(dispatcher) == GREETED


def test_a_letters_opening_read_as_forget_me_is_greeted(domain: dict[str, Any]) -> None:
    text = "Good day. I have repaired clocks and watches in Wendover for over forty years."
    dispatcher = CollectingDispatcher()
    run(ActionForget().run(dispatcher, make_tracker("dx2", text, "forget_me"), domain))
    assert texts(dispatcher) == GREETED


def test_an_address_in_the_follow_up_yes_goes_to_the_contact_form(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("dx3", "rest", True)
    text = "Yes. Kindly send any updates to secretary@cvthatchers.org.uk"
    slots = {"stage": "closing", "requested_slot": "follow_up"}
    tracker = make_tracker("dx3", text, "forget_me", slots=slots, active_loop="contact_form")
    dispatcher = CollectingDispatcher()
    events = run(ActionForget().run(dispatcher, tracker, domain))
    assert events == [{"event": "followup", "timestamp": None, "name": "contact_form"}]
    assert texts(dispatcher) == []


def test_a_driver_named_beside_one_chosen_by_its_place(database_url: str) -> None:
    service.record_consent("dy1", "rest", True)
    text = "@btvlep Of the drivers you list, skills and the last one matter most"
    tracker = make_tracker("dy1", text, "choose_theme", active_loop="strategy_form")
    result = ValidateStrategyForm().validate_seabed(text, CollectingDispatcher(), tracker, {})
    assert result["seabed"] == ["education_skills", "environment_quality_of_life"]
