"""What set FR of unseen conversations found in the actions: an answer split over X DMs that
say so ("@btvlep (1/2) ...", "@btvlep 2/3 ...", "... 3) cont. below") was kept part by part
as answers to successive questions, every later answer landing a question or two late; and
"@btvlep ...it's the lowest carbon ..." at the play-back, carrying on the last answer, was
kept as a view of its own."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.playback_views import keep_view_at_playback
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, texts, user_event, validate_strategy_answer

DRIVERS = [
    "seabed:housing_growth:views",
    "seabed:infrastructure:views",
    "seabed:environment_quality_of_life:views",
]
SLOTS = {
    "seabed": ["housing_growth", "infrastructure", "environment_quality_of_life"],
    "pending_questions": DRIVERS,
}
PARTS = [
    "@btvlep (1/3) Dear Sir/Madam, forgive me if I ramble. Our parents opened this place in "
    "1976 as a roadside stall selling tomatoes off the back of a lorry.",
    "@btvlep (2/3) The new houses are good news for us on the whole. Every new garden needs "
    "plants, turf and a shed.",
    "@btvlep (3/3) If the planning conditions required proper topsoil, our trade and the new "
    "residents would both be better off. Regards, Jill",
]


def after_held(sender: str, held: list[str], then: str) -> tuple[dict[str, Any], list[str]]:
    """Each of `held` held with "Go on", then `then` at the same question."""
    from actions.consultation import ValidateStrategyForm

    events: list[dict[str, Any]] = []
    for text in held:
        events += [user_event(text), {"event": "bot", "text": message("go_on")}]
    tracker = make_tracker(sender, then, slots=SLOTS, events=events, active_loop="strategy_form")
    sent = CollectingDispatcher()
    return ValidateStrategyForm().validate_seabed_answer(then, sent, tracker, {}), texts(sent)


def test_a_dm_marked_one_of_three_waits_for_the_rest(database_url: str) -> None:
    service.record_consent("fr1", "rest", True)
    result, sent = validate_strategy_answer("seabed_answer", "fr1", PARTS[0], SLOTS)
    assert result == {"seabed_answer": None} and sent == [message("go_on")]
    result, sent = after_held("fr1", PARTS[:1], PARTS[1])
    assert result == {"seabed_answer": None} and sent == [message("go_on")]
    assert service.recorded_answers("fr1") == []


def test_the_last_marked_dm_keeps_the_parts_as_one_answer(database_url: str) -> None:
    service.record_consent("fr2", "rest", True)
    result, _ = after_held("fr2", PARTS[:2], PARTS[2])
    assert result["pending_questions"] == DRIVERS[1:]
    [answer] = service.recorded_answers("fr2")
    assert answer.question_key == DRIVERS[0]
    assert "roadside stall" in answer.text and "proper topsoil" in answer.text
    assert "(1/3)" not in answer.text and "(3/3)" not in answer.text


def test_a_numbered_list_cont_below_is_kept_with_its_last_item(database_url: str) -> None:
    service.record_consent("fr3", "rest", True)
    first = (
        "@btvlep What would help most: 1) shared workshops sized for micro firms; 2) a short "
        "course at the college; 3) cont. below"
    )
    result, sent = validate_strategy_answer("seabed_answer", "fr3", first, SLOTS)
    assert result == {"seabed_answer": None} and sent == [message("go_on")]
    rest = "@btvlep ...3) a small seed fund or angel network the LEP could convene. That's all."
    result, _ = after_held("fr3", [first], rest)
    assert result["pending_questions"] == DRIVERS[1:]
    [answer] = service.recorded_answers("fr3")
    assert "shared workshops" in answer.text and "angel network" in answer.text


def test_dots_at_the_play_back_carry_on_the_last_answer(database_url: str) -> None:
    service.record_consent("fr4", "rest", True)
    last = "@btvlep The churches are falling down. Lime mortar, local flint, repair not replace..."
    service.record_answer("fr4", "rest", last, DRIVERS[2], "q")
    then = "@btvlep ...it's the lowest carbon building there is and nobody counts it."
    tracker = make_tracker("fr4", then, slots={"stage": "playback"}, events=[user_event(last)])
    sent = CollectingDispatcher()
    assert keep_view_at_playback(sent, tracker)
    assert texts(sent) == [message("added_to_last")]
    [answer] = service.recorded_answers("fr4")
    assert answer.question_key == DRIVERS[2] and "lowest carbon building" in answer.text


def test_sorry_for_long_answers_with_an_aside_keeps_nothing(database_url: str) -> None:
    service.record_consent("fr5", "rest", True)
    sorry = (
        "@btvlep Apologies, these are rather long. My granddaughter says nobody reads past the "
        "first line."
    )
    result, _ = validate_strategy_answer("seabed_answer", "fr5", sorry, SLOTS)
    assert result == {"seabed_answer": None}
    assert service.recorded_answers("fr5") == []
    # a view beside the apology is kept
    view = "@btvlep Sorry for the essay. The infrastructure round here is falling apart."
    result, _ = validate_strategy_answer("seabed_answer", "fr5", view, SLOTS)
    assert result["pending_questions"] == DRIVERS[1:]
    assert [a.text for a in service.recorded_answers("fr5")] == [view]
