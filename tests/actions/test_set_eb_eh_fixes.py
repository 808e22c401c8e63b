"""What sets EB to EH of unseen conversations found in the actions: a view beside a question
about the dates or a grant (EB and EC answered the question and lost the view); a no and a
question at the follow-up (EB asked the yes or no again); a profile answer beside a question
(EB lost the role); a yes at the play-back beside "can she fill this in too?" (EB asked which
themes to change); a grant question at the seabed choice (EB chose entrepreneurialism); one
more driver straight after the choice (EE kept it as the answer); and a last bit taken out
with words in its place (ED lost the words)."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from actions.playback import NO_CHANGE, ValidateCorrectionForm
from actions.profile import ValidateProfileForm
from actions.strategy_choice import choose
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, run, texts, validate_strategy_answer

DRIVERS = ["seabed:infrastructure:views", "seabed:environment_quality_of_life:views"]
AT_DRIVERS = {
    "pending_questions": DRIVERS,
    "seabed": ["infrastructure", "environment_quality_of_life"],
}


def test_a_view_then_when_it_closes_keeps_the_view_and_says_the_date(database_url: str) -> None:
    service.record_consent("eb1", "rest", True)
    view = "Half the lanes we work on are single track with nowhere to pass a chipper."
    result, sent = validate_strategy_answer(
        "seabed_answer", "eb1", f"{view} When does this consultation close?", AT_DRIVERS
    )
    assert [a.text for a in service.recorded_answers("eb1")] == [view]
    assert "utter_faq/next_steps" in sent
    assert result["pending_questions"] == DRIVERS[1:]


def test_a_view_then_a_grant_question_keeps_the_view_and_says_no_grant(database_url: str) -> None:
    service.record_consent("eb2", "rest", True)
    view = "a small cleanroom unit on westcott venture park at a rent we can afford."
    text = f"@btvlep {view} is there grant money tied to this consultation or not?"
    _, sent = validate_strategy_answer("seabed_answer", "eb2", text, AT_DRIVERS)
    assert [a.text for a in service.recorded_answers("eb2")] == [view]
    assert message("no_grant") in sent


def test_a_no_then_a_question_at_the_follow_up(database_url: str) -> None:
    text = "No thanks. When does it all close, though?"
    slots = {"stage": "closing", "requested_slot": "follow_up"}
    tracker = make_tracker("eb3", text, "faq", slots=slots, active_loop="contact_form")
    sent = CollectingDispatcher()
    found = run(ValidateContactForm().extract_follow_up(sent, tracker, {}))
    assert found == {"follow_up": "No thanks"} and texts(sent) == ["utter_faq/next_steps"]
    assert (
        ValidateContactForm().validate_follow_up("No thanks", sent, tracker, {})["follow_up"]
        is False
    )


def test_a_grant_question_at_the_follow_up_is_answered_and_asked_again(database_url: str) -> None:
    service.record_consent("ec1", "rest", True)
    text = "Will this lead to any funding for nurseries?"
    slots = {"stage": "closing", "requested_slot": "follow_up"}
    tracker = make_tracker("ec1", text, "inform", slots=slots, active_loop="contact_form")
    sent = CollectingDispatcher()
    result = ValidateContactForm().validate_follow_up(text, sent, tracker, {})
    assert result == {"follow_up": None} and texts(sent) == [message("no_grant")]
    assert service.recorded_answers("ec1") == []


def test_a_role_then_a_question_about_the_lep_keeps_the_role(database_url: str) -> None:
    text = "Manager. Sorry, who are the LEP when they're at home?"
    slots = {"requested_slot": "role"}
    tracker = make_tracker("eb4", text, "faq", slots=slots, active_loop="profile_form")
    sent = CollectingDispatcher()
    found = run(ValidateProfileForm().extract_role(sent, tracker, {}))
    assert found == {"role": "Manager"} and texts(sent) == ["utter_faq/who_preparing"]


def test_a_yes_at_the_play_back_beside_a_question_about_a_relative(database_url: str) -> None:
    text = "@btvlep yes thats right. my daughter runs the market stalls, can she fill this in too?"
    tracker = make_tracker("eb5", text, "inform", slots={"stage": "playback"})
    sent = CollectingDispatcher()
    found = run(ValidateCorrectionForm().extract_theme_correction(sent, tracker, {}))
    assert found == {"theme_correction": NO_CHANGE}
    assert texts(sent) == [message("others_welcome")]


def test_a_grant_question_at_the_seabed_choice_chooses_nothing(database_url: str) -> None:
    service.record_consent("eb6", "rest", True)
    text = "Before I pick, is any of this tied to funding we could apply for?"
    tracker = make_tracker("eb6", text, slots={"islands": []}, active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = choose("seabed", "seabed_answer", text, sent, tracker)
    assert result == {"seabed": None} and message("no_grant") in texts(sent)


def test_one_more_driver_straight_after_the_choice_joins_it(database_url: str) -> None:
    service.record_consent("ee1", "rest", True)
    slots = {"pending_questions": DRIVERS[:1], "seabed": ["infrastructure"]}
    result, _ = validate_strategy_answer(
        "seabed_answer", "ee1", "@btvlep oh and environment too", slots
    )
    assert result["seabed"] == ["infrastructure", "environment_quality_of_life"]
    assert result["pending_questions"] == DRIVERS
    assert service.recorded_answers("ee1") == []


def test_the_last_bit_taken_out_with_words_in_its_place(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ed1", "rest", True)
    first = "seabed:housing_growth:views"
    service.record_answer(
        "ed1",
        "rest",
        "Plenty of work wiring the new homes. The big housebuilders pay us at 90 days though.",
        first,
        "q",
    )
    slots = {
        "pending_questions": ["seabed:education_skills:views"],
        "seabed": ["housing_growth", "education_skills"],
    }
    text = (
        "Actually, scrap that last bit about the builders paying late, we've got that sorted. "
        "The real problem is staff: every electrician we train goes self-employed."
    )
    _, sent = validate_strategy_answer("seabed_answer", "ed1", text, slots)
    assert [a.text for a in service.recorded_answers("ed1")] == [
        "Plenty of work wiring the new homes. The real problem is staff: every electrician we "
        "train goes self-employed."
    ]
    assert message("last_bit_replaced") in sent
