"""What sets BC and BD of unseen conversations found at the choice of seabed drivers and in
profile details put right later: drivers described in the owner's own words ("the housing
one", "getting about", "help for new firms", "4, 5 and the roads one") lost a driver; "and
whichever one covers mobile signal" was kept as the skills answer; a head count, a town, a
name and a role put right in passing were missed or kept as views; and a "no to the emails"
settled at the correction question was asked for an address (set AY)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from bot.consultation.choice_view import choice_and_view
from bot.consultation.choices import numbered_choice
from bot.consultation.profile_fixes import first_sentence_without_fixes, profile_fixes
from bot.consultation.questions import SKIPPED, match_themes
from bot.strategy import ISLAND_IDS, SEABED_IDS
from tests.actions.conftest import make_tracker

PROFILE = {
    "organisation": "Tingewick Farm Vet",
    "sector": "farm vets",
    "size_band": "Micro (1-9 staff)",
    "location": "High Wycombe",
    "role": "owner",
}


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        (
            "New houses, the council one and green stuff",
            ["housing_growth", "intelligent_public_services", "environment_quality_of_life"],
        ),
        (
            "@btvlep getting about & the chilterns one",
            ["infrastructure", "environment_quality_of_life"],
        ),
        ("Help for new firms, and the training one", ["entrepreneurialism", "education_skills"]),
        (
            "Education and skills, and whichever one covers mobile signal",
            ["education_skills", "infrastructure"],
        ),
    ],
)
def test_seabed_drivers_described_in_everyday_words(text: str, chosen: list[str]) -> None:
    assert match_themes(text, "seabed") == chosen
    assert choice_and_view(text, SEABED_IDS) is None  # no view beside the choice


def test_numbers_and_a_described_driver_in_one_choice() -> None:
    assert numbered_choice("@btvlep 4, 5 and the roads one", list(SEABED_IDS)) == [
        "intelligent_public_services",
        "education_skills",
        "infrastructure",
    ]
    assert numbered_choice("3 and the roads", list(SEABED_IDS)) == [
        "digital_science",
        "infrastructure",
    ]
    assert numbered_choice("1 and the car one", list(ISLAND_IDS)) == [
        "creative_digital",
        "intelligent_mobility",
    ]
    assert numbered_choice("4, 5 and the roads are awful", list(SEABED_IDS)) is None


@pytest.mark.parametrize(
    ("text", "fixes"),
    [
        (
            "@btvlep before that, i said 8 staff but its 12 if you count the taproom lot",
            {"size_band": "Small (10-49 staff)"},
        ),
        (
            "@btvlep all fine except staff, we're 14 not 4, missed the 1",
            {"size_band": "Small (10-49 staff)"},
        ),
        (
            "The council and NHS one, and the skills bit. Oh, and I put High Wycombe earlier, but"
            " the office is in Hazlemere now, we moved in the spring.",
            {"location": "Hazlemere"},
        ),
        (
            "Sorry, just spotted I spelt our name wrong at the start."
            " It should be Tingewick Farm Vets",
            {"organisation": "Tingewick Farm Vets"},
        ),
        (
            "None of those. Could you also change my role to partner?"
            " Architect is just the job title.",
            {"role": "partner"},
        ),
        (
            "All spot on except I'm co-owner, not owner. My sister would have words!",
            {"role": "co-owner"},
        ),
        # not corrections: another role withdrawn, a number in a view
        ("I'm the boss, not a manager", {}),
        ("i said to the council 8 times but nobody listens", {}),
    ],
)
def test_profile_details_put_right_in_passing(text: str, fixes: dict[str, str]) -> None:
    assert profile_fixes(text, PROFILE, late=True) == fixes


def test_a_head_count_put_right_at_the_start_of_a_long_answer() -> None:
    text = (
        "@btvlep oh & i said 16 staff, its 6, fat thumbs. anyway our lorries cant get down half"
        " the lanes to the venues, theres no 4g at most barns so card payments fail, and nobody"
        " round here has a C1 licence"
    )
    small = {**PROFILE, "size_band": "Small (10-49 staff)"}
    assert profile_fixes(text, small, late=True) == {"size_band": "Micro (1-9 staff)"}


def test_the_choice_before_a_correction_is_still_read() -> None:
    text = "None of those. Could you also change my role to partner? Architect is just it."
    assert first_sentence_without_fixes(text, PROFILE) == "None of those."
    assert first_sentence_without_fixes("I put Tring but we're in Wendover", PROFILE) is None


def test_an_email_settled_before_the_contact_form_is_not_an_address(database_url: str) -> None:
    """Set AY: "Sorted. No to the emails, thanks" at the correction question set the email
    to skipped; the contact form, starting, validated it again and asked for an address."""
    tracker = make_tracker("bd1", "Sorted. No to the emails, thanks", active_loop="contact_form")
    dispatcher = CollectingDispatcher()
    result = ValidateContactForm().validate_email(SKIPPED, dispatcher, tracker, {})
    assert result == {"email": SKIPPED}
    assert dispatcher.messages == []
