"""Set AY: "fair enough, go on then" to the follow-up question, once the question about it
was answered, was read as "carry on" after an aside and met with "was that a yes or a
no?". A yes after "fair enough" / "fine" / "right then" is a yes; those words alone, or
before a no, are not."""

from __future__ import annotations

import pytest

from bot.consultation.replies import says_yes


@pytest.mark.parametrize(
    "text",
    [
        "fair enough, go on then",
        "@btvlep fair enough, go on then",
        "Fine, go ahead",
        "right then, yes please",
        "alright, sure",
    ],
)
def test_a_yes_after_fair_enough_is_a_yes(text: str) -> None:
    assert says_yes(text)


@pytest.mark.parametrize(
    "text", ["fair enough", "fine", "fair enough, no thanks", "fine dining", "fine, carry on"]
)
def test_fair_enough_alone_or_before_a_no_is_no_yes(text: str) -> None:
    assert not says_yes(text)
