"""'restart' typed at a profile question (as words: typed Rasa commands are no longer
commands) was kept as the answer, e.g. as the sector. It asks to start again: told nothing
is lost and how to change an answer, and the same question is asked again."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, stored_business, texts


@pytest.mark.parametrize("text", ["restart", "Restart", "can we start again?", "start over pls"])
def test_start_again_at_the_sector_is_no_sector(
    text: str, database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("sa1", "rest", True)
    tracker = make_tracker("sa1", text, active_loop="profile_form")
    sent = CollectingDispatcher()
    result = ValidateProfileForm().validate_sector(text, sent, tracker, domain)
    assert result == {"sector": None}
    assert texts(sent) == [message("start_again")]
    assert stored_business("sa1").sector is None


def test_a_sector_that_mentions_restarting_is_still_the_sector(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("sa2", "rest", True)
    text = "we restore and restart old fairground rides"
    tracker = make_tracker("sa2", text, active_loop="profile_form")
    result = ValidateProfileForm().validate_sector(text, CollectingDispatcher(), tracker, domain)
    assert result["sector"] == text
