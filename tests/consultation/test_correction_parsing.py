"""Reading a business's play-back correction: which themes to add and which to drop."""

from __future__ import annotations

import pytest

from bot.consultation.questions import parse_correction


@pytest.mark.parametrize(
    ("text", "add", "remove"),
    [
        ("drop infrastructure, add skills", ["education_skills"], ["infrastructure"]),
        ("add skills and remove space", ["education_skills"], ["space"]),
        ("take off digital and add film", ["creative_digital"], ["digital_science"]),
        ("no infrastructure", [], ["infrastructure"]),
        # the remove cue after the theme
        ("the roads bit is wrong", [], ["infrastructure"]),
        ("housing doesn't apply to us", [], ["housing_growth"]),
        ("skills isn\u2019t relevant", [], ["education_skills"]),
        # clause by clause
        ("not space, but add housing", ["housing_growth"], ["space"]),
        ("space is right but medical isn't", ["space"], ["medical_technologies"]),
        # adding, with or without a cue
        ("you forgot skills", ["education_skills"], []),
        ("infrastructure and skills", ["education_skills", "infrastructure"], []),
        ("looks fine", [], []),
    ],
)
def test_parse_correction(text: str, add: list[str], remove: list[str]) -> None:
    assert parse_correction(text) == (add, remove)
