"""A plain no or yes, read without NLU ("negative" reads as a theme to NLU), and a no
to an open question means nothing to record."""

from __future__ import annotations

import pytest

from bot.consultation.replies import means_nothing, says_no, says_yes


@pytest.mark.parametrize(
    "text",
    [
        "negative",
        "Nah",
        "nope not really",
        "Nope, not really!",
        "no ta",
        "that's a negative",
        "nah I'm good thanks",
        "not right now",
    ],
)
def test_a_plain_no(text: str) -> None:
    assert says_no(text) and not says_yes(text)
    assert means_nothing(text)  # to an open question: nothing to store


@pytest.mark.parametrize("text", ["yes", "Yeah go on then", "sure, why not", "yes please"])
def test_a_plain_yes(text: str) -> None:
    assert says_yes(text) and not says_no(text)
    assert not means_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "the negative impact of HS2 on our site",
        "no parking anywhere near the station",
        "nope, the A41 is the problem",
        "yes the roads are awful",
        "not sure the council understands us",
    ],
)
def test_a_view_that_starts_with_yes_or_no_is_neither(text: str) -> None:
    assert not says_no(text) and not says_yes(text)
    assert not means_nothing(text)


@pytest.mark.parametrize("text", ["not sure tbh", "dunno", "no idea tbh", "pass", "dunno mate"])
def test_nothing_to_say(text: str) -> None:
    assert means_nothing(text)
