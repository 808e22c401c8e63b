"""Questions: the FAQ answer the ResponseSelector chose, or the named island or driver."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionAnswerQuestion
from bot.strategy import theme
from tests.actions.conftest import make_tracker


def ask(text: str, key: str | None, confidence: float = 0.9) -> CollectingDispatcher:
    tracker = make_tracker(text=text, intent="faq")
    if key is not None:
        tracker.latest_message["response_selector"] = {
            "faq": {"response": {"intent_response_key": f"faq/{key}", "confidence": confidence}}
        }
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, {}))
    return dispatcher


def test_a_named_island_is_described_from_the_seeds() -> None:
    [reply] = ask("tell me more about the space island", "islands_seabed").messages
    space = theme("space")
    assert reply["text"].startswith("Space is one of the strategy's islands")
    assert space.summary.strip() in reply["text"]
    assert all(asset in reply["text"] for asset in space.assets)


def test_an_asset_names_its_theme_when_the_selector_is_unsure() -> None:
    replies = ask("what does Westcott have to do with it?", "next_steps", 0.35).messages
    # the strategy places Westcott in two islands
    assert [r["text"].split(" is one of")[0] for r in replies] == [
        "High performance technology",
        "Space",
    ]


def test_several_named_are_each_described() -> None:
    replies = ask("what are the skills and housing drivers about?", "islands_seabed").messages
    assert [r["text"].split(" is one of")[0] for r in replies] == [
        "Housing growth",
        "Education and skills",
    ]
    assert "seabed drivers" in replies[0]["text"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("what are the islands and seabed?", "islands_seabed"),  # nothing named: the overview
        ("how many jobs could the arc create for space firms?", "arc"),  # sure: the FAQ answer
        ("what happens to my data?", "data_privacy"),
    ],
)
def test_otherwise_the_selected_faq_answer(text: str, key: str) -> None:
    [reply] = ask(text, key).messages
    assert reply["response"] == f"utter_faq/{key}"


def test_no_selection_at_all_gets_help() -> None:
    [reply] = ask("hmm?", None).messages
    assert reply["response"] == "utter_faq/bot_help"


def test_every_theme_description_reads_well(domain: dict[str, Any]) -> None:
    from actions.faq import describe
    from bot.strategy import THEME_IDS

    for theme_id in THEME_IDS:
        text = describe(theme_id)
        assert "{" not in text and ".." not in text and theme(theme_id).name in text
