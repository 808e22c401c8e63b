"""What set AX of unseen conversations found at the consent question and in the profile:
"I don't see why not.", "cant hurt", "no bother", "I can give you five minutes" and "not
right now... actually go on, quick one" were not read as a yes (NLU: a no, a hold or
nothing), and seven whole consultations were lost; "Will I get sales calls off the back of
this?" was not understood; "solo" and "a baker's dozen" were filed as typed."""

from __future__ import annotations

import pytest

from bot.consultation.consent_reply import agrees_to_take_part, says_go_ahead
from bot.consultation.head_count import size_band_for
from bot.consultation.standing import asks_about_sales_calls


@pytest.mark.parametrize(
    ("text", "agrees"),
    [
        ("No problem at all, go ahead", True),
        ("I don't see why not.", True),
        ("@btvlep cant hurt", True),
        ("@btvlep no bother", True),
        ("I can give you five minutes", True),
        ("not right now... actually go on, quick one", True),
        ("later. actually go on then", True),
        ("not right now, actually no", False),
        ("why not just email it to me?", False),
        ("cant hurt to ask, is it anonymous?", False),
        ("not now", False),
        ("no thanks", False),
    ],
)
def test_a_yes_in_other_words(text: str, agrees: bool) -> None:
    assert agrees_to_take_part(text) is agrees


def test_no_problem_after_a_decline_changes_nothing() -> None:
    # "No problem. Ask me anything ..." answered "no problem": no change of mind
    assert not says_go_ahead("no problem")
    assert says_go_ahead("no problem at all, go ahead")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Will I get sales calls off the back of this?", True),
        ("are you going to sell my details?", True),
        ("the sales calls we make are all to London", False),
    ],
)
def test_sales_calls(text: str, asks: bool) -> None:
    assert asks_about_sales_calls(text) is asks


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("solo", "Micro (1-9 staff)"),
        ("a baker's dozen", "Small (10-49 staff)"),
        ("solo sailors mostly", None),
    ],
)
def test_head_counts_in_words(text: str, band: str | None) -> None:
    assert size_band_for(text) == band
