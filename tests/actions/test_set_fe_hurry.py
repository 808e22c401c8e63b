"""What set FE of unseen conversations (owners in a hurry, second round) found in the
actions: a request to finish with why beside it ("can we skip to the end? queue's building
up", "that's all from me, got a job at 2") kept as the driver's answer and the next question
asked, where the play-back should come; "gotta go, clients here" kept as a view; and "can we
skip the form stuff, just the important bits" at the name question kept as the name, with
every other profile question still asked."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.profile import ValidateProfileForm
from actions.strategy_state import DONE
from bot.consultation import service
from bot.consultation.questions import PROFILE_SLOTS, SKIPPED
from tests.actions.conftest import make_tracker, validate_strategy_answer

DRIVERS = [
    "seabed:education_skills:views",
    "seabed:infrastructure:views",
    "seabed:environment_quality_of_life:views",
]


@pytest.mark.parametrize(
    ("sender", "text"),
    [
        ("fe1", "can we skip to the end? queue's building up"),
        ("fe2", "that's all from me, got a job at 2"),
        ("fe3", "@btvlep can we just jump to the end, got a call coming in"),
    ],
)
def test_finishing_early_with_a_reason_ends_the_questions(
    sender: str, text: str, database_url: str
) -> None:
    service.record_consent(sender, "rest", True)
    slots = {"pending_questions": DRIVERS[1:], "seabed": ["education_skills", "infrastructure"]}
    result, _ = validate_strategy_answer("seabed_answer", sender, text, slots)
    assert result["seabed_answer"] == DONE
    assert service.recorded_answers(sender) == []


def test_gotta_go_with_a_reason_keeps_nothing_and_asks_nothing_new(database_url: str) -> None:
    service.record_consent("fe4", "rest", True)
    slots = {"pending_questions": DRIVERS[1:], "seabed": ["education_skills", "infrastructure"]}
    text = "@btvlep gotta go, clients here"
    result, sent = validate_strategy_answer("seabed_answer", "fe4", text, slots)
    assert result == {"seabed_answer": None}  # the same question when they are back
    assert not any("Environment" in s for s in sent)
    assert service.recorded_answers("fe4") == []


def test_a_view_beside_a_finish_request_is_still_a_view(database_url: str) -> None:
    service.record_consent("fe5", "rest", True)
    slots = {"pending_questions": DRIVERS[1:], "seabed": ["education_skills", "infrastructure"]}
    text = "skip to the end of the A41 queue and you'll see our depot flooded every winter"
    result, _ = validate_strategy_answer("seabed_answer", "fe5", text, slots)
    assert result["pending_questions"] == DRIVERS[2:]
    assert [a.text for a in service.recorded_answers("fe5")] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep can we skip the form stuff, just the important bits",
        "just the important bits please",
        "skip the admin bits",
    ],
)
def test_skipping_the_form_at_the_name_skips_the_whole_profile(
    text: str, database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("fe6", "rest", True)
    tracker = make_tracker("fe6", text, "inform", active_loop="profile_form")
    result = ValidateProfileForm().validate_organisation(
        text, CollectingDispatcher(), tracker, domain
    )
    assert result == {slot: SKIPPED for slot in PROFILE_SLOTS}
