"""What set FU of unseen conversations (breaks, returns and privacy) found in the actions:
a break or a return kept as the answer to a driver's question and the next one asked ("Sorry,
the milk tanker's just pulled in, I'll have to leave this for a bit", "sorry can we start
again, ... ive lost track of what ive said"), "didn't catch" to a pause at the islands
choice, and the business name left on the record when its removal was asked for at the
play-back or after the goodbye in words NLU read as carrying on."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.faq import ActionResume
from actions.strategy_ask import ActionCarryOn
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

DRIVERS = [
    "seabed:education_skills:views",
    "seabed:infrastructure:views",
    "seabed:environment_quality_of_life:views",
]
CHOSEN = ["education_skills", "infrastructure", "environment_quality_of_life"]


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, the milk tanker's just pulled in, I'll have to leave this for a bit",
        "Sorry, got dragged away for longer than I thought. Where were we?",
        "@btvlep morning, sorry i vanished yesterday, one of the marquees came down in the "
        "wind. where were we",
        "@btvlep sorry can we start again, had 3 people in and ive lost track of what ive said",
        "@btvlep ok so what was this one",
    ],
)
def test_a_break_keeps_nothing_and_asks_the_same_question(text: str, database_url: str) -> None:
    sender = f"fu-{abs(hash(text)) % 10**8}"
    service.record_consent(sender, "rest", True)
    slots = {"pending_questions": DRIVERS, "seabed": CHOSEN}
    result, sent = validate_strategy_answer("seabed_answer", sender, text, slots)
    assert result == {"seabed_answer": None}
    assert service.recorded_answers(sender) == []
    assert not any("Infrastructure" in s or "added that" in s for s in sent)


def test_starting_again_mid_way_loses_nothing(database_url: str) -> None:
    service.record_consent("fu-again", "rest", True)
    text = "@btvlep sorry can we start again, had 3 people in and ive lost track of what ive said"
    _, sent = validate_strategy_answer(
        "seabed_answer", "fu-again", text, {"pending_questions": DRIVERS, "seabed": CHOSEN}
    )
    assert message("start_again") in sent


def test_a_view_that_mentions_leaving_is_kept(database_url: str) -> None:
    service.record_consent("fu-view", "rest", True)
    text = "we have to leave the yard by 5 because the lane floods"
    result, _ = validate_strategy_answer(
        "seabed_answer", "fu-view", text, {"pending_questions": DRIVERS, "seabed": CHOSEN}
    )
    assert result["pending_questions"] == DRIVERS[1:]
    assert [a.text for a in service.recorded_answers("fu-view")] == [text]


def test_a_pause_at_the_islands_choice_asks_it_again(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("fu-parcel", "rest", True)
    text = "Hang on, just signing for a parcel"
    tracker = make_tracker("fu-parcel", text, "nlu_fallback", active_loop="strategy_form")
    tracker.slots["requested_slot"] = "islands"
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_islands(text, dispatcher, tracker, domain)
    assert result == {"islands": None}
    assert not any("didn't catch" in s for s in texts(dispatcher))


def _named(sender: str) -> None:
    service.record_consent(sender, "rest", True)
    service.save_profile(sender, "rest", organisation="Redfern Saddlery", sector="saddlery")
    service.record_answer(sender, "rest", "paddocks lost to estates", DRIVERS[0], None)


def test_name_off_at_the_playback_read_as_carrying_on(
    database_url: str, domain: dict[str, Any]
) -> None:
    _named("fu-saddler")
    text = "Could you leave the shop's name off? Happy for the rest to go in"
    slots = {"consent": True, "stage": "playback", "seabed": CHOSEN[:1], "pending_questions": []}
    tracker = make_tracker("fu-saddler", text, "carry_on", slots=slots)
    dispatcher = CollectingDispatcher()
    events = run(ActionCarryOn().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == [message("name_dropped"), "utter_ask_playback_ok"]
    assert "stage" not in slot_sets(events)  # still at the play-back, no question again
    assert stored_business("fu-saddler").organisation is None
    assert stored_business("fu-saddler").sector == "saddlery"
    assert len(service.recorded_answers("fu-saddler")) == 1


def test_name_off_after_the_goodbye_read_as_carrying_on(
    database_url: str, domain: dict[str, Any]
) -> None:
    _named("fu-skips")
    text = "@btvlep actually can you take the company name off it? happy for the rest to stay"
    slots = {"consent": True, "stage": "closed"}
    tracker = make_tracker("fu-skips", text, "carry_on", slots=slots)
    dispatcher = CollectingDispatcher()
    run(ActionResume().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == [message("name_dropped")]
    assert stored_business("fu-skips").organisation is None
    assert len(service.recorded_answers("fu-skips")) == 1


def test_the_name_is_dropped_once_when_resuming_after_a_decline(
    database_url: str, domain: dict[str, Any]
) -> None:
    """Declining read into the request drops the name, then action_resume follows: once."""
    _named("fu-once")
    text = "I don't want our business name on it, the answers are fine"
    said = {"event": "bot", "text": message("name_dropped")}
    slots = {"consent": True, "stage": "closed"}
    tracker = make_tracker("fu-once", text, "consent_decline", slots=slots)
    tracker.events.append(said)
    dispatcher = CollectingDispatcher()
    run(ActionResume().run(dispatcher, tracker, domain))
    assert message("name_dropped") not in texts(dispatcher)


def test_carrying_on_at_the_playback_still_carries_on(
    database_url: str, domain: dict[str, Any]
) -> None:
    _named("fu-carry")
    slots = {"consent": True, "stage": "playback", "seabed": CHOSEN, "pending_questions": DRIVERS}
    tracker = make_tracker("fu-carry", "actually carry on", "carry_on", slots=slots)
    dispatcher = CollectingDispatcher()
    events = run(ActionCarryOn().run(dispatcher, tracker, domain))
    assert slot_sets(events)["stage"] == "strategy"
    assert texts(dispatcher) == [message("carry_on")]
    assert stored_business("fu-carry").organisation == "Redfern Saddlery"
