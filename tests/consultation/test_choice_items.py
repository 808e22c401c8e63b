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
