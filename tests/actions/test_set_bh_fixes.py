"""Set BH of unseen conversations: "sorry i said 8, its more like 30 if you count the
drivers" at the location question was kept as the town (the Rasa side of
tests/consultation/test_set_bh_bi_fixes.py)."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.profile import ValidateProfileForm
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, texts


def test_a_head_count_taken_back_at_the_location_question(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "sorry i said 8, its more like 30 if you count the drivers"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("bh1", text, slots={"size_band": "Micro (1-9 staff)"})
    result = ValidateProfileForm().validate_location(text, dispatcher, tracker, domain)
    assert result == {"location": None, "size_band": "Small (10-49 staff)"}
    assert texts(dispatcher) == [message("size_band_corrected", band="Small (10-49 staff)")]
    # a band the message does not take back stays: the sentence is read no further
    tracker = make_tracker("bh1", text, slots={"size_band": "Small (10-49 staff)"})
    result = ValidateProfileForm().validate_location(text, CollectingDispatcher(), tracker, domain)
    assert result.get("size_band") is None
