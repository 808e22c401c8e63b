"""What set U of unseen conversations (benchmarks/data/conversation_probe_u.yml) found,
fixed in the actions and kept so (paraphrases the set does not use): a hedge to an open
question is asked for a sentence; the profile put right past the profile questions (at a
strategy question, after the goodbye, the location at the role question) with no answer
kept, and a view beside the correction still kept; "ditto but worse" kept with the themes
of the answer it points to; a view with "my staff ... do" kept; a played-back answer put
right by its number kept beside it."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.playback import ADDED, ValidateCorrectionForm
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import (
    make_tracker,
    run,
    slot_sets,
    stored_business,
    texts,
    validate_strategy_answer,
)

SPACE = "island:space:opportunities"
ROADS = "seabed:infrastructure:views"
ENV = "seabed:environment_quality_of_life:views"
PROFILE = {
    "organisation": "Orbit Thrust Systems",
    "sector": "rocket engine test kit",
    "size_band": "Micro (1-9 staff)",
    "location": "Westcott",
    "role": "engineering director",
}


def _consented(sender: str) -> None:
    service.record_consent(sender, "rest", True)
    service.save_profile(sender, "rest", **PROFILE)


def _island_answer(sender: str, text: str) -> tuple[dict[str, Any], list[str]]:
    slots = {**PROFILE, "islands": ["space"], "pending_questions": [SPACE, "island:space:help"]}
    return validate_strategy_answer("island_answer", sender, text, slots)


def test_a_hedge_is_asked_for_a_sentence_and_not_kept(database_url: str) -> None:
    _consented("u-hedge")
    result, replies = _island_answer("u-hedge", "perhaps, hard to say")
    assert result == {"island_answer": None}
    assert replies == [message("say_more")]
    assert service.recorded_answers("u-hedge") == []


def test_a_head_count_put_right_at_a_strategy_question(database_url: str) -> None:
    _consented("u-count")
    result, replies = _island_answer("u-count", "sorry, there are about sixty of us now")
    assert result == {"island_answer": None, "size_band": "Medium (50-249 staff)"}
    assert replies == [message("size_band_corrected", band="Medium (50-249 staff)")]
    assert stored_business("u-count").size_band == "Medium (50-249 staff)"
    assert service.recorded_answers("u-count") == []


def test_a_view_beside_the_correction_is_kept_too(database_url: str) -> None:
    _consented("u-both")
    text = "we're 60 staff not 6 these days, and the space sector needs test stands"
    result, _ = _island_answer("u-both", text)
    assert result["size_band"] == "Medium (50-249 staff)"
    assert result["pending_questions"] == ["island:space:help"]
    assert [a.text for a in service.recorded_answers("u-both")] == [text]


def test_a_view_about_people_leaving_changes_no_head_count(database_url: str) -> None:
    _consented("u-left")
    text = "sorry, 30 staff left last year because the space jobs moved to Harwell"
    result, _ = _island_answer("u-left", text)
    assert "size_band" not in result
    assert stored_business("u-left").size_band == "Micro (1-9 staff)"
    assert [a.text for a in service.recorded_answers("u-left")] == [text]


def test_a_town_put_right_after_the_goodbye(database_url: str, domain: dict[str, Any]) -> None:
    _consented("u-town")
    text = "oops, I said Westcott earlier - we're at Haddenham, not Westcott"
    slots = {**PROFILE, "stage": "closed", "consent": True}
    tracker = make_tracker("u-town", text, "nlu_fallback", slots=slots)
    dispatcher = CollectingDispatcher()
    events = run(ActionFallback().run(dispatcher, tracker, domain))
    assert slot_sets(events) == {"location": "Haddenham"}
    assert texts(dispatcher) == [message("location_corrected", location="Haddenham")]
    assert stored_business("u-town").location == "Haddenham"
    assert service.recorded_answers("u-town") == []


def test_a_postcode_put_right_at_the_role_question(
    database_url: str, domain: dict[str, Any]
) -> None:
    _consented("u-post")
    text = "my bad, wrong post code - its HP18 0NS"
    slots = {**PROFILE, "role": None, "requested_slot": "role"}
    tracker = make_tracker("u-post", text, slots=slots, active_loop="profile_form")
    dispatcher = CollectingDispatcher()
    result = ValidateProfileForm().validate_role(text, dispatcher, tracker, domain)
    assert result == {"role": None, "location": "HP18 0NS"}
    assert stored_business("u-post").location == "HP18 0NS"


def test_pointing_back_more_strongly_keeps_the_earlier_themes(database_url: str) -> None:
    service.record_consent("u-worse", "rest", True)
    service.record_answer("u-worse", "rest", "the infrastructure is crumbling", ROADS, "q")
    slots = {
        "seabed": ["infrastructure", "environment_quality_of_life"],
        "pending_questions": [ENV],
    }
    text = "same again only more so"
    tracker = make_tracker("u-worse", text, slots=slots, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    ValidateStrategyForm().validate_seabed_answer(text, dispatcher, tracker, {})
    assert texts(dispatcher) == [message("same_as_before")]
    stored = service.recorded_answers("u-worse")
    assert stored[-1].question_key == ENV
    assert stored[-1].text.startswith(f"{text} [same as: ")  # the words it stands for beside it
    assert "infrastructure" in stored[-1].themes


def test_a_view_about_staff_doing_shifts_is_kept(database_url: str) -> None:
    service.record_consent("u-shifts", "rest", True)
    text = "nobody will fix it, but fine: no infrastructure after 6pm so my staff can't do lates"
    slots = {"seabed": ["infrastructure"], "pending_questions": [ROADS]}
    tracker = make_tracker("u-shifts", text, slots=slots, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    ValidateStrategyForm().validate_seabed_answer(text, dispatcher, tracker, {})
    assert message("others_welcome") not in texts(dispatcher)
    assert [a.text for a in service.recorded_answers("u-shifts")] == [text]


def test_a_played_back_answer_put_right_by_its_number(database_url: str) -> None:
    service.record_consent("u-item", "rest", True)
    service.record_answer("u-item", "rest", "the A41 at Tring is dug up again", ROADS, "q")
    text = "nearly - 1 should read the A418 at Bierton, not the A41"
    tracker = make_tracker("u-item", text, "deny", slots={"stage": "playback"})
    dispatcher = CollectingDispatcher()
    result = run(ValidateCorrectionForm().extract_theme_correction(dispatcher, tracker, {}))
    assert result == {"theme_correction": ADDED}
    assert texts(dispatcher) == [message("item_corrected", n=1)]
    assert [(a.question_key, a.text) for a in service.recorded_answers("u-item")] == [
        (ROADS, f"the A41 at Tring is dug up again [corrected: {text}]"),
    ]


def test_a_pointer_to_the_first_answer_takes_its_themes(database_url: str) -> None:
    service.record_consent("u-first", "rest", True)
    service.record_answer("u-first", "rest", "Westcott could test our space engines", SPACE, "q")
    service.record_answer("u-first", "rest", "the infrastructure is crumbling", ROADS, "q")
    chosen = ["infrastructure", "environment_quality_of_life"]
    slots = {"seabed": chosen, "pending_questions": [ENV]}
    text = "as per my first answer"
    tracker = make_tracker("u-first", text, slots=slots, active_loop="strategy_form")
    ValidateStrategyForm().validate_seabed_answer(text, CollectingDispatcher(), tracker, {})
    last = service.recorded_answers("u-first")[-1]
    assert last.question_key == ENV
    assert last.text.startswith(f"{text} [same as: ")  # the first answer's words beside it
    assert "space" in last.themes and "infrastructure" not in last.themes
