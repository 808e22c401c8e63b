"""What set EP of unseen conversations found in the actions: questions about the strategy
asked before agreeing, at the profile, at a choice, at a question, at the play-back and at
the follow-up question, each answered with the strategy's own facts and never kept as a
view or a choice (set EP answered them with the focus, chose the island asked about, kept
one as the answer or as a view at the play-back, and asked the follow-up question again
unanswered)."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from actions.faq import ActionResume
from actions.strategy_choice import choose
from bot.consultation import service
from bot.consultation.questions import question
from bot.consultation.strategy_asides import describe
from tests.actions.conftest import (
    CONSENT_SHOWN,
    answered,
    make_tracker,
    run,
    texts,
    validate_strategy_answer,
)

AT_DRIVERS = {
    "pending_questions": ["seabed:digital_science:views", "seabed:education_skills:views"],
    "seabed": ["digital_science", "education_skills"],
}
FOLLOW_UP = {"stage": "closing", "requested_slot": "follow_up"}


def test_what_a_lis_is_before_agreeing(domain: dict[str, Any]) -> None:
    text = (
        "Before I agree to anything, what is a local industrial strategy when it's at home? "
        "Sounds like something for factories."
    )
    sent = answered(text, "focus", 0.94, events=CONSENT_SHOWN, domain=domain)
    assert sent == ["utter_faq/what_is_lis"]


def test_who_has_the_final_say_at_a_driver_question() -> None:
    text = "Quick one first: who gets the final say on what goes in this strategy?"
    sent = answered(text, "next_steps", 0.56, slots=AT_DRIVERS, active_loop="strategy_form")
    assert sent == ["utter_faq/next_steps"]


def test_oxford_and_cambridge_asked_about_is_the_arc() -> None:
    text = (
        "Random one before I answer: my co-founder reckons all this is tied to Oxford and "
        "Cambridge somehow. What's the connection?"
    )
    assert answered(text, "focus", 0.6, active_loop="strategy_form") == ["utter_faq/arc"]


def test_the_governments_net_zero_push_is_the_national_strategy() -> None:
    text = (
        "Hello. Is this anything to do with the government's net zero push? That's the only "
        "reason I clicked."
    )
    assert answered(text, "human", 0.51) == ["utter_faq/national_strategy"]


def test_is_an_island_just_one_thing_describes_it(domain: dict[str, Any]) -> None:
    text = (
        "Before I start: is high performance technology just Formula One, or does it take in "
        "firms like us that print metal parts?"
    )
    sent = answered(text, "focus", 1.0, events=CONSENT_SHOWN, domain=domain)
    assert sent == [describe("high_performance_technology")]
    assert "advanced manufacturing" in sent[0]


def test_does_it_say_anything_about_an_island_describes_it() -> None:
    text = (
        "Quick question first: does the strategy actually say anything about space, or is it "
        "just a name on the list?"
    )
    sent = answered(text, "focus", 0.99, active_loop="strategy_form")
    assert sent == [describe("space")] and "Westcott" in sent[0]


def test_how_the_second_list_differs_at_the_seabed_choice(database_url: str) -> None:
    service.record_consent("ep1", "rest", True)
    text = "How is this list different from the last one? Sorry, long day."
    tracker = make_tracker("ep1", text, "faq", slots={"islands": []}, active_loop="strategy_form")
    tracker.latest_message["response_selector"] = {
        "faq": {"response": {"intent_response_key": "faq/bot_help", "confidence": 0.68}}
    }
    sent = CollectingDispatcher()
    assert choose("seabed", "seabed_answer", text, sent, tracker) == {"seabed": None}
    assert texts(sent) == ["utter_faq/islands_seabed"]


def test_what_an_island_is_in_plain_words_chooses_nothing(database_url: str) -> None:
    service.record_consent("ep2", "rest", True)
    text = "@btvlep whats intelligent mobility when its not in council speak? might be us"
    tracker = make_tracker("ep2", text, "faq", active_loop="strategy_form")
    sent = CollectingDispatcher()
    assert choose("islands", "island_answer", text, sent, tracker) == {"islands": None}
    assert "moving people" in texts(sent)[0]


def test_what_counts_as_a_driver_at_its_question_is_answered_not_kept(database_url: str) -> None:
    service.record_consent("ep3", "rest", True)
    text = "What counts as digital science here? Would machine translation come under it?"
    result, sent = validate_strategy_answer("seabed_answer", "ep3", text, AT_DRIVERS)
    assert result == {"seabed_answer": None}
    assert service.recorded_answers("ep3") == []
    assert sent == [describe("digital_science")] and "software" in sent[0]


def test_what_happens_next_at_the_play_back_is_answered_not_kept(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ep4", "rest", True)
    key = "seabed:infrastructure:views"
    service.record_answer("ep4", "rest", "Roadworks on the A421.", key, question(key).text)
    text = "@btvlep before i say yes, what actually happens to all this once youve got it"
    slots = {"stage": "playback", "consent": True}
    sent = answered(text, "data_privacy", 1.0, "ep4", slots)
    assert sent == ["utter_faq/next_steps"]
    assert [a.text for a in service.recorded_answers("ep4")] == ["Roadworks on the A421."]
    tracker = make_tracker("ep4", text, "faq", slots)
    resumed = CollectingDispatcher()
    assert run(ActionResume().run(resumed, tracker, domain)) == []
    assert texts(resumed) == ["utter_ask_playback_ok"]


def test_seeing_a_draft_at_the_follow_up_is_answered_and_asked_again(database_url: str) -> None:
    service.record_consent("ep5", "rest", True)
    text = "Will we get to see a draft before it's signed off?"
    tracker = make_tracker("ep5", text, "nlu_fallback", FOLLOW_UP, active_loop="contact_form")
    sent = CollectingDispatcher()
    result = ValidateContactForm().validate_follow_up(text, sent, tracker, {})
    assert result == {"follow_up": None} and texts(sent) == ["utter_faq/next_steps"]
    assert service.recorded_answers("ep5") == []


def test_being_more_involved_at_the_follow_up_then_yes(database_url: str) -> None:
    service.record_consent("ep6", "rest", True)
    text = (
        "Before I answer: is there any way to be more involved than this, like speaking to "
        "whoever is pulling it together?"
    )
    sent = answered(text, "get_involved", 0.61, "ep6", FOLLOW_UP, active_loop="contact_form")
    assert sent == ["utter_faq/get_involved"]
    yes = "Great. And yes to the emails."
    tracker = make_tracker("ep6", yes, "nlu_fallback", FOLLOW_UP, active_loop="contact_form")
    result = ValidateContactForm().validate_follow_up(yes, CollectingDispatcher(), tracker, {})
    assert result == {"follow_up": True}


def test_a_process_question_nlu_took_for_an_answer_is_answered(database_url: str) -> None:
    service.record_consent("ep7", "rest", True)
    text = "Who'll have the final say on all this?"
    result, sent = validate_strategy_answer("seabed_answer", "ep7", text, AT_DRIVERS)
    assert result == {"seabed_answer": None} and sent == ["utter_faq/next_steps"]
    assert service.recorded_answers("ep7") == []


def test_a_view_asking_nothing_of_the_strategy_is_still_kept(database_url: str) -> None:
    service.record_consent("ep8", "rest", True)
    text = "Why do the big firms in Oxford and Cambridge get all the AI talent?"
    result, _ = validate_strategy_answer("seabed_answer", "ep8", text, AT_DRIVERS)
    assert [a.text for a in service.recorded_answers("ep8")] == [text]
    assert result["pending_questions"] == AT_DRIVERS["pending_questions"][1:]


def test_a_question_nlu_could_not_place_at_the_play_back_is_answered(
    database_url: str, domain: dict[str, Any]
) -> None:
    from actions.fallback import ActionFallback

    service.record_consent("ep9", "rest", True)
    text = "Will we get to see the final version before it's published?"
    slots = {"stage": "playback", "consent": True}
    tracker = make_tracker("ep9", text, "nlu_fallback", slots)
    sent = CollectingDispatcher()
    run(ActionFallback().run(sent, tracker, domain))
    assert texts(sent) == ["utter_faq/next_steps", "utter_ask_playback_ok"]
    assert service.recorded_answers("ep9") == []


def test_a_process_question_at_a_choice_nlu_was_unsure_of(database_url: str) -> None:
    service.record_consent("ep10", "rest", True)
    text = "Hang on, is this anything to do with the government's net zero push?"
    tracker = make_tracker("ep10", text, "inform", active_loop="strategy_form")
    sent = CollectingDispatcher()
    assert choose("islands", "island_answer", text, sent, tracker) == {"islands": None}
    assert texts(sent) == ["utter_faq/national_strategy"]


def test_a_lead_in_before_a_question_at_the_name_question_is_no_name(database_url: str) -> None:
    from actions.profile import ValidateProfileForm

    service.record_consent("ep11", "rest", True)
    text = "Before I answer: who gets the final say on what goes in this?"
    slots = {"requested_slot": "organisation"}
    for intent in ("faq", "inform"):
        tracker = make_tracker("ep11", text, intent, slots, active_loop="profile_form")
        sent = CollectingDispatcher()
        assert run(ValidateProfileForm().extract_organisation(sent, tracker, {})) == {}
    result = ValidateProfileForm().validate_organisation(text, sent, tracker, {})
    assert result == {"organisation": None} and texts(sent) == ["utter_faq/next_steps"]


def test_a_name_then_a_question_keeps_the_name(database_url: str) -> None:
    from actions.profile import ValidateProfileForm

    service.record_consent("ep12", "rest", True)
    text = "Orbital Fields. Who gets the final say on all this?"
    tracker = make_tracker(
        "ep12", text, "faq", {"requested_slot": "organisation"}, active_loop="profile_form"
    )
    sent = CollectingDispatcher()
    found = run(ValidateProfileForm().extract_organisation(sent, tracker, {}))
    assert found == {"organisation": "Orbital Fields"} and texts(sent) == ["utter_faq/next_steps"]


def test_before_i_confirm_a_question_at_the_play_back_confirms_nothing(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ep13", "rest", True)
    text = "Before I confirm, do we get to see the final version before it goes to the board?"
    slots = {"stage": "playback", "consent": True}
    assert answered(text, "next_steps", 0.88, "ep13", slots) == ["utter_faq/next_steps"]
    resumed = CollectingDispatcher()
    tracker = make_tracker("ep13", text, "faq", slots)
    assert run(ActionResume().run(resumed, tracker, domain)) == []
    assert texts(resumed) == ["utter_ask_playback_ok"]


def test_b4_i_say_yes_then_a_question_before_consent(
    database_url: str, domain: dict[str, Any]
) -> None:
    from actions.fallback import ActionFallback

    text = "@btvlep b4 i say yes, is this anything to do with net zero"
    tracker = make_tracker("ep14", text, "nlu_fallback", events=CONSENT_SHOWN)
    tracker.latest_message["response_selector"] = {
        "faq": {"response": {"intent_response_key": "faq/data_privacy", "confidence": 0.84}}
    }
    sent = CollectingDispatcher()
    assert run(ActionFallback().run(sent, tracker, domain)) == []
    assert texts(sent) == ["utter_faq/national_strategy", "utter_ask_consent"]
    assert service.recorded_answers("ep14") == []


def test_back_from_a_pause_with_a_question_at_the_help_question() -> None:
    text = (
        "Right, I'm free now. One thing first: who's actually writing the strategy, is it the "
        "LEP itself?"
    )
    slots = {
        "islands": ["high_performance_technology"],
        "pending_questions": ["island:high_performance_technology:help"],
    }
    sent = answered(text, "who_preparing", 0.87, slots=slots, active_loop="strategy_form")
    assert sent == ["utter_faq/who_preparing"]
