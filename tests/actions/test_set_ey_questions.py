"""What set EY of unseen conversations (questions asked along the way, a third round) and
set EX found in the actions: "how long is this going to take?" before agreeing was told the
LEP Board's date; "where does all this end up? is it stored on some database" was told its
progress is kept; "which of those would an electrician come under?" chose the island the
tagger read into "electrician"; "no emails ta, but who do i speak to ...?" at the follow-up
question was asked the yes or no again; "digital, public services n infrastructure" kept
"public services n infrastructure" as a view. Each is answered, nothing is kept, and the
flow goes on where it was."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from actions.faq import ActionResume
from actions.strategy_choice import choose
from bot.consultation import service
from bot.consultation.questions import message, question_queue
from tests.actions.conftest import CONSENT_SHOWN, answered, make_tracker, run, texts

AT_DRIVERS = {
    "pending_questions": ["seabed:digital_science:views", "seabed:infrastructure:views"],
    "seabed": ["digital_science", "infrastructure"],
}
FOLLOW_UP = {"stage": "closing", "requested_slot": "follow_up"}


def test_how_long_before_agreeing_is_how_long_the_chat_takes(domain: dict[str, Any]) -> None:
    text = "And how long is this going to take? I've got a sofa half stripped on the bench."
    sent = answered(text, "bot_help", 0.58, "ey1", events=CONSENT_SHOWN, domain=domain)
    assert sent == ["utter_faq/bot_help"]
    # whatever NLU was unsure of, how long is the chat's length, not the Board's date
    sent = answered(text, "next_steps", 0.5, "ey1", events=CONSENT_SHOWN, domain=domain)
    assert sent == ["utter_faq/bot_help"]


def test_where_the_answers_end_up_at_a_driver_question_is_the_privacy_answer(
    database_url: str,
) -> None:
    service.record_consent("ey2", "rest", True)
    text = "@btvlep quick one first, where does all this end up? is it stored on some database"
    sent = answered(text, "data_privacy", 1.0, "ey2", AT_DRIVERS, active_loop="strategy_form")
    assert sent == ["utter_faq/data_privacy"]
    assert service.recorded_answers("ey2") == []


def test_when_it_comes_out_after_the_goodbye_is_answered_not_kept(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ey3", "rest", True)
    text = "One more thing: when will the finished strategy actually come out?"
    slots = {"stage": "closed", "consent": True}
    assert answered(text, "next_steps", 0.94, "ey3", slots) == ["utter_faq/next_steps"]
    assert service.recorded_answers("ey3") == []
    resumed = CollectingDispatcher()
    run(ActionResume().run(resumed, make_tracker("ey3", text, "faq", slots), domain))
    assert texts(resumed) == [message("closed_more")]


def test_which_island_an_electrician_comes_under_chooses_nothing(database_url: str) -> None:
    service.record_consent("ey4", "rest", True)
    text = "@btvlep which of those would an electrician come under?"
    tracker = make_tracker("ey4", text, "inform", active_loop="strategy_form")
    sent = CollectingDispatcher()
    assert choose("islands", "island_answer", text, sent, tracker) == {"islands": None}
    assert texts(sent) == [message("choice_is_yours")]
    assert service.recorded_answers("ey4") == []


def test_which_island_a_dental_lab_is_still_lists_the_islands(database_url: str) -> None:
    service.record_consent("ey5", "rest", True)
    text = (
        "Sorry, what are these islands exactly? We make crowns and dentures for dentists, so "
        "which one would that be?"
    )
    tracker = make_tracker("ey5", text, "faq", active_loop="strategy_form")
    sent = CollectingDispatcher()
    assert choose("islands", "island_answer", text, sent, tracker) == {"islands": None}
    assert texts(sent) == ["utter_faq/islands_seabed"]


def test_drivers_listed_with_n_on_x_keep_no_view(database_url: str) -> None:
    service.record_consent("ey6", "rest", True)
    text = "@btvlep digital, public services n infrastructure"
    tracker = make_tracker("ey6", text, "choose_theme", {"islands": []}, [], "strategy_form")
    sent = CollectingDispatcher()
    result = choose("seabed", "seabed_answer", text, sent, tracker)
    chosen = ["digital_science", "intelligent_public_services", "infrastructure"]
    assert result["seabed"] == chosen
    assert result["pending_questions"] == question_queue(chosen)
    assert service.recorded_answers("ey6") == []


def test_a_worded_no_with_a_question_at_the_follow_up_is_a_no(database_url: str) -> None:
    service.record_consent("ey7", "rest", True)
    text = "@btvlep no emails ta, but who do i speak to if i want to get properly involved?"
    tracker = make_tracker("ey7", text, "faq", FOLLOW_UP, active_loop="contact_form")
    sent = CollectingDispatcher()
    found = run(ValidateContactForm().extract_follow_up(sent, tracker, {}))
    assert found == {"follow_up": "no emails ta"}
    assert texts(sent) == ["utter_faq/human"]
    result = ValidateContactForm().validate_follow_up("no emails ta", sent, tracker, {})
    assert result["follow_up"] is False
