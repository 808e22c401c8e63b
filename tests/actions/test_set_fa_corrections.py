"""What set FA of unseen conversations (owners who change their minds and fix mistakes, a
fourth round) found in the actions: "*Larkspur not Larksupr" at the sector question was kept
as the sector and every answer after it slid one question along; "oops, meant skills n
infrastructure not those 2. sorry!" at the first seabed question was kept as the digital
answer; "Sorry, can we go back to the last one? I've thought of something" after a skip
was kept as the skills answer; "I put Hazlemere but we actually moved to Holmer Green" at
the islands choice chose environment from the town's name; and "Actually, go on then, you
can email me about it" after a no and the goodbye was told it was doing it now."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.consent import ActionRecordConsent
from actions.fallback import ActionFallback
from actions.faq import ActionAnswerQuestion, ActionResume
from actions.profile import ValidateProfileForm
from actions.strategy_choice import choose
from bot.consultation import service
from bot.consultation.questions import message, question_queue
from tests.actions.conftest import (
    make_tracker,
    run,
    slot_event,
    stored_business,
    texts,
    user_event,
    validate_strategy_answer,
)

DRIVERS = ["entrepreneurialism", "education_skills", "environment_quality_of_life"]
THREE = question_queue(DRIVERS)


def test_a_starred_typo_named_at_the_next_question_puts_the_name_right(database_url: str) -> None:
    service.record_consent("fa1", "rest", True)
    service.save_profile("fa1", "rest", organisation="Larksupr Framing")
    said = "*Larkspur not Larksupr"
    events = [user_event("Larksupr Framing"), slot_event("organisation", "Larksupr Framing")]
    slots = {"organisation": "Larksupr Framing", "requested_slot": "sector"}
    tracker = make_tracker("fa1", said, slots=slots, events=events, active_loop="profile_form")
    sent = CollectingDispatcher()
    result = ValidateProfileForm().validate_sector(said, sent, tracker, {})
    # the name put right, and the sector question asked again (not the head count)
    assert result == {"sector": None, "organisation": "Larkspur Framing"}
    assert stored_business("fa1").organisation == "Larkspur Framing"
    assert stored_business("fa1").sector is None
    assert texts(sent) == [message("corrected_last")]


def test_the_seabed_choice_said_again_at_its_first_question_replaces_it(
    database_url: str,
) -> None:
    service.record_consent("fa2", "x", True)
    chosen = ["digital_science", "intelligent_public_services"]
    slots = {"seabed": chosen, "pending_questions": question_queue(chosen)}
    text = "@btvlep oops, meant skills n infrastructure not those 2. sorry!"
    result, said = validate_strategy_answer("seabed_answer", "fa2", text, slots)
    assert result["seabed"] == ["education_skills", "infrastructure"]
    # the new drivers' questions only: neither old driver is asked again
    assert result["pending_questions"] == question_queue(["education_skills", "infrastructure"])
    assert result["seabed_answer"] is None
    assert service.recorded_answers("fa2") == []
    assert said == [message("chosen", names="Education and skills and Infrastructure")]


def test_going_back_to_the_last_one_after_a_skip_asks_it_again(database_url: str) -> None:
    service.record_consent("fa3", "rest", True)
    slots = {"seabed": DRIVERS, "pending_questions": THREE[1:]}
    text = "Sorry, can we go back to the last one? I've thought of something"
    result, said = validate_strategy_answer("seabed_answer", "fa3", text, slots)
    # the skipped question, then the one that was pending, then the rest
    assert result["pending_questions"] == THREE
    assert result["seabed_answer"] is None
    assert said == [message("going_back_skipped")]
    assert service.recorded_answers("fa3") == []


def test_after_going_back_to_a_skipped_question_the_answer_is_kept_there(
    database_url: str,
) -> None:
    from actions.consultation import ValidateStrategyForm

    service.record_consent("fa4", "rest", True)
    text = "nobody gives advice on leisure, it's all tech start-ups"
    slots = {"seabed": DRIVERS, "pending_questions": THREE, "requested_slot": "seabed_answer"}
    events = [
        user_event("Sorry, can we go back to the last one? I've thought of something"),
        {"event": "bot", "text": message("going_back_skipped")},
    ]
    tracker = make_tracker("fa4", text, slots=slots, events=events, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_seabed_answer(
        text, CollectingDispatcher(), tracker, {}
    )
    assert result["pending_questions"] == THREE[1:]
    assert [(a.question_key, a.text) for a in service.recorded_answers("fa4")] == [(THREE[0], text)]


def test_a_move_at_the_islands_choice_changes_the_location_and_asks_again(
    database_url: str,
) -> None:
    service.record_consent("fa5", "rest", True)
    service.save_profile("fa5", "rest", location="Hazlemere", role="manager")
    text = "Sorry, before I answer, I put Hazlemere but we actually moved to Holmer Green in March"
    slots = {"location": "Hazlemere", "role": "manager", "requested_slot": "islands"}
    tracker = make_tracker("fa5", text, slots=slots, active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = choose("islands", "island_answer", text, sent, tracker)
    assert result == {"islands": None, "location": "Holmer Green"}
    assert stored_business("fa5").location == "Holmer Green"
    assert service.recorded_answers("fa5") == []  # no view, no choice
    assert texts(sent) == [message("location_corrected", location="Holmer Green")]


# --- the follow-up email wanted after a no and the goodbye -----------------------------------

WANTS = "Actually, go on then, you can email me about it"


def _declined(sender: str) -> dict[str, Any]:
    service.record_consent(sender, "rest", True)
    service.set_contact(sender, "rest", None, False)
    return {"stage": "closed", "consent": True, "follow_up": False}


@pytest.mark.parametrize(
    ("action", "intent", "after"),
    [
        # a question NLU read: nothing said after the ask (the resume would say we finished)
        (ActionAnswerQuestion, "faq", [FollowupAction("action_listen")]),
        (ActionFallback, "nlu_fallback", []),
        (ActionResume, "affirm", []),
        (ActionRecordConsent, "consent_agree", [FollowupAction("action_listen")]),
    ],
)
def test_a_yes_to_emails_after_the_goodbye_asks_for_the_address(
    database_url: str, domain: dict[str, Any], action: type, intent: str, after: list[Any]
) -> None:
    slots = _declined("fa6")
    sent = CollectingDispatcher()
    events = run(action().run(sent, make_tracker("fa6", WANTS, intent, slots=slots), domain))
    assert events == after
    assert texts(sent) == [message("ask_email")]
    assert service.recorded_answers("fa6") == []  # not kept as a view


def test_the_address_given_next_is_kept_for_the_follow_up(
    database_url: str, domain: dict[str, Any]
) -> None:
    slots = _declined("fa7")
    run(
        ActionAnswerQuestion().run(
            CollectingDispatcher(), make_tracker("fa7", WANTS, "faq", slots=slots), domain
        )
    )
    sent = CollectingDispatcher()
    tracker = make_tracker("fa7", "ayesha.crowncleaners@gmail.com", "nlu_fallback", slots=slots)
    assert run(ActionFallback().run(sent, tracker, domain)) == []
    business = stored_business("fa7")
    assert (business.email, business.follow_up) == ("ayesha.crowncleaners@gmail.com", True)
    assert texts(sent) == [message("email_saved")]


@pytest.mark.parametrize("text", ["go on then", "thanks, bye", "what happens next?"])
def test_no_word_of_emails_after_the_goodbye_asks_for_no_address(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    slots = _declined("fa8")
    sent = CollectingDispatcher()
    run(ActionFallback().run(sent, make_tracker("fa8", text, "nlu_fallback", slots=slots), domain))
    assert message("ask_email") not in texts(sent)


def test_an_address_already_on_record_is_not_asked_for_again(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("fa9", "rest", True)
    service.set_contact("fa9", "rest", "ruth@larkspurframing.co.uk", True)
    slots = {"stage": "closed", "consent": True}
    sent = CollectingDispatcher()
    run(ActionFallback().run(sent, make_tracker("fa9", WANTS, "nlu_fallback", slots=slots), domain))
    assert message("ask_email") not in texts(sent)
