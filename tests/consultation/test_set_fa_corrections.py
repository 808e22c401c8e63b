"""What set FA of unseen conversations (owners who change their minds and fix mistakes, a
fourth round) found in the readers of corrections: a starred fix naming its typo ("*Larkspur
not Larksupr") was not read as the name put right; a seabed choice said again with "meant"
and "not those 2" was kept as an answer; "can we go back to the last one?" after a skip was
not a way back; and "we actually moved to Holmer Green" was no move."""

from __future__ import annotations

import pytest

from bot.consultation.choice_changes import restated_choice
from bot.consultation.location_fixes import corrected_location
from bot.consultation.navigation import go_back
from bot.consultation.profile_fixes import profile_fixes
from bot.consultation.profile_followups import starred_fix
from bot.consultation.questions import question_queue
from bot.strategy import SEABED_IDS

CHOSEN = ["digital_science", "intelligent_public_services"]
THREE = question_queue(["entrepreneurialism", "education_skills", "environment_quality_of_life"])


# --- a starred fix that names its typo -------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "earlier", "fixed"),
    [
        ("*Larkspur not Larksupr", "Larksupr Framing", "Larkspur Framing"),  # the set's
        ("*Larkspur, not Larksupr", "Larksupr Framing", "Larkspur Framing"),
        ("@btvlep *framing not framign", "larkspur framign", "larkspur framing"),
        ("*Hartwell instead of Hartwel", "Hartwel Joinery", "Hartwell Joinery"),
    ],
)
def test_a_starred_word_replaces_the_typo_it_names(said: str, earlier: str, fixed: str) -> None:
    assert starred_fix(said, earlier) == fixed


@pytest.mark.parametrize(
    ("said", "earlier"),
    [
        # the word withdrawn is not in the field just given: no fix of it
        ("*Larkspur not Bramble", "Larksupr Framing"),
        # nothing would change
        ("*Framing not framing", "Larksupr Framing"),
        # a starred answer, not a fix
        ("* dog grooming", "Pawfect"),
    ],
)
def test_a_starred_message_that_names_no_typo_of_the_field_fixes_nothing(
    said: str, earlier: str
) -> None:
    assert starred_fix(said, earlier) is None


def test_the_plain_starred_fixes_still_work() -> None:
    assert starred_fix("@btvlep *pawfect grooming", "pawfect groomin") == "pawfect grooming"
    assert starred_fix("*grooming", "pawfect groomin") == "pawfect grooming"


# --- the seabed choice said again at its first question ----------------------------------------


def test_meant_with_not_those_two_replaces_the_whole_choice() -> None:
    said = "@btvlep oops, meant skills n infrastructure not those 2. sorry!"
    assert restated_choice(said, SEABED_IDS, CHOSEN[0], CHOSEN) == (
        ["education_skills", "infrastructure"],
        CHOSEN,
    )


@pytest.mark.parametrize(
    "said",
    [
        "sorry, meant housing not them",
        "soz meant housing, not those",
        "oops, housing rather than both of those",
    ],
)
def test_the_choice_withdrawn_as_a_whole_is_every_theme_chosen(said: str) -> None:
    assert restated_choice(said, SEABED_IDS, CHOSEN[0], CHOSEN) == (["housing_growth"], CHOSEN)


def test_meant_alone_restates_a_choice_of_names_only() -> None:
    said = "oops meant skills n infrastructure"
    assert restated_choice(said, SEABED_IDS, CHOSEN[0], CHOSEN) == (
        ["education_skills", "infrastructure"],
        [],
    )


@pytest.mark.parametrize(
    "said",
    [
        "meant to say the roads are bad not the staff",  # a view
        "sorry, skills not those 2 lads we trained",  # not the choice withdrawn
    ],
)
def test_a_view_with_meant_or_not_those_is_no_choice(said: str) -> None:
    assert restated_choice(said, SEABED_IDS, CHOSEN[0], CHOSEN) is None


def test_not_those_two_without_the_choice_known_is_no_choice() -> None:
    said = "oops, meant skills n infrastructure not those 2"
    assert restated_choice(said, SEABED_IDS, CHOSEN[0]) is None


# --- "can we go back to the last one?" after a skip -------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "Sorry, can we go back to the last one? I've thought of something",  # the set's
        "can I go back to the previous question?",
        "go back to the one before",
        "back to the last one please, I missed it",
    ],
)
def test_the_last_one_after_a_skip_goes_back_to_it(said: str) -> None:
    back = go_back(said, THREE[1], THREE, unanswered=THREE[:1] + THREE[2:])
    assert back is not None and back.key == THREE[0] and back.view == "" and back.skipped


def test_the_last_one_with_a_view_keeps_it_against_the_skipped_question() -> None:
    said = "back to the last one - business support is all aimed at tech start-ups"
    back = go_back(said, THREE[1], THREE, unanswered=[THREE[0]])
    assert back is not None and back.key == THREE[0]
    assert back.view == "business support is all aimed at tech start-ups"


def test_the_last_one_answered_is_left_to_set_k_s_reply() -> None:
    said = "Sorry, can we go back to the last one? I've thought of something"
    # answered: how to put the last answer right (set K), as before
    assert go_back(said, THREE[1], THREE, unanswered=[THREE[2]]) is None
    # the first question of the part has no question before it in the part
    assert go_back(said, THREE[0], THREE, unanswered=THREE) is None


def test_numbered_going_back_is_not_called_a_skip() -> None:
    back = go_back("can we go back to question 1", THREE[1], THREE, unanswered=[THREE[0]])
    assert back is not None and back.key == THREE[0] and not back.skipped


# --- a move said with "actually" --------------------------------------------------------------

PROFILE = {
    "organisation": "Crown Dry Cleaners",
    "sector": "dry cleaning and alterations",
    "size_band": "Micro (1-9 staff)",
    "location": "Hazlemere",
    "role": "manager",
}


def test_a_move_said_with_actually_at_the_islands_choice_changes_the_location() -> None:
    said = "Sorry, before I answer, I put Hazlemere but we actually moved to Holmer Green in March"
    assert profile_fixes(said, PROFILE, late=True) == {"location": "Holmer Green"}


@pytest.mark.parametrize(
    ("said", "place"),
    [
        ("we actually moved to Holmer Green in March", "Holmer Green"),
        ("we've actually relocated to Marlow", "Marlow"),
        ("we really just moved to Wendover last year", "Wendover"),
        ("we actually moved to a bigger unit", None),  # not a place
    ],
)
def test_moved_to_allows_a_word_of_emphasis(said: str, place: str | None) -> None:
    assert corrected_location(said, "Hazlemere") == place
