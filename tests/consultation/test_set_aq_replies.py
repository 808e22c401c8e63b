"""What set AQ of unseen conversations found in the replies: a detail put right inside the
same answer ("Chesahm, sorry, Chesham") was filed whole."""

from __future__ import annotations

import pytest

from bot.consultation.profile_fixes import corrected_in_passing


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
