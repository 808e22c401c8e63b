"""What set AR of unseen conversations found in the readers: "Skills, and the one about the
environment" kept "and the one about the environment" as the skills answer; "Transport" chose
no driver; "none unless scaffolding counts as high performance" and "pet cremation, famously the
backbone of the space industry. None." chose an island;
"2 & medical" chose Medical alone; "no thx" and "sound" were neither no nor yes; a
description naming the Chilterns at the play-back was read as "add environment"; "Go on
then. Not like I've got a business to run" and "Actually, go on then, kettle's on." were not
a yes; "The business is called Goldleaf & Brush." kept its full stop."""

from __future__ import annotations

import pytest

from bot.consultation.afterthoughts import view_at_playback
from bot.consultation.choice_view import choice_and_view, named_only
from bot.consultation.choices import numbered_choice
from bot.consultation.consent_reply import (
    agrees_to_take_part,
    go_ahead_then_more,
    puts_off,
    yes_then_more,
)
from bot.consultation.none_choice import means_none
from bot.consultation.profile import tidy_profile_answer
from bot.consultation.questions import match_themes
from bot.consultation.replies import says_no, says_no_and_why, says_yes
from bot.strategy import ISLAND_IDS, SEABED_IDS

SKILLS_ENV = ["education_skills", "environment_quality_of_life"]


def test_and_the_one_about_a_driver_names_it_and_is_no_view() -> None:
    text = "Skills, and the one about the environment"
    assert named_only(text)
    assert choice_and_view(text, SKILLS_ENV) is None
    assert match_themes(text, "seabed") == SKILLS_ENV
    # a view after "and" is still a view
    view = choice_and_view("Skills, and we cannot find a farrier apprentice anywhere", SKILLS_ENV)
    assert view is not None and view.view.startswith("and we cannot find")


@pytest.mark.parametrize(
    ("text", "seabed", "islands"),
    [
        ("Transport. And the environment, mainly.", ["infrastructure", SKILLS_ENV[1]], []),
        ("transport", ["infrastructure"], []),
        ("transport tech", [], ["intelligent_mobility"]),  # the longer phrase is mobility
    ],
)
def test_transport_is_infrastructure_at_the_seabed_choice(
    text: str, seabed: list[str], islands: list[str]
) -> None:
    assert match_themes(text, "seabed") == seabed
    assert match_themes(text, "island") == islands


@pytest.mark.parametrize(
    ("text", "none"),
    [
        ("@btvlep none unless scaffolding counts as high performance 😂", True),
        ("none unless you count space", True),
        ("none, but space matters", False),
        ("none really", True),
        ("Ah yes, pet cremation, famously the backbone of the space industry. None.", True),
        ("Space. None.", False),  # too short to be sarcasm
        ("Space and film. None of the others.", False),
    ],
)
def test_none_unless_it_counts_chooses_none(text: str, none: bool) -> None:
    assert means_none(text) is none


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("@btvlep 2 & medical", ["intelligent_mobility", "medical_technologies"]),
        ("2 and space please", ["intelligent_mobility", "space"]),
        ("1 and 3", ["creative_digital", "medical_technologies"]),
        ("2 and skills", None),  # a driver is no island
        ("2 and something else", None),
        ("space", None),  # no number: match_themes' job
    ],
)
def test_numbers_and_names_mixed(text: str, chosen: list[str] | None) -> None:
    assert numbered_choice(text, ISLAND_IDS) == chosen


def test_numbers_and_names_of_the_other_kind_are_not_a_choice() -> None:
    assert numbered_choice("2 & medical", SEABED_IDS) is None


@pytest.mark.parametrize(
    ("text", "no", "yes"),
    [
        ("@btvlep no thx", True, False),
        ("nah thx mate", True, False),
        ("@btvlep sound", False, True),
        ("sound thanks", False, True),
        ("sound engineer", False, False),
        ("thx", False, False),
    ],
)
def test_no_thx_and_sound(text: str, no: bool, yes: bool) -> None:
    assert says_no(text) is no
    assert says_yes(text) is yes


CHILTERNS = (
    "Couldn't be better, honestly. The Chilterns sell the place for us: the beech woods, the "
    "view from the terrace, bluebells in May. Only moan is the fly-tipping in the lane."
)


@pytest.mark.parametrize(
    ("text", "view"),
    [
        (CHILTERNS, True),
        ("The roads matter a lot to us as a haulier firm based in Aylesbury", True),
        ("and skills", False),  # a theme to add
        ("you missed skills, we cannot find chefs anywhere near here at all", False),
        ("looks fine but it should be infrastructure not housing for the second one", False),
        ("can you also add skills and infrastructure to the first one", False),
        ("@btvlep will u pass my email to the council or sell it? get enough spam", False),
    ],
)
def test_a_description_naming_a_theme_at_the_play_back_is_a_view(text: str, view: bool) -> None:
    assert view_at_playback(text) is view


@pytest.mark.parametrize(
    ("text", "rest", "go_ahead"),
    [
        (
            "Go on then. Not like I've got a business to run or anything.",
            "Not like I've got a business to run or anything.",
            True,
        ),
        ("Actually, go on then, kettle's on.", "kettle's on.", True),
        ("Yes, no problem", "no problem", False),
        ("Yes. Not now.", None, False),
        ("Actually, no.", None, False),
        ("Actually, go on then, what happens to it?", None, False),
    ],
)
def test_a_yes_after_a_lead_in_or_before_sarcasm(
    text: str, rest: str | None, go_ahead: bool
) -> None:
    assert yes_then_more(text) == rest
    assert go_ahead_then_more(text) is go_ahead
    assert agrees_to_take_part(text) is (rest is not None)


@pytest.mark.parametrize(
    ("text", "put_off"),
    [
        ("Not right now, sorry, one of my carers has rung in sick", True),
        ("sorry not now", True),
        ("no time to read all that, summarise it", False),
        ("not really into surveys", False),
        ("yes, later", False),  # a yes put off: the conditional-yes reader's
    ],
)
def test_a_put_off_at_the_consent_question(text: str, put_off: bool) -> None:
    assert puts_off(text) is put_off


@pytest.mark.parametrize(
    ("slot", "text", "kept"),
    [
        ("organisation", "The business is called Goldleaf & Brush.", "Goldleaf & Brush"),
        ("location", "It works out of a unit in Chesham.", "Chesham"),
        ("sector", "Domiciliary care.", "Domiciliary care"),
        ("organisation", "J. Smith Ltd.", "J. Smith Ltd."),  # a stop inside: as typed
        ("role", "Owner...", "Owner..."),
    ],
)
def test_a_one_sentence_answer_loses_its_full_stop(slot: str, text: str, kept: str) -> None:
    assert tidy_profile_answer(slot, text) == kept


@pytest.mark.parametrize(
    ("text", "no"),
    [
        ("Oh yes, more emails, just what I need. No thanks.", True),
        ("Great chat. No.", True),
        ("Yes please. No thanks to calls though.", False),
        ("Is it monthly? No thanks.", False),  # a question first: answered, not a no
    ],
)
def test_a_remark_then_a_plain_no(text: str, no: bool) -> None:
    assert says_no_and_why(text) is no


@pytest.mark.parametrize(
    ("text", "describes"),
    [
        ("Creative, because a lot of the work is for film sets.", True),
        ("@btvlep creative i guess? we build film-style sets", True),
        ("space: we machine valves for the Westcott firms", True),
        (
            "Creative and digital, because the new stages at Pinewood could double our work",
            False,
        ),
        ("medical - the NHS never buys from small firms", False),
        ("space, we can't find test engineers anywhere", False),
    ],
)
def test_a_reason_for_an_island_that_only_describes_the_business(
    text: str, describes: bool
) -> None:
    said = choice_and_view(text, list(ISLAND_IDS))
    assert said is not None
    assert said.only_describes() is describes
