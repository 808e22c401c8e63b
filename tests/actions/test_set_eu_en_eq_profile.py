"""What sets EU, EN and EQ of unseen conversations found in the profile form and past it:
a name and a head count in whole sentences kept whole; a starred typo in the name filed as
the sector (and every answer after it one question late); the town put right beside the
role, which was asked again; a head count put right at the play-back kept as a view; and
"you've got our old name" at an island question left the old name on record."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.profile import ValidateProfileForm
from bot.channels.text import clean_message
from bot.consultation import service
from bot.consultation.questions import message
from bot.nlu.reply_intents import certain_intent
from tests.actions.conftest import (
    make_tracker,
    slot_event,
    stored_business,
    texts,
    user_event,
    validate_strategy_answer,
)

SMALL = "Small (10-49 staff)"


def test_a_signed_name_in_a_sentence_is_the_name(database_url: str) -> None:
    service.record_consent("eu1", "rest", True)
    said = clean_message("The hotel is Farthings Court.\n\nYours sincerely,\nJames Farthing")
    tracker = make_tracker("eu1", said, active_loop="profile_form")
    result = ValidateProfileForm().validate_organisation(said, CollectingDispatcher(), tracker, {})
    assert result == {"organisation": "Farthings Court"}
    assert stored_business("eu1").organisation == "Farthings Court"


def test_a_head_count_with_a_share_of_it_is_its_band(database_url: str) -> None:
    said = "We have 31 staff, including nine solicitors and four trainees."
    tracker = make_tracker("eu2", said, active_loop="profile_form")
    result = ValidateProfileForm().validate_size_band(said, CollectingDispatcher(), tracker, {})
    assert result == {"size_band": SMALL}


def test_a_starred_name_at_the_sector_question_puts_the_name_right(database_url: str) -> None:
    service.record_consent("eq1", "x", True)
    service.save_profile("eq1", "x", organisation="pawfect groomin")
    said = "@btvlep *pawfect grooming"
    events = [user_event("@btvlep pawfect groomin"), slot_event("organisation", "pawfect groomin")]
    slots = {"organisation": "pawfect groomin", "requested_slot": "sector"}
    tracker = make_tracker("eq1", said, slots=slots, events=events, active_loop="profile_form")
    sent = CollectingDispatcher()
    result = ValidateProfileForm().validate_sector(said, sent, tracker, {})
    # the name put right, and the sector asked again
    assert result == {"sector": None, "organisation": "pawfect grooming"}
    assert stored_business("eq1").organisation == "pawfect grooming"
    assert stored_business("eq1").sector is None
    assert texts(sent) == [message("corrected_last")]


def test_the_town_put_right_beside_the_role_keeps_the_role(database_url: str) -> None:
    service.record_consent("eq2", "x", True)
    service.save_profile("eq2", "x", location="flackwell heath")
    said = "@btvlep director. oh n its loudwater not flackwell heath, thats home not the yard"
    slots = {"location": "flackwell heath", "requested_slot": "role"}
    tracker = make_tracker("eq2", said, slots=slots, active_loop="profile_form")
    sent = CollectingDispatcher()
    result = ValidateProfileForm().validate_role(said, sent, tracker, {})
    assert result == {"role": "director", "location": "loudwater"}
    assert (stored_business("eq2").role, stored_business("eq2").location) == (
        "director",
        "loudwater",
    )
    assert texts(sent) == [message("location_corrected", location="loudwater")]


def test_the_head_count_now_at_the_play_back_is_no_view(database_url: str) -> None:
    from actions.playback_views import keep_view_at_playback

    service.record_consent("eq3", "rest", True)
    service.save_profile("eq3", "rest", size_band="Micro (1-9 staff)")
    service.record_answer("eq3", "rest", "the housebuilders only buy new", "seabed:x", None)
    said = (
        "One thing in the details: we took on three more in the yard last month, so it's 12 "
        "of us now."
    )
    slots = {"stage": "playback", "consent": True, "size_band": "Micro (1-9 staff)"}
    sent = CollectingDispatcher()
    assert keep_view_at_playback(sent, make_tracker("eq3", said, slots=slots))
    assert stored_business("eq3").size_band == SMALL
    assert [a.text for a in service.recorded_answers("eq3")] == ["the housebuilders only buy new"]
    assert texts(sent) == [message("size_band_corrected", band=SMALL)]


def test_an_old_name_at_an_island_question_is_put_right_and_the_question_asked_again(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("eq4", "rest", True)
    service.save_profile("eq4", "rest", organisation="Socketworks Clinic")
    keys = ["island:medical_technologies:help"]
    said = (
        "Before I answer that, you've got our old name. We're Socketworks Prosthetics now; we "
        "dropped 'Clinic' in the spring."
    )
    slots = {"pending_questions": keys, "organisation": "Socketworks Clinic"}
    result, sent = validate_strategy_answer("island_answer", "eq4", said, slots)
    assert stored_business("eq4").organisation == "Socketworks Prosthetics"
    assert service.recorded_answers("eq4") == []
    assert message("organisation_corrected", name="Socketworks Prosthetics") in sent
    assert result.get("pending_questions", keys) == keys


@pytest.mark.parametrize(
    "said", ["@btvlep Commercial insurance broking.", "Legal services.", "Skirmett"]
)
def test_a_trade_in_sentence_case_read_as_a_skip_is_an_answer(said: str) -> None:
    # set EU: skip at 0.71, so the sector was lost
    assert certain_intent(said, "skip") == "inform"


@pytest.mark.parametrize("said", ["Rather not say.", "Not telling", "Idk tbh", "Next one please"])
def test_a_skip_in_sentence_case_is_still_a_skip(said: str) -> None:
    assert certain_intent(said, "skip") in (None, "skip")  # None: NLU's reading stands


def test_the_town_put_right_after_owning_up_asks_the_role_again(database_url: str) -> None:
    service.record_consent("eq5", "rest", True)
    service.save_profile("eq5", "rest", location="Hazlemere")
    said = "Sorry, autocorrect strikes again. We're in Haddenham, not Hazlemere."
    slots = {"location": "Hazlemere", "requested_slot": "role"}
    tracker = make_tracker("eq5", said, slots=slots, active_loop="profile_form")
    result = ValidateProfileForm().validate_role(said, CollectingDispatcher(), tracker, {})
    assert result == {"role": None, "location": "Haddenham"}
