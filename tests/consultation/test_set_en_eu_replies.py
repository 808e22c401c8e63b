"""Replies from sets EN to EU of unseen conversations (forty-second session): a greeting with
who passed the link on, the time the owner has, or thanks for the chance is greeted as "hi"
is, and nothing is kept (a greeting with a view in it is not an opening); "is there a word
limit?" after a view keeps the view and is answered."""

from __future__ import annotations

import pytest

from bot.consultation.openings import introduces_itself
from bot.consultation.standing import view_then_standing_question


@pytest.mark.parametrize(
    "text",
    [
        "Hello, a customer of ours forwarded this on.",
        "Afternoon, one of our customers forwarded this",
        "Good morning, our trade association asked members to do this.",
        "hi, my accountant passed it on",
        "Hi, I've got ten minutes before a customer call",
        "Morning, I have about twenty minutes",
        "Good afternoon, and thank you for making this available online.",
        "Hello, thanks for the chance to have a say.",
    ],
)
def test_an_opening_says_who_is_here_not_a_view(text: str) -> None:
    assert introduces_itself(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi, the council told us the roads are getting fixed",
        "Hello, our landlord asked us to leave the unit",
        "Hi, I have two minutes, the A41 is a nightmare",
        "Hello, thanks for asking: we need more units",
        "Hi, who sent this to me?",
    ],
)
def test_a_greeting_with_a_view_or_a_question_is_not(text: str) -> None:
    assert not introduces_itself(text)


def test_a_word_limit_asked_after_the_view_keeps_the_view() -> None:
    view = (
        "With the film school nearby there are plenty of animators who'd move into games, and "
        "we could double the team next year if we could find the right senior people."
    )
    assert view_then_standing_question(f"{view} Is there a word limit on these, by the way?") == (
        view,
        "any_length",
    )


def test_a_word_limit_asked_alone_is_not_a_view() -> None:
    assert view_then_standing_question("Is there a word limit on these?") is None
