"""What set AQ of unseen conversations found in the replies: a detail put right inside the
same answer ("Chesahm, sorry, Chesham") was filed whole."""

from __future__ import annotations

import pytest

from bot.consultation.profile_fixes import corrected_in_passing, profile_fixes


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Chesahm, sorry, Chesham", "Chesham"),
        ("Aylesbry sorry Aylesbury", "Aylesbury"),
        ("9 - I mean 11", "11"),
        ("director sorry I mean MD", "MD"),
        ("12 staff, soz 14", "14"),
        ("owner, sorry for the delay", "owner, sorry for the delay"),  # an apology, no fix
        ("Sorry, Chesham", "Sorry, Chesham"),  # nothing before it to put right
        ("Marlow sorry", "Marlow sorry"),
        ("Wycombe, sorry im slow", "Wycombe, sorry im slow"),
        (
            "High Wycombe, sorry, our unit is actually in Loudwater off the A40 now",
            "High Wycombe, sorry, our unit is actually in Loudwater off the A40 now",
        ),  # too long to be a detail put right
    ],
)
def test_a_detail_put_right_in_the_same_answer(text: str, kept: str) -> None:
    assert corrected_in_passing(text) == kept


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("Looks right, but we're 11 now, two new physios started on Monday", "Small (10-49 staff)"),
        ("we're twelve now", "Small (10-49 staff)"),
        ("we're in Marlow now", None),  # a place, not a count
        ("we're fine now", None),
    ],
)
def test_a_count_now_at_the_play_back_puts_the_head_count_right(
    text: str, band: str | None
) -> None:
    fixes = profile_fixes(text, {"size_band": "Micro (1-9 staff)"}, late=True)
    assert fixes.get("size_band") == band
