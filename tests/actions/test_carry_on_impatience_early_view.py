"""What the third set of unseen conversations (benchmarks/data/conversation_probe_c.yml)
found, fixed in the actions and kept so: losing patience is not a view, "fine just finish
it" ends the questions, "actually carry on" after stopping goes back to them, a head count
corrected at a later question changes the size band, and a view given before the consent
question is kept once the business agrees."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.consent import ActionRecordConsent
from actions.consultation import DONE, ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.profile import ValidateProfileForm
from actions.strategy_ask import ActionCarryOn
from bot.consultation import service
from bot.consultation.focus import focus_answer
from bot.consultation.questions import SKIPPED, message
from tests.actions.conftest import action_event, make_tracker, run, slot_sets, texts, user_event

ISLAND_QUEUE = ["island:creative_digital:barriers", "island:creative_digital:help"]


def _bot(domain: dict[str, Any], response: str) -> dict[str, Any]:
    return {"event": "bot", "text": domain["responses"][response][0]["text"], "metadata": {}}


def test_losing_patience_is_not_stored_and_says_how_to_finish(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("i1", "rest", True)
    text = "ffs this is taking ages"
    slots = {"islands": ["creative_digital"], "pending_questions": ISLAND_QUEUE}
    result = ValidateStrategyForm().validate_island_answer(
        text, dispatcher, make_tracker("i1", text, slots=slots), domain
    )
    assert result == {"island_answer": None}  # the same question again
    assert texts(dispatcher) == [message("impatient")]
    assert "finish" in message("impatient")
    assert service.recorded_answers("i1") == []


def test_finishing_in_a_few_words_ends_the_questions_and_keeps_the_queue(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("f1", "rest", True)
    text = "fine just finish it"
    slots = {"islands": ["creative_digital"], "pending_questions": ISLAND_QUEUE}
    result = ValidateStrategyForm().validate_island_answer(
        text, dispatcher, make_tracker("f1", text, slots=slots), domain
    )
    assert result == {"island_answer": DONE, "seabed": [], "seabed_answer": DONE}
    assert service.recorded_answers("f1") == []


def test_carrying_on_after_stopping_among_the_island_questions(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    slots = {
        "islands": ["creative_digital"],
        "pending_questions": ISLAND_QUEUE,
        "island_answer": DONE,
        "seabed": [],
        "seabed_answer": DONE,
        "stage": "playback",
    }
    tracker = make_tracker("k1", "actually carry on", "carry_on", slots=slots)
    events = run(ActionCarryOn().run(dispatcher, tracker, domain))
    assert slot_sets(events) == {
        "stage": "strategy",
        "island_answer": None,
        "seabed": None,
        "seabed_answer": None,
    }
    assert texts(dispatcher) == [message("carry_on")]


def test_carrying_on_among_the_seabed_questions_keeps_the_islands(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    slots = {
        "islands": [],
        "island_answer": DONE,
        "seabed": ["infrastructure"],
        "pending_questions": ["seabed:infrastructure:views"],
        "seabed_answer": DONE,
    }
    tracker = make_tracker("k2", "keep going", "carry_on", slots=slots)
    events = run(ActionCarryOn().run(dispatcher, tracker, domain))
    assert slot_sets(events) == {"stage": "strategy", "seabed_answer": None}


def test_carrying_on_with_nothing_left_says_so(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    slots = {"islands": [], "island_answer": DONE, "seabed": [], "seabed_answer": DONE}
    tracker = make_tracker("k3", "carry on", "carry_on", slots=slots)
    events = run(ActionCarryOn().run(dispatcher, tracker, domain))
    assert slot_sets(events) == {"stage": "strategy"}
    assert texts(dispatcher) == [message("nothing_left")]


def test_a_head_count_corrected_at_a_later_question(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("h1", "rest", True)
    service.save_profile("h1", "rest", size_band="Micro (1-9 staff)")
    text = "actually we're 60 staff not 6"
    tracker = make_tracker("h1", text, slots={"size_band": "Micro (1-9 staff)"})
    result = ValidateProfileForm().validate_location(text, dispatcher, tracker, domain)
    assert result == {"location": None, "size_band": "Medium (50-249 staff)"}
    assert texts(dispatcher) == [message("size_band_corrected", band="Medium (50-249 staff)")]
    # a town is still a town
    town = ValidateProfileForm().validate_location(
        "Beaconsfield", CollectingDispatcher(), make_tracker("h1", "Beaconsfield"), domain
    )
    assert town == {"location": "Beaconsfield"}


def _first_message_view(domain: dict[str, Any], view: str) -> list[dict[str, Any]]:
    return [
        user_event(view, "inform"),
        action_event("action_fallback"),
        _bot(domain, "utter_privacy"),
        _bot(domain, "utter_view_before_consent"),
    ]


def test_a_view_before_consent_is_kept_once_the_business_agrees(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    view = "we can't find skilled machinists, every apprentice we train gets poached"
    tracker = make_tracker("v1", "yes fine", "affirm", events=_first_message_view(domain, view))
    run(ActionRecordConsent().run(dispatcher, tracker, domain))
    answers = service.recorded_answers("v1")
    assert [(a.question_key, a.text) for a in answers] == [(service.BEFORE_CONSENT, view)]
    assert texts(dispatcher) == [message("early_view_noted")]


def test_a_view_before_consent_is_not_kept_on_a_decline_or_after_one(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    view = "the A418 floods every winter and lorries can't reach us"
    events = _first_message_view(domain, view)
    run(
        ActionRecordConsent().run(
            dispatcher, make_tracker("v2", "no", "deny", events=events), domain
        )
    )
    assert service.recorded_answers("v2") == []
    # declined, then "I'd like to take part": the earlier view was said before the decline
    later = [*events, user_event("no", "deny"), action_event("action_record_consent")]
    tracker = make_tracker("v2", "I'd like to take part", "consent_agree", events=later)
    run(ActionRecordConsent().run(CollectingDispatcher(), tracker, domain))
    assert service.recorded_answers("v2") == []


def test_a_name_sent_before_consent_is_no_view_once_the_business_agrees(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    # "Jade Lantern Chinese Takeaway" at the consent question (set DM played it back as a view)
    events = _first_message_view(domain, "Jade Lantern Chinese Takeaway")
    run(
        ActionRecordConsent().run(
            dispatcher, make_tracker("v3", "ok yes", "affirm", events=events), domain
        )
    )
    assert service.recorded_answers("v3") == []


def test_a_trade_nlu_was_unsure_was_agreement_asks_for_the_yes_again(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    # "takeaway, Chinese and Cantonese food" read as agreeing at 0.57 (set DM: every profile
    # answer after it went one question out of step)
    events = [action_event("utter_privacy"), action_event("utter_ask_consent")]
    trade = "takeaway, Chinese and Cantonese food"
    unsure = make_tracker("v4", trade, "consent_agree", events=events)
    unsure.latest_message["intent"]["confidence"] = 0.57
    out = run(ActionRecordConsent().run(dispatcher, unsure, domain))
    assert texts(dispatcher) == [message("take_part_first"), "utter_ask_consent"]
    assert "consent" not in slot_sets(out)
    sure = make_tracker("v4", trade, "consent_agree", events=events)
    assert slot_sets(run(ActionRecordConsent().run(CollectingDispatcher(), sure, domain)))[
        "consent"
    ]


def test_answers_given_before_are_kept_when_the_form_restarts(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    """Carrying on restarts the form, which validates the slots it already has again."""
    service.record_consent("r1", "rest", True)
    slots = {"islands": ["creative_digital"], "pending_questions": ISLAND_QUEUE}
    tracker = make_tracker("r1", "actually carry on, there's more", "carry_on", slots=slots)
    form = ValidateStrategyForm()
    chosen = ["creative_digital"]
    assert form.validate_islands(chosen, dispatcher, tracker, domain) == {"islands": chosen}
    assert form.validate_seabed([], dispatcher, tracker, domain) == {"seabed": []}
    assert form.validate_island_answer(DONE, dispatcher, tracker, domain) == {"island_answer": DONE}
    assert texts(dispatcher) == []
    assert service.recorded_answers("r1") == []


def test_a_question_that_goes_on_before_consent_is_answered_not_kept(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    """NLU read "is this only for tech companies? we're a garden centre" as a view: the
    FAQ selector's sure answer is given, and it is no view to note once agreed."""
    text = "is this only for tech companies? we're a garden centre"
    tracker = make_tracker("q2", text, "inform", events=[action_event("utter_privacy")])
    tracker.latest_message["response_selector"] = {
        "faq": {"response": {"intent_response_key": "faq/focus", "confidence": 0.99}}
    }
    run(ActionFallback().run(dispatcher, tracker, domain))
    said = texts(dispatcher)
    assert said[0] == focus_answer()
    assert "utter_view_before_consent" not in said


def test_a_greeting_in_another_language_nlu_missed_gets_the_welcome(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker("g3", "Dzień dobry", "nlu_fallback")
    run(ActionFallback().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == ["utter_welcome", "utter_privacy", "utter_ask_consent"]
    # mid-consultation it is not a new start
    later = CollectingDispatcher()
    run(
        ActionFallback().run(
            later, make_tracker("g3", "salaam", "nlu_fallback", slots={"stage": "closed"}), domain
        )
    )
    assert "utter_welcome" not in texts(later)


def test_losing_patience_in_the_profile_skips_the_rest_of_it(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("i2", "rest", True)
    text = "this is taking forever"
    tracker = make_tracker("i2", text, slots={"organisation": "Fenny Print"})
    result = ValidateProfileForm().validate_sector(text, dispatcher, tracker, domain)
    assert result == {s: SKIPPED for s in ("sector", "size_band", "location", "role")}
    assert texts(dispatcher) == [message("profile_impatient")]
