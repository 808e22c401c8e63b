"""Set BK of unseen conversations (firms inside the islands and their supply chains) on its
first run: "Medical technologies I suppose, eye care is health after all" chose all five
islands; "Oh sorry, we moved to Marlow in the summer, not Wycombe any more" was kept as the
role; "iver heath. oh & its 10 not 8, forgot our 2 new techs" was kept whole as the town;
"Is entrepreneurialism just for start-ups or does it cover small firms trying to grow?"
chose the driver; "q first, is silverstone even in bucks?" was kept as an answer; "Nearly -
can you add to number 2 that ..." was not added to answer 2."""

from __future__ import annotations

import pytest

from bot.consultation.location_fixes import corrected_location
from bot.consultation.playback_fixes import ITEM_TACKED, _after_a_yes
from bot.consultation.profile_fixes import answer_before_correction
from bot.consultation.question_help import asks_about_a_named_place
from bot.consultation.questions import ALL_WORDS
from bot.consultation.recount import recounted_band
from bot.consultation.replies import asks_what_it_covers_of


@pytest.mark.parametrize(
    ("text", "all_of_them"),
    [
        ("Medical technologies I suppose, eye care is health after all", False),
        ("first of all, space", False),
        ("all of them", True),
        ("all five please", True),
    ],
)
def test_after_all_is_not_all_of_them(text: str, all_of_them: bool) -> None:
    assert bool(ALL_WORDS.search(text)) is all_of_them


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Oh sorry, we moved to Marlow in the summer, not Wycombe any more", "Marlow"),
        ("we've moved to Thame", "Thame"),
        ("I moved to accounts", None),  # a role, not a place
        ("we moved to a bigger unit in Aylesbury", None),
    ],
)
def test_a_move_names_the_new_place(text: str, place: str | None) -> None:
    assert corrected_location(text, "High Wycombe") == place


def test_a_town_then_the_head_count_put_right_keeps_both() -> None:
    text = "@btvlep iver heath. oh & its 10 not 8, forgot our 2 new techs"
    assert recounted_band(text, "Micro (1-9 staff)") == "Small (10-49 staff)"
    assert answer_before_correction(text, "Micro (1-9 staff)") == "iver heath"
    # the correction alone, or an apology first, gives no answer
    assert answer_before_correction("Sorry. We are 60 not 6", "Micro (1-9 staff)") is None
    assert answer_before_correction("its 10 not 8", "Micro (1-9 staff)") is None


def test_is_a_theme_just_for_some_firms_asks() -> None:
    assert asks_what_it_covers_of(
        "Is entrepreneurialism just for start-ups or does it cover small firms trying to grow?"
    )
    assert not asks_what_it_covers_of("skills is just about apprentices for us")


def test_q_first_then_a_question_of_fact_about_a_place() -> None:
    assert asks_about_a_named_place(
        "@btvlep q first, is silverstone even in bucks? thought it was northants"
    )


def test_nearly_then_an_addition_to_a_numbered_answer() -> None:
    text = "Nearly - can you add to number 2 that the DVLA paperwork takes months"
    added = ITEM_TACKED.match(" ".join(_after_a_yes(text).split()))
    assert added is not None
    assert added["rest"] == "the DVLA paperwork takes months"
