"""What set X of unseen conversations (benchmarks/data/conversation_probe_x.yml) found,
fixed in the actions and kept so (paraphrases the set does not use): a trade acronym at
the islands choice chooses its island; a view whose question is about something else
than the county's figures is kept in full, not answered with them; freelance crew beside
staff leave the head count on the staff."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, texts, validate_strategy_answer

SPACE = "island:space:opportunities"


def _island_answer(sender: str, text: str) -> tuple[dict[str, Any], list[str]]:
    slots = {"islands": ["space"], "pending_questions": [SPACE, "island:space:barriers"]}
    return validate_strategy_answer("island_answer", sender, text, slots)


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("@btvlep EO", ["space"]),
        ("earth observation", ["space"]),
        ("CAV and composites", ["intelligent_mobility", "high_performance_technology"]),
        ("self-driving and medical devices", ["intelligent_mobility", "medical_technologies"]),
    ],
)
def test_a_trade_acronym_at_the_islands_choice_chooses_its_island(
    database_url: str, text: str, chosen: list[str]
) -> None:
    service.record_consent("x-choice", "rest", True)
    tracker = make_tracker("x-choice", text, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_islands(text, dispatcher, tracker, {})
    assert result["islands"] == chosen
    assert not any("didn't catch" in t for t in texts(dispatcher))


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        (
            "EO data for farmers - crop health, flood risk. why aren't you talking about "
            "agriculture? half of Bucks is farmland and it's our biggest market",
            "space",
        ),
        (
            "we sell satellite data to Bucks councils. why is nobody buying it for the "
            "flood plans? the Environment Agency does",
            "space",
        ),
        (
            "our launch data shows Bucks firms want more test slots. when will Westcott "
            "get a second test stand built?",
            "space",
        ),
    ],
)
def test_a_view_with_its_own_question_is_kept_in_full(
    database_url: str, text: str, theme: str
) -> None:
    service.record_consent("x-view", "rest", True)
    result, replies = _island_answer("x-view", text)
    assert result.get("pending_questions") == ["island:space:barriers"]  # answered, on to the next
    assert message("no_county_figures") not in replies
    [kept] = service.recorded_answers("x-view")
    assert kept.text == text and kept.question_key == SPACE
    assert theme in kept.themes


def test_the_figures_question_alone_is_still_answered_and_not_kept(database_url: str) -> None:
    service.record_consent("x-figures", "rest", True)
    result, replies = _island_answer("x-figures", "any figures on how big the Bucks economy is?")
    assert result == {"island_answer": None}
    assert message("no_county_figures") in replies
    assert service.recorded_answers("x-figures") == []


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("14 staff plus up to 80 freelance crew on a big build", "Small (10-49 staff)"),
        ("8 of us and 40 contractors on a job", "Micro (1-9 staff)"),
        ("30 employees, 200 agency staff at Christmas", "Small (10-49 staff)"),
    ],
)
def test_freelance_crew_beside_staff_leave_the_band_on_the_staff(
    database_url: str, text: str, band: str
) -> None:
    service.record_consent("x-size", "rest", True)
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("x-size", text, active_loop="profile_form")
    result = ValidateProfileForm().validate_size_band(text, dispatcher, tracker, {})
    assert result["size_band"] == band


@pytest.mark.parametrize(
    "text",
    [
        "can't hire data scientists, Harwell and London outbid us, and there's no 4G on the "
        "farms we test on",
        "can't get a decent broadband line at our unit, BT say 2027 and the 4G is patchy too",
    ],
)
def test_a_view_at_the_islands_choice_is_kept_with_its_first_clause(
    database_url: str, text: str
) -> None:
    service.record_consent("x-first", "rest", True)
    tracker = make_tracker("x-first", text, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_islands(text, dispatcher, tracker, {})
    assert result["islands"] == []
    [kept] = service.recorded_answers("x-first")
    assert kept.text == text
