"""Set BJ of unseen conversations (ordinary chats across the county's everyday economy) on
its first run: "Before I pick, which of these covers the countryside and the Chilterns?" and
"whats the high performance one cover exactly" chose the theme they asked about; "Sorry, I
gave you our old name. It's Vale Mobility & Care now." was kept as the sector; "Can you take
number 3 out?" put answer 1 right; "nearly, the 1st one i meant the slough test centre not
wycombe" was asked which themes to change."""

from __future__ import annotations

import pytest

from bot.consultation.playback_fixes import corrected_item
from bot.consultation.profile_fixes import corrected_name
from bot.consultation.replies import asks_what_it_covers_of
from bot.consultation.taking_out import taken_out_number


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        (
            "Before I pick, which of these covers the countryside and the Chilterns? Half our"
            " work is out on farms.",
            True,
        ),
        ("@btvlep whats the high performance one cover exactly", True),
        ("which one is mine", False),
        ("skills and environment", False),
    ],
)
def test_asking_what_a_theme_covers_at_the_choice(text: str, asks: bool) -> None:
    assert asks_what_it_covers_of(text) is asks


def test_a_new_name_after_a_rebrand_need_not_look_like_the_old_one() -> None:
    text = "Sorry, I gave you our old name. It's Vale Mobility & Care now."
    assert corrected_name(text, "Vale Mobility Centre") == "Vale Mobility & Care"
    assert corrected_name("sorry, we're a bike shop", "Vale Mobility Centre") is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Can you take number 3 out? On reflection I'd rather not have that one on record.", 3),
        ("@btvlep take no 1 out", 1),
        ("bin number 2", 2),
        ("take number 2 off skills", None),  # a theme taken off answer 2, not the answer
    ],
)
def test_an_answer_taken_out_by_its_number(text: str, number: int | None) -> None:
    assert taken_out_number(text) == number


def test_an_answer_pointed_at_with_an_ordinal_ending() -> None:
    text = "@btvlep nearly, the 1st one i meant the slough test centre not wycombe"
    assert corrected_item(text, 2) == 1
    assert corrected_item("the 2nd one should say chesham, not amersham", 3) == 2
