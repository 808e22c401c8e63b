"""A seabed choice listed in everyday words, some items named and some not (set BL): every
item counts, the unnamed ones read by the tagger."""

from __future__ import annotations

import pytest

from bot.consultation.questions import match_themes


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("Houses and getting staff", ["housing_growth", "education_skills"]),
        ("getting staff and the roads", ["education_skills", "infrastructure"]),
        ("houses & the countryside", ["housing_growth", "environment_quality_of_life"]),
        ("skills, i think", ["education_skills"]),  # "i think" is no item
        ("roads and none of the rest", ["infrastructure"]),
        ("none of those, we wire houses", []),  # nothing named: no item is read
    ],
)
def test_every_item_of_a_listed_choice_counts(text: str, chosen: list[str]) -> None:
    assert match_themes(text, "seabed") == chosen


def test_a_long_item_is_a_view_not_a_choice() -> None:
    text = "skills, and honestly the houses round here cost far too much for anyone young"
    assert match_themes(text, "seabed") == ["education_skills"]


def test_a_choice_with_a_view_picks_what_is_named_not_what_the_view_suggests() -> None:
    from bot.consultation.choice_view import choice_and_view, chosen_with_view
    from bot.strategy import SEABED_IDS

    text = (
        "Skills. I'm 61 and there's nobody to hand the forge on to, the colleges only teach "
        "welding for building sites, and he can't afford to live round here on apprentice money"
    )
    said = choice_and_view(text, SEABED_IDS)
    assert said is not None and chosen_with_view(said, SEABED_IDS) == ["education_skills"]
    too = choice_and_view("Skills. Broadband out here is dreadful too", SEABED_IDS)
    assert too is not None  # a driver the view names outright still counts
    assert chosen_with_view(too, SEABED_IDS) == ["education_skills", "infrastructure"]
    both = "Skills (finding HGV drivers) and infrastructure (the A41 every morning)"
    said = choice_and_view(both, SEABED_IDS)
    assert said is not None
    assert chosen_with_view(said, SEABED_IDS) == ["education_skills", "infrastructure"]
