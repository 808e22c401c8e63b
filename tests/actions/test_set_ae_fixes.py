"""What set AE of unseen conversations (benchmarks/data/conversation_probe_ae.yml) found,
fixed and kept so (paraphrases the set does not use): a question about the strategy that
runs past ten words without a "?" is answered, not kept as the view; "whats all this seabed
business" at the choice asks, it does not choose every driver; "thats it" and "good now"
confirm the play-back that NLU could not place; "can u also say ..." adds to the answer it
numbers; a pointer back that goes on keeps the earlier answer's themes and its own."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.playback import ADDED
from bot.consultation import service
from bot.consultation.pointing_back import opens_with_pointer
from bot.consultation.questions import match_themes, message
from bot.consultation.replies import asks_what_it_is, looks_like_question
from bot.strategy import SEABED_IDS
from tests.actions.conftest import (
    correction_started,
    make_tracker,
    run,
    two_answers,
    validate_strategy_answer,
)

ROADS = "seabed:infrastructure:views"
PENDING = {"seabed": ["infrastructure"], "pending_questions": [ROADS]}


@pytest.mark.parametrize(
    "text, topic",
    [
        ("sorry what is this arc thing my neighbour keeps going on about at the pub", "arc"),
        ("@btvlep wat happens after this then, does any1 ever decide anything", "next_steps"),
        (
            "is there any way for me to actually have a say when the plan gets written",
            "get_involved",
        ),
    ],
)
def test_a_long_question_about_the_strategy_is_answered_not_kept(
    database_url: str, text: str, topic: str
) -> None:
    service.record_consent("ae-long", "rest", True)
    result, replies = validate_strategy_answer("seabed_answer", "ae-long", text, PENDING)
    assert replies == [f"utter_faq/{topic}"]
    assert result == {"seabed_answer": None}
    assert service.recorded_answers("ae-long") == []


@pytest.mark.parametrize(
    "text",
    [
        "what the arc needs is a proper train from aylesbury to milton keynes",
        "how the islands got picked matters less than whether anyone fixes our road",
        "what is the point of the islands when our lane floods and nobody cares",
        "is there a way to get the council to fill the potholes on our road this year",
    ],
)
def test_a_long_view_that_opens_like_a_question_is_kept(database_url: str, text: str) -> None:
    assert not asks_what_it_is(text)
    assert not looks_like_question(text)
    service.record_consent("ae-view", "rest", True)
    validate_strategy_answer("seabed_answer", "ae-view", text, PENDING)
    assert [a.text for a in service.recorded_answers("ae-view")] == [text]


def test_asking_what_the_seabed_is_at_the_choice_chooses_nothing(
    database_url: str, domain: dict[str, Any]
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("ae-sea", "@btvlep whats all this seabed stuff then")
    result = ValidateStrategyForm().validate_seabed(
        "@btvlep whats all this seabed stuff then", dispatcher, tracker, domain
    )
    assert result == {"seabed": None}
    assert [m.get("response") for m in dispatcher.messages] == ["utter_faq/islands_seabed"]


@pytest.mark.parametrize(
    "text, chosen",
    [
        ("what's all this about then", []),
        ("none at all", []),
        ("all of them", list(SEABED_IDS)),
        ("all", list(SEABED_IDS)),
    ],
)
def test_all_this_is_not_all_of_them(text: str, chosen: list[str]) -> None:
    assert match_themes(text, "seabed") == chosen


@pytest.mark.parametrize("text", ["@btvlep thats it", "good now", "yep that's pretty much right"])
def test_the_playback_confirmed_in_words_nlu_could_not_place(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    two_answers("ae-ok", (ROADS, "no 4g on site"))
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "ae-ok", text, "nlu_fallback", slots={"stage": "playback", "consent": True}
    )
    events = run(ActionFallback().run(dispatcher, tracker, domain))
    assert events == [FollowupAction("contact_form")]
    assert [m.get("response") for m in dispatcher.messages] == ["utter_next_steps"]


def test_can_u_also_say_adds_to_the_answer_it_numbers(database_url: str) -> None:
    two_answers("ae-add", (ROADS, "the lane is too narrow for the malt lorry"))
    text = "@btvlep for number 1 can u also say the network quoted 18 months"
    result, replies = correction_started("ae-add", text)
    assert result == {"theme_correction": ADDED}
    assert replies == [message("item_added", n=1)]
    first = service.recorded_answers("ae-add")[0]
    assert first.text.endswith("[added later: the network quoted 18 months]")


@pytest.mark.parametrize(
    "text, opens",
    [
        ("same problem as before but worse since the new estate went up", True),
        ("@btvlep same as b4 but worse, our only setter left for oxford", True),
        ("see what i said about the power, plus the lane is too narrow for lorries", True),
        ("same as before", False),  # a pointer alone: the earlier answer's themes only
        ("same old story with the roads round here every winter", False),
    ],
)
def test_a_pointer_that_goes_on(text: str, opens: bool) -> None:
    assert opens_with_pointer(text) is opens


def test_a_pointer_that_goes_on_keeps_both_answers_themes(database_url: str) -> None:
    service.record_consent("ae-ptr", "rest", True)
    service.record_answer(
        "ae-ptr",
        "rest",
        "the infrastructure down our lane floods every winter",
        ROADS,
        "q",
    )
    env = "seabed:environment_quality_of_life:views"
    slots = {
        "seabed": ["infrastructure", "environment_quality_of_life"],
        "pending_questions": [env],
    }
    text = "same problem as before but worse since the housing growth on the fields"
    validate_strategy_answer("seabed_answer", "ae-ptr", text, slots)
    last = service.recorded_answers("ae-ptr")[-1]
    assert (last.question_key, last.text) == (env, text)
    assert {"infrastructure", "housing_growth"} <= set(last.themes)
