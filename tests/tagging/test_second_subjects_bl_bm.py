"""Second subjects sets BL and BM of unseen conversations lost on a rerun in the thirty-fourth
session, each worded so that every labelled training message agrees (README: Measured)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.tagging.needs import stated_needs
from bot.tagging.stated_views import stated_views


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("someone introducing us properly to the firms at Westcott", "entrepreneurialism"),
        ("& intros to the big agri buyers", "entrepreneurialism"),
        ("and a course on ebike electrics somewhere local", "education_skills"),
        ("good grooms are impossible to find", "education_skills"),
    ],
)
def test_a_need_said_plainly(clause: str, theme: str) -> None:
    assert theme in stated_needs([clause])


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("none of them can afford to rent in Iver anyway", "environment_quality_of_life"),
        ("and there's never anywhere to park", "infrastructure"),
    ],
)
def test_a_view_said_plainly(clause: str, theme: str) -> None:
    assert theme in stated_views([clause])


@pytest.mark.parametrize(
    ("clause", "theme", "rule"),
    [
        ("of course on a good day it's fine", "education_skills", stated_needs),
        ("a golf course on the estate", "education_skills", stated_needs),
        ("we can all afford to live here, luckily", "environment_quality_of_life", stated_views),
        ("there's plenty of room to park", "infrastructure", stated_views),
        ("we don't need anyone introducing us round", "entrepreneurialism", stated_needs),
    ],
)
def test_the_same_words_saying_something_else(
    clause: str, theme: str, rule: Callable[[list[str]], dict[str, str]]
) -> None:
    assert theme not in rule([clause])
