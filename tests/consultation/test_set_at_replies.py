"""What set AT of unseen conversations found at the choices: "the last two on your list"
was not a choice; "the racing one & whichever one the rocket place is" chose Space alone;
"whats the difference between digital science and intelligent public services" chose both,
and "both then" after it chose nothing; "oh can u add high performance too" at an island
question was kept as the answer."""

from __future__ import annotations

import pytest

from bot.consultation.choice_places import positional_choice
from bot.consultation.choices import added_choice, refers_back
from bot.consultation.questions import match_themes
from bot.consultation.replies import asks_the_difference
from bot.strategy import ISLAND_IDS

HPT, SPACE = "high_performance_technology", "space"


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("the last two on your list i reckon", [HPT, SPACE]),
        ("@btvlep first 2", ["creative_digital", "intelligent_mobility"]),
        ("the last one", [SPACE]),
        ("the first six", None),  # there are five
        ("the last two are a joke because", None),  # a remark, not a choice
        ("space", None),
    ],
)
def test_options_chosen_by_their_place(text: str, chosen: list[str] | None) -> None:
    assert positional_choice(text, ISLAND_IDS) == chosen


def test_islands_described_count_beside_those_named() -> None:
    text = "@btvlep the racing one & whichever one the rocket place is"
    assert match_themes(text, "island") == [HPT, SPACE]
    assert match_themes("the car one", "island") == ["intelligent_mobility"]


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        (
            "@btvlep whats the difference between digital science and intelligent public services",
            True,
        ),
        ("how are skills and education different", True),
        ("is digital science the same as digital?", True),
        ("digital science and public services", False),
    ],
)
def test_asking_the_difference_is_a_question(text: str, asks: bool) -> None:
    assert asks_the_difference(text) is asks


def test_both_refers_back() -> None:
    assert refers_back("@btvlep both then")
    assert refers_back("both of them")
    assert not refers_back("both are rubbish")


@pytest.mark.parametrize(
    ("text", "added"),
    [
        ("@btvlep oh can u add high performance too, forgot that one", [HPT]),
        ("forgot space", [SPACE]),
        ("can you add mobility as well", []),  # already chosen
        ("we need to add more staff to meet demand from Silverstone", []),  # a view
    ],
)
def test_a_theme_added_at_a_question(text: str, added: list[str]) -> None:
    assert added_choice(text, ISLAND_IDS, ["intelligent_mobility"]) == added
