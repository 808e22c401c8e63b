"""Sets CE (views sent where no view was asked: inside profile answers, with the play-back
yes) and CF (the ordinary whole consultation from new trades) of unseen conversations on
their first run, 2 / 12 and 9 / 12: "Double glazing. And you can put down that the road onto
our estate floods every winter ..." filed whole as the sector and the view never tagged;
"7, would be 10 if anyone round here had a chainsaw ticket" kept as typed; "Yes, spot on.
Oh, and parking: ..." at the play-back shown the play-back again, so the "Yes please" to the
email was read as its yes; "the start up one and the environment one" chose the
environment alone; a vending firm's "anywhere to park at stoke mandeville hospital" tagged
medical technologies."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.head_count import size_band_for
from bot.consultation.playback_replies import yes_then_addition
from bot.consultation.profile_views import split_profile_view
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, stored_business, texts


@pytest.mark.parametrize(
    ("slot", "text", "field"),
    [
        (
            "sector",
            "Double glazing. And you can put down that the road onto our estate floods every "
            "winter and the vans can't get out for days.",
            "Double glazing",
        ),
        (
            "role",
            "Head brewer. Put it on record that the infrastructure here can't cope with another "
            "brew day.",
            "Head brewer",
        ),
        (
            "location",
            "westcott venture park. the road in is single track and the tankers bringing the "
            "nitrogen cant pass each other",
            "westcott venture park",
        ),
        ("size_band", "7, would be 10 if anyone round here had a chainsaw ticket", "7"),
    ],
)
def test_the_field_and_the_view_after_it(slot: str, text: str, field: str) -> None:
    got, view = split_profile_view(slot, text)
    assert got == field
    assert view and view in text and field not in view


@pytest.mark.parametrize(
    ("slot", "text"),
    [
        ("organisation", "Hale Leys Print, we're a commercial printers, 12 of us in Wendover"),
        ("sector", "bespoke joinery, there's 14 of us"),
        ("role", "I'm the practice manager, there's 22 of us"),
        ("location", "High Wycombe. We moved here in 2015."),
        ("sector", "Vending machines, 4 of us"),
    ],
)
def test_profile_details_are_no_view(slot: str, text: str) -> None:
    assert split_profile_view(slot, text) == (text, None)


def test_a_count_the_business_would_have_is_not_its_count() -> None:
    assert size_band_for("7, would be 10 if anyone round here had a chainsaw ticket") == (
        "Micro (1-9 staff)"
    )
    assert size_band_for(
        "About 45, and it'd be 55 if a half-decent joiner ever answered one of our adverts"
    ) == ("Small (10-49 staff)")


def test_the_view_in_the_sector_answer_is_kept_and_the_sector_is_the_trade(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("ce-glaze", "rest", True)
    # the keyword tagger of these tests sees "infrastructure" by name
    text = "Double glazing. And put down that the infrastructure on our estate is a joke"
    tracker = make_tracker("ce-glaze", text, slots={"organisation": "Winslow Windows"})
    result = ValidateProfileForm().validate_sector(text, dispatcher, tracker, domain)
    assert result["sector"] == "Double glazing"
    assert stored_business("ce-glaze").sector == "Double glazing"
    [kept] = service.recorded_answers("ce-glaze")
    assert kept.question_key == "profile:sector"
    assert kept.text == "And put down that the infrastructure on our estate is a joke"
    assert message("profile_view_kept") in texts(dispatcher)


@pytest.mark.parametrize(
    ("text", "view"),
    [
        (
            "Yes, spot on. Oh, and infrastructure: our fitters get a ticket on every job",
            "infrastructure: our fitters get a ticket on every job",
        ),
        (
            "@btvlep yep all right. oh and housing, two of the devs cant afford anything here",
            "housing, two of the devs cant afford anything here",
        ),
        ("yes and thanks", None),
        ("yes, and put environment on all of them", None),
        ("Yes, and infrastructure too", None),  # a theme added, not a view
    ],
)
# (the keyword tagger of these tests sees a subject only by its theme's name)
def test_a_yes_to_the_play_back_then_oh_and_a_view(text: str, view: str | None) -> None:
    assert yes_then_addition(text) == view


def test_drivers_by_number_with_pls() -> None:
    from bot.consultation.choices import numbered_choice
    from bot.strategy import SEABED_IDS

    # set CH: "didn't catch"
    assert numbered_choice("@btvlep 4 & 5 pls", SEABED_IDS) == list(SEABED_IDS[3:5])
