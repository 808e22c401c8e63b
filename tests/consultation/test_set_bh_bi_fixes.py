"""Sets BH and BI of unseen conversations (ordinary widget chats; X posts and DMs) on their
first run: "sorry i said 8, its more like 30 if you count the drivers" was kept as the town;
"whats intelligent public services when its at home" chose the driver; "quick q, does this
cover games too or is it all film and tv?" was told what the strategy focuses on; "22
drivers + 3 in the office" was no size band."""

from __future__ import annotations

import pytest

from bot.consultation.head_count import size_band_for
from bot.consultation.recount import recounted_band
from bot.consultation.replies import asks_what_it_covers_of
from bot.consultation.strategy_asides import asks_what_it_covers


def test_a_head_count_taken_back_with_a_reason_after_it() -> None:
    text = "sorry i said 8, its more like 30 if you count the drivers"
    assert recounted_band(text, "Micro (1-9 staff)") == "Small (10-49 staff)"
    # only the count on record is taken back
    assert recounted_band(text, "Small (10-49 staff)") is None


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("22 drivers + 3 in the office", "Small (10-49 staff)"),
        ("250+", "Large (250+ staff)"),
        ("7 + me", "Micro (1-9 staff)"),
    ],
)
def test_counts_added_with_a_plus(text: str, band: str) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("whats intelligent public services when its at home", True),
        ("What's digital science when it's at home?", True),
        ("public services then, and infrastructure", False),
        ("skills when its at home", False),  # no question: a choice
    ],
)
def test_when_its_at_home_asks_what_a_theme_is(text: str, asks: bool) -> None:
    assert asks_what_it_covers_of(text) is asks


def test_a_quick_q_about_what_a_theme_covers() -> None:
    assert asks_what_it_covers("quick q, does this cover games too or is it all film and tv?")
    assert not asks_what_it_covers("quick q: we make games")
