"""What the unseen-conversation probe (benchmarks/conversation_probe.py) found, fixed in
the actions and kept so: an answer saying "soon enough" is not a request to finish, a
greeting mid-question is not an answer, a corrected answer joins the one it corrects, a
delete request is never stored, a theme chosen in words NLU took for a question is a
choice, profile answers are kept as given (and tidied), an email in a sentence is the
follow-up address, and a view sent as the very first message gets the privacy notice."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from actions.common import answer_read_as_question
from actions.consultation import ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.faq import ActionResume
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import SKIPPED, message
from tests.actions.conftest import action_event, make_tracker, run, stored_business, texts


@pytest.mark.parametrize(
    "text",
    [
        "East West Rail can't come soon enough for our staff from Bletchley",
        "the council stopped the early bus so nobody gets in before nine",
        "we have no time to train anyone properly",
        "not enough staff",
    ],
)
def test_answers_nlu_read_as_stop_are_answers(text: str) -> None:
    tracker = make_tracker("s1", text, "stop", slots={"requested_slot": "seabed_answer"})
    assert answer_read_as_question(tracker, "seabed_answer") == {"seabed_answer": text}


@pytest.mark.parametrize(
    "text", ["stop", "done", "that's enough for now", "ok I think that's all from me thanks"]
)
def test_real_requests_to_finish_still_finish(text: str) -> None:
    tracker = make_tracker("s2", text, "stop", slots={"requested_slot": "seabed_answer"})
    assert answer_read_as_question(tracker, "seabed_answer") == {}


@pytest.mark.parametrize("text", ["hello?", "hi sorry got distracted", "..."])
def test_greeting_mid_question_asks_it_again_and_stores_nothing(
    text: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("g1", "rest", True)
    pending = ["island:space:opportunities", "island:space:barriers"]
    tracker = make_tracker("g1", text, "greet", slots={"pending_questions": pending})
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, domain)
    assert result == {"island_answer": None}
    assert service.recorded_answers("g1") == []


def test_a_corrected_answer_joins_the_question_it_corrects(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("c1", "rest", True)
    first = "We supply composites to the Silverstone teams"
    service.record_answer(
        "c1", "rest", first, "island:high_performance_technology:opportunities", "q"
    )
    pending = [
        "island:high_performance_technology:barriers",
        "island:high_performance_technology:help",
    ]
    slots = {"islands": ["high_performance_technology"], "pending_questions": pending}
    text = "sorry I meant Silverstone Park, not the track"
    tracker = make_tracker("c1", text, slots=slots)
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, domain)
    assert result == {"island_answer": None}  # the barriers question is asked again
    assert [(a.question_key, a.text) for a in service.recorded_answers("c1")] == [
        ("island:high_performance_technology:opportunities", f"{first} [corrected: {text}]"),
    ]


def test_a_correction_at_the_first_question_is_an_answer(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("c2", "rest", True)
    slots = {"islands": ["space"], "pending_questions": ["island:space:opportunities"]}
    text = "sorry I meant to say the Westcott test stands"
    tracker = make_tracker("c2", text, slots=slots)
    ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, domain)
    assert [a.question_key for a in service.recorded_answers("c2")] == [
        "island:space:opportunities"
    ]


def test_a_delete_request_nlu_missed_is_never_stored(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("d1", "rest", True)
    text = "actually please delete everything I've said"
    slots = {"islands": ["space"], "pending_questions": ["island:space:barriers"]}
    tracker = make_tracker("d1", text, slots=slots)
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, domain)
    assert result == {"island_answer": None}
    assert service.recorded_answers("d1") == []
    assert texts(dispatcher) == [message("forget_how")]


def test_a_theme_choice_nlu_read_as_a_question_is_a_choice(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    form = ValidateStrategyForm()
    tracker = make_tracker("t1", "medical tech i guess", "faq", slots={"requested_slot": "islands"})
    assert run(form.extract_islands(dispatcher, tracker, domain)) == {
        "islands": "medical tech i guess"
    }
    asking = make_tracker("t1", "what's an island?", "faq", slots={"requested_slot": "islands"})
    assert run(form.extract_islands(dispatcher, asking, domain)) == {}
    seabed = make_tracker("t1", "skills i guess", "faq", slots={"requested_slot": "seabed"})
    assert run(form.extract_seabed(dispatcher, seabed, domain)) == {"seabed": "skills i guess"}


def test_a_changed_choice_keeps_the_last_theme(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "space - no wait, medical technologies"
    result = ValidateStrategyForm().validate_islands(
        text, dispatcher, make_tracker("t2", text, "choose_theme"), domain
    )
    assert result["islands"] == ["medical_technologies"]


def test_profile_answers_are_saved_as_given_and_tidied(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("p1", "rest", True)
    form = ValidateProfileForm()
    name = "its called Wendover Web ltd"
    assert form.validate_organisation(name, dispatcher, make_tracker("p1", name), domain) == {
        "organisation": "Wendover Web ltd"
    }
    size = "we're about 30"
    assert form.validate_size_band(size, dispatcher, make_tracker("p1", size), domain) == {
        "size_band": "Small (10-49 staff)"
    }
    # kept before the profile is finished: a business that leaves now keeps both
    business = stored_business("p1")
    assert (business.organisation, business.size_band) == (
        "Wendover Web ltd",
        "Small (10-49 staff)",
    )


def test_skipping_all_of_the_profile_skips_the_rest(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "can we skip all this"
    tracker = make_tracker("p2", text, "skip", slots={"organisation": "Fenny Print"})
    result = ValidateProfileForm().validate_sector(text, dispatcher, tracker, domain)
    assert result == {s: SKIPPED for s in ("sector", "size_band", "location", "role")}


@pytest.mark.parametrize("intent", ["faq", "affirm", "inform"])
def test_an_email_in_a_sentence_is_the_follow_up_address(
    intent: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("e1", "rest", True)
    text = "yeah my email is tom.reid@westcott-sat.co.uk"
    tracker = make_tracker("e1", text, intent, slots={"requested_slot": "follow_up"})
    form = ValidateContactForm()
    assert run(form.extract_follow_up(dispatcher, tracker, domain)) == {"follow_up": text}
    assert form.validate_follow_up(text, dispatcher, tracker, domain) == {
        "follow_up": True,
        "email": "tom.reid@westcott-sat.co.uk",
    }
    business = stored_business("e1")
    assert (business.email, business.follow_up) == ("tom.reid@westcott-sat.co.uk", True)
    no_email = make_tracker("e1", "what's my email for?", "faq", slots={"requested_slot": "email"})
    assert run(form.extract_email(dispatcher, no_email, domain)) == {}


def test_a_view_as_the_very_first_message_gets_the_privacy_notice(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "the A413 is a disgrace, 40 min to do 6 miles #bucksLIS"
    run(ActionFallback().run(dispatcher, make_tracker("x1", text, "inform"), domain))
    assert texts(dispatcher) == ["utter_privacy", "utter_view_before_consent"]
    again = CollectingDispatcher()
    shown = make_tracker("x1", text, "inform", events=[action_event("utter_privacy")])
    run(ActionFallback().run(again, shown, domain))
    assert texts(again) == ["utter_view_before_consent"]


def test_a_question_at_the_theme_choice_is_answered_and_the_choice_asked_again(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "can someone from the LEP call me? easier to explain on the phone"
    tracker = make_tracker("q1", text, "inform", slots={"requested_slot": "islands"})
    tracker.latest_message["response_selector"] = {
        "faq": {"response": {"intent_response_key": "faq/human", "confidence": 0.95}}
    }
    result = ValidateStrategyForm().validate_islands(text, dispatcher, tracker, domain)
    assert result == {"islands": None}
    assert texts(dispatcher) == ["utter_faq/human"]
    unsure = make_tracker("q1", "hmm not sure? maybe", "inform")
    unsure.latest_message["response_selector"] = {
        "faq": {"response": {"intent_response_key": "faq/human", "confidence": 0.2}}
    }
    quiet = CollectingDispatcher()
    ValidateStrategyForm().validate_islands("hmm not sure? maybe", quiet, unsure, domain)
    assert "utter_faq/human" not in texts(quiet)


def test_a_head_count_with_a_question_mark_is_a_size(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    form = ValidateProfileForm()
    result = form.validate_size_band("like 15?", dispatcher, make_tracker("p3", "like 15?"), domain)
    assert result == {"size_band": "Small (10-49 staff)"}
    assert dispatcher.messages == []  # not "why do we ask" (bot_help)
    asking = form.validate_size_band(
        "why do you need that?", dispatcher, make_tracker("p3", "why do you need that?"), domain
    )
    assert asking == {"size_band": None}
    assert texts(dispatcher) == ["utter_faq/bot_help"]


def test_a_question_as_the_first_message_gets_the_notice_before_the_consent_question(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    first = make_tracker("x2", "Is Westcott part of this?", "faq")
    run(ActionResume().run(dispatcher, first, domain))
    assert texts(dispatcher) == ["utter_privacy", "utter_ask_consent"]
    again = CollectingDispatcher()
    greeted = make_tracker("x2", "what's the arc?", "faq", events=[action_event("utter_privacy")])
    run(ActionResume().run(again, greeted, domain))
    assert texts(again) == ["utter_ask_consent"]
